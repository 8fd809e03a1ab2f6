/**
 * The engine's number: exact decimal arithmetic that is fast in the common case. A `Num` is
 * either a scaled integer held in a double — value = m × 10^-k, m a safe integer (|m| < 2^53,
 * -0 kept as decimal.js keeps it), 0 ≤ k ≤ 22, trailing zeros stripped — or, when a value
 * leaves that range or an operation cannot be done exactly there, a decimal.js `D` (40
 * significant digits, half-up: src/engine/decimal.ts). Every fast operation is checked to be
 * exact (each intermediate stays a safe integer; a quotient is taken only when the divisor
 * divides exactly after at most a few decimal shifts), so its result is the very number D would
 * give: D only rounds beyond 40 digits, and a fast result has at most 16. Everything else is
 * done by D on exact conversions, and D results that fit come back to the fast form. Hence
 * traces print and results compare byte for byte as they did when every value was a D.
 * test/engine/num-properties.test.ts checks each operation and rounding mode against D.
 */
import type DecimalJs from 'decimal.js';
import { D, cmpDec, roundedDifference as decRoundedDifference, toPlainNumber as decToPlainNumber, toRoundedNumber as decToRoundedNumber, type Dec } from './decimal.js';

type Rounding = DecimalJs.Decimal.Rounding;
const MAX = Number.MAX_SAFE_INTEGER;
const MAX_SCALE = 22;
/** 10^i for i = 0..22: every one is an exact double. */
const POW10: readonly number[] = Array.from({ length: MAX_SCALE + 1 }, (_, i) => 10 ** i);
const ROUND_UP = D.ROUND_UP, ROUND_DOWN = D.ROUND_DOWN, ROUND_HALF_UP = D.ROUND_HALF_UP, ROUND_HALF_EVEN = D.ROUND_HALF_EVEN, ROUND_FLOOR = D.ROUND_FLOOR;

const isNegZero = (m: number): boolean => m === 0 && 1 / m < 0;
const safe = (x: number): boolean => x <= MAX && x >= -MAX;

function digitCount(w: number): number {
  return w < 10 ? 1 : w < 100 ? 2 : w < 1e3 ? 3 : w < 1e4 ? 4 : w < 1e5 ? 5 : w < 1e6 ? 6 : 7;
}

export class Num {
  /**
   * Fast form when k ≥ 0: m and k as described above. k = -1 marks a value held only by `d`.
   * `d` is also the lazily built D of a fast value, kept for the next slow operation.
   */
  private constructor(
    readonly m: number,
    readonly k: number,
    private d: Dec | undefined,
  ) {}

  /** m × 10^-k with trailing zeros stripped; a scale beyond 22 goes to D. */
  private static of(m: number, k: number): Num {
    while (k > 0 && m % 10 === 0) {
      m /= 10;
      k--;
    }
    if (k > MAX_SCALE) return Num.ofDec(toD(m, k));
    return new Num(m, k, undefined);
  }

  /** A D as a Num: the fast form when its digits fit, else held as it is. */
  static ofDec(d: Dec): Num {
    const w = d.d;
    if (w && w.length <= 3) {
      const w0 = w[0]!;
      if (w0 === 0) return d.s < 0 ? NEG_ZERO : ZERO;
      let n = 0;
      for (let i = 0; i < w.length; i++) n = n * 1e7 + w[i]!;
      // n grows monotonically, so an inexact n is beyond MAX and is rejected here.
      let k = digitCount(w0) + 7 * (w.length - 1) - 1 - d.e;
      if (n <= MAX) {
        if (k < 0) {
          if (-k <= 15) {
            n *= POW10[-k]!;
            k = 0;
          }
        }
        if (k >= 0 && n <= MAX) {
          while (k > 0 && n % 10 === 0) {
            n /= 10;
            k--;
          }
          if (k <= MAX_SCALE) return new Num(d.s < 0 ? -n : n, k, d);
        }
      }
    }
    return new Num(NaN, -1, d);
  }

  /** `new D(v)` for a finite JSON number (its shortest decimal spelling), without the string. */
  static fromNumber(v: number): Num {
    if (Number.isSafeInteger(v) || isNegZero(v)) return new Num(v, 0, undefined);
    const a = v < 0 ? -v : v;
    if (a < 1e15) {
      // The fewest decimals k with m / 10^k === a and m < 10^15: two decimals of at most 15
      // significant digits never round to the same double, so this is the decimal String(v)
      // spells (the one decimal.js parses). Same argument as decFromNumber in decimal.ts.
      let k = 0;
      let m = a;
      while (m !== Math.floor(m) || m / POW10[k]! !== a) {
        if (++k > 12) return Num.ofDec(new D(v));
        m = Math.round(a * POW10[k]!);
        if (m >= 1e15) return Num.ofDec(new D(v));
      }
      return Num.of(v < 0 ? -m : m, k);
    }
    return Num.ofDec(new D(v));
  }

  /** A decimal literal or numeric string, as `new D(s)` reads it. */
  static parse(s: string): Num {
    const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(s);
    if (m && m[2]!.length + (m[3]?.length ?? 0) <= 15 && (m[2] || m[3])) {
      const frac = m[3] ?? '';
      const n = Number(m[2]! + frac);
      return Num.of(m[1] === '-' ? -n : n, frac.length);
    }
    return Num.ofDec(new D(s));
  }

  /** This value as a D (exact; built once). */
  dec(): Dec {
    return (this.d ??= toD(this.m, this.k));
  }

  isFast(): boolean {
    return this.k >= 0;
  }

  plus(y: Num): Num {
    if (this.k >= 0 && y.k >= 0) {
      let a = this.m, b = y.m, k = this.k;
      if (k < y.k) {
        a *= POW10[y.k - k]!;
        k = y.k;
      } else if (k > y.k) b *= POW10[k - y.k]!;
      const s = a + b;
      if (safe(a) && safe(b) && safe(s)) return Num.of(s, k);
    }
    return Num.ofDec(this.dec().plus(y.dec()));
  }

  minus(y: Num): Num {
    if (this.k >= 0 && y.k >= 0) {
      let a = this.m, b = y.m, k = this.k;
      if (k < y.k) {
        a *= POW10[y.k - k]!;
        k = y.k;
      } else if (k > y.k) b *= POW10[k - y.k]!;
      const s = a - b;
      if (safe(a) && safe(b) && safe(s)) return Num.of(s, k);
    }
    return Num.ofDec(this.dec().minus(y.dec()));
  }

  times(y: Num): Num {
    if (this.k >= 0 && y.k >= 0) {
      const p = this.m * y.m;
      if (safe(p)) return Num.of(p, this.k + y.k);
    }
    return Num.ofDec(this.dec().times(y.dec()));
  }

  /**
   * Exact when the quotient is a short decimal: the dividend is shifted by powers of ten until
   * the divisor divides it (each shift exact while it stays a safe integer). Otherwise D
   * divides, giving its 40-digit half-up quotient.
   */
  div(y: Num): Num {
    if (this.k >= 0 && y.k >= 0 && y.m !== 0) {
      let a = this.m, k = this.k - y.k;
      const b = y.m;
      while (a % b !== 0) {
        a *= 10;
        k++;
        if (!safe(a)) return Num.ofDec(this.dec().div(y.dec()));
      }
      let q = a / b;
      if (k < 0) {
        if (-k > 15) return Num.ofDec(this.dec().div(y.dec()));
        q *= POW10[-k]!;
        k = 0;
        if (!safe(q)) return Num.ofDec(this.dec().div(y.dec()));
      }
      return Num.of(q, k);
    }
    return Num.ofDec(this.dec().div(y.dec()));
  }

  neg(): Num {
    return this.k >= 0 ? new Num(-this.m, this.k, undefined) : Num.ofDec(this.dec().neg());
  }

  abs(): Num {
    if (this.k >= 0) return this.m < 0 || isNegZero(this.m) ? new Num(-this.m, this.k, undefined) : this;
    return Num.ofDec(this.dec().abs());
  }

  /** -1, 0 or 1, as D's `cmp` (-0 equals 0). */
  cmp(y: Num): number {
    if (this.k >= 0 && y.k >= 0) {
      let a = this.m, b = y.m;
      // One multiplication by an exact power of ten: either exact, or beyond 2^53 in magnitude
      // (and then beyond the other side, which is a safe integer), so the double compare is right.
      if (this.k < y.k) a *= POW10[y.k - this.k]!;
      else if (this.k > y.k) b *= POW10[this.k - y.k]!;
      return a < b ? -1 : a > b ? 1 : 0;
    }
    return cmpDec(this.dec(), y.dec());
  }

  eq(y: Num): boolean {
    return this.k >= 0 && y.k >= 0 ? this.m === y.m && this.k === y.k : this.cmp(y) === 0;
  }
  lt(y: Num): boolean {
    return this.cmp(y) < 0;
  }
  gt(y: Num): boolean {
    return this.cmp(y) > 0;
  }
  isZero(): boolean {
    return this.k >= 0 ? this.m === 0 : this.dec().isZero();
  }
  /** Sign bit, as D's: true for -0. */
  isNegative(): boolean {
    return this.k >= 0 ? this.m < 0 || isNegZero(this.m) : this.dec().isNegative();
  }
  isPositive(): boolean {
    return this.k >= 0 ? !(this.m < 0 || isNegZero(this.m)) : this.dec().isPositive();
  }

  decimalPlaces(): number {
    return this.k >= 0 ? this.k : this.dec().decimalPlaces();
  }

  /** Rounded to `dp` decimals (dp ≥ 0) by a D rounding mode; D's `toDecimalPlaces`. */
  toDecimalPlaces(dp: number, rm: Rounding): Num {
    if (this.k >= 0 && dp >= 0) {
      const m = this.m, k = this.k;
      if (k <= dp) return this;
      if (rm === ROUND_UP || rm === ROUND_DOWN || rm === ROUND_HALF_UP || rm === ROUND_HALF_EVEN || rm === ROUND_FLOOR) {
        const p = POW10[k - dp]!;
        const r = m % p; // exact; sign of m
        let q = (m - r) / p; // m − r is an exact multiple of p
        const neg = m < 0 || isNegZero(m);
        const twice = 2 * (r < 0 ? -r : r);
        let away: boolean;
        if (rm === ROUND_UP) away = r !== 0;
        else if (rm === ROUND_DOWN) away = false;
        else if (rm === ROUND_HALF_UP) away = twice >= p;
        else if (rm === ROUND_HALF_EVEN) away = twice > p || (twice === p && q % 2 !== 0);
        else away = neg && r !== 0; // floor: away from zero only below zero
        if (away) q += neg ? -1 : 1;
        if (q === 0 && neg) q = -0; // D keeps the sign of a value rounded to zero
        return Num.of(q, dp);
      }
    }
    return Num.ofDec(this.dec().toDecimalPlaces(dp, rm));
  }

  floor(): Num {
    return this.toDecimalPlaces(0, ROUND_FLOOR);
  }

  /** The nearest double, exactly `Number(D.toString())` but keeping -0 (D's `toNumber`). */
  toNumber(): number {
    if (this.k >= 0) return this.k === 0 ? this.m : this.m / POW10[this.k]!;
    return this.dec().toNumber();
  }

  /** Plain notation, exactly as D prints (no exponent, trailing zeros stripped, "0" for -0). */
  toString(): string {
    if (this.k < 0) return this.dec().toString();
    const m = this.m, k = this.k;
    if (k === 0) return m === 0 ? '0' : String(m);
    const neg = m < 0;
    let s = String(neg ? -m : m);
    if (s.length <= k) s = '0'.repeat(k - s.length + 1) + s;
    const cut = s.length - k;
    return (neg ? '-' : '') + s.slice(0, cut) + '.' + s.slice(cut);
  }

  toJSON(): string {
    return this.toString();
  }

  static min(ns: readonly Num[]): Num {
    let x = ns[0]!;
    for (let i = 1; i < ns.length; i++) if (ns[i]!.lt(x)) x = ns[i]!;
    return x;
  }

  static max(ns: readonly Num[]): Num {
    let x = ns[0]!;
    for (let i = 1; i < ns.length; i++) if (ns[i]!.gt(x)) x = ns[i]!;
    return x;
  }
}

function toD(m: number, k: number): Dec {
  if (m === 0) return new D(isNegZero(m) ? -0 : 0);
  return new D(k === 0 ? m : `${m}e-${k}`);
}

export const ZERO = Num.fromNumber(0);
export const NEG_ZERO = Num.fromNumber(-0);
export const ONE = Num.fromNumber(1);

export function cmpNum(a: Num, b: Num): number {
  return a.cmp(b);
}

/** A JSON number without display rounding: `Number(d.toString())`, never -0. */
export function toPlainNumber(n: Num): number {
  if (n.isFast()) {
    const v = n.toNumber();
    return v === 0 ? 0 : v;
  }
  return decToPlainNumber(n.dec());
}

/** Rounded for display as a JSON number: `Number(d.toFixed(digits, rm))`, never -0. */
export function toRoundedNumber(n: Num, digits: number, rm: Rounding): number {
  if (n.isFast()) {
    const v = n.toDecimalPlaces(digits, rm);
    if (v.isFast()) {
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
 * `toRoundedNumber(a.minus(b), digits, rm)`: in the fast form the subtraction is as cheap as any
 * shortcut; D values keep decimal.ts's digit-level shortcut that avoids a 40-digit subtraction.
 */
export function roundedDifference(a: Num, b: Num, digits: number, rm: Rounding): number | undefined {
  if (a.isFast() && b.isFast()) return undefined;
  return decRoundedDifference(a.dec(), b.dec(), digits, rm);
}
