/**
 * The engine number as results show it: JSON numbers without display rounding and rounded to a
 * rule set's precision (never -0), and the small helpers the methods and the scorecard share.
 * Each gives exactly what decimal.js gives for the same decimal (num.ts).
 */
import type DecimalJs from 'decimal.js';
import { roundedDifference as decRoundedDifference, toPlainNumber as decToPlainNumber, toRoundedNumber as decToRoundedNumber } from './decimal.js';
import type { Num } from './num.js';

type Rounding = DecimalJs.Decimal.Rounding;

/** A JSON number without display rounding: `Number(d.toString())`, never -0. */
export function toPlainNumber(n: Num): number {
  if (n.isFast() || n.isLazy()) {
    const v = n.toNumber();
    return v === 0 ? 0 : v;
  }
  if (n.isWide()) {
    const v = n.toNumber();
    return v === 0 ? 0 : v; // a tiny value below the smallest double
  }
  return decToPlainNumber(n.dec());
}

/** Rounded for display as a JSON number: `Number(d.toFixed(digits, rm))`, never -0. */
export function toRoundedNumber(n: Num, digits: number, rm: Rounding): number {
  if (!n.isDec()) {
    const v = n.toDecimalPlaces(digits, rm);
    if (v.isFast() || v.isWide()) {
      const x = v.toNumber();
      return x === 0 ? 0 : x;
    }
  }
  return decToRoundedNumber(n.dec(), digits, rm);
}

export function clampNum(d: Num, lo: Num, hi: Num): Num {
  if (d.cmp(lo) < 0) return lo;
  if (d.cmp(hi) > 0) return hi;
  return d;
}

/** b / a, skipping the division when a is exactly 1 and b is fast (the usual `target >= 100%`). */
export function divideExact(b: Num, a: Num): Num {
  return a.isFast() && a.m === 1 && a.k === 0 && b.isFast() ? b : b.div(a);
}

/**
 * `toRoundedNumber(a.minus(b), digits, rm)`, or undefined when the caller should subtract: in
 * the fast and wide forms the subtraction is as cheap as any shortcut; D values keep
 * decimal.ts's digit-level shortcut that avoids a 40-digit subtraction.
 */
export function roundedDifference(a: Num, b: Num, digits: number, rm: Rounding): number | undefined {
  if (!a.isDec() && !b.isDec()) return undefined;
  return decRoundedDifference(a.dec(), b.dec(), digits, rm);
}
