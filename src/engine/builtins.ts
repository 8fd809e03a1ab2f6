/**
 * The built-in functions of the expression language: min, max, abs, round, sum, avg, wavg,
 * count, exists, coalesce, clamp. Aggregates accept either several arguments or one list from a
 * `data.items[].x` path (lists are flattened). Like every closure in the engine they return a
 * `Fail` value instead of throwing: an empty `avg` is a division by zero (EVL411), a missing
 * element is missing data (EVL410).
 */
import type { BuiltinFunction } from '../compile/ir.js';
import { assertNever } from '../common/diagnostic.js';
import { D } from './decimal.js';
import { Num, ZERO } from './num.js';
import type { Ctx, Fn, Frame } from './expr-types.js';
import { EVL, EVL_TERMS, evlTerm } from './messages.js';
import { asNumber, fail, isDec, isFail, type Fail, type Val } from './values.js';

function flatten(vals: Val[], out: Val[] = []): Val[] {
  for (const v of vals) {
    if (Array.isArray(v)) flatten(v, out);
    else out.push(v);
  }
  return out;
}

function numbers(fn: string, args: Fn[], labels: string[], ctx: Ctx, self: Frame | null): Num[] | Fail {
  const out: Num[] = [];
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!(ctx, self);
    if (isFail(v)) return v;
    const items = Array.isArray(v) ? flatten(v) : [v];
    for (const item of items) {
      const n = asNumber(item, `${fn}(${labels[i]})`, labels[i]);
      if (isFail(n)) return n;
      out.push(n);
    }
  }
  return out;
}

export function callBuiltin(fn: BuiltinFunction, args: Fn[], labels: string[], ctx: Ctx, self: Frame | null): Val {
  switch (fn) {
    case 'min':
    case 'max': {
      const ns = numbers(fn, args, labels, ctx, self);
      if (isFail(ns)) return ns;
      if (ns.length === 0) return fail(EVL.BAD_ARGUMENT, { fn, detail: EVL_TERMS.noValues });
      return fn === 'min' ? Num.min(ns) : Num.max(ns);
    }
    case 'sum': {
      const ns = numbers(fn, args, labels, ctx, self);
      if (isFail(ns)) return ns;
      return ns.reduce((a, b) => a.plus(b), ZERO);
    }
    case 'avg': {
      const ns = numbers(fn, args, labels, ctx, self);
      if (isFail(ns)) return ns;
      if (ns.length === 0) return fail(EVL.DIV_ZERO, { what: evlTerm('avgOfNothing', { call: `avg(${labels.join(', ')})` }) });
      return ns.reduce((a, b) => a.plus(b), ZERO).div(Num.fromNumber(ns.length));
    }
    case 'wavg': {
      if (args.length !== 2) return fail(EVL.BAD_ARGUMENT, { fn, detail: EVL_TERMS.needsValuesAndWeights });
      const vs = numbers(fn, [args[0]!], [labels[0]!], ctx, self);
      if (isFail(vs)) return vs;
      const ws = numbers(fn, [args[1]!], [labels[1]!], ctx, self);
      if (isFail(ws)) return ws;
      if (vs.length !== ws.length) return fail(EVL.BAD_ARGUMENT, { fn, detail: evlTerm('valuesButWeights', { values: vs.length, weights: ws.length }) });
      let num = ZERO,
        den = ZERO;
      for (let i = 0; i < vs.length; i++) {
        num = num.plus(vs[i]!.times(ws[i]!));
        den = den.plus(ws[i]!);
      }
      if (den.isZero()) return fail(EVL.DIV_ZERO, { what: evlTerm('weightsSumZero', { call: `wavg(${labels.join(', ')})` }) });
      return num.div(den);
    }
    case 'count': {
      let n = 0;
      for (const a of args) {
        const v = a(ctx, self);
        if (isFail(v)) return v;
        if (v === null) return fail(EVL.MISSING, { path: labels.join(', ') });
        n += Array.isArray(v) ? flatten(v).filter((x) => x !== null).length : 1;
      }
      return Num.fromNumber(n);
    }
    case 'abs': {
      const v = one(fn, args, labels, ctx, self);
      return isFail(v) ? v : v.abs();
    }
    case 'round': {
      const v = one(fn, args, labels, ctx, self);
      if (isFail(v)) return v;
      let digits = 0;
      if (args[1]) {
        const d = asNumber(args[1](ctx, self), EVL_TERMS.roundDigits);
        if (isFail(d)) return d;
        digits = d.toNumber();
        if (!Number.isInteger(digits) || digits < 0 || digits > 20)
          return fail(EVL.BAD_ARGUMENT, { fn, detail: evlTerm('badDigits', { digits: d.toString() }) });
      }
      return v.toDecimalPlaces(digits, D.ROUND_HALF_UP);
    }
    case 'clamp': {
      if (args.length !== 3) return fail(EVL.BAD_ARGUMENT, { fn, detail: EVL_TERMS.needsClampArgs });
      const ns = numbers(fn, args, labels, ctx, self);
      if (isFail(ns)) return ns;
      const [x, lo, hi] = ns as [Num, Num, Num];
      return x.lt(lo) ? lo : x.gt(hi) ? hi : x;
    }
    case 'exists': {
      for (const a of args) {
        const v = a(ctx, self);
        if (v === null || isFail(v)) return false;
      }
      return true;
    }
    case 'coalesce': {
      let firstFail: Fail | undefined;
      for (const a of args) {
        const v = a(ctx, self);
        if (isFail(v)) firstFail ??= v;
        else if (v !== null) return v;
      }
      return firstFail ?? null;
    }
    default:
      return assertNever(fn, 'builtin function');
  }
}

function one(fn: string, args: Fn[], labels: string[], ctx: Ctx, self: Frame | null): Num | Fail {
  if (!args[0]) return fail(EVL.BAD_ARGUMENT, { fn, detail: EVL_TERMS.needsArgument });
  const v = asNumber(args[0](ctx, self), `${fn}(${labels[0]})`, labels[0]);
  return isFail(v) || isDec(v) ? v : v;
}
