/**
 * Small builders for hand-written IR in engine tests, so a test reads like the indicator file it
 * stands for: `ind('预算执行率', 10, { value: div(data('spent'), data('budget','adjusted')), … })`.
 * Only test code uses these; real IR comes from the compiler.
 */
import type { AwardIR, DimensionIR, ExprIR, IndicatorIR, NodeIR, RuleSetIR, ScoreIR, TargetIR, VetoIR } from '../../src/compile/ir.js';
import type { MissingPolicy, NotApplicablePolicy } from '../../src/dsl/ast.js';

let seq = 0;
const nextId = (): string => `n${++seq}`;

export const num = (v: string | number): ExprIR => ({ kind: 'number', value: String(v), unit: null });
export const pct = (v: string | number): ExprIR => ({ kind: 'number', value: String(Number(v) / 100), unit: '%' });
export const str = (value: string): ExprIR => ({ kind: 'string', value });
export const bool = (value: boolean): ExprIR => ({ kind: 'boolean', value });
export const data = (...path: string[]): ExprIR => ({ kind: 'data', path });
export const bin = (op: Extract<ExprIR, { kind: 'binary' }>['op'], left: ExprIR, right: ExprIR): ExprIR => ({ kind: 'binary', op, left, right, unit: null });
export const div = (a: ExprIR, b: ExprIR): ExprIR => bin('/', a, b);
export const call = (fn: Extract<ExprIR, { kind: 'call' }>['fn'], ...args: ExprIR[]): ExprIR => ({ kind: 'call', fn, args });
export const frac = (v: string | number): AwardIR => ({ kind: 'fraction', value: num(Number(v) / 100) });
export const pts = (v: string | number): AwardIR => ({ kind: 'points', value: num(v) });

export interface IndOpts {
  value?: ExprIR;
  target?: TargetIR;
  applicable?: ExprIR;
  missing?: MissingPolicy;
  unit?: string | null;
}

export function ind(name: string, weight: number | string, score: ScoreIR, o: IndOpts = {}): IndicatorIR {
  const n: IndicatorIR = {
    kind: 'indicator',
    id: nextId(),
    path: name,
    name,
    weight: String(weight),
    meta: { refs: [] },
    unit: o.unit ?? null,
    score,
    missing: o.missing ?? 'unavailable',
  };
  if (o.value) n.value = o.value;
  if (o.target) n.target = o.target;
  if (o.applicable) n.applicable = o.applicable;
  return n;
}

/** A dimension; children's paths are prefixed with the dimension's path. */
export function dim(name: string, weight: number | string, children: NodeIR[], applicable?: ExprIR): DimensionIR {
  const prefix = (n: NodeIR, parent: string): NodeIR => {
    const path = `${parent}/${n.path}`;
    return n.kind === 'dimension' ? { ...n, path, children: n.children.map((c) => prefix(c, parent)) } : { ...n, path };
  };
  const d: DimensionIR = {
    kind: 'dimension',
    id: nextId(),
    path: name,
    name,
    weight: String(weight),
    meta: { refs: [] },
    children: children.map((c) => prefix(c, name)),
  };
  if (applicable) d.applicable = applicable;
  return d;
}

export const target = (op: TargetIR['op'], value: ExprIR, extra: Partial<TargetIR> = {}): TargetIR => ({ op, value, ...extra });

export const S = {
  proportional: (): ScoreIR => ({ method: 'proportional', id: nextId() }),
  bands: (bands: [Extract<ScoreIR, { method: 'bands' }>['bands'][number]['condition'], AwardIR][], centered = false): ScoreIR => ({
    method: 'bands',
    id: nextId(),
    centered,
    bands: bands.map(([condition, award], i) => ({ id: nextId(), label: `b${i + 1}`, condition, award })),
  }),
  rating: (subject: ExprIR, levels: Record<string, AwardIR>): ScoreIR => ({
    method: 'rating',
    id: nextId(),
    subject,
    levels: Object.entries(levels).map(([label, award]) => ({ id: nextId(), label, award })),
  }),
  tiers: (subject: ExprIR, tiers: Record<string, [AwardIR, AwardIR]>, pick: 'low' | 'mid' | 'high' = 'low', point?: ExprIR): ScoreIR => ({
    method: 'tiers',
    id: nextId(),
    subject,
    pick,
    ...(point ? { point } : {}),
    tiers: Object.entries(tiers).map(([label, [low, high]]) => ({ id: nextId(), label, low, high })),
  }),
  deduct: (per: ExprIR, count: ExprIR, max?: ExprIR): ScoreIR => ({ method: 'deduct', id: nextId(), per, count, ...(max ? { max } : {}) }),
  step: (per: ExprIR, step: ExprIR, threshold: ExprIR, counting: 'whole' | 'fractional', direction: 'above' | 'below' = 'above', max?: ExprIR): ScoreIR => ({
    method: 'step',
    id: nextId(),
    per,
    step,
    threshold,
    counting,
    direction,
    ...(max ? { max } : {}),
  }),
  yesno: (): ScoreIR => ({ method: 'yesno', id: nextId() }),
  linear: (points: [ExprIR, AwardIR][]): ScoreIR => ({ method: 'linear', id: nextId(), points: points.map(([x, y]) => ({ x, y })) }),
  checklist: (items: [string, AwardIR, ExprIR][]): ScoreIR => ({
    method: 'checklist',
    id: nextId(),
    items: items.map(([label, award, when]) => ({ id: nextId(), label, award, when })),
  }),
  expert: (source: ExprIR): ScoreIR => ({ method: 'expert', id: nextId(), source }),
  formula: (expr: AwardIR): ScoreIR => ({ method: 'formula', id: nextId(), expr }),
};

export interface RuleSetOpts {
  scale?: number;
  precision?: number;
  notApplicable?: NotApplicablePolicy;
  grades?: [string, number | null][];
  vetoes?: VetoIR[];
  lets?: [string, ExprIR][];
  params?: [string, ExprIR][];
}

export function ruleset(nodes: NodeIR[], o: RuleSetOpts = {}): RuleSetIR {
  return {
    irVersion: 1,
    name: 'test',
    version: '1',
    meta: { refs: [] },
    lineage: [],
    hash: 'h',
    settings: {
      scale: String(o.scale ?? 100),
      precision: o.precision ?? 2,
      rounding: 'half_up',
      missing: 'unavailable',
      notApplicable: o.notApplicable ?? 'rescale',
    },
    grades: (
      o.grades ?? [
        ['优', 90],
        ['良', 80],
        ['中', 60],
        ['差', null],
      ]
    ).map(([label, min]) => ({ label, min: min === null ? null : String(min), id: nextId() })),
    vetoes: o.vetoes ?? [],
    requires: [],
    params: (o.params ?? []).map(([name, value]) => ({ id: nextId(), name, value, unit: null, meta: { refs: [] } })),
    lets: (o.lets ?? []).map(([name, value]) => ({ id: nextId(), name, value, unit: null, meta: { refs: [] } })),
    nodes,
    ruleBlocks: [],
    dataSchema: {},
    files: [],
    sourceMap: {},
  };
}

export function veto(name: string, when: ExprIR, effect: VetoIR['effect']): VetoIR {
  return { id: nextId(), name, when, effect, meta: { refs: [] } };
}

/** One indicator as the whole scorecard; handy for method tests. */
export function single(score: ScoreIR, o: IndOpts = {}, weight = 10): RuleSetIR {
  return ruleset([ind('x', weight, score, o)], { scale: weight });
}
