/**
 * The scoring methods of DOMAIN.md §5, one closure builder per `ScoreIR` method (tiers and
 * linear in methods-tiers-linear.ts, what they share in method-kit.ts). Each built
 * closure takes the record context and the indicator frame (value, target, weight…) and returns
 * the raw points — a decimal already inside [0, weight] — or a `Fail`. While computing it writes
 * the arithmetic a reader needs to redo the score by hand into the tracer (steps, and the band,
 * level, tier or elements that were hit).
 */
import type { BandConditionIR, ScoreIR } from '../compile/ir.js';
import { assertNever } from '../common/diagnostic.js';
import { ONE, ZERO, cmpNum, type Num } from './num.js';
import { divideExact } from './num-json.js';
import { compileExpr, type Ctx, type ExprEnv, type Fn, type Frame } from './expr.js';
import { EVL, EVL_TERMS } from './messages.js';
import { capToWeight, compileAward, num, shown, type IndicatorFrame, type ScoreFn, type Tracer } from './method-kit.js';
import { compileLinear, compileTiers } from './methods-tiers-linear.js';
import { printAward, printBand, printExpr } from './print.js';
import { asBoolean, asLabel, asNumber, fail, isFail, type Fail } from './values.js';

/** 完成率法: forward B/A, reverse A/B, equal by closeness, between by the nearer bound. */
const proportional: ScoreFn = (_ctx, f, t) => {
  const op = f.targetOp;
  if (!op) return fail(EVL.NO_TARGET, { method: 'proportional' });
  const b = asNumber(f.value, EVL_TERMS.value);
  if (isFail(b)) return b;
  const a = asNumber(f.target, EVL_TERMS.target);
  if (isFail(a)) return a;
  const tol = f.tolerance ?? ZERO;
  const noTol = f.tolerance === undefined || tol.isZero();
  const w = f.weight;
  // Trace texts are built only when traced (`t.on`): most batches never read them.
  let ratio: Num;
  let what = '';
  if (op === '>=') {
    if (cmpNum(b, noTol ? a : a.minus(tol)) >= 0) return full(f, t, t.on ? `value ${b} ≥ target ${a}${tol.isZero() ? '' : ` − tolerance ${tol}`}` : '');
    if (a.isZero()) return fail(EVL.DIV_ZERO, { what: EVL_TERMS.divValueByTarget });
    ratio = divideExact(b, a);
    if (t.on) what = `forward: ${f.weightText ?? w} × value ${shown(b, f)} / target ${a}`;
  } else if (op === '<=') {
    if (cmpNum(b, noTol ? a : a.plus(tol)) <= 0) return full(f, t, t.on ? `value ${b} ≤ target ${a}${tol.isZero() ? '' : ` + tolerance ${tol}`}` : '');
    if (b.isZero()) return fail(EVL.DIV_ZERO, { what: EVL_TERMS.divTargetByValue });
    ratio = a.div(b);
    if (t.on) what = `reverse: ${w} × target ${a} / value ${b}`;
  } else if (op === '=') {
    const dev = b.minus(a).abs();
    if (cmpNum(dev, tol) <= 0) return full(f, t, t.on ? `value ${b} = target ${a}${tol.isZero() ? '' : ` ± tolerance ${tol}`}` : '');
    if (a.isZero()) return fail(EVL.DIV_ZERO, { what: EVL_TERMS.divDeviationByTarget });
    ratio = ONE.minus(dev.div(a.abs()));
    if (t.on) what = `equal: ${w} × (1 − |${b} − ${a}| / |${a}|)`;
  } else {
    const hi = asNumber(f.upper ?? null, EVL_TERMS.upperTarget);
    if (isFail(hi)) return hi;
    if (cmpNum(b, a.minus(tol)) >= 0 && cmpNum(b, hi.plus(tol)) <= 0) return full(f, t, t.on ? `value ${b} within [${a}, ${hi}]` : '');
    if (cmpNum(b, a) < 0) {
      if (a.isZero()) return fail(EVL.DIV_ZERO, { what: EVL_TERMS.divValueByLower });
      ratio = divideExact(b, a);
      if (t.on) what = `below range: ${w} × value ${b} / lower ${a}`;
    } else {
      if (b.isZero()) return fail(EVL.DIV_ZERO, { what: EVL_TERMS.divUpperByValue });
      ratio = hi.div(b);
      if (t.on) what = `above range: ${w} × upper ${hi} / value ${b}`;
    }
  }
  if (ratio.isNegative()) ratio = ZERO;
  if (cmpNum(ratio, ONE) > 0) ratio = ONE;
  const p = w.times(ratio);
  t.on && t.steps.push({ what, result: p.toString() });
  return p;
};

function full(f: IndicatorFrame, t: Tracer, why: string): Num {
  t.hit.push('target met');
  t.on && t.steps.push({ what: `${why} → full weight`, result: f.weightText ?? f.weight.toString() });
  return f.weight;
}

export function compileScore(s: ScoreIR, env: ExprEnv): ScoreFn {
  switch (s.method) {
    case 'proportional':
      return proportional;
    case 'bands': {
      const bands = s.bands.map((b) => ({
        label: b.label || printBand(b.condition),
        test: compileBand(b.condition, env),
        award: compileAward(b.award, env),
        text: `${printBand(b.condition)}: ${printAward(b.award)}`,
      }));
      const centered = s.centered;
      return (ctx, f, t) => {
        let x = asNumber(f.value, EVL_TERMS.value);
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
      const per = compileExpr(s.per, env),
        count = compileExpr(s.count, env),
        max = s.max && compileExpr(s.max, env);
      const perL = printExpr(s.per),
        countL = printExpr(s.count);
      return (ctx, f, t) => {
        const p = num(per, ctx, f, perL);
        if (isFail(p)) return p;
        const n = asNumber(count(ctx, f), countL, s.count.kind === 'data' ? countL : undefined);
        if (isFail(n)) return n;
        if (n.isNegative() && !n.isZero()) return fail(EVL.WRONG_TYPE, { what: countL, expected: EVL_TERMS.countNotNegative, found: n.toString() }, countL);
        const d = p.times(n);
        t.on && t.steps.push({ what: `deduction = ${p} per incident × ${n} incidents`, result: d.toString() });
        return deductCapped(d, max, ctx, f, t);
      };
    }
    case 'step': {
      const per = compileExpr(s.per, env),
        step = compileExpr(s.step, env),
        threshold = compileExpr(s.threshold, env),
        max = s.max && compileExpr(s.max, env);
      const above = s.direction === 'above',
        whole = s.counting === 'whole';
      return (ctx, f, t) => {
        const x = asNumber(f.value, EVL_TERMS.value);
        if (isFail(x)) return x;
        const p = num(per, ctx, f, 'per'),
          st = num(step, ctx, f, 'step'),
          th = num(threshold, ctx, f, 'threshold');
        if (isFail(p)) return p;
        if (isFail(st)) return st;
        if (isFail(th)) return th;
        if (st.isZero()) return fail(EVL.DIV_ZERO, { what: EVL_TERMS.stepZero });
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
      const items = s.items.map((i) => ({
        label: i.label,
        when: compileExpr(i.when, env),
        whenL: printExpr(i.when),
        award: compileAward(i.award, env),
        text: printAward(i.award),
      }));
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
function deductCapped(d: Num, max: Fn | undefined, ctx: Ctx, f: Frame, t: Tracer): Num | Fail {
  if (max) {
    const m = num(max, ctx, f, 'max');
    if (isFail(m)) return m;
    if (cmpNum(d, m) > 0) {
      t.on && t.steps.push({ what: `deduction capped at max ${m}`, result: m.toString() });
      d = m;
    }
  }
  return floorAtZero(f, d, t);
}

function floorAtZero(f: Frame, d: Num, t: Tracer): Num {
  const p = f.weight.minus(d);
  if (p.isNegative() && !p.isZero()) {
    t.on && t.steps.push({ what: `${f.weight} − ${d} is below 0; 扣完为止: floor at 0`, result: '0' });
    return ZERO;
  }
  t.on && t.steps.push({ what: `points = ${f.weight} − ${d}`, result: p.toString() });
  return p;
}

function compileBand(c: BandConditionIR, env: ExprEnv): (ctx: Ctx, f: Frame, x: Num) => boolean | Fail {
  switch (c.kind) {
    case 'else':
      return () => true;
    case 'compare': {
      const bound = compileExpr(c.bound, env),
        op = c.op,
        label = printExpr(c.bound);
      return (ctx, f, x) => {
        const b = num(bound, ctx, f, label);
        if (isFail(b)) return b;
        const k = cmpNum(x, b);
        return op === '>=' ? k >= 0 : op === '>' ? k > 0 : op === '<=' ? k <= 0 : op === '<' ? k < 0 : k === 0;
      };
    }
    case 'interval': {
      const lo = compileExpr(c.low, env),
        hi = compileExpr(c.high, env);
      const { lowInclusive, highInclusive } = c;
      return (ctx, f, x) => {
        const l = num(lo, ctx, f, 'low'),
          h = num(hi, ctx, f, 'high');
        if (isFail(l)) return l;
        if (isFail(h)) return h;
        const a = cmpNum(x, l),
          b = cmpNum(x, h);
        return (lowInclusive ? a >= 0 : a > 0) && (highInclusive ? b <= 0 : b < 0);
      };
    }
    default:
      return assertNever(c, 'band condition');
  }
}
