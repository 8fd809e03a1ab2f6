/**
 * The double arithmetic behind the engine number's lazy form (num.ts): a value known as a
 * double x and a bound e with |x − X| ≤ e, where X is the exact decimal the operation gives at
 * 40 digits. A rounding, a comparison or a sign is answered from the interval [x − e, x + e]
 * when no decision boundary lies in it; otherwise the caller computes X exactly. So a decision
 * taken here is the one the exact value takes, and the exact BigInt or decimal.js work is left
 * to the few values that sit on a half-cent or compare equal.
 *
 * Bounds are deliberately loose: every double operation is charged 2^-52 of its result (twice
 * IEEE's half-ulp), every 40-digit rounding 10^-39, and each bound is inflated by 10^-12 so the
 * rounding of the bound's own arithmetic can never make it too small. Values outside
 * [10^-250, 10^250] are not approximated (no underflow or overflow to reason about).
 */

/** Charged per double operation, relative to its result (2^-52). */
const U = 2 ** -52;
/** Charged per 40-digit rounding of decimal.js, relative to its result. */
const DIGITS40 = 1e-39;
const INFLATE = 1 + 1e-12;
const LOW = 1e-250,
  HIGH = 1e250;
/** Largest |scaled value| whose integer part is exact and a safe integer after rounding. */
const EXACT_INTEGERS = 2 ** 52;
/** 10^i for i = 0..22, exact doubles. */
const POW10: readonly number[] = Array.from({ length: 23 }, (_, i) => 10 ** i);
const SAFE = Number.MAX_SAFE_INTEGER;

/**
 * A double within a few units in the last place of w × 10^-wk: two correctly rounded steps
 * (BigInt to double, then one scaling), each off by at most half an ulp.
 */
export function approximate(w: bigint, wk: number): number {
  const x = Number(w);
  return wk >= 0 ? (wk <= 22 ? x / POW10[wk]! : x / 10 ** wk) : x * 10 ** -wk;
}
/** Relative distance beyond which two approximations' order is certain (far above their error). */
export const CERTAIN = 1e-12;

/**
 * The double nearest the 40-digit quotient of am × 10^-ak by bm × 10^-bk (safe integers, bm ≠ 0),
 * without computing it; undefined when the two cannot be brought to one scale as safe integers.
 * At one scale the quotient is A / B, and IEEE division rounds A / B correctly. The 40-digit
 * quotient rounds to the same double: a midpoint between doubles is at least 2^-107 (relatively)
 * from any A / B it does not equal — and it never equals one, whose reduced denominator is a
 * power of two and whose numerator then fits 53 bits — far beyond the 40-digit rounding's 5·10^-40.
 */
export function quotientDouble(am: number, ak: number, bm: number, bk: number): number | undefined {
  let a = am,
    b = bm;
  const shift = bk - ak;
  if (shift > 22 || shift < -22) return undefined;
  if (shift > 0) a *= POW10[shift]!;
  else if (shift < 0) b *= POW10[-shift]!;
  return a <= SAFE && a >= -SAFE && b <= SAFE && b >= -SAFE && b !== 0 ? a / b : undefined;
}

/** Whether x can carry a bound: finite and, unless zero, inside the range the bounds hold in. */
export function approximable(x: number, e: number): boolean {
  const a = x < 0 ? -x : x;
  return (a === 0 || (a > LOW && a < HIGH)) && e < HIGH;
}

const charge = (r: number): number => (r < 0 ? -r : r) * (U + DIGITS40);

/** Bound on x ± y (r its double). */
export function sumError(r: number, ex: number, ey: number): number {
  return (ex + ey + charge(r)) * INFLATE;
}

/** Bound on x × y (r its double). */
export function productError(x: number, y: number, r: number, ex: number, ey: number): number {
  const ax = x < 0 ? -x : x,
    ay = y < 0 ? -y : y;
  return (ax * ey + ay * ex + ex * ey + charge(r)) * INFLATE;
}

/**
 * Bound on x / y (r its double), or NaN when the divisor's interval comes within half of |y| of
 * zero: there the quotient is not worth bounding and is computed exactly.
 */
export function quotientError(x: number, y: number, r: number, ex: number, ey: number): number {
  const ay = y < 0 ? -y : y;
  if (ey * 2 >= ay) return Number.NaN;
  const ax = x < 0 ? -x : x;
  return ((ex + (ax * ey) / ay) / (ay - ey) + charge(r)) * INFLATE;
}

/** -1, 0 or 1 when the intervals decide x against y; NaN when they overlap. */
export function compareApprox(x: number, ex: number, y: number, ey: number): number {
  const gap = x - y;
  const margin = (ex + ey + charge(gap)) * INFLATE;
  if (gap > margin) return 1;
  if (-gap > margin) return -1;
  return Number.NaN;
}

/** 1 or -1 when the interval is on one side of zero; 0 when it holds zero. */
export function signApprox(x: number, e: number): number {
  return x - e > 0 ? 1 : x + e < 0 ? -1 : 0;
}

/** decimal.js rounding modes by number (as in num-wide.ts's MODE). */
const UP = 0,
  DOWN = 1,
  FLOOR = 3,
  HALF_UP = 4,
  HALF_EVEN = 6;

/**
 * X rounded to dp decimals by mode rm, as the integer X × 10^dp rounds to, when every value of
 * the interval rounds to it; undefined when a boundary (a half for the half modes, an integer
 * for up, down and floor) may lie inside, or the mode or size is not handled here. Half-even
 * never meets its tie here: a tie is a boundary. The sign of a zero result is the caller's.
 */
export function roundApprox(x: number, e: number, dp: number, rm: number): number | undefined {
  if (dp > 15 || dp < 0) return undefined;
  const p = POW10[dp]!;
  const s = x * p;
  // + U: below 1 in magnitude the fraction of a negative s is not exact (s + 1 rounds)
  const es = (e * p + charge(s) + U) * INFLATE;
  const as = s < 0 ? -s : s;
  if (as + es >= EXACT_INTEGERS) return undefined;
  const f = Math.floor(s);
  const frac = s - f;
  if (rm === HALF_UP || rm === HALF_EVEN) {
    const d = frac - 0.5;
    if ((d < 0 ? -d : d) <= es) return undefined;
    return d > 0 ? f + 1 : f;
  }
  if (frac <= es || 1 - frac <= es) return undefined;
  if (rm === FLOOR) return f;
  if (rm === DOWN) return s < 0 ? f + 1 : f;
  if (rm === UP) return s < 0 ? f : f + 1;
  return undefined;
}
