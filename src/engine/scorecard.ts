/**
 * Turns the per-indicator outcomes of one record into the scorecard: dimension sums, the
 * not-applicable policy (`rescale`: total = Σ points / Σ applicable weights × scale;
 * `redistribute`: a dropped node's weight goes to its applicable siblings in proportion to
 * their weights), the total rounded to the declared precision, the grade on that rounded total
 * (lower bounds inclusive), vetoes applied after the grade, points lost and what the next grade
 * would take. Everything here reads outcomes; nothing is re-evaluated. What the record states
 * beside the rule score (its `reported` block) is placed and checked by reported.ts.
 */
import { datedParamSteps } from './dated-trace.js';
import type {
  DimensionResult,
  EvaluationError,
  OutcomeResult,
  EvaluationResult,
  IndicatorResult,
  LostPoints,
  NextGrade,
  TraceStep,
  VetoResult,
} from './result.js';
import type { ScoreMethodName } from '../compile/ir.js';
import { assertNever } from '../common/diagnostic.js';
import { Num, ONE, ZERO, cmpNum } from './num.js';
import { roundedDifference, toPlainNumber, toRoundedNumber } from './num-json.js';
import { EVL, message } from './messages.js';
import { inputsOf, outcomeOf, type IndicatorOutcome, type RecordState } from './indicator.js';
import type { DimensionPlan, IndicatorPlan, NodePlan, Program } from './plan.js';
import type { ReportedData } from '../data/reported.js';
import { asBoolean, isFail, toJson } from './values.js';
import { aggregate, type AggregateInput, type Aggregated } from './aggregate.js';
import { reportedOf, reportedRow, reportedSummary, type ReportedOutcome } from './reported.js';

interface Placed {
  outcome: IndicatorOutcome;
  /** Effective weight and points after redistribution (equal to the declared ones otherwise). */
  eff: Num;
  points: Num | null;
}

export function buildScorecard(program: Program, state: RecordState, id: string): EvaluationResult {
  const round = (d: Num): number => toRoundedNumber(d, program.precision, program.rounding);
  const redistribute = program.ir.settings.notApplicable === 'redistribute';
  const leaves: Placed[] = []; // in walk order, which is the IR's order of indicators
  const dims: DimensionResult[] = [];
  // Applicability of every dimension by slot, computed once bottom-up (indicators: their outcome).
  const dimensionApplicable: boolean[] = new Array(program.dimensionCount);
  const mark = (n: NodePlan): boolean => {
    if (n.kind === 'indicator') return outcomeOf(state, n).status !== 'not_applicable';
    let a = false;
    for (const c of n.children) a = mark(c) || a;
    dimensionApplicable[n.slot] = a;
    return a;
  };
  for (const n of program.roots) mark(n);
  const isApplicable = (n: NodePlan): boolean =>
    n.kind === 'indicator' ? outcomeOf(state, n).status !== 'not_applicable' : dimensionApplicable[n.slot] === true;
  const traced = state.level !== 'none';
  // Ratings and points of dimensions, for a parent dimension's aggregation method.
  const ratings = new Map<NodePlan, string | null>();
  const dimPoints = new Map<NodePlan, Num>();
  const aggregateInputs = (d: { children: NodePlan[] }): AggregateInput[] =>
    d.children.filter(isApplicable).map((c) => {
      if (c.kind === 'dimension') {
        const p = dimPoints.get(c) ?? null;
        return { path: c.path, label: ratings.get(c) ?? null, share: p && !c.weight.isZero() ? p.div(c.weight) : null };
      }
      const o = outcomeOf(state, c);
      const v = o.status === 'scored' ? toJson(o.value) : null;
      return { path: c.path, label: typeof v === 'string' ? v : null, share: o.points && !c.weight.isZero() ? o.points.div(c.weight) : null };
    });

  // Walks one level; `factor` is effective ÷ declared weight of the enclosing node.
  const walk = (nodes: NodePlan[], factor: Num): Num => {
    const childFactor = redistribute ? redistributionFactor(nodes, factor, isApplicable) : ONE;
    // Nothing redistributed here (always so under `rescale`): skip the multiplications.
    const same = childFactor === ONE || childFactor.eq(ONE);
    let sum = ZERO;
    for (const n of nodes) {
      const applicable = isApplicable(n);
      const eff = same ? n.weight : n.weight.times(childFactor);
      if (n.kind === 'indicator') {
        const o = outcomeOf(state, n);
        const points = o.points === null ? null : same ? o.points : o.points.times(childFactor);
        leaves.push({ outcome: o, eff, points });
        if (points) sum = sum.plus(points);
        continue;
      }
      const at = dims.length;
      dims.push(undefined as unknown as DimensionResult); // keep pre-order: parent before children
      const inner = applicable ? walk(n.children, childFactor) : (walk(n.children, ONE), ZERO);
      const agg = applicable && n.ir.aggregate ? aggregate(n.ir.aggregate, aggregateInputs(n)) : undefined;
      // A numeric method (min/max/mean of shares) replaces the sum; a scale method adds a rating.
      const points = agg?.share !== undefined ? (agg.share === null ? ZERO : eff.times(agg.share)) : inner;
      dims[at] = dimensionResult(n, applicable, eff, points, round);
      if (agg) attachAggregation(dims[at]!, n, agg, aggregateInputs(n), traced);
      ratings.set(n, agg?.rating ?? null);
      dimPoints.set(n, points);
      if (applicable) sum = sum.plus(points);
    }
    return sum;
  };
  const sum = walk(program.roots, ONE);
  // A framework-level aggregation on a scale rates the whole record (PEFA-like frameworks).
  const top = program.ir.aggregate ? aggregate(program.ir.aggregate, aggregateInputs({ children: program.roots })) : undefined;

  const applicableLeaves = leaves.filter((p) => p.outcome.status !== 'not_applicable');
  // Decimal sums of weights are exact, so the precomputed Σ of all leaves is the same number
  // when every leaf applies (the common case) and saves 30-odd additions per record.
  const applicableWeight = redistribute
    ? applicableLeaves.length
      ? program.roots.reduce((s, n) => s.plus(n.weight), ZERO)
      : ZERO
    : applicableLeaves.length === leaves.length
      ? program.leafWeight
      : applicableLeaves.reduce((s, p) => s.plus(p.outcome.plan.weight), ZERO);
  // Level 'none' builds no record steps (and so never prints the 40-digit sums).
  const steps: TraceStep[] = traced
    ? [
        { what: 'Σ points of applicable indicators', result: sum.toString() },
        {
          what: redistribute ? 'weight (not-applicable weight redistributed to siblings)' : 'Σ weights of applicable indicators',
          result: applicableWeight.toString(),
        },
      ]
    : [];
  const errors: EvaluationError[] = [];
  let rawTotal: Num | null = null;
  if (applicableWeight.isZero()) {
    errors.push({ code: EVL.NOTHING_APPLICABLE, message: message(EVL.NOTHING_APPLICABLE, {}, state.lang) });
  } else {
    rawTotal = applicableWeight.eq(program.scale) ? sum : sum.times(program.scale).div(applicableWeight);
    traced && steps.push({ what: `total = ${sum} / ${applicableWeight} × scale ${program.scale}`, result: rawTotal.toString() });
  }
  let total = rawTotal && rawTotal.toDecimalPlaces(program.precision, program.rounding);
  if (total && traced) steps.push({ what: `rounded to ${program.precision} decimals (${program.ir.settings.rounding})`, result: total.toString() });
  // Which value of each param by fiscal year applied, and its 文号.
  if (traced) for (const step of datedParamSteps(program.ir, state.ctx.data)) steps.push(step);
  const firstGrade = total ? gradeOf(program, total, traced ? steps : null) : null;

  // Vetoes: decided on the graded scorecard, applied after the grade.
  const vetoes: VetoResult[] = [];
  const gradeCaps: string[] = [];
  state.ctx.scorecard.total = total ?? null;
  state.ctx.scorecard.grade = firstGrade;
  for (const v of program.vetoes) {
    const fired = asBoolean(v.when(state.ctx, null), v.whenText);
    if (isFail(fired)) {
      errors.push({
        code: EVL.VETO_UNCOMPUTABLE,
        message: message(EVL.VETO_UNCOMPUTABLE, { name: v.ir.name, detail: fired.reason(state.lang) }, state.lang),
        path: fired.path ?? v.ir.name,
      });
      continue;
    }
    if (!fired) continue;
    const facts: Record<string, unknown> = {};
    for (const [text, segs] of v.reads.data) facts[text] = readFact(state, segs);
    for (const [text, ref] of v.reads.nodes) facts[text.replace(/\//g, '.')] = toJson(state.ctx.node(ref.path, ref.member));
    if (v.readsTotal) facts.total = total ? round(total) : null;
    if (v.readsGrade) facts.grade = firstGrade;
    const e = v.ir.effect;
    let effect: string;
    if (e.kind === 'grade') {
      effect = `grade ${e.grade}`;
      gradeCaps.push(e.grade);
    } else if (e.kind === 'cap') {
      effect = `cap ${e.value}`;
      if (total && total.gt(Num.parse(e.value))) total = Num.parse(e.value);
    } else if (e.kind === 'zero') {
      effect = 'zero';
      if (total) total = ZERO;
    } else {
      effect = assertNever(e, 'veto effect');
    }
    traced && steps.push({ what: `veto ${v.ir.name}: ${v.whenText} → ${effect}`, result: total ? total.toString() : 'null' });
    vetoes.push({ name: v.ir.name, effect, facts });
  }
  let grade = firstGrade;
  if (vetoes.length && total) grade = gradeOf(program, total, traced ? steps : null);
  // Without a grades block, the framework's rating is its grade.
  if (top && program.grades.length === 0) grade = top.rating ?? null;
  if (top && traced) steps.push(...top.steps);
  for (const cap of gradeCaps) {
    const capRank = program.env.gradeRank.get(cap) ?? 0;
    if (grade === null || (program.env.gradeRank.get(grade) ?? 0) > capRank) grade = cap;
  }
  if (vetoes.length && traced) steps.push({ what: 'grade after vetoes', result: grade ?? 'null' });
  // Outcomes: a declared status replaces the grade (PART's RND); the first that holds wins.
  let outcome: OutcomeResult | undefined;
  for (const o of program.outcomes) {
    const holds = asBoolean(o.when(state.ctx, null), o.whenText);
    if (isFail(holds)) {
      const detail = holds.reason(state.lang);
      errors.push({
        code: EVL.VETO_UNCOMPUTABLE,
        message: message(EVL.VETO_UNCOMPUTABLE, { name: o.ir.name, detail }, state.lang),
        path: holds.path ?? o.ir.name,
      });
      continue;
    }
    if (!holds) continue;
    traced && steps.push({ what: `outcome ${o.ir.name}: ${o.whenText} → replaces grade ${grade ?? 'null'}`, result: o.ir.name });
    outcome = { name: o.ir.name, grade, totalHidden: o.ir.hideTotal };
    grade = o.ir.name;
    break;
  }

  const rep = Object.hasOwn(state.ctx.data, 'reported') ? reportedOf(program, state.ctx.data, state.lang) : undefined;
  const indicators: IndicatorResult[] = leaves.map((p) => indicatorResult(state, p, round, redistribute, rep));
  for (const p of leaves) if (p.outcome.listError && p.outcome.error) errors.push(p.outcome.error);
  let stated: ReportedOutcome | undefined;
  if (rep) {
    const placed = leaves.map((p, i) => ({
      path: p.outcome.plan.path,
      name: p.outcome.plan.name,
      applicable: p.outcome.status !== 'not_applicable',
      eff: p.eff,
      points: p.points,
      result: indicators[i]!,
    }));
    stated = reportedSummary(program, rep, placed, dims, { total: total ? round(total) : null, grade, applicableWeight }, id, state.lang);
    errors.push(...stated.errors);
  }

  const lostItems = lostList(applicableLeaves, program, round);
  const lostPoints = lost(lostItems);
  // Assembled once, keys assigned in the order result.ts declares (gradeBeforeVeto right after
  // grade), so serializeResult can stringify it as it is.
  const result = {
    ruleset: { name: program.ir.name, version: program.ir.version, hash: program.ir.hash },
    id,
    status: 'ok',
    total: total ? round(total) : null,
    grade,
  } as EvaluationResult;
  if (grade !== firstGrade && firstGrade !== null) result.gradeBeforeVeto = firstGrade;
  if (stated?.summary) result.reported = stated.summary;
  result.scale = program.scaleNumber;
  result.dimensions = dims;
  result.indicators = indicators;
  result.vetoes = vetoes;
  result.lostPoints = lostPoints;
  result.nextGrade = vetoes.length || !total ? null : nextGrade(program, total, grade, lostItems, applicableWeight, round);
  result.recommendations = [];
  result.errors = errors;
  if (stated?.findings.length) result.findings = stated.findings;
  result.trace = traced
    ? { rawTotal: rawTotal ? rawTotal.toString() : '', applicableWeight: applicableWeight.toString(), steps }
    : { rawTotal: '', applicableWeight: '', steps };
  if (outcome) result.outcome = outcome;
  if (top) result.rating = top.rating ?? null;
  return result;
}

/** The rating and, when traced, the explanation: method, inputs, result (like an indicator's trace). */
function attachAggregation(r: DimensionResult, d: DimensionPlan, agg: Aggregated, inputs: AggregateInput[], traced: boolean): void {
  const a = d.ir.aggregate!;
  if (agg.rating !== undefined) r.rating = agg.rating;
  if (!traced) return;
  const shown: Record<string, string | null> = {};
  for (const i of inputs) shown[i.path] = agg.rating !== undefined ? i.label : i.share === null ? null : i.share.toString();
  const result = agg.rating !== undefined ? agg.rating : agg.share === null || agg.share === undefined ? null : agg.share.toString();
  r.aggregation = { method: a.method === 'table' ? `table ${a.table.name}` : a.method, inputs: shown, result, steps: agg.steps };
}

function readFact(state: RecordState, segs: string[]): unknown {
  let cur: unknown = state.ctx.data;
  for (const s of segs) {
    if (cur === null || typeof cur !== 'object' || s === '[]' || !Object.hasOwn(cur, s)) return null;
    cur = (cur as Record<string, unknown>)[s];
  }
  return cur === undefined ? null : cur;
}

function gradeOf(program: Program, total: Num, steps: TraceStep[] | null): string | null {
  for (const g of program.grades) {
    if (g.min === null || cmpNum(total, g.min) >= 0) {
      steps?.push({ what: g.min === null ? `grade: ${total} below every cut-off → ${g.label}` : `grade: ${total} ≥ ${g.min} → ${g.label}`, result: g.label });
      return g.label;
    }
  }
  steps?.push({ what: `grade: ${total} below every cut-off and no otherwise grade`, result: 'null' });
  return null;
}

/** effective ÷ declared weight for the children of one node under `redistribute`. */
function redistributionFactor(nodes: NodePlan[], factor: Num, isApplicable: (n: NodePlan) => boolean): Num {
  let all = ZERO,
    app = ZERO;
  for (const n of nodes) {
    all = all.plus(n.weight);
    if (isApplicable(n)) app = app.plus(n.weight);
  }
  return app.isZero() ? ONE : factor.times(all).div(app);
}

function dimensionResult(n: DimensionPlan, applicable: boolean, eff: Num, points: Num, round: (d: Num) => number): DimensionResult {
  const r = { path: n.path, name: n.name, weight: n.weightNumber } as DimensionResult;
  if (applicable && eff !== n.weight && !eff.eq(n.weight)) r.effectiveWeight = round(eff);
  r.points = applicable ? round(points) : null;
  r.status = applicable ? 'scored' : 'not_applicable';
  return r;
}

function indicatorResult(state: RecordState, p: Placed, round: (d: Num) => number, redistribute: boolean, rep: ReportedData | undefined): IndicatorResult {
  const { outcome: o, eff } = p;
  const plan = o.plan;
  const steps = o.steps;
  const reweighted = eff !== plan.weight && !eff.eq(plan.weight);
  if (state.trace && redistribute && p.points && reweighted) {
    steps.push({ what: `redistributed: ${o.points} × ${eff} / ${plan.weight}`, result: p.points.toString() });
  }
  const f = o.frame;
  const r: IndicatorResult = {
    path: plan.path,
    name: plan.name,
    dimension: plan.dimension,
    weight: plan.weightNumber,
  } as IndicatorResult;
  if (o.status !== 'not_applicable' && reweighted) r.effectiveWeight = round(eff);
  // A traced decimal value was printed already: parse that text rather than print it again.
  const value = o.valueString !== undefined ? Number(o.valueString) || 0 : toJson(o.value);
  r.value = typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean' ? value : null;
  r.unit = plan.ir.unit;
  r.target = plan.target ? targetResult(plan.target, f) : null;
  r.method = plan.ir.score.method;
  r.points = p.points === null ? null : round(p.points);
  r.status = o.status;
  if (o.missingPolicy) r.missingPolicy = o.missingPolicy;
  if (o.error) r.error = o.error;
  const stated = rep && reportedRow(state.program, rep, plan.path, p.points);
  if (stated) r.reported = stated;
  if (state.level === 'none') {
    r.trace = { inputs: {}, steps, rawPoints: '' };
    return r;
  }
  r.trace = { inputs: inputsOf(state, plan) } as IndicatorResult['trace'];
  if (o.hit.length) r.trace.hit = [...o.hit];
  r.trace.steps = steps;
  r.trace.rawPoints = o.points === null ? '0' : o.points === plan.weight ? plan.weightText : o.points.toString();
  if (plan.source) r.trace.source = plan.source;
  return r;
}

function targetResult(t: NonNullable<IndicatorPlan['target']>, f: IndicatorOutcome['frame']): NonNullable<IndicatorResult['target']> {
  const out: NonNullable<IndicatorResult['target']> = { op: t.op, value: scalar(f.target) };
  if (t.upper) out.upper = numOrNull(f.upper);
  if (t.tolerance) out.tolerance = f.tolerance ? toPlainNumber(f.tolerance) : null;
  return out;
}

function scalar(v: unknown): number | string | null {
  const j = toJson(v as never);
  return typeof j === 'number' || typeof j === 'string' ? j : null;
}

function numOrNull(v: unknown): number | null {
  const j = toJson((v ?? null) as never);
  return typeof j === 'number' ? j : null;
}

const LOST_REASON: Record<ScoreMethodName, string> = {
  proportional: 'BELOW_TARGET',
  bands: 'BAND',
  rating: 'LEVEL',
  tiers: 'TIER',
  deduct: 'DEDUCTION',
  step: 'DEDUCTION',
  yesno: 'NO',
  linear: 'LINEAR',
  checklist: 'CHECKLIST',
  expert: 'EXPERT',
  formula: 'FORMULA',
};

interface Lost {
  p: Placed;
  /** Exact loss, computed only when a tie or a rescale needs it (see `exactLoss`). */
  lost?: Num;
  rounded: number;
}

const exactLoss = (l: Lost): Num => (l.lost ??= l.p.eff.minus(l.p.points ?? ZERO));

/**
 * Points each applicable indicator lost (effective weight − points), computed once. The rounded
 * loss comes straight from the digits of weight and points when it can (`roundedDifference`); the
 * exact 40-digit difference is only built for the sort's ties and for rescaled totals.
 */
function lostList(leaves: Placed[], program: Program, round: (d: Num) => number): Lost[] {
  const out: Lost[] = [];
  for (const p of leaves) {
    if (p.points === p.eff) continue; // full marks (methods return the weight itself): nothing lost
    const points = p.points ?? ZERO;
    let rounded = roundedDifference(p.eff, points, program.precision, program.rounding);
    let lost: Num | undefined;
    if (rounded === undefined) {
      lost = p.eff.minus(points);
      if (lost.isZero()) continue;
      rounded = round(lost);
    }
    if (rounded > 0) out.push(lost ? { p, lost, rounded } : { p, rounded });
  }
  // Rounding is monotone, so a larger rounded loss means a larger exact loss: compare the
  // numbers first and fall back to the decimals only on a tie. Same order, fewer decimal calls.
  return out.sort((a, b) => b.rounded - a.rounded || cmpNum(exactLoss(b), exactLoss(a)) || (a.p.outcome.plan.path < b.p.outcome.plan.path ? -1 : 1));
}

function lost(list: Lost[]): LostPoints[] {
  return list.map(({ p, rounded }) => ({
    path: p.outcome.plan.path,
    lost: rounded,
    reason: p.outcome.status === 'unavailable' ? 'UNAVAILABLE' : LOST_REASON[p.outcome.plan.ir.score.method],
  }));
}

function nextGrade(program: Program, total: Num, grade: string | null, list: Lost[], weight: Num, round: (d: Num) => number): NextGrade | null {
  const i = program.grades.findIndex((g) => g.label === grade);
  if (i <= 0) return null;
  const next = program.grades[i - 1]!;
  if (next.min === null) return null;
  // Lost indicator points become total points through the same factor as the total.
  const factor = program.scale.eq(weight) ? null : program.scale.div(weight);
  const candidates = list
    .map((l) => ({ path: l.p.outcome.plan.path, available: factor ? round(exactLoss(l).times(factor)) : l.rounded }))
    .filter((c) => c.available > 0);
  return { grade: next.label, pointsNeeded: round(next.min.minus(total)), candidates };
}
