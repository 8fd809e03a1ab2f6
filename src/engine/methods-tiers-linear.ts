/**
 * The two scoring methods over ranges: 档内取点 (`tiers`: a level picks a points range, a data
 * point or the declared pick chooses within it) and linear interpolation between declared
 * points (clamped at both ends). Same contract as methods.ts: raw points inside [0, weight] or
 * a `Fail`, with the arithmetic written to the tracer.
 */
import type { ScoreIR } from '../compile/ir.js';
import { Num, cmpNum } from './num.js';
import { compileExpr, type ExprEnv } from './expr.js';
import { EVL, EVL_TERMS } from './messages.js';
import { capToWeight, compileAward, num, shown, type ScoreFn } from './method-kit.js';
import { printExpr } from './print.js';
import { asLabel, asNumber, fail, isFail, type Val } from './values.js';

const TWO = Num.fromNumber(2);

export function compileTiers(s: Extract<ScoreIR, { method: 'tiers' }>, env: ExprEnv): ScoreFn {
  const subject = compileExpr(s.subject, env),
    label = printExpr(s.subject);
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
    const lo = tier.low(ctx, f),
      hi = tier.high(ctx, f);
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
      t.on &&
        t.steps.push({ what: tier.fraction ? `point from data ${pointL} = ${p0} × weight ${f.weight}` : `point from data ${pointL}`, result: p.toString() });
      return capToWeight(p, f, t);
    }
    const p = pick === 'low' ? lo : pick === 'high' ? hi : lo.plus(hi).div(TWO);
    t.on && t.steps.push({ what: `no point given; pick ${pick}`, result: p.toString() });
    return capToWeight(p, f, t);
  };
}

export function compileLinear(s: Extract<ScoreIR, { method: 'linear' }>, env: ExprEnv): ScoreFn {
  const pts = s.points.map((p) => ({ x: compileExpr(p.x, env), xl: printExpr(p.x), y: compileAward(p.y, env) }));
  // Literal points (the usual `60%: 0%; 100%: 100%`) give the same sorted list for a given
  // weight: build it once per weight instead of once per record, with each segment's rise and
  // run and the hit label (the same decimals and text the per-record path computes).
  const literal = s.points.every((p) => p.x.kind === 'number' && p.y.value.kind === 'number');
  let lastWeight: Num | undefined, last: Curve | undefined;
  return (ctx, f, t) => {
    const x = asNumber(f.value, EVL_TERMS.value);
    if (isFail(x)) return x;
    let curve: Curve;
    if (literal && last && f.weight === lastWeight) curve = last;
    else {
      const xy: { x: Num; y: Num }[] = [];
      for (const p of pts) {
        const px = num(p.x, ctx, f, p.xl),
          py = p.y(ctx, f);
        if (isFail(px)) return px;
        if (isFail(py)) return py;
        xy.push({ x: px, y: py });
      }
      if (xy.length === 0) return fail(EVL.BAD_ARGUMENT, { fn: 'linear', detail: EVL_TERMS.noPoints });
      xy.sort((a, b) => cmpNum(a.x, b.x));
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
    const first = xy[0]!,
      lastPoint = xy[xy.length - 1]!;
    let y: Num;
    if (cmpNum(x, first.x) <= 0) {
      y = first.y;
      t.on && t.steps.push({ what: `value ${shown(x, f)} ≤ first point ${first.x}: clamped`, result: y.toString() });
    } else if (cmpNum(x, lastPoint.x) >= 0) {
      y = lastPoint.y;
      t.on && t.steps.push({ what: `value ${shown(x, f)} ≥ last point ${lastPoint.x}: clamped`, result: y.toString() });
    } else {
      let i = 0;
      while (i < xy.length - 2 && cmpNum(x, xy[i + 1]!.x) > 0) i++;
      const a = xy[i]!,
        b = xy[i + 1]!;
      const rise = curve.rise[i] ?? b.y.minus(a.y),
        run = curve.run[i] ?? b.x.minus(a.x);
      y = a.y.plus(x.minus(a.x).times(rise).div(run));
      t.on && t.steps.push({ what: `interpolate: ${a.y} + (${shown(x, f)} − ${a.x}) × (${b.y} − ${a.y}) / (${b.x} − ${a.x})`, result: y.toString() });
    }
    t.hit.push(curve.hit);
    return capToWeight(y, f, t);
  };
}

/** A linear method's sorted points; `rise`/`run` per segment are filled for literal points. */
interface Curve {
  xy: { x: Num; y: Num }[];
  rise: Num[];
  run: Num[];
  hit: string;
}
