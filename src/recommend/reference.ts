/**
 * The reference path: the rule set's rules run by json-rules-engine 7.3.1 itself. One `Engine`
 * per rule set is built once (with our JSON-Pointer `pathResolver`, so JSONPath is never used,
 * and `allowUndefinedFacts`, so a missing fact reads as undefined) and reused.
 *
 * Concurrency: an Engine keeps run state on the instance (`status`); when runs overlap, the first
 * to finish marks the engine FINISHED and the others silently skip their lower-priority rule sets
 * (DESIGN.md §6). So every reference recommender serialises its runs through a promise queue:
 * concurrent callers are safe and simply wait their turn. Callers that need parallel throughput
 * use the compiled path (compiled.ts), which has no per-run state. Events are sorted by
 * (priority desc, source order) after the run, because json-rules-engine emits rules of equal
 * priority in completion order.
 *
 * Rule JSON is validated first (rule-json-check.ts), so json-rules-engine never sees a rule its
 * constructors would throw on or misread; those rules are left out with diagnostics. Its four
 * ordering operators are replaced by the same comparisons made total — a value that is not a
 * scalar compares false instead of making `parseFloat` throw — and after each run every rule
 * whose conditions json-rules-engine read such a value for (its own per-condition `factResult`
 * and `valueResult`) is unavailable: its event is dropped and the reason reported (unavailable.ts),
 * exactly as the compiled path does.
 */
import { Engine } from 'json-rules-engine';
import type { RuleSetIR } from '../compile/ir.js';
import type { Diagnostic } from '../common/diagnostic.js';
import type { EvaluationResult, Recommendation } from '../engine/result.js';
import type { RecommendContext } from './facts.js';
import { resolvePointer } from './path.js';
import { isRejected, prepareRuleSet, type PreparedRuleSet } from './prepare.js';
import { checkRuleJson, ruleLabel } from './rule-json-check.js';
import type { RecommendEventParams } from './to-rules-engine.js';
import { factLabel, isScalar, noteUnavailable, type Unavailable } from './unavailable.js';
import { noteFailed } from './failed-facts.js';

type JreEvent = { type: string; params?: Record<string, unknown> };

/** json-rules-engine's number check, `parseFloat(v).toString() !== 'NaN'`, on scalars only. */
const numeric = (v: unknown): boolean => Number.parseFloat(v as string).toString() !== 'NaN';
/* eslint-disable @typescript-eslint/no-explicit-any -- json-rules-engine's operators compare arbitrary values */
const TOTAL_ORDERINGS: [string, (a: any, b: any) => boolean][] = [
  ['lessThan', (a, b) => isScalar(a) && isScalar(b) && numeric(a) && a < b],
  ['lessThanInclusive', (a, b) => isScalar(a) && isScalar(b) && numeric(a) && a <= b],
  ['greaterThan', (a, b) => isScalar(a) && isScalar(b) && numeric(a) && a > b],
  ['greaterThanInclusive', (a, b) => isScalar(a) && isScalar(b) && numeric(a) && a >= b],
];
/* eslint-enable @typescript-eslint/no-explicit-any */

/**
 * A deep copy of plain data that keeps what a JSON copy would lose or change (undefined values,
 * which json-rules-engine needs present, and numbers): both paths see the very same rules.
 */
function copyData(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(copyData);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, copyData(x)]));
  return v;
}

/** What the reference path keeps beside each engine: the rules it was given, by engine rule name. */
const engineRules = new WeakMap<Engine, { labels: string[]; diagnostics: Diagnostic[] }>();

/**
 * A json-rules-engine Engine over rule JSON, configured like the reference path: only rules that
 * pass validation are added (each named by its index, so results can be traced back to it).
 */
export function createReferenceEngine(rules: readonly object[]): Engine {
  const engine = new Engine([], {
    allowUndefinedFacts: true,
    pathResolver: (value: object, path: string) => resolvePointer(value, path),
  });
  for (const [name, cb] of TOTAL_ORDERINGS) engine.addOperator(name, cb);
  const check = checkRuleJson(rules);
  const labels: string[] = [];
  for (const i of check.accepted) {
    labels[i] = ruleLabel(rules[i], i);
    engine.addRule({ ...(copyData(rules[i]) as object), name: i } as never);
  }
  engineRules.set(engine, { labels, diagnostics: check.diagnostics });
  return engine;
}

/** The validation diagnostics of an engine made by `createReferenceEngine`. */
export function referenceDiagnostics(engine: Engine): Diagnostic[] {
  return engineRules.get(engine)?.diagnostics ?? [];
}

interface ConditionResult {
  fact?: unknown;
  path?: unknown;
  value?: unknown;
  factResult?: unknown;
  valueResult?: unknown;
  all?: ConditionResult[];
  any?: ConditionResult[];
  not?: ConditionResult;
}

/** The first condition json-rules-engine evaluated on a value that is not a scalar. */
function firstUnscalar(c: ConditionResult, at: string): { at: string; fact: string } | undefined {
  for (const key of ['any', 'all'] as const) {
    const list = c[key];
    if (Array.isArray(list)) {
      for (let i = 0; i < list.length; i++) {
        const hit = firstUnscalar(list[i]!, `${at}/${key}/${i}`);
        if (hit) return hit;
      }
      return undefined;
    }
  }
  if (c.not) return firstUnscalar(c.not, `${at}/not`);
  if ('factResult' in c && !isScalar(c.factResult)) return { at, fact: factLabel(c.fact, c.path) };
  const v = c.value as { fact?: unknown; path?: unknown } | null;
  if ('valueResult' in c && !isScalar(c.valueResult)) return { at: `${at}/value`, fact: factLabel(v?.fact, v?.path) };
  return undefined;
}

/** Runs an engine: the fired events in json-rules-engine's order, and the rules left unavailable. */
export async function runEngineDetailed(engine: Engine, facts: Record<string, unknown>): Promise<{ events: JreEvent[]; unavailable: Unavailable[] }> {
  const { events, results, failureResults } = await engine.run(facts);
  const labels = engineRules.get(engine)?.labels ?? [];
  const dropped = new Set<unknown>();
  const unavailable: Unavailable[] = [];
  for (const r of [...results, ...failureResults]) {
    const hit = firstUnscalar(r.conditions as unknown as ConditionResult, '/conditions');
    if (!hit) continue;
    const index = Number(r.name);
    dropped.add(r.event);
    unavailable.push({ index, rule: labels[index] ?? `#${index}`, event: r.event, ...hit });
  }
  return { events: (events as JreEvent[]).filter((e) => !dropped.has(e)), unavailable: unavailable.sort((a, b) => a.index - b.index) };
}

/** Runs an engine over facts and returns the fired events in json-rules-engine's order. */
export async function runEngine(engine: Engine, facts: Record<string, unknown>): Promise<JreEvent[]> {
  return (await runEngineDetailed(engine, facts)).events;
}

export interface ReferenceRecommender {
  diagnostics: Diagnostic[];
  recommend(result: EvaluationResult, record: unknown, context?: RecommendContext): Promise<Recommendation[]>;
}

export function createReferenceRecommender(ir: RuleSetIR, prepared: PreparedRuleSet = prepareRuleSet(ir)): ReferenceRecommender {
  const engine = createReferenceEngine(prepared.rules);
  const diagnostics = [...prepared.diagnostics, ...referenceDiagnostics(engine)];
  let queue: Promise<unknown> = Promise.resolve();
  const runOne = async (result: EvaluationResult, record: unknown, context?: RecommendContext): Promise<Recommendation[]> => {
    if (isRejected(result)) return [];
    const scope = prepared.scope(result, record, context);
    const { events, unavailable } = await runEngineDetailed(engine, scope.facts as unknown as Record<string, unknown>);
    noteUnavailable(result, unavailable);
    const failed = prepared.failed(scope);
    noteFailed(result, failed);
    // json-rules-engine hands back copies of events: match a failed rule by its order
    const dropped = new Set(failed.map((f) => (f.event as { params: RecommendEventParams }).params.order));
    const params = events.filter((e) => e.type === 'recommend').map((e) => e.params as unknown as RecommendEventParams).filter((p) => !dropped.has(p.order));
    return prepared.finish(params, scope);
  };
  return {
    diagnostics,
    recommend(result, record, context) {
      const run = queue.then(() => runOne(result, record, context));
      // The queue must continue even when one run fails.
      queue = run.catch(() => undefined);
      return run;
    },
  };
}

const cache = new WeakMap<RuleSetIR, ReferenceRecommender>();

/** Async recommendation through json-rules-engine; one engine per IR object, built once. */
export function recommendReference(ir: RuleSetIR, result: EvaluationResult, record: unknown, context?: RecommendContext): Promise<Recommendation[]> {
  let r = cache.get(ir);
  if (!r) {
    r = createReferenceRecommender(ir);
    cache.set(ir, r);
  }
  return r.recommend(result, record, context);
}
