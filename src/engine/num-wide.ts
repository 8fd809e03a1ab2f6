/**
 * The engine number's wide form: a decimal M × 10^-K held as a BigInt M of at most 40 digits
 * (no trailing zeros) and an integer scale K — what a quotient like 87 / 95 or a product of two
 * such quotients needs. Each operation here is the exact result rounded once to 40 significant
 * digits, half-up, which is what decimal.js does at the engine's precision (src/engine/decimal.ts:
 * its division is correctly rounded, it computes a remainder flag before rounding), so a value
 * computed here prints, compares and rounds exactly as the D it replaces; BigInt arithmetic on
 * two or three machine words costs a fraction of decimal.js's digit arrays.
 *
 * Functions return M and leave K in `wide.scale`: one BigInt and a number per result without a
 * wrapper object per operation (the hot path is a per-record loop).
 */
export const PRECISION = 40;

/** 10^i as BigInt for i = 0..2·PRECISION+2: covers every product and quotient shift. */
const POW10N: readonly bigint[] = Array.from({ length: 2 * PRECISION + 3 }, (_, i) => 10n ** BigInt(i));
const LIMIT = POW10N[PRECISION]!;

/** The scale of the value last returned by a function of this module. */
export const wide = { scale: 0 };

export function pow10n(i: number): bigint {
  return POW10N[i] ?? 10n ** BigInt(i);
}

/** Decimal digits of a base-10^7 word of decimal.js (0 < w < 10^7). */
export function digitCount(w: number): number {
  return w < 10 ? 1 : w < 100 ? 2 : w < 1e3 ? 3 : w < 1e4 ? 4 : w < 1e5 ? 5 : w < 1e6 ? 6 : 7;
}

/** Decimal digits of a nonzero safe integer's magnitude (at most 16): the fast form's digits. */
export function safeDigits(m: number): number {
  const a = m < 0 ? -m : m;
  let n = 1;
  while (n < 16 && a >= POW10_SAFE[n]!) n++;
  return n;
}
const POW10_SAFE: readonly number[] = Array.from({ length: 16 }, (_, i) => 10 ** i);

/** Number of decimal digits of |m| (m ≠ 0), by binary search over the powers of ten. */
export function digitsOf(m: bigint): number {
  const a = m < 0n ? -m : m;
  const top = POW10N.length - 1;
  if (a >= POW10N[top]!) return a.toString().length;
  let lo = 1,
    hi = top;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a < POW10N[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * m × 10^-k rounded half-up (away from zero on a tie) to 40 significant digits, trailing zeros
 * stripped. m ≠ 0 and exact: the caller's operation was done without loss.
 */
export function round40(m: bigint, k: number): bigint {
  const a = m < 0n ? -m : m;
  if (a >= LIMIT) {
    const cut = digitsOf(a) - PRECISION;
    const p = pow10n(cut);
    let q = a / p;
    if ((a - q * p) * 2n >= p) q += 1n;
    m = m < 0n ? -q : q;
    k -= cut;
  }
  return strip(m, k);
}

/** m × 10^-k with trailing zeros of m moved into the scale (m ≠ 0). */
export function strip(m: bigint, k: number): bigint {
  if (m % 10n === 0n) {
    do {
      m /= 10n;
      k--;
    } while (m % 10n === 0n);
  }
  wide.scale = k;
  return m;
}

/** Two exact scaled integers brought to the larger scale; `wide.scale` holds it. */
function aligned(a: bigint, ka: number, b: bigint, kb: number, sum: boolean): bigint {
  let s: bigint;
  if (ka === kb) s = sum ? a + b : a - b;
  else if (ka > kb) s = sum ? a + b * pow10n(ka - kb) : a - b * pow10n(ka - kb);
  else {
    s = sum ? a * pow10n(kb - ka) + b : a * pow10n(kb - ka) - b;
    ka = kb;
  }
  wide.scale = ka;
  return s;
}

/** a + b (or a − b) at 40 digits; 0n when the exact result is zero. */
export function addWide(a: bigint, ka: number, b: bigint, kb: number, subtract: boolean): bigint {
  const s = aligned(a, ka, b, kb, !subtract);
  return s === 0n ? 0n : round40(s, wide.scale);
}

export function mulWide(a: bigint, ka: number, b: bigint, kb: number): bigint {
  return round40(a * b, ka + kb);
}

/**
 * a / b (both nonzero) correctly rounded to 40 digits: the dividend is shifted so the integer
 * quotient has 41 or 42 digits, and the digits beyond 40 decide the rounding. Half-up needs no
 * remainder flag: the cut-off digits t and the power p are integers with p even, so 2t < p
 * means the exact tail is below one half too.
 */
export function divWide(a: bigint, ka: number, b: bigint, kb: number, digitsA = digitsOf(a), digitsB = digitsOf(b)): bigint {
  const s = PRECISION + 1 - (digitsA - digitsB);
  let q = s >= 0 ? (a * pow10n(s)) / b : a / (b * pow10n(-s));
  // q has 41 or 42 digits: one or two to cut
  const p = q >= POW10N[PRECISION + 1]! ? 100n : 10n;
  const t = q % p;
  q /= p;
  if (t * 2n >= p) q += 1n;
  return strip(q, ka - kb + s - (p === 100n ? 2 : 1));
}

/** -1, 0 or 1 for a × 10^-ka against b × 10^-kb. */
export function cmpWide(a: bigint, ka: number, b: bigint, kb: number): number {
  const sa = a < 0n ? -1 : a > 0n ? 1 : 0;
  const sb = b < 0n ? -1 : b > 0n ? 1 : 0;
  if (sa !== sb || sa === 0) return sa < sb ? -1 : sa > sb ? 1 : 0;
  const d = aligned(a, ka, b, kb, false);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/** The rounding modes of decimal.js the engine uses, by their decimal.js numbers. */
export const MODE = { UP: 0, DOWN: 1, HALF_UP: 4, HALF_EVEN: 6, FLOOR: 3 } as const;

/**
 * m × 10^-k (k > dp) rounded to dp decimals by a decimal.js rounding mode; undefined for a mode
 * not listed in MODE. The result has scale dp (trailing zeros not stripped); 0n keeps no sign,
 * the caller knows it from m.
 */
export function roundToPlaces(m: bigint, k: number, dp: number, rm: number): bigint | undefined {
  const p = pow10n(k - dp);
  const neg = m < 0n;
  const a = neg ? -m : m;
  let q = a / p;
  const r = a - q * p;
  let away: boolean;
  if (rm === MODE.HALF_UP) away = r * 2n >= p;
  else if (rm === MODE.HALF_EVEN) away = r * 2n > p || (r * 2n === p && q % 2n === 1n);
  else if (rm === MODE.DOWN) away = false;
  else if (rm === MODE.UP) away = r !== 0n;
  else if (rm === MODE.FLOOR) away = neg && r !== 0n;
  else return undefined;
  if (away) q += 1n;
  wide.scale = dp;
  return neg ? -q : q;
}

/** Plain notation of m × 10^-k (m ≠ 0, no trailing zeros), as decimal.js prints it. */
export function wideToString(m: bigint, k: number): string {
  const neg = m < 0n;
  let s = (neg ? -m : m).toString();
  if (k <= 0) s += '0'.repeat(-k);
  else {
    if (s.length <= k) s = '0'.repeat(k - s.length + 1) + s;
    s = `${s.slice(0, s.length - k)}.${s.slice(s.length - k)}`;
  }
  return neg ? `-${s}` : s;
}
