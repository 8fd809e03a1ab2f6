/**
 * Walks a rule set's IR once and turns it into a `Program`: the indicator tree with every
 * expression and scoring method already compiled to closures, the grade ladder as decimals, the
 * vetoes with their conditions compiled and the data they read. A Program is immutable and
 * shared by every record evaluated against the rule set; per-record state lives elsewhere.
 */
import type { DimensionIR, ExprIR, IndicatorIR, NodeIR, RuleSetIR, OutcomeIR, ScoreIR, VetoIR } from '../compile/ir.js';
import { assertNever } from '../common/diagnostic.js';
import { roundingConstant } from './decimal.js';
import { Num, ZERO } from './num.js';
import { collectReads, compileExpr, type ExprEnv, type Fn, type Reads } from './expr.js';
import { compileScore } from './methods.js';
import type { ScoreFn } from './method-kit.js';
import { printExpr } from './print.js';

export interface DimensionPlan {
  kind: 'dimension';
  ir: DimensionIR;
  path: string;
  name: string;
  weight: Num;
  /** `weight` as the JSON number results show, converted once here. */
  weightNumber: number;
  applicable?: Fn;
  ancestors: DimensionPlan[];
  children: NodePlan[];
  /** Position among the rule set's dimensions (pre-order): per-record state is an array by it. */
  slot: number;
}

export interface IndicatorPlan {
  kind: 'indicator';
  ir: IndicatorIR;
  path: string;
  name: string;
  /** Path of the enclosing dimension, '' at the top. */
  dimension: string;
  weight: Num;
  /** `weight` as the JSON number results show, converted once here. */
  weightNumber: number;
  /** `weight.toString()`, for traces and `rawPoints` of full marks. */
  weightText: string;
  ancestors: DimensionPlan[];
  applicable?: Fn;
  /** The value shown in the result: the declared value, else the method's subject. */
  value?: Fn;
  valueText?: string;
  /** True when `value` came from `value = …` (methods like proportional read it). */
  declaredValue: boolean;
  target?: { op: '>=' | '<=' | '=' | 'between'; value: Fn; upper?: Fn; tolerance?: Fn; text: string };
  score: ScoreFn;
  reads: Reads;
  source?: string;
  /** Position in `Program.indicators`: where a record keeps this indicator's outcome. */
  index: number;
}

export type NodePlan = DimensionPlan | IndicatorPlan;

export interface VetoPlan {
  ir: VetoIR;
  when: Fn;
  whenText: string;
  reads: Reads;
  readsTotal: boolean;
  readsGrade: boolean;
}

export interface GradePlan {
  label: string;
  min: Num | null;
}

export interface Program {
  ir: RuleSetIR;
  env: ExprEnv;
  scale: Num;
  scaleNumber: number;
  /** Σ weights of every indicator: the applicable weight of a record where all apply. */
  leafWeight: Num;
  precision: number;
  rounding: ReturnType<typeof roundingConstant>;
  roots: NodePlan[];
  indicators: IndicatorPlan[];
  /** Number of dimensions, the length of per-record arrays by `DimensionPlan.slot`. */
  dimensionCount: number;
  byPath: Map<string, NodePlan>;
  grades: GradePlan[];
  vetoes: VetoPlan[];
  /** `outcome … when …`, in declaration order: the first that holds replaces the grade. */
  outcomes: { ir: OutcomeIR; when: Fn; whenText: string }[];
}

export function buildProgram(ir: RuleSetIR): Program {
  const env: ExprEnv = {
    params: new Map(ir.params.map((p) => [p.name, p.value])),
    lets: new Map(ir.lets.map((l) => [l.name, l.value])),
    // Grades are listed best first; a higher rank is a better grade.
    gradeRank: new Map(ir.grades.map((g, i) => [g.label, ir.grades.length - i])),
    compiled: new Map(),
  };
  const indicators: IndicatorPlan[] = [];
  const byPath = new Map<string, NodePlan>();
  const dimensions: DimensionPlan[] = [];
  const roots = ir.nodes.map((n) => planNode(n, [], ir, env, { indicators, dimensions, byPath }));
  return {
    ir,
    env,
    scale: Num.parse(ir.settings.scale),
    scaleNumber: Number(Num.parse(ir.settings.scale).toString()),
    leafWeight: indicators.reduce((s, p) => s.plus(p.weight), ZERO),
    precision: ir.settings.precision,
    rounding: roundingConstant(ir.settings.rounding),
    roots,
    indicators,
    dimensionCount: dimensions.length,
    byPath,
    grades: ir.grades.map((g) => ({ label: g.label, min: g.min === null ? null : Num.parse(g.min) })),
    vetoes: ir.vetoes.map((v) => planVeto(v, env)),
    outcomes: (ir.outcomes ?? []).map((o) => ({ ir: o, when: compileExpr(o.when, env), whenText: printExpr(o.when) })),
  };
}

/** What planning collects across the tree: plans in pre-order, and every node by path. */
interface Planned {
  indicators: IndicatorPlan[];
  dimensions: DimensionPlan[];
  byPath: Map<string, NodePlan>;
}

function planNode(n: NodeIR, ancestors: DimensionPlan[], ir: RuleSetIR, env: ExprEnv, out: Planned): NodePlan {
  if (n.kind === 'dimension') {
    const d: DimensionPlan = {
      kind: 'dimension',
      ir: n,
      path: n.path,
      name: n.name,
      weight: Num.parse(n.weight),
      weightNumber: Number(Num.parse(n.weight).toString()),
      ancestors,
      children: [],
      slot: out.dimensions.length,
    };
    if (n.applicable) d.applicable = compileExpr(n.applicable, env);
    out.dimensions.push(d);
    out.byPath.set(n.path, d);
    const inner = [...ancestors, d];
    d.children = n.children.map((c) => planNode(c, inner, ir, env, out));
    return d;
  }
  const p = planIndicator(n, ancestors, ir, env, out.indicators.length);
  out.byPath.set(n.path, p);
  out.indicators.push(p);
  return p;
}

/** The expression whose value a result shows when the indicator declares no `value = …`. */
function subjectOf(s: ScoreIR): ExprIR | undefined {
  switch (s.method) {
    case 'rating':
    case 'tiers':
      return s.subject;
    case 'deduct':
      return s.count;
    case 'expert':
      return s.source;
    case 'proportional':
    case 'bands':
    case 'step':
    case 'yesno':
    case 'linear':
    case 'checklist':
    case 'formula':
      return undefined;
    default:
      return assertNever(s, 'score method');
  }
}

function scoreExprs(s: ScoreIR): ExprIR[] {
  switch (s.method) {
    case 'proportional':
    case 'yesno':
      return [];
    case 'bands':
      return s.bands.flatMap((b) => [
        b.award.value,
        ...(b.condition.kind === 'compare' ? [b.condition.bound] : b.condition.kind === 'interval' ? [b.condition.low, b.condition.high] : []),
      ]);
    case 'rating':
      return [s.subject, ...s.levels.map((l) => l.award.value)];
    case 'tiers':
      return [s.subject, ...(s.point ? [s.point] : [])];
    case 'deduct':
      return [s.per, s.count, ...(s.max ? [s.max] : [])];
    case 'step':
      return [s.per, s.step, s.threshold, ...(s.max ? [s.max] : [])];
    case 'linear':
      return s.points.flatMap((p) => [p.x, p.y.value]);
    case 'checklist':
      return s.items.flatMap((i) => [i.when, i.award.value]);
    case 'expert':
      return [s.source];
    case 'formula':
      return [s.expr.value];
    default:
      return assertNever(s, 'score method');
  }
}

function planIndicator(n: IndicatorIR, ancestors: DimensionPlan[], ir: RuleSetIR, env: ExprEnv, index: number): IndicatorPlan {
  const valueExpr = n.value ?? subjectOf(n.score);
  const exprs: ExprIR[] = [
    ...(n.applicable ? [n.applicable] : []),
    ...(n.value ? [n.value] : []),
    ...(n.target ? [n.target.value, ...(n.target.upper ? [n.target.upper] : []), ...(n.target.tolerance ? [n.target.tolerance] : [])] : []),
    ...scoreExprs(n.score),
  ];
  const reads: Reads = { data: new Map(), nodes: new Map() };
  for (const e of exprs) collectReads(e, env, reads);
  const loc = ir.sourceMap[n.id];
  const p: IndicatorPlan = {
    kind: 'indicator',
    ir: n,
    path: n.path,
    name: n.name,
    dimension: ancestors.length ? ancestors[ancestors.length - 1]!.path : '',
    weight: Num.parse(n.weight),
    weightNumber: Number(Num.parse(n.weight).toString()),
    weightText: Num.parse(n.weight).toString(),
    ancestors,
    declaredValue: n.value !== undefined,
    score: compileScore(n.score, env),
    reads,
    index,
  };
  if (loc) p.source = `${loc.file}:${loc.line}:${loc.column}`;
  if (n.applicable) p.applicable = compileExpr(n.applicable, env);
  if (valueExpr) {
    p.value = compileExpr(valueExpr, env);
    p.valueText = printExpr(valueExpr);
  }
  if (n.target) {
    const t = n.target;
    const text = t.op === 'between' && t.upper ? `between ${printExpr(t.value)} and ${printExpr(t.upper)}` : `${t.op} ${printExpr(t.value)}`;
    p.target = { op: t.op, value: compileExpr(t.value, env), text: t.tolerance ? `${text} tolerance ${printExpr(t.tolerance)}` : text };
    if (t.upper) p.target.upper = compileExpr(t.upper, env);
    if (t.tolerance) p.target.tolerance = compileExpr(t.tolerance, env);
  }
  return p;
}

function mentions(e: ExprIR, member: 'total' | 'grade'): boolean {
  switch (e.kind) {
    case 'scorecard':
      return e.member === member;
    case 'binary':
      return mentions(e.left, member) || mentions(e.right, member);
    case 'unary':
      return mentions(e.operand, member);
    case 'call':
      return e.args.some((a) => mentions(a, member));
    case 'if':
      return mentions(e.condition, member) || mentions(e.then, member) || mentions(e.otherwise, member);
    default:
      return false;
  }
}

function planVeto(v: VetoIR, env: ExprEnv): VetoPlan {
  return {
    ir: v,
    when: compileExpr(v.when, env),
    whenText: printExpr(v.when),
    reads: collectReads(v.when, env),
    readsTotal: mentions(v.when, 'total'),
    readsGrade: mentions(v.when, 'grade'),
  };
}
