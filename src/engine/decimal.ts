/**
 * The engine's private decimal type: a `Decimal.clone` with 40 significant digits, half-up
 * rounding and plain (never exponential) string output, so every amount and score is exact to
 * the cent and prints the same on every machine. Nothing outside the engine should mutate the
 * global decimal.js configuration; that is why this is a clone and not `Decimal.set`.
 *
 * It also holds the conversions between decimals and JSON numbers on the per-record path.
 * decimal.js converts through strings (`Number(d.toString())`, `new Decimal(String(n))`), which
 * dominated the engine's profile; the fast paths here read and build decimal.js's documented
 * instance fields (`s` sign, `e` exponent, `d` base-1e7 digit words) with exact integer
 * arithmetic and give the same numbers and the same decimals, or fall back to the library.
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

/** 10^i for i = 0..22: every one is an exact double. */
const POW10: readonly number[] = Array.from({ length: 23 }, (_, i) => 10 ** i);
const LOG_BASE = 7; // decimal.js keeps 7 decimal digits per word of `d`
const HALF_UP = Base.ROUND_HALF_UP;

/** decimal.js's fields, written only by `decFromNumber` on a decimal it has just created. */
interface DecFields {
  s: number;
  e: number;
  d: number[];
}

function digitCount(w: number): number {
  return w < 10 ? 1 : w < 100 ? 2 : w < 1e3 ? 3 : w < 1e4 ? 4 : w < 1e5 ? 5 : w < 1e6 ? 6 : 7;
}

/**
 * |d| cut after `digits` decimals, read from decimal.js's digit words: the kept digits as an
 * integer `n`, the first dropped digit, and whether any digit after that one is non-zero.
 * Undefined when it does not fit exact double arithmetic (n beyond 2^53, more than 22 decimals,
 * a non-finite decimal). Every step only grows n, so a true n beyond 2^53 cannot pass the check.
 */
function cutAt(d: Dec, digits: number): { n: number; first: number; rest: boolean } | undefined {
  const w = d.d;
  if (!w || digits > 22) return undefined;
  const w0 = w[0]!;
  if (w0 === 0) return { n: 0, first: 0, rest: false };
  const last = d.e + digits; // index of the last kept digit, 0 = the most significant one
  let n = 0;
  let start = 0; // index of the first digit of the current word
  for (let i = 0; i < w.length; i++) {
    const word = w[i]!;
    const c = i === 0 ? digitCount(word) : LOG_BASE;
    if (start + c <= last + 1) {
      n = n * POW10[c]! + word;
      start += c;
      continue;
    }
    if (last < -1) return { n: 0, first: 0, rest: true }; // the value is below 10^-(digits+1)
    const take = last + 1 - start; // 0..c-1 digits of this word are kept
    const drop = POW10[c - take]!;
    const below = POW10[c - take - 1]!;
    n = n * POW10[take]! + Math.floor(word / drop);
    const dropped = word % drop;
    // Words after this one are never all zero (decimal.js strips trailing zero words).
    const result = { n, first: Math.floor(dropped / below), rest: dropped % below !== 0 || i + 1 < w.length };
    return n > Number.MAX_SAFE_INTEGER ? undefined : result;
  }
  const pad = last + 1 - start;
  if (pad > 22) return undefined;
  n *= POW10[pad]!;
  return n > Number.MAX_SAFE_INTEGER ? undefined : { n, first: 0, rest: false };
}

/**
 * |d| rounded half-up (away from zero on a tie) to `digits` decimals, as a JSON number; undefined
 * when it does not fit the exact fast path. Exact: the rounded digits form an integer n < 2^53,
 * and n / 10^digits is one correctly rounded IEEE division of two exact doubles — the same double
 * `Number(d.toFixed(digits))` parses.
 */
function roundedFast(d: Dec, digits: number): number | undefined {
  const c = cutAt(d, digits);
  if (!c) return undefined;
  const n = c.first >= 5 ? c.n + 1 : c.n;
  if (n > Number.MAX_SAFE_INTEGER) return undefined;
  const v = n / POW10[digits]!;
  return v === 0 ? 0 : d.s < 0 ? -v : v;
}

/**
 * `toRoundedNumber(a.minus(b), digits, rm)` for a ≥ 0 with at most `digits` decimals (a weight)
 * and 0 ≤ b < a, without the 40-digit subtraction: with b cut into n + r (r the dropped part,
 * 0 ≤ r < 1 unit of the last kept place), a − b = (A − n − 1) + (1 − r), which rounds half-up
 * to A − n when r = 0 or r ≤ ½, else to A − n − 1. Undefined (use the subtraction) otherwise.
 */
export function roundedDifference(a: Dec, b: Dec, digits: number, rm: DecimalJs.Decimal.Rounding): number | undefined {
  if (rm !== HALF_UP || digits < 0 || a.s < 0 || b.s < 0) return undefined;
  const ca = cutAt(a, digits);
  const cb = cutAt(b, digits);
  if (!ca || !cb || ca.first !== 0 || ca.rest) return undefined;
  if (ca.n - cb.n < 1) return undefined; // b within one unit of a (or above): not this shortcut
  const overHalf = cb.first > 5 || (cb.first === 5 && cb.rest);
  const v = (ca.n - cb.n - (overHalf ? 1 : 0)) / POW10[digits]!;
  return v === 0 ? 0 : v;
}

/** Rounds for display and returns a JSON number ("89.995" at 2 digits half-up → 90). */
export function toRoundedNumber(d: Dec, digits: number, rm: DecimalJs.Decimal.Rounding): number {
  if (rm === HALF_UP && digits >= 0) {
    const fast = roundedFast(d, digits);
    if (fast !== undefined) return fast;
  }
  // Most points are already short (10, 7.5): skip the rounding copy when nothing would change.
  const n = d.decimalPlaces() <= digits ? toPlainNumber(d) : Number(d.toFixed(digits, rm));
  return n === 0 ? 0 : n; // never emit -0
}

/**
 * A value as a JSON number without display rounding: the double nearest to the decimal, exactly
 * `Number(d.toString())`. Fast path: when the significant digits form an integer m < 2^53 and the
 * scale is at most 22, m × 10^k or m / 10^k is one correctly rounded IEEE operation on exact
 * operands, hence the same double the string parse gives. Longer decimals (a 40-digit quotient)
 * go through the string.
 */
export function toPlainNumber(d: Dec): number {
  const w = d.d;
  if (w) {
    const w0 = w[0]!;
    if (w0 === 0) return 0;
    const len = w.length;
    let n = 0;
    for (let i = 0; i < len - 1; i++) n = n * 1e7 + w[i]!;
    let tail = w[len - 1]!;
    const c = len === 1 ? digitCount(tail) : LOG_BASE;
    let tz = 0;
    while (tail % 10 === 0) {
      tail /= 10;
      tz++;
    }
    n = len === 1 ? tail : n * POW10[c - tz]! + tail;
    const total = (len === 1 ? c : digitCount(w0) + LOG_BASE * (len - 1)) - tz;
    const k = d.e - total + 1;
    if (n <= Number.MAX_SAFE_INTEGER && k >= -22 && k <= 22) {
      const v = k >= 0 ? n * POW10[k]! : n / POW10[-k]!;
      return d.s < 0 ? -v : v;
    }
  }
  const n = Number(d.toString());
  return n === 0 ? 0 : n;
}

/**
 * `new D(v)` for a finite JSON number, without decimal.js's detour through `String(v)`: when
 * v = m / 10^k exactly as doubles with m < 10^15 (money in cents, rates to a few decimals), that
 * decimal has at most 15 significant digits, and two such decimals never round to the same
 * double, so it is the very decimal `String(v)` spells. Its digit words are then laid out as
 * decimal.js's parser lays them out (aligned on the decimal point, trailing zeros stripped, the
 * last word padded to 7 digits). Anything else goes to the library.
 */
export function decFromNumber(v: number): Dec {
  const a = v < 0 ? -v : v;
  if ((a < 1e7 && a === Math.floor(a)) || !(a < 1e15)) return new D(v); // library fast path, or too long
  let k = 0;
  let m = a;
  while (m !== Math.floor(m) || m / POW10[k]! !== a) {
    if (++k > 12) return new D(v);
    m = Math.round(a * POW10[k]!);
    if (m >= 1e15) return new D(v);
  }
  while (m % 10 === 0) {
    m /= 10;
    k--;
  }
  const n = digitCount15(m);
  const e = n - 1 - k;
  let i = (e + 1) % LOG_BASE; // digits of m in its first word, as decimal.js aligns them
  if (e < 0) i += LOG_BASE;
  const words: number[] = [];
  if (i >= n) words.push(m * POW10[i - n]!);
  else {
    const r = n - i; // digits after the first word
    const tailScale = POW10[r]!;
    if (i) words.push(Math.floor(m / tailScale));
    let t = m % tailScale;
    let left = r;
    while (left > LOG_BASE) {
      left -= LOG_BASE;
      const s = POW10[left]!;
      words.push(Math.floor(t / s));
      t %= s;
    }
    words.push(t * POW10[LOG_BASE - left]!);
  }
  const x = new D(0) as unknown as DecFields; // a fresh instance with the library's own shape
  x.s = v < 0 ? -1 : 1;
  x.e = e;
  x.d = words;
  return x as unknown as Dec;
}

function digitCount15(m: number): number {
  let n = 1;
  while (n < 16 && m >= POW10[n]!) n++;
  return n;
}

/**
 * `a.cmp(b)` for two decimals of this engine: decimal.js's `comparedTo` copies its argument into
 * a new instance on every call (a third of all decimal allocations in the profile); this is the
 * same comparison of sign, exponent and digit words without the copy. Non-finite decimals go to
 * the library.
 */
export function cmpDec(a: Dec, b: Dec): number {
  const ad = a.d,
    bd = b.d,
    as = a.s,
    bs = b.s;
  if (!ad || !bd) return a.cmp(b);
  if (!ad[0] || !bd[0]) return ad[0] ? as : bd[0] ? -bs : 0;
  if (as !== bs) return as;
  const neg = as < 0;
  if (a.e !== b.e) return a.e > b.e !== neg ? 1 : -1;
  const al = ad.length,
    bl = bd.length;
  for (let i = 0, j = Math.min(al, bl); i < j; ++i) {
    if (ad[i] !== bd[i]) return ad[i]! > bd[i]! !== neg ? 1 : -1;
  }
  return al === bl ? 0 : al > bl !== neg ? 1 : -1;
}

/**
 * b / a, skipping the division when a is exactly 1 (the usual `target >= 100%`) and b already
 * fits the working precision: decimal.js would return b itself then (its digits are canonical).
 */
export function divideExact(b: Dec, a: Dec): Dec {
  return a.s === 1 && a.e === 0 && a.d.length === 1 && a.d[0] === 1 && b.d && significantDigits(b) <= D.precision ? b : b.div(a);
}

function significantDigits(d: Dec): number {
  const w = d.d;
  const len = w.length;
  if (len * 7 <= D.precision) return len * 7; // an upper bound is enough
  let last = w[len - 1]!;
  let digits = 7;
  while (last % 10 === 0 && digits > 1) {
    last /= 10;
    digits--;
  }
  return digitCount(w[0]!) + LOG_BASE * (len - 2) + digits;
}

export function clampDec(d: Dec, lo: Dec, hi: Dec): Dec {
  if (cmpDec(d, lo) < 0) return lo;
  if (cmpDec(d, hi) > 0) return hi;
  return d;
}
