/**
 * The engine's private decimal type: a `Decimal.clone` with 40 significant digits, half-up
 * rounding and plain (never exponential) string output, so every amount and score is exact to
 * the cent and prints the same on every machine. Nothing outside the engine should mutate the
 * global decimal.js configuration; that is why this is a clone and not `Decimal.set`.
 */
import DecimalJs from 'decimal.js';
import type { RoundingMode } from '../dsl/ast.js';
import { assertNever } from '../common/diagnostic.js';

// decimal.js types describe its CommonJS build (constructor under `.Decimal`); the ESM build
// that tsx and vitest load exports the constructor itself as default. Accept both.
const Base = ((DecimalJs as unknown as { Decimal?: unknown }).Decimal ?? DecimalJs) as typeof DecimalJs.Decimal;

export const D = Base.clone({
  precision: 40,
  rounding: Base.ROUND_HALF_UP,
  // Plain notation for every magnitude we can meet: traces must read "0.00000001", not "1e-8".
  toExpNeg: -1000,
  toExpPos: 1000,
});
export type Dec = InstanceType<typeof D>;

export const ZERO = new D(0);
export const ONE = new D(1);

export function roundingConstant(mode: RoundingMode): DecimalJs.Decimal.Rounding {
  switch (mode) {
    case 'half_up':
      return Base.ROUND_HALF_UP;
    case 'half_even':
      return Base.ROUND_HALF_EVEN;
    case 'down':
      return Base.ROUND_DOWN;
    case 'up':
      return Base.ROUND_UP;
    default:
      return assertNever(mode, 'rounding mode');
  }
}

/** Rounds for display and returns a JSON number ("89.995" at 2 digits half-up → 90). */
export function toRoundedNumber(d: Dec, digits: number, rm: DecimalJs.Decimal.Rounding): number {
  // Most points are already short (10, 7.5): skip the rounding copy when nothing would change.
  const n = d.decimalPlaces() <= digits ? d.toNumber() : Number(d.toFixed(digits, rm));
  return n === 0 ? 0 : n; // never emit -0
}

/** A value as a JSON number without display rounding (the shortest double for the decimal). */
export function toPlainNumber(d: Dec): number {
  const n = Number(d.toString());
  return n === 0 ? 0 : n;
}

export function clampDec(d: Dec, lo: Dec, hi: Dec): Dec {
  if (d.lt(lo)) return lo;
  if (d.gt(hi)) return hi;
  return d;
}
