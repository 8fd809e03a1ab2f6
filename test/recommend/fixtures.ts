/**
 * Hand-built IR and scorecards for the recommendation tests (until the compiler exists, and for
 * golden cases written as IR JSON): expression builders, a minimal project framework with grades
 * 优/良/中/差 and a few indicators, and `completeIr` / `completeResult`, which fill every field a
 * partial JSON leaves out with neutral defaults.
 */
import type { ActionIR, ExprIR, RuleBlockIR, RuleIR, RuleSetIR } from '../../src/compile/ir.js';
import type { EvaluationResult, IndicatorResult } from '../../src/engine/result.js';

export const num = (value: string, unit: string | null = null): ExprIR => ({ kind: 'number', value, unit });
export const pct = (value: string): ExprIR => num(value, '%');
export const str = (value: string): ExprIR => ({ kind: 'string', value });
export const bool = (value: boolean): ExprIR => ({ kind: 'boolean', value });
export const data = (...path: string[]): ExprIR => ({ kind: 'data', path });
export const node = (path: string, member: 'value' | 'points' | 'score' | 'status' | 'target' = 'value'): ExprIR => ({ kind: 'node', path, member });
export const grade: ExprIR = { kind: 'scorecard', member: 'grade' };
export const total: ExprIR = { kind: 'scorecard', member: 'total' };
export const letRef = (name: string): ExprIR => ({ kind: 'let', name });
export const paramRef = (name: string): ExprIR => ({ kind: 'param', name });
export const bin = (op: Extract<ExprIR, { kind: 'binary' }>['op'], left: ExprIR, right: ExprIR): ExprIR => ({ kind: 'binary', op, left, right, unit: null });
export const neg = (operand: ExprIR): ExprIR => ({ kind: 'unary', op: '-', operand });
export const not = (operand: ExprIR): ExprIR => ({ kind: 'unary', op: 'not', operand });

let ids = 0;
const nextId = (): string => `t${++ids}`;

export function action(verb: ActionIR['verb'], extra: Partial<ActionIR> = {}): ActionIR {
  return { id: nextId(), verb, ...extra };
}

export function rule(name: string, when: ExprIR, actions: ActionIR[], extra: Partial<RuleIR> = {}): RuleIR {
  return { id: nextId(), name, priority: 1, when, actions, reason: `${name}的理由`, meta: { refs: [] }, ...extra };
}

export function block(name: string, rules: RuleIR[], extra: Partial<RuleBlockIR> = {}): RuleBlockIR {
  return { id: nextId(), name, for: '项目支出', meta: { refs: [] }, params: [], lets: [], lines: [], combines: [], rules, ...extra };
}

const indicator = (dim: string, name: string, weight: string) => ({
  kind: 'indicator' as const,
  id: `${dim}/${name}`,
  path: `${dim}/${name}`,
  name,
  weight,
  meta: { refs: [] },
  unit: null,
  score: { method: 'proportional' as const, id: `${dim}/${name}#s` },
  missing: 'unavailable' as const,
});

/** Fills a partial IR (as written in golden `ir.json`) with the minimal project framework. */
export function completeIr(partial: Partial<RuleSetIR>): RuleSetIR {
  return {
    irVersion: 1,
    name: '项目支出',
    version: 'test',
    meta: { refs: [] },
    lineage: [],
    hash: 'test',
    settings: { scale: '100', precision: 2, rounding: 'half_up', missing: 'unavailable', notApplicable: 'rescale' },
    grades: [
      { label: '优', min: '90', id: 'g1' },
      { label: '良', min: '80', id: 'g2' },
      { label: '中', min: '60', id: 'g3' },
      { label: '差', min: null, id: 'g4' },
    ],
    vetoes: [],
    requires: [],
    params: [],
    lets: [],
    nodes: [
      {
        kind: 'dimension',
        id: '过程',
        path: '过程',
        name: '过程',
        weight: '20',
        meta: { refs: [] },
        children: [indicator('过程', '预算执行率', '10'), indicator('过程', '资金使用合规性', '10')],
      },
      { kind: 'dimension', id: '效益', path: '效益', name: '效益', weight: '30', meta: { refs: [] }, children: [indicator('效益', '服务对象满意度', '30')] },
    ],
    ruleBlocks: [],
    dataSchema: {},
    files: ['<test>'],
    sourceMap: {},
    ...partial,
  };
}

const indicatorResult = (path: string, value: number | null, points: number | null, status: IndicatorResult['status'] = 'scored'): IndicatorResult => ({
  path,
  name: path.split('/').pop()!,
  dimension: path.split('/')[0]!,
  weight: 10,
  value,
  unit: null,
  target: null,
  method: 'proportional',
  points,
  status,
  trace: { inputs: {}, steps: [], rawPoints: String(points ?? 0) },
});

export interface ScorecardInput {
  total?: number | null;
  grade?: string | null;
  status?: 'ok' | 'rejected';
  indicators?: Record<string, { value: number | null; points: number | null; status?: IndicatorResult['status'] }>;
  dimensions?: Record<string, number | null>;
}

/** A scorecard from the compact shape used in golden `input.json`. */
export function completeResult(s: ScorecardInput): EvaluationResult {
  return {
    ruleset: { name: '项目支出', version: 'test', hash: 'test' },
    id: 'P001',
    status: s.status ?? 'ok',
    total: s.total ?? null,
    grade: s.grade ?? null,
    scale: 100,
    dimensions: Object.entries(s.dimensions ?? {}).map(([path, points]) => ({ path, name: path, weight: 20, points, status: 'scored' as const })),
    indicators: Object.entries(s.indicators ?? {}).map(([path, i]) => indicatorResult(path, i.value, i.points, i.status)),
    vetoes: [],
    lostPoints: [],
    nextGrade: null,
    recommendations: [],
    errors: [],
    trace: { rawTotal: String(s.total ?? 0), applicableWeight: '100', steps: [] },
  };
}
