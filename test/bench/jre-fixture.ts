/**
 * The bench scorecard encoded naively for json-rules-engine: facts are the record's own fields,
 * one rule per band / level / yes-no branch / linear segment, a dynamic fact per computed ratio,
 * and the points of the fired event added up afterwards (with the same decimal library, so the
 * totals can be compared exactly with the engine's). This is the "write the scorecard as generic
 * business rules" baseline the compiled evaluator is measured against. The loop workload's 10
 * result-application rules are encoded the same way (`jreLoopRules`), over facts computed by the
 * plain-JS scorer (plain-scorer.ts), for the "json-rules-engine for the rules alone" baseline.
 */
import { Engine, type RuleProperties } from 'json-rules-engine';
import { D, type Dec } from '../../src/engine/decimal.js';
import type { BenchIndicator } from './scorecard-fixture.js';

type Params = { key: string; kind: 'fraction' | 'ratio' | 'deduct' | 'interp'; fraction?: string };

function rule(name: string, conditions: RuleProperties['conditions'], params: Params): RuleProperties {
  return { name, conditions, event: { type: 'points', params } };
}

export function jreEngine(inds: BenchIndicator[]): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const ind of inds) {
    const k = ind.key;
    const r = `${k}_ratio`;
    const gte = (v: number) => ({ fact: r, operator: 'greaterThanInclusive', value: v });
    const lt = (v: number) => ({ fact: r, operator: 'lessThan', value: v });
    switch (ind.method) {
      case 'proportional':
        engine.addFact(r, async (_p, almanac) => {
          const v = (await almanac.factValue(k)) as { actual: number; plan: number };
          return new D(v.actual).div(v.plan).toNumber();
        });
        engine.addRule(rule(`${k} met`, { all: [gte(1)] }, { key: k, kind: 'fraction', fraction: '1' }));
        engine.addRule(rule(`${k} below`, { all: [lt(1)] }, { key: k, kind: 'ratio' }));
        break;
      case 'bands':
        engine.addFact(r, async (_p, almanac) => {
          const v = (await almanac.factValue(k)) as { spent: number; budget: number };
          return new D(v.spent).div(v.budget).toNumber();
        });
        engine.addRule(rule(`${k} >=95`, { all: [gte(0.95)] }, { key: k, kind: 'fraction', fraction: '1' }));
        engine.addRule(rule(`${k} 80-95`, { all: [gte(0.8), lt(0.95)] }, { key: k, kind: 'fraction', fraction: '0.8' }));
        engine.addRule(rule(`${k} 60-80`, { all: [gte(0.6), lt(0.8)] }, { key: k, kind: 'fraction', fraction: '0.5' }));
        engine.addRule(rule(`${k} else`, { all: [lt(0.6)] }, { key: k, kind: 'fraction', fraction: '0' }));
        break;
      case 'rating':
        for (const [level, fraction] of [
          ['A', '1'],
          ['B', '0.8'],
          ['C', '0.5'],
          ['D', '0'],
        ] as const) {
          engine.addRule(
            rule(`${k} ${level}`, { all: [{ fact: k, path: '$.level', operator: 'equal', value: level }] }, { key: k, kind: 'fraction', fraction }),
          );
        }
        break;
      case 'deduct':
        engine.addRule(rule(`${k} deduct`, { all: [{ fact: k, path: '$.count', operator: 'greaterThanInclusive', value: 0 }] }, { key: k, kind: 'deduct' }));
        break;
      case 'yesno':
        engine.addRule(rule(`${k} yes`, { all: [{ fact: k, path: '$.ok', operator: 'equal', value: true }] }, { key: k, kind: 'fraction', fraction: '1' }));
        engine.addRule(rule(`${k} no`, { all: [{ fact: k, path: '$.ok', operator: 'equal', value: false }] }, { key: k, kind: 'fraction', fraction: '0' }));
        break;
      case 'linear': {
        const rate = (op: string, value: number) => ({ fact: k, path: '$.rate', operator: op, value });
        engine.addRule(rule(`${k} low`, { all: [rate('lessThanInclusive', 0.6)] }, { key: k, kind: 'fraction', fraction: '0' }));
        engine.addRule(rule(`${k} high`, { all: [rate('greaterThanInclusive', 1)] }, { key: k, kind: 'fraction', fraction: '1' }));
        engine.addRule(rule(`${k} mid`, { all: [rate('greaterThan', 0.6), rate('lessThan', 1)] }, { key: k, kind: 'interp' }));
        break;
      }
    }
  }
  return engine;
}

/** Runs the rules for one record and adds up the points of the fired events. */
export async function jreScore(engine: Engine, rec: Record<string, unknown>, weights: Map<string, number>): Promise<Dec> {
  const { events } = await engine.run(rec);
  let total = new D(0);
  for (const e of events) {
    const p = e.params as Params;
    const w = new D(weights.get(p.key)!);
    const v = rec[p.key] as Record<string, number>;
    switch (p.kind) {
      case 'fraction':
        total = total.plus(w.times(p.fraction!));
        break;
      case 'ratio':
        total = total.plus(w.times(new D(v.actual!).div(v.plan!)));
        break;
      case 'deduct':
        total = total.plus(D.max(w.minus(D.min(new D(v.count!), w)), 0));
        break;
      case 'interp':
        total = total.plus(w.times(new D(v.rate!).minus(0.6).div(0.4)));
        break;
    }
  }
  return total;
}

// ---- the 10 result-application rules of the loop workload, for json-rules-engine -------------

/** The facts the ten rules read, computed from a plain-JS scorecard and the record. */
export interface LoopRuleFacts {
  grade: string;
  rank: number;
  total: number;
  decision: number;
  output: number;
  execution: number;
  k3count: number;
  k10points: number;
  rectified: boolean;
  majorViolation: boolean;
}

/**
 * The ten rules as json-rules-engine rules, one event per rule carrying its bit in the
 * plain scorer's mask (plain-scorer.ts RULE_NAMES order), so the same code turns the fired
 * rules into recommendations and only the rule evaluation differs.
 */
export function jreLoopRules(): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  const c = (fact: keyof LoopRuleFacts, operator: string, value: unknown) => ({ fact, operator, value });
  const add = (bit: number, conditions: RuleProperties['conditions'], priority = 1): void => {
    engine.addRule({ name: String(bit), priority, conditions, event: { type: 'fired', params: { bit } } });
  };
  add(0, { all: [c('grade', 'equal', '优')] });
  add(1, { all: [c('grade', 'equal', '良')] });
  add(2, { all: [c('grade', 'equal', '中')] });
  add(3, { all: [c('grade', 'equal', '差')] });
  add(4, { all: [c('rank', 'lessThanInclusive', 1), c('rectified', 'equal', false)] });
  add(5, { all: [c('majorViolation', 'equal', true)] }, 10);
  add(6, { all: [c('execution', 'lessThan', 0.6)] });
  add(7, { all: [c('decision', 'lessThan', 16), c('total', 'greaterThanInclusive', 55)] });
  add(8, { all: [c('output', 'greaterThanInclusive', 22), c('rank', 'greaterThanInclusive', 2)] });
  add(9, { any: [c('k3count', 'greaterThanInclusive', 4), c('k10points', 'lessThan', 1)] });
  return engine;
}

/** The facts of one record: scores from the plain-JS card, data from the record. */
export function loopRuleFacts(card: { total: number; grade: string; dims: number[] }, rec: Record<string, unknown>, rank: number): LoopRuleFacts {
  const k1 = rec.k1 as { spent: number; budget: number };
  return {
    grade: card.grade,
    rank,
    total: card.total,
    decision: card.dims[0]!,
    output: card.dims[2]!,
    execution: k1.spent / k1.budget,
    k3count: (rec.k3 as { count: number }).count,
    k10points: Math.max(4 - Math.min((rec.k9 as { count: number }).count, 4), 0),
    rectified: (rec.last_year as { rectified?: boolean } | undefined)?.rectified ?? true,
    majorViolation: (rec.audit as { major_violation?: boolean } | undefined)?.major_violation ?? false,
  };
}

/** Runs the ten rules and returns the fired mask. */
export async function jreLoopFired(engine: Engine, facts: LoopRuleFacts): Promise<number> {
  const { events } = await engine.run(facts as unknown as Record<string, unknown>);
  let m = 0;
  for (const e of events) m |= 1 << (e.params as { bit: number }).bit;
  return m;
}
