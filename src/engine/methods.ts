/**
 * The scoring methods of DOMAIN.md §5, one closure builder per `ScoreIR` method. Each built
 * closure takes the record context and the indicator frame (value, target, weight…) and returns
 * the raw points — a decimal already inside [0, weight] — or a `Fail`. While computing it writes
 * the arithmetic a reader needs to redo the score by hand into the tracer (steps, and the band,
 * level, tier or elements that were hit).
 */
import type { AwardIR, BandConditionIR, ScoreIR } from '../compile/ir.js';
import type { TraceStep } from './result.js';
import { assertNever } from '../common/diagnostic.js';
import { D, ONE, ZERO, cmpDec, divideExact, type Dec } from './decimal.js';
import { compileExpr, type Ctx, type ExprEnv, type Fn, type Frame } from './expr.js';
import { EVL } from './messages.js';
import { printAward, printBand, printExpr } from './print.js';
import { asBoolean, asLabel, asNumber, fail, isFail, type Fail, type Val } from './values.js';

export interface IndicatorFrame extends Frame {
  /** `weight.toString()`, computed once per indicator plan (traces print the weight often). */
  weightText?: string;
  /** `value.toString()` when the trace printed a decimal value already (see `shown`). */
  valueString?: string;
  targetOp?: '>=' | '<=' | '=' | 'between';
  upper?: Val;
  tolerance?: Dec;
}

export interface Tracer {
  /** False when the caller asked for no trace: steps are then not even formatted. */
  on: boolean;
  steps: TraceStep[];
  hit: string[];
  /** A problem that did not stop scoring (an expert score clipped to the weight). */
  warning?: Fail;
}

export type ScoreFn = (ctx: Ctx, f: IndicatorFrame, t: Tracer) => Dec | Fail;
type AwardFn = (ctx: Ctx, f: IndicatorFrame) => Dec | Fail;

function compileAward(a: AwardIR, env: ExprEnv): AwardFn {
  const v = compileExpr(a.value, env);
  const label = printAward(a);
  if (a.value.kind === 'number') {
    // A literal award (`80%`, `3`): the same decimal for every record. A fraction also depends
    // on the weight, which is fixed per indicator, so the product is kept for the last weight
    // seen (decimals are immutable; sharing the instance is safe).
    const n = new D(a.value.value);
    if (a.kind !== 'fraction') return () => n;
    let lastWeight: Dec | undefined, lastPoints = ZERO;
    return (_ctx, f) => {
      if (f.weight !== lastWeight) {
        lastPoints = f.weight.times(n);
        lastWeight = f.weight;
      }
      return lastPoints;
    };
  }
  if (a.kind === 'fraction') {
    return (ctx, f) => {
      const n = asNumber(v(ctx, f), label);
      return isFail(n) ? n : f.weight.times(n);
    };
  }
  return (ctx, f) => asNumber(v(ctx, f), label);
}

function num(fn: Fn, ctx: Ctx, f: Frame, label: string): Dec | Fail {
  return asNumber(fn(ctx, f), label);
}

/** A decimal as the trace prints it, reusing the value's text when it is the indicator's value. */
function shown(d: Dec, f: IndicatorFrame): string {
  return d === f.value && f.valueString !== undefined ? f.valueString : d.toString();
}

/** Keeps points inside [0, weight] and says so in the trace when it had to. */
export function capToWeight(p: Dec, f: Frame, t: Tracer): Dec {
  if (cmpDec(p, f.weight) > 0) {
    t.on && t.steps.push({ what: `capped at the weight: min(${p}, ${f.weight})`, result: f.weight.toString() });
    return f.weight;
  }
  if (p.isNegative() && !p.isZero()) {
    t.on && t.steps.push({ what: `floor at 0: max(${p}, 0)`, result: '0' });
    return ZERO;
  }
  return p;
}

/** 完成率法: forward B/A, reverse A/B, equal by closeness, between by the nearer bound. */
const proportional: ScoreFn = (_ctx, f, t) => {
  const op = f.targetOp;
  if (!op) return fail(EVL.NO_TARGET, { method: 'proportional' });
  const b = asNumber(f.value, 'value');
  if (isFail(b)) return b;
  const a = asNumber(f.target, 'target');
  if (isFail(a)) return a;
  const tol = f.tolerance ?? ZERO;
  const noTol = f.tolerance === undefined || tol.isZero();
  const w = f.weight;
  // Trace texts are built only when traced (`t.on`): most batches never read them.
  let ratio: Dec;
  let what = '';
  if (op === '>=') {
    if (cmpDec(b, noTol ? a : a.minus(tol)) >= 0) return full(f, t, t.on ? `value ${b} ≥ target ${a}${tol.isZero() ? '' : ` − tolerance ${tol}`}` : '');
    if (a.isZero()) return fail(EVL.DIV_ZERO, { what: 'value / target (target 0)' });
    ratio = divideExact(b, a);
    if (t.on) what = `forward: ${f.weightText ?? w} × value ${shown(b, f)} / target ${a}`;
  } else if (op === '<=') {
    if (cmpDec(b, noTol ? a : a.plus(tol)) <= 0) return full(f, t, t.on ? `value ${b} ≤ target ${a}${tol.isZero() ? '' : ` + tolerance ${tol}`}` : '');
    if (b.isZero()) return fail(EVL.DIV_ZERO, { what: 'target / value (value 0)' });
    ratio = a.div(b);
    if (t.on) what = `reverse: ${w} × target ${a} / value ${b}`;
  } else if (op === '=') {
    const dev = b.minus(a).abs();
    if (cmpDec(dev, tol) <= 0) return full(f, t, t.on ? `value ${b} = target ${a}${tol.isZero() ? '' : ` ± tolerance ${tol}`}` : '');
    if (a.isZero()) return fail(EVL.DIV_ZERO, { what: '|value − target| / target (target 0)' });
    ratio = ONE.minus(dev.div(a.abs()));
    if (t.on) what = `equal: ${w} × (1 − |${b} − ${a}| / |${a}|)`;
  } else {
    const hi = asNumber(f.upper ?? null, 'upper target');
    if (isFail(hi)) return hi;
    if (cmpDec(b, a.minus(tol)) >= 0 && cmpDec(b, hi.plus(tol)) <= 0) return full(f, t, t.on ? `value ${b} within [${a}, ${hi}]` : '');
    if (cmpDec(b, a) < 0) {
      if (a.isZero()) return fail(EVL.DIV_ZERO, { what: 'value / lower bound (bound 0)' });
      ratio = divideExact(b, a);
      if (t.on) what = `below range: ${w} × value ${b} / lower ${a}`;
    } else {
      if (b.isZero()) return fail(EVL.DIV_ZERO, { what: 'upper bound / value (value 0)' });
      ratio = hi.div(b);
      if (t.on) what = `above range: ${w} × upper ${hi} / value ${b}`;
    }
  }
  if (ratio.isNegative()) ratio = ZERO;
  if (cmpDec(ratio, ONE) > 0) ratio = ONE;
  const p = w.times(ratio);
  t.on && t.steps.push({ what, result: p.toString() });
  return p;
};

function full(f: IndicatorFrame, t: Tracer, why: string): Dec {
  t.hit.push('target met');
  t.on && t.steps.push({ what: `${why} → full weight`, result: f.weightText ?? f.weight.toString() });
  return f.weight;
}

export function compileScore(s: ScoreIR, env: ExprEnv): ScoreFn {
  switch (s.method) {
    case 'proportional':
      return proportional;
    case 'bands': {
      const bands = s.bands.map((b) => ({ label: b.label || printBand(b.condition), test: compileBand(b.condition, env), award: compileAward(b.award, env), text: `${printBand(b.condition)}: ${printAward(b.award)}` }));
      const centered = s.centered;
      return (ctx, f, t) => {
        let x = asNumber(f.value, 'value');
        if (isFail(x)) return x;
        if (centered) {
          t.on && t.steps.push({ what: `centred: |${x}|`, result: x.abs().toString() });
          x = x.abs();
        }
        for (const b of bands) {
          const ok = b.test(ctx, f, x);
          if (isFail(ok)) return ok;
          if (!ok) continue;
          const p = b.award(ctx, f);
          if (isFail(p)) return p;
          t.hit.push(b.label);
          t.on && t.steps.push({ what: `band ${b.text} (first match for ${shown(x, f)})`, result: p.toString() });
          return capToWeight(p, f, t);
        }
        t.on && t.steps.push({ what: `no band matches ${x}`, result: '0' });
        return ZERO;
      };
    }
    case 'rating': {
      const subject = compileExpr(s.subject, env);
      const label = printExpr(s.subject);
      const levels = new Map(s.levels.map((l) => [l.label, { award: compileAward(l.award, env), text: printAward(l.award) }]));
      const names = s.levels.map((l) => l.label).join(', ');
      return (ctx, f, t) => {
        const lv = asLabel(subject(ctx, f), label, s.subject.kind === 'data' ? label : undefined);
        if (isFail(lv)) return lv;
        const level = levels.get(lv);
        if (!level) return fail(EVL.UNKNOWN_LEVEL, { level: lv, levels: names }, label);
        const p = level.award(ctx, f);
        if (isFail(p)) return p;
        t.hit.push(lv);
        t.on && t.steps.push({ what: `level ${lv}: ${level.text} of weight ${f.weight}`, result: p.toString() });
        return capToWeight(p, f, t);
      };
    }
    case 'tiers':
      return compileTiers(s, env);
    case 'deduct': {
      const per = compileExpr(s.per, env), count = compileExpr(s.count, env), max = s.max && compileExpr(s.max, env);
      const perL = printExpr(s.per), countL = printExpr(s.count);
      return (ctx, f, t) => {
        const p = num(per, ctx, f, perL);
        if (isFail(p)) return p;
        const n = asNumber(count(ctx, f), countL, s.count.kind === 'data' ? countL : undefined);
        if (isFail(n)) return n;
        if (n.isNegative() && !n.isZero()) return fail(EVL.WRONG_TYPE, { what: countL, expected: 'a count of 0 or more', found: n.toString() }, countL);
        const d = p.times(n);
        t.on && t.steps.push({ what: `deduction = ${p} per incident × ${n} incidents`, result: d.toString() });
        return deductCapped(d, max, ctx, f, t);
      };
    }
    case 'step': {
      const per = compileExpr(s.per, env), step = compileExpr(s.step, env), threshold = compileExpr(s.threshold, env), max = s.max && compileExpr(s.max, env);
      const above = s.direction === 'above', whole = s.counting === 'whole';
      return (ctx, f, t) => {
        const x = asNumber(f.value, 'value');
        if (isFail(x)) return x;
        const p = num(per, ctx, f, 'per'), st = num(step, ctx, f, 'step'), th = num(threshold, ctx, f, 'threshold');
        if (isFail(p)) return p;
        if (isFail(st)) return st;
        if (isFail(th)) return th;
        if (st.isZero()) return fail(EVL.DIV_ZERO, { what: 'step size 0' });
        const excess = above ? x.minus(th) : th.minus(x);
        t.on && t.steps.push({ what: above ? `excess = value ${x} − threshold ${th}` : `shortfall = threshold ${th} − value ${x}`, result: excess.toString() });
        if (!excess.isPositive() || excess.isZero()) {
          t.on && t.steps.push({ what: 'nothing to deduct', result: f.weight.toString() });
          return f.weight;
        }
        const raw = excess.div(st);
        const steps = whole ? raw.floor() : raw;
        t.on && t.steps.push({ what: `steps = ${excess} / ${st}${whole ? ', whole steps only' : ', fractional steps count'}`, result: steps.toString() });
        const d = steps.times(p);
        t.on && t.steps.push({ what: `deduction = ${steps} × ${p}`, result: d.toString() });
        return deductCapped(d, max, ctx, f, t);
      };
    }
    case 'yesno':
      return (_ctx, f, t) => {
        const b = asBoolean(f.value, 'value');
        if (isFail(b)) return b;
        t.hit.push(b ? 'yes' : 'no');
        const p = b ? f.weight : ZERO;
        t.on && t.steps.push({ what: `yes/no: ${b}`, result: p.toString() });
        return p;
      };
    case 'linear':
      return compileLinear(s, env);
    case 'checklist': {
      const items = s.items.map((i) => ({ label: i.label, when: compileExpr(i.when, env), whenL: printExpr(i.when), award: compileAward(i.award, env), text: printAward(i.award) }));
      return (ctx, f, t) => {
        let sum = ZERO;
        for (const i of items) {
          const w = i.when(ctx, f);
          // An element whose data is absent is simply not present (要素缺失 → no points).
          const b = w === null ? false : asBoolean(w, i.whenL);
          if (isFail(b)) return b;
          if (!b) {
            t.on && t.steps.push({ what: `element ${i.label}: absent`, result: '0' });
            continue;
          }
          const p = i.award(ctx, f);
          if (isFail(p)) return p;
          t.hit.push(i.label);
          t.on && t.steps.push({ what: `element ${i.label}: present, ${i.text}`, result: p.toString() });
          sum = sum.plus(p);
        }
        t.on && t.steps.push({ what: 'sum of elements present', result: sum.toString() });
        return capToWeight(sum, f, t);
      };
    }
    case 'expert': {
      const src = compileExpr(s.source, env);
      const label = printExpr(s.source);
      return (ctx, f, t) => {
        const p = asNumber(src(ctx, f), label, s.source.kind === 'data' ? label : undefined);
        if (isFail(p)) return p;
        t.on && t.steps.push({ what: `expert score ${label}`, result: p.toString() });
        const clipped = p.gt(f.weight) ? f.weight : p.isNegative() && !p.isZero() ? ZERO : p;
        if (!clipped.eq(p)) {
          t.warning = fail(EVL.EXPERT_CLIPPED, { found: p.toString(), weight: f.weight.toString(), clipped: clipped.toString() }, label);
          t.on && t.steps.push({ what: `clipped to [0, ${f.weight}]`, result: clipped.toString() });
        }
        return clipped;
      };
    }
    case 'formula': {
      const award = compileAward(s.expr, env);
      const text = printAward(s.expr);
      return (ctx, f, t) => {
        const p = award(ctx, f);
        if (isFail(p)) return p;
        t.on && t.steps.push({ what: `formula ${text}`, result: p.toString() });
        return capToWeight(p, f, t);
      };
    }
    default:
      return assertNever(s, 'score method');
  }
}

/** Both deduction methods: the declared `max` caps the deduction, then points floor at 0 (扣完为止). */
function deductCapped(d: Dec, max: Fn | undefined, ctx: Ctx, f: Frame, t: Tracer): Dec | Fail {
  if (max) {
    const m = num(max, ctx, f, 'max');
    if (isFail(m)) return m;
    if (cmpDec(d, m) > 0) {
      t.on && t.steps.push({ what: `deduction capped at max ${m}`, result: m.toString() });
      d = m;
    }
  }
  return floorAtZero(f, d, t);
}

function floorAtZero(f: Frame, d: Dec, t: Tracer): Dec {
  const p = f.weight.minus(d);
  if (p.isNegative() && !p.isZero()) {
    t.on && t.steps.push({ what: `${f.weight} − ${d} is below 0; 扣完为止: floor at 0`, result: '0' });
    return ZERO;
  }
  t.on && t.steps.push({ what: `points = ${f.weight} − ${d}`, result: p.toString() });
  return p;
}

function compileBand(c: BandConditionIR, env: ExprEnv): (ctx: Ctx, f: Frame, x: Dec) => boolean | Fail {
  switch (c.kind) {
    case 'else':
      return () => true;
    case 'compare': {
      const bound = compileExpr(c.bound, env), op = c.op, label = printExpr(c.bound);
      return (ctx, f, x) => {
        const b = num(bound, ctx, f, label);
        if (isFail(b)) return b;
        const k = cmpDec(x, b);
        return op === '>=' ? k >= 0 : op === '>' ? k > 0 : op === '<=' ? k <= 0 : op === '<' ? k < 0 : k === 0;
      };
    }
    case 'interval': {
      const lo = compileExpr(c.low, env), hi = compileExpr(c.high, env);
      const { lowInclusive, highInclusive } = c;
      return (ctx, f, x) => {
        const l = num(lo, ctx, f, 'low'), h = num(hi, ctx, f, 'high');
        if (isFail(l)) return l;
        if (isFail(h)) return h;
        const a = cmpDec(x, l), b = cmpDec(x, h);
        return (lowInclusive ? a >= 0 : a > 0) && (highInclusive ? b <= 0 : b < 0);
      };
    }
    default:
      return assertNever(c, 'band condition');
  }
}

function compileTiers(s: Extract<ScoreIR, { method: 'tiers' }>, env: ExprEnv): ScoreFn {
  const subject = compileExpr(s.subject, env), label = printExpr(s.subject);
  const point = s.point && compileExpr(s.point, env);
  const pointL = s.point ? printExpr(s.point) : '';
  const tiers = new Map(s.tiers.map((x) => [x.label, { low: compileAward(x.low, env), high: compileAward(x.high, env), fraction: x.low.kind === 'fraction' }]));
  const names = s.tiers.map((x) => x.label).join(', ');
  const pick = s.pick;
  return (ctx, f, t) => {
    const lv = asLabel(subject(ctx, f), label, s.subject.kind === 'data' ? label : undefined);
    if (isFail(lv)) return lv;
    const tier = tiers.get(lv);
    if (!tier) return fail(EVL.UNKNOWN_LEVEL, { level: lv, levels: names }, label);
    const lo = tier.low(ctx, f), hi = tier.high(ctx, f);
    if (isFail(lo)) return lo;
    if (isFail(hi)) return hi;
    t.hit.push(lv);
    t.on && t.steps.push({ what: `tier ${lv}: ${lo}..${hi} points`, result: `${lo}..${hi}` });
    const pv: Val = point ? point(ctx, f) : null;
    if (pv !== null) {
      const p0 = asNumber(pv, pointL, s.point?.kind === 'data' ? pointL : undefined);
      if (isFail(p0)) return p0;
      // The point is read in the tier's own terms: a share of the weight when the tier is in %.
      const p = tier.fraction ? f.weight.times(p0) : p0;
      if (p.lt(lo) || p.gt(hi)) return fail(EVL.POINT_OUTSIDE_TIER, { point: p0.toString(), tier: lv, low: lo.toString(), high: hi.toString() }, pointL);
      t.on && t.steps.push({ what: tier.fraction ? `point from data ${pointL} = ${p0} × weight ${f.weight}` : `point from data ${pointL}`, result: p.toString() });
      return capToWeight(p, f, t);
    }
    const p = pick === 'low' ? lo : pick === 'high' ? hi : lo.plus(hi).div(2);
    t.on && t.steps.push({ what: `no point given; pick ${pick}`, result: p.toString() });
    return capToWeight(p, f, t);
  };
}

function compileLinear(s: Extract<ScoreIR, { method: 'linear' }>, env: ExprEnv): ScoreFn {
  const pts = s.points.map((p) => ({ x: compileExpr(p.x, env), xl: printExpr(p.x), y: compileAward(p.y, env) }));
  // Literal points (the usual `60%: 0%; 100%: 100%`) give the same sorted list for a given
  // weight: build it once per weight instead of once per record, with each segment's rise and
  // run and the hit label (the same decimals and text the per-record path computes).
  const literal = s.points.every((p) => p.x.kind === 'number' && p.y.value.kind === 'number');
  let lastWeight: Dec | undefined, last: Curve | undefined;
  return (ctx, f, t) => {
    const x = asNumber(f.value, 'value');
    if (isFail(x)) return x;
    let curve: Curve;
    if (literal && last && f.weight === lastWeight) curve = last;
    else {
      const xy: { x: Dec; y: Dec }[] = [];
      for (const p of pts) {
        const px = num(p.x, ctx, f, p.xl), py = p.y(ctx, f);
        if (isFail(px)) return px;
        if (isFail(py)) return py;
        xy.push({ x: px, y: py });
      }
      if (xy.length === 0) return fail(EVL.BAD_ARGUMENT, { fn: 'linear', detail: 'no points' });
      xy.sort((a, b) => cmpDec(a.x, b.x));
      curve = { xy, rise: [], run: [], hit: `${xy[0]!.x}..${xy[xy.length - 1]!.x}` };
      if (literal) {
        for (let i = 0; i + 1 < xy.length; i++) {
          curve.rise.push(xy[i + 1]!.y.minus(xy[i]!.y));
          curve.run.push(xy[i + 1]!.x.minus(xy[i]!.x));
        }
        lastWeight = f.weight;
        last = curve;
      }
    }
    const xy = curve.xy;
    const first = xy[0]!, lastPoint = xy[xy.length - 1]!;
    let y: Dec;
    if (cmpDec(x, first.x) <= 0) {
      y = first.y;
      t.on && t.steps.push({ what: `value ${shown(x, f)} ≤ first point ${first.x}: clamped`, result: y.toString() });
    } else if (cmpDec(x, lastPoint.x) >= 0) {
      y = lastPoint.y;
      t.on && t.steps.push({ what: `value ${shown(x, f)} ≥ last point ${lastPoint.x}: clamped`, result: y.toString() });
    } else {
      let i = 0;
      while (i < xy.length - 2 && cmpDec(x, xy[i + 1]!.x) > 0) i++;
      const a = xy[i]!, b = xy[i + 1]!;
      const rise = curve.rise[i] ?? b.y.minus(a.y), run = curve.run[i] ?? b.x.minus(a.x);
      y = a.y.plus(x.minus(a.x).times(rise).div(run));
      t.on && t.steps.push({ what: `interpolate: ${a.y} + (${shown(x, f)} − ${a.x}) × (${b.y} − ${a.y}) / (${b.x} − ${a.x})`, result: y.toString() });
    }
    t.hit.push(curve.hit);
    return capToWeight(y, f, t);
  };
}

/** A linear method's sorted points; `rise`/`run` per segment are filled for literal points. */
interface Curve {
  xy: { x: Dec; y: Dec }[];
  rise: Dec[];
  run: Dec[];
  hit: string;
}
