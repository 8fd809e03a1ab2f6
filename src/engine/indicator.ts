/**
 * Scores one indicator for one record. The order is fixed: enclosing dimensions' and its own
 * applicability (and the record's `not_applicable` list), then value, target, and the scoring
 * method. Any `Fail` along the way is handled by the indicator's missing policy: `unavailable`
 * → 0 points and the error listed on the record, `zero` → 0 points, `not_applicable` → dropped.
 * Indicators are computed lazily and memoised per record, so node references
 * (`预算执行率.value`) work in any order and a cycle is reported instead of looping.
 */
import { DEFAULT_LANG, type Lang } from '../common/lang.js';
import type { MissingPolicy } from '../dsl/ast.js';
import type { EvaluationError, IndicatorStatus, TraceLevel, TraceStep } from './result.js';
import { Num, ZERO } from './num.js';
import { aggregate, type AggregateInput } from './aggregate.js';
import { readPath, type Ctx, type NodeMember } from './expr.js';
import { EVL } from './messages.js';
import type { IndicatorFrame, Tracer } from './method-kit.js';
import type { DimensionPlan, IndicatorPlan, Program } from './plan.js';
import { asBoolean, asNumber, describe, fail, isDec, isFail, toJson, type Fail, type Val } from './values.js';

export interface IndicatorOutcome {
  plan: IndicatorPlan;
  status: IndicatorStatus;
  value: Val;
  frame: IndicatorFrame;
  /** Raw points inside [0, weight]; null when not applicable. */
  points: Num | null;
  error?: EvaluationError;
  /** Whether `error` belongs in the record's error list (missing policy `unavailable`, or a warning). */
  listError: boolean;
  missingPolicy?: MissingPolicy;
  steps: TraceStep[];
  hit: string[];
  /** `value.toString()` when the trace already printed a decimal value (the result reuses it). */
  valueString?: string;
}

export interface RecordState {
  program: Program;
  ctx: Ctx;
  /** Paths ('/'-separated) and names the record declares not applicable. */
  na: Set<string>;
  /** By `IndicatorPlan.index`: the outcome, or 'running' while it is being computed. */
  outcomes: (IndicatorOutcome | 'running' | undefined)[];
  /** Applicability of dimensions by `DimensionPlan.slot`, computed on first need. */
  dims: (boolean | Fail | undefined)[];
  /** Build trace steps and inputs: level 'full' only. */
  trace: boolean;
  level: TraceLevel;
  /** Language of the error messages (the trace stays English). */
  lang: Lang;
}

export function createState(
  program: Program,
  data: Record<string, unknown>,
  stage: string | undefined,
  level: TraceLevel = 'full',
  lang: Lang = DEFAULT_LANG,
): RecordState {
  const na = new Set<string>();
  const list = Object.hasOwn(data, 'not_applicable') ? data.not_applicable : undefined;
  if (Array.isArray(list)) for (const x of list) if (typeof x === 'string') na.add(x.replace(/\./g, '/'));
  const state: RecordState = {
    program,
    na,
    outcomes: new Array(program.indicators.length),
    dims: new Array(program.dimensionCount),
    trace: level === 'full',
    level,
    lang,
    ctx: {
      data,
      cache: new Map(),
      node: (path, member) => nodeValue(state, path, member),
      scorecard: stage === undefined ? {} : { stage },
    },
  };
  return state;
}

function nodeValue(state: RecordState, path: string, member: NodeMember): Val {
  const plan = state.program.byPath.get(path);
  if (!plan) return fail(EVL.UNKNOWN_NAME, { name: path });
  if (plan.kind === 'indicator') {
    if (state.outcomes[plan.index] === 'running') return fail(EVL.CYCLE, { path }, path);
    const o = outcomeOf(state, plan);
    if (member === 'status') return o.status;
    if (o.status !== 'scored') return fail(EVL.NODE_UNAVAILABLE, { path, member }, path);
    if (member === 'value' || member === 'rating') return o.value;
    if (member === 'target') return o.frame.target;
    return o.points;
  }
  const leaves = collectLeaves(plan);
  const outs = leaves.map((l) => outcomeOf(state, l));
  const applicable = outs.filter((o) => o.status !== 'not_applicable');
  if (member === 'status') return applicable.length ? 'scored' : 'not_applicable';
  if (member === 'rating') return ratingOf(state, plan);
  if (member === 'points' || member === 'score') {
    if (!applicable.length) return fail(EVL.NODE_UNAVAILABLE, { path, member }, path);
    // `aggregate mean|min|max` of shares: the same points the scorecard gives the dimension.
    if (byShares(plan)) return sharePoints(state, plan);
    return applicable.reduce((s, o) => s.plus(o.points ?? ZERO), ZERO);
  }
  return fail(EVL.NODE_UNAVAILABLE, { path, member }, path);
}

function byShares(d: DimensionPlan): boolean {
  const a = d.ir.aggregate;
  return a !== undefined && (a.method === 'mean' || ((a.method === 'min' || a.method === 'max') && !a.scale));
}

/** Points of a dimension aggregated by shares: its weight × the mean/min/max of its applicable children's shares. */
function sharePoints(state: RecordState, d: DimensionPlan): Val {
  const inputs: AggregateInput[] = [];
  for (const c of d.children) {
    if (nodeValue(state, c.path, 'status') === 'not_applicable') continue;
    const p = nodeValue(state, c.path, 'points');
    if (isFail(p)) return p;
    inputs.push({ path: c.path, label: null, share: p instanceof Num && !c.weight.isZero() ? p.div(c.weight) : null });
  }
  const share = aggregate(d.ir.aggregate!, inputs).share;
  return share ? d.weight.times(share) : fail(EVL.NODE_UNAVAILABLE, { path: d.path, member: 'points' }, d.path);
}

/** A dimension's rating by its aggregation method on a scale, as the scorecard computes it; null when unrated. */
function ratingOf(state: RecordState, d: DimensionPlan): Val {
  const a = d.ir.aggregate;
  if (!a || !('scale' in a) || !a.scale) return fail(EVL.NODE_UNAVAILABLE, { path: d.path, member: 'rating' }, d.path);
  const inputs: AggregateInput[] = [];
  for (const c of d.children) {
    if (nodeValue(state, c.path, 'status') === 'not_applicable') continue;
    const v = nodeValue(state, c.path, 'rating');
    inputs.push({ path: c.path, label: typeof v === 'string' ? v : null, share: null });
  }
  return aggregate(a, inputs).rating ?? null;
}

function collectLeaves(d: DimensionPlan, out: IndicatorPlan[] = []): IndicatorPlan[] {
  for (const c of d.children) {
    if (c.kind === 'indicator') out.push(c);
    else collectLeaves(c, out);
  }
  return out;
}

export function outcomeOf(state: RecordState, plan: IndicatorPlan): IndicatorOutcome {
  const hit = state.outcomes[plan.index];
  if (hit && hit !== 'running') return hit;
  state.outcomes[plan.index] = 'running';
  const o = runIndicator(state, plan);
  state.outcomes[plan.index] = o;
  return o;
}

function dimensionApplicable(state: RecordState, d: DimensionPlan): boolean | Fail {
  const hit = state.dims[d.slot];
  if (hit !== undefined) return hit;
  let r: boolean | Fail = !(state.na.has(d.path) || state.na.has(d.name));
  if (r && d.applicable) r = asBoolean(d.applicable(state.ctx, null), `applicable when of ${d.path}`);
  state.dims[d.slot] = r;
  return r;
}

function notApplicable(plan: IndicatorPlan, frame: IndicatorFrame, t: Tracer, why: string): IndicatorOutcome {
  t.on && t.steps.push({ what: `not applicable: ${why}`, result: 'dropped' });
  return { plan, frame, steps: t.steps, hit: t.hit, listError: false, status: 'not_applicable', value: null, points: null };
}

function runIndicator(state: RecordState, plan: IndicatorPlan): IndicatorOutcome {
  const ctx = state.ctx;
  const frame: IndicatorFrame = { value: null, target: null, weight: plan.weight, weightText: plan.weightText, valueString: undefined };
  const t: Tracer = { on: state.trace, steps: [], hit: [] };
  for (const d of plan.ancestors) {
    const a = dimensionApplicable(state, d);
    if (isFail(a)) return failed(state.lang, plan, frame, t, a);
    if (!a) return notApplicable(plan, frame, t, `dimension ${d.path}`);
  }
  if (state.na.size && (state.na.has(plan.path) || state.na.has(plan.name))) return notApplicable(plan, frame, t, "listed in the record's not_applicable");
  if (plan.applicable) {
    const a = asBoolean(plan.applicable(ctx, frame), 'applicable when');
    if (isFail(a)) return failed(state.lang, plan, frame, t, a);
    if (!a) return notApplicable(plan, frame, t, 'applicable when … is false');
  }
  let valueString: string | undefined;
  if (plan.value) {
    const v = plan.value(ctx, frame);
    if (isFail(v)) return failed(state.lang, plan, frame, t, v);
    frame.value = v;
    if (v === null && plan.declaredValue) return failed(state.lang, plan, frame, t, fail(EVL.MISSING, { path: plan.valueText }, plan.valueText));
    if (t.on) {
      const text = describe(v);
      if (isDec(v)) frame.valueString = valueString = text;
      t.steps.push({ what: `value = ${plan.valueText}`, result: text });
    }
  }
  if (plan.target) {
    const tg = plan.target;
    frame.targetOp = tg.op;
    const a = tg.value(ctx, frame);
    if (isFail(a)) return failed(state.lang, plan, frame, t, a);
    frame.target = a;
    if (tg.upper) {
      const u = tg.upper(ctx, frame);
      if (isFail(u)) return failed(state.lang, plan, frame, t, u);
      frame.upper = u;
    }
    if (tg.tolerance) {
      const tol = asNumber(tg.tolerance(ctx, frame), 'tolerance');
      if (isFail(tol)) return failed(state.lang, plan, frame, t, tol);
      frame.tolerance = tol.abs();
    }
    t.on && t.steps.push({ what: `target ${tg.text}`, result: frame.upper !== undefined ? `${describe(a)}..${describe(frame.upper)}` : describe(a) });
  }
  const p = plan.score(ctx, frame, t);
  if (isFail(p)) return failed(state.lang, plan, frame, t, p);
  const out: IndicatorOutcome = { plan, frame, steps: t.steps, hit: t.hit, listError: false, status: 'scored', value: frame.value, points: p, valueString };
  if (t.warning) {
    out.error = toError(plan, t.warning, state.lang);
    out.listError = true;
  }
  return out;
}

function toError(plan: IndicatorPlan, f: Fail, lang: Lang): EvaluationError {
  return { code: f.code, message: `${plan.path}: ${f.reason(lang)}`, path: plan.path };
}

function failed(lang: Lang, plan: IndicatorPlan, frame: IndicatorFrame, t: Tracer, f: Fail): IndicatorOutcome {
  const policy = plan.ir.missing;
  const error = toError(plan, f, lang);
  t.on && t.steps.push({ what: `${f.code} ${f.reason('en')}; missing policy ${policy}`, result: policy === 'not_applicable' ? 'dropped' : '0' });
  const base = { plan, frame, steps: t.steps, hit: t.hit, error, missingPolicy: policy };
  if (policy === 'not_applicable') return { ...base, listError: false, status: 'not_applicable', value: null, points: null };
  return { ...base, status: 'unavailable', value: null, points: ZERO, listError: policy === 'unavailable' };
}

/** The data fields and node results an indicator reads, with the values found. */
export function inputsOf(state: RecordState, plan: IndicatorPlan): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!state.trace) return out;
  for (const [text, segs] of plan.reads.data) {
    // Raw JSON as found: the record passed the guard, so it holds no non-finite numbers.
    out[text] = readPath(state.ctx.data, segs) ?? null;
  }
  for (const [text, ref] of plan.reads.nodes) out[text.replace(/\//g, '.')] = toJson(state.ctx.node(ref.path, ref.member));
  return out;
}
