/**
 * The engine's number: exact decimal arithmetic that is fast in the common case. A `Num` has
 * one of three forms. The fast form is a scaled integer held in a double — value = m × 10^-k,
 * m a safe integer (|m| < 2^53, -0 kept as decimal.js keeps it), 0 ≤ k ≤ 22, trailing zeros
 * stripped. The wide form (num-wide.ts) is a BigInt of at most 40 digits with any scale up to
 * ±900: quotients such as 87 / 95, sums beyond 2^53. The last resort is a decimal.js `D`
 * (40 significant digits, half-up: src/engine/decimal.ts) for what neither holds: more than 40
 * digits read from a record, exponents beyond ±900, rounding modes the language does not have.
 *
 * Every operation gives the very decimal D would give: a fast operation is taken only when each
 * intermediate stays a safe integer (exact, at most 16 digits, below D's rounding point); a wide
 * one is exact and rounded once to 40 digits half-up, as D rounds. Results move to the smallest
 * form that holds them, so traces print and results compare byte for byte as they did when every
 * value was a D. test/engine/num-properties.test.ts checks each operation and rounding mode
 * against D.
 */
import type DecimalJs from 'decimal.js';
import { D, cmpDec, type Dec } from './decimal.js';
import { addWide, cmpWide, digitCount, divWide, mulWide, roundToPlaces, safeDigits, strip, wide, wideToString } from './num-wide.js';
import {
  CERTAIN,
  approximable,
  approximate,
  compareApprox,
  productError,
  quotientDouble,
  quotientError,
  roundApprox,
  signApprox,
  sumError,
} from './num-approx.js';

type Rounding = DecimalJs.Decimal.Rounding;
const MAX = Number.MAX_SAFE_INTEGER;
const MAX_SCALE = 22;
const MAXN = BigInt(MAX);
/**
 * Scales the wide form takes: beyond them BigInt powers of ten would grow with user input, and
 * D prints exponents from 10^±1000 on (toExpNeg/toExpPos), which the wide form never has to.
 */
const WIDE_SCALE = 900;
/** Marks of the forms that are not fast, in `k`. */
const DEC = -1,
  WIDE = -2,
  LAZY = -3;
/** Operations a lazy value may leave undone. */
const PLUS = 0,
  MINUS = 1,
  TIMES = 2,
  DIV = 3,
  NEG = 4;
/**
 * Longest chain of undone operations a value keeps: a sum over a list of a million elements
 * would otherwise hold a million nodes; past this the exact value is computed and the chain
 * starts again from it.
 */
const MAX_CHAIN = 1024;
/** Bound on a fast value's double m / 10^k (one correctly rounded division; charged twice). */
const FAST_ERROR = 2 ** -52;
/** Bound on a wide value's `approximate` (up to three roundings; charged with room to spare). */
const WIDE_ERROR = 2 ** -48;

/**
 * An operation whose exact result is computed only when something needs its digits: its
 * operands, the bound on the lazy value's double (num-approx.ts), and the exact result once made.
 */
interface Lazy {
  readonly op: number;
  readonly a: Num;
  readonly b: Num;
  readonly e: number;
  /** Operations in the longest chain below this one, itself included. */
  readonly chain: number;
  exact: Num | undefined;
}
/** 10^i for i = 0..22: every one is an exact double. */
const POW10: readonly number[] = Array.from({ length: MAX_SCALE + 1 }, (_, i) => 10 ** i);
const ROUND_UP = D.ROUND_UP,
  ROUND_DOWN = D.ROUND_DOWN,
  ROUND_HALF_UP = D.ROUND_HALF_UP,
  ROUND_HALF_EVEN = D.ROUND_HALF_EVEN,
  ROUND_FLOOR = D.ROUND_FLOOR;

const isNegZero = (m: number): boolean => m === 0 && 1 / m < 0;
const safe = (x: number): boolean => x <= MAX && x >= -MAX;

export class Num {
  /**
   * Fast form when k ≥ 0: m and k as described above. k = WIDE marks the wide form, w × 10^-wk,
   * with m NaN until `approximation()` sets it to a double within a few ulps (for comparisons
   * that are not close);
   * k = DEC a value held only by `d`. `d` is also the lazily built D of the other forms, kept
   * for the next operation that needs it. k = LAZY marks an operation not yet done exactly: m is
   * its double, within `lz.e` of the exact value, which `exact()` computes on first need.
   */
  private constructor(
    readonly m: number,
    readonly k: number,
    private d: Dec | undefined,
    private readonly w: bigint = 0n,
    private readonly wk: number = 0,
    private readonly lz: Lazy | undefined = undefined,
  ) {}

  /**
   * The exact value of a lazy one (computed once); any other value is its own. Operands are
   * worked out first from an explicit stack, not by recursion: a sum over two thousand
   * indicators is a chain two thousand deep.
   */
  private exact(): Num {
    const top = this.lz;
    if (top === undefined) return this;
    if (top.exact !== undefined) return top.exact;
    const pending: Lazy[] = [top];
    while (pending.length) {
      const z = pending[pending.length - 1]!;
      const a = z.a.lz,
        b = z.b.lz;
      if (a !== undefined && a.exact === undefined) pending.push(a);
      else if (b !== undefined && b.exact === undefined) pending.push(b);
      else {
        z.exact = Num.exactOp(z.op, a === undefined ? z.a : a.exact!, b === undefined ? z.b : b.exact!);
        pending.pop();
      }
    }
    return top.exact!;
  }

  /** The operation done exactly on exact operands: what every form gave before the lazy one. */
  private static exactOp(op: number, a: Num, b: Num): Num {
    if (op === PLUS) return a.plusExact(b);
    if (op === MINUS) return a.minusExact(b);
    if (op === TIMES) return a.timesExact(b);
    if (op === DIV) return a.divExact(b);
    return a.neg();
  }

  /** A double within `errorOf` of this value (fast, wide or lazy; never D-only). */
  private approxValue(): number {
    if (this.k >= 0) return this.k === 0 ? this.m : this.m / POW10[this.k]!;
    return this.k === WIDE ? this.approximation() : this.m;
  }

  /** Bound on `approxValue`'s error; infinite (so never approximated) for a wide value whose double underflowed. */
  private errorOf(x: number): number {
    if (this.k === LAZY) return this.lz!.e;
    if (this.k === 0) return 0;
    if (this.k === WIDE && x === 0) return Number.POSITIVE_INFINITY;
    return (x < 0 ? -x : x) * (this.k > 0 ? FAST_ERROR : WIDE_ERROR);
  }

  /**
   * a op b as a lazy value when both are fast, wide or lazy and the doubles can carry a bound;
   * otherwise done exactly now (D-only operands, out-of-range doubles, a chain at its limit).
   */
  private static lazyOp(op: number, a: Num, b: Num): Num {
    const chain = Math.max(a.lz?.chain ?? 0, b.lz?.chain ?? 0) + 1;
    if (a.k !== DEC && b.k !== DEC && chain <= MAX_CHAIN) {
      const x = a.approxValue(),
        y = b.approxValue();
      const ex = a.errorOf(x),
        ey = b.errorOf(y);
      if (approximable(x, ex) && approximable(y, ey)) {
        let r: number, e: number;
        if (op === PLUS) e = sumError((r = x + y), ex, ey);
        else if (op === MINUS) e = sumError((r = x - y), ex, ey);
        else if (op === TIMES) e = productError(x, y, (r = x * y), ex, ey);
        else e = quotientError(x, y, (r = x / y), ex, ey);
        if (approximable(r, e)) return new Num(r, LAZY, undefined, 0n, 0, { op, a, b, e, chain, exact: undefined });
      }
    }
    return Num.exactOp(op, a.exact(), b.exact());
  }

  /** The double of a lazy quotient of two fast values, read off their digits (`quotientDouble`). */
  private quotientNumber(): number | undefined {
    const z = this.lz!;
    return z.op === DIV && z.a.k >= 0 && z.b.k >= 0 ? quotientDouble(z.a.m, z.a.k, z.b.m, z.b.k) : undefined;
  }

  /** An exact w × 10^-wk (w ≠ 0, no trailing zeros, at most 40 digits) in its smallest form. */
  private static ofWide(w: bigint, wk: number): Num {
    if (w <= MAXN && w >= -MAXN) {
      const m = Number(w);
      if (wk >= 0 && wk <= MAX_SCALE) return new Num(m, wk, undefined);
      if (wk < 0 && wk >= -15 && safe(m * POW10[-wk]!)) return new Num(m * POW10[-wk]!, 0, undefined);
    }
    if (wk > WIDE_SCALE || wk < -WIDE_SCALE) return new Num(NaN, DEC, new D(wideToString(w, wk)));
    return new Num(NaN, WIDE, undefined, w, wk);
  }

  /**
   * A wide value's nearest double give or take a few ulps, made on first use: most wide values
   * (quotients on their way to a sum or a rounding) are never compared far from another.
   */
  private approximation(): number {
    if (Number.isNaN(this.m)) (this as { m: number }).m = approximate(this.w, this.wk);
    return this.m;
  }

  /** The scaled BigInt of a fast or wide value; its scale is left in `wide.scale`. */
  private big(): bigint {
    if (this.k === WIDE) {
      wide.scale = this.wk;
      return this.w;
    }
    wide.scale = this.k;
    return BigInt(this.m);
  }

  /** A zero with the sign decimal.js gives the product or quotient of x and y. */
  private static signedZero(x: Num, y: Num): Num {
    return x.isNegative() !== y.isNegative() ? NEG_ZERO : ZERO;
  }

  /** m × 10^-k with trailing zeros stripped; a scale beyond 22 goes to D. */
  private static of(m: number, k: number): Num {
    while (k > 0 && m % 10 === 0) {
      m /= 10;
      k--;
    }
    if (k > MAX_SCALE) return Num.ofWide(strip(BigInt(m), k), wide.scale);
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
    if (w && w.length <= 7) {
      // base-1e7 words: the first unpadded, the others seven digits each
      let digits = String(w[0]);
      for (let i = 1; i < w.length; i++) digits += String(w[i]).padStart(7, '0');
      digits = digits.replace(/0+$/, '');
      const wk = digits.length - 1 - d.e;
      if (digits.length <= 40 && wk <= WIDE_SCALE && wk >= -WIDE_SCALE) {
        const n = Num.ofWide(BigInt(d.s < 0 ? `-${digits}` : digits), wk);
        n.d ??= d;
        return n;
      }
    }
    return new Num(NaN, DEC, d);
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
    if (this.k === LAZY) return this.exact().dec();
    return (this.d ??= this.k === WIDE ? new D(wideToString(this.w, this.wk)) : toD(this.m, this.k));
  }

  isFast(): boolean {
    return this.k >= 0;
  }
  /** Held as a BigInt of at most 40 digits (see num-wide.ts). */
  isWide(): boolean {
    return this.k === WIDE;
  }
  /** Held only by decimal.js. */
  isDec(): boolean {
    return this.k === DEC;
  }
  /** An operation whose exact digits are not computed yet (see `exact`). */
  isLazy(): boolean {
    return this.k === LAZY;
  }

  plus(y: Num): Num {
    return this.k >= 0 && y.k >= 0 ? this.plusExact(y) : Num.lazyOp(PLUS, this, y);
  }

  minus(y: Num): Num {
    return this.k >= 0 && y.k >= 0 ? this.minusExact(y) : Num.lazyOp(MINUS, this, y);
  }

  times(y: Num): Num {
    return this.k >= 0 && y.k >= 0 ? this.timesExact(y) : Num.lazyOp(TIMES, this, y);
  }

  /**
   * Exact when the quotient is a short decimal (see `shortQuotient`); otherwise lazy, and when
   * its digits are needed the wide form divides, giving D's 40-digit half-up quotient. A zero
   * divisor is D's (±Infinity, NaN): callers check for it before dividing.
   */
  div(y: Num): Num {
    if (this.k >= 0 && y.k >= 0) {
      const q = this.shortQuotient(y);
      if (q !== undefined) return q;
    }
    return Num.lazyOp(DIV, this, y);
  }

  private plusExact(y: Num): Num {
    if (this.k >= 0 && y.k >= 0) {
      let a = this.m,
        b = y.m,
        k = this.k;
      if (k < y.k) {
        a *= POW10[y.k - k]!;
        k = y.k;
      } else if (k > y.k) b *= POW10[k - y.k]!;
      const s = a + b;
      if (safe(a) && safe(b) && safe(s)) return Num.of(s, k);
    }
    return this.sum(y, false);
  }

  private minusExact(y: Num): Num {
    if (this.k >= 0 && y.k >= 0) {
      let a = this.m,
        b = y.m,
        k = this.k;
      if (k < y.k) {
        a *= POW10[y.k - k]!;
        k = y.k;
      } else if (k > y.k) b *= POW10[k - y.k]!;
      const s = a - b;
      if (safe(a) && safe(b) && safe(s)) return Num.of(s, k);
    }
    return this.sum(y, true);
  }

  /** plus or minus outside the fast form: wide unless an operand is held only by D. */
  private sum(y: Num, subtract: boolean): Num {
    if (this.k === DEC || y.k === DEC) return Num.ofDec(subtract ? this.dec().minus(y.dec()) : this.dec().plus(y.dec()));
    const a = this.big(),
      ka = wide.scale;
    const b = y.big();
    const s = addWide(a, ka, b, wide.scale, subtract);
    // an exact cancellation is +0 under half-up rounding, as in D
    return s === 0n ? ZERO : Num.ofWide(s, wide.scale);
  }

  private timesExact(y: Num): Num {
    if (this.k >= 0 && y.k >= 0) {
      const p = this.m * y.m;
      if (safe(p)) return Num.of(p, this.k + y.k);
    }
    if (this.k === DEC || y.k === DEC) return Num.ofDec(this.dec().times(y.dec()));
    if (this.isZero() || y.isZero()) return Num.signedZero(this, y);
    const a = this.big(),
      ka = wide.scale;
    const b = y.big();
    return Num.ofWide(mulWide(a, ka, b, wide.scale), wide.scale);
  }

  private divExact(y: Num): Num {
    return (this.k >= 0 && y.k >= 0 ? this.shortQuotient(y) : undefined) ?? this.quotient(y);
  }

  /**
   * The quotient of two fast values when it is a short decimal: the dividend is shifted by
   * powers of ten until the divisor divides it (each shift exact while it stays a safe integer).
   */
  private shortQuotient(y: Num): Num | undefined {
    if (y.m === 0) return undefined;
    let a = this.m,
      k = this.k - y.k;
    const b = y.m;
    while (a % b !== 0) {
      a *= 10;
      k++;
      if (!safe(a)) return undefined;
    }
    let q = a / b;
    if (k < 0) {
      if (-k > 15) return undefined;
      q *= POW10[-k]!;
      k = 0;
      if (!safe(q)) return undefined;
    }
    return Num.of(q, k);
  }

  private quotient(y: Num): Num {
    if (this.k === DEC || y.k === DEC || y.isZero()) return Num.ofDec(this.dec().div(y.dec()));
    if (this.isZero()) return Num.signedZero(this, y);
    const a = this.big(),
      ka = wide.scale;
    const b = y.big(),
      kb = wide.scale;
    const da = this.k >= 0 ? safeDigits(this.m) : undefined;
    const db = y.k >= 0 ? safeDigits(y.m) : undefined;
    const q = divWide(a < 0n ? -a : a, ka, b < 0n ? -b : b, kb, da, db);
    return Num.ofWide(a < 0n !== b < 0n ? -q : q, wide.scale);
  }

  neg(): Num {
    if (this.k >= 0) return new Num(-this.m, this.k, undefined);
    if (this.k === LAZY) {
      const z = this.lz!;
      if (z.chain >= MAX_CHAIN) return this.exact().neg();
      return new Num(-this.m, LAZY, undefined, 0n, 0, { op: NEG, a: this, b: this, e: z.e, chain: z.chain + 1, exact: undefined });
    }
    return this.k === WIDE ? new Num(-this.m, WIDE, undefined, -this.w, this.wk) : Num.ofDec(this.dec().neg());
  }

  abs(): Num {
    if (this.k >= 0) return this.m < 0 || isNegZero(this.m) ? new Num(-this.m, this.k, undefined) : this;
    if (this.k === LAZY) {
      const sign = signApprox(this.m, this.lz!.e);
      return sign > 0 ? this : sign < 0 ? this.neg() : this.exact().abs();
    }
    if (this.k === WIDE) return this.w < 0n ? new Num(-this.m, WIDE, undefined, -this.w, this.wk) : this;
    return Num.ofDec(this.dec().abs());
  }

  /** -1, 0 or 1, as D's `cmp` (-0 equals 0). */
  cmp(y: Num): number {
    if (this.k >= 0 && y.k >= 0) {
      let a = this.m,
        b = y.m;
      // One multiplication by an exact power of ten: either exact, or beyond 2^53 in magnitude
      // (and then beyond the other side, which is a safe integer), so the double compare is right.
      if (this.k < y.k) a *= POW10[y.k - this.k]!;
      else if (this.k > y.k) b *= POW10[this.k - y.k]!;
      return a < b ? -1 : a > b ? 1 : 0;
    }
    if (this.k === LAZY || y.k === LAZY) {
      if (this.k !== DEC && y.k !== DEC) {
        const x = this.approxValue(),
          z = y.approxValue();
        const c = compareApprox(x, this.errorOf(x), z, y.errorOf(z));
        if (!Number.isNaN(c)) return c;
      }
      return this.exact().cmp(y.exact());
    }
    if (this.k === DEC || y.k === DEC) return cmpDec(this.dec(), y.dec());
    // A fast value's m is exact and a wide one's close: far apart, the doubles decide.
    const x = this.k >= 0 ? this.m / POW10[this.k]! : this.approximation();
    const z = y.k >= 0 ? y.m / POW10[y.k]! : y.approximation();
    const gap = x - z;
    if (gap > CERTAIN * Math.abs(z) + Number.MIN_VALUE || -gap > CERTAIN * Math.abs(z) + Number.MIN_VALUE) return gap < 0 ? -1 : 1;
    const a = this.big(),
      ka = wide.scale;
    const b = y.big();
    return cmpWide(a, ka, b, wide.scale);
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
    if (this.k === LAZY) return (this.m < 0 ? -this.m : this.m) > this.lz!.e ? false : this.exact().isZero();
    return this.k >= 0 ? this.m === 0 : this.k === WIDE ? false : this.dec().isZero();
  }
  /** Sign bit, as D's: true for -0. */
  isNegative(): boolean {
    if (this.k === LAZY) {
      const sign = signApprox(this.m, this.lz!.e);
      return sign === 0 ? this.exact().isNegative() : sign < 0;
    }
    return this.k >= 0 ? this.m < 0 || isNegZero(this.m) : this.k === WIDE ? this.w < 0n : this.dec().isNegative();
  }
  isPositive(): boolean {
    if (this.k === LAZY) {
      const sign = signApprox(this.m, this.lz!.e);
      return sign === 0 ? this.exact().isPositive() : sign > 0;
    }
    return this.k >= 0 ? !(this.m < 0 || isNegZero(this.m)) : this.k === WIDE ? this.w > 0n : this.dec().isPositive();
  }

  decimalPlaces(): number {
    if (this.k === LAZY) return this.exact().decimalPlaces();
    return this.k >= 0 ? this.k : this.k === WIDE ? Math.max(this.wk, 0) : this.dec().decimalPlaces();
  }

  /** Rounded to `dp` decimals (dp ≥ 0) by a D rounding mode; D's `toDecimalPlaces`. */
  toDecimalPlaces(dp: number, rm: Rounding): Num {
    if (this.k === LAZY) {
      const e = this.lz!.e;
      const n = roundApprox(this.m, e, dp, rm);
      if (n !== undefined) {
        if (n !== 0) return Num.of(n, dp);
        // D keeps the sign of a value rounded to zero
        const sign = signApprox(this.m, e);
        if (sign !== 0) return sign < 0 ? NEG_ZERO : ZERO;
      }
      return this.exact().toDecimalPlaces(dp, rm);
    }
    if (this.k >= 0 && dp >= 0) {
      const m = this.m,
        k = this.k;
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
    if (this.k === WIDE && dp >= 0) {
      if (this.wk <= dp) return this;
      const q = roundToPlaces(this.w, this.wk, dp, rm);
      if (q !== undefined) {
        if (q === 0n) return this.w < 0n ? NEG_ZERO : ZERO; // D keeps the sign of a value rounded to zero
        return Num.ofWide(strip(q, dp), wide.scale);
      }
    }
    return Num.ofDec(this.dec().toDecimalPlaces(dp, rm));
  }

  floor(): Num {
    return this.toDecimalPlaces(0, ROUND_FLOOR);
  }

  /** The nearest double, exactly `Number(D.toString())` but keeping -0 (D's `toNumber`). */
  toNumber(): number {
    if (this.k === LAZY) return this.quotientNumber() ?? this.exact().toNumber();
    if (this.k >= 0) return this.k === 0 ? this.m : this.m / POW10[this.k]!;
    return this.k === WIDE ? Number(wideToString(this.w, this.wk)) : this.dec().toNumber();
  }

  /** Plain notation, exactly as D prints (no exponent, trailing zeros stripped, "0" for -0). */
  toString(): string {
    if (this.k === LAZY) return this.exact().toString();
    if (this.k === WIDE) return wideToString(this.w, this.wk);
    if (this.k < 0) return this.dec().toString();
    const m = this.m,
      k = this.k;
    if (k === 0) return m === 0 ? '0' : String(m);
    const neg = m < 0;
    let s = String(neg ? -m : m);
    if (s.length <= k) s = '0'.repeat(k - s.length + 1) + s;
    const cut = s.length - k;
    return (neg ? '-' : '') + s.slice(0, cut) + '.' + s.slice(cut);
  }

  /**
   * D's `toFixed`: exactly dp decimals, rounded by rm (default half-up); without dp, plain
   * notation. The sign is the unrounded value's: -0.001 at 2 places is "-0.00", -0 is "0.00".
   */
  toFixed(dp?: number, rm: Rounding = ROUND_HALF_UP): string {
    if (this.k === DEC) return dp === undefined ? this.dec().toFixed() : this.dec().toFixed(dp, rm);
    if (dp === undefined) return this.toString();
    const r = this.toDecimalPlaces(dp, rm).abs();
    let s = r.toString();
    const places = r.decimalPlaces();
    if (places < dp) s += (places === 0 ? '.' : '') + '0'.repeat(dp - places);
    return this.isNegative() && !this.isZero() ? `-${s}` : s;
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

/** decimal.js's half-up mode, for callers that round without importing decimal.js. */
export const HALF_UP = ROUND_HALF_UP;

export const ZERO = Num.fromNumber(0);
export const NEG_ZERO = Num.fromNumber(-0);
export const ONE = Num.fromNumber(1);

export function cmpNum(a: Num, b: Num): number {
  return a.cmp(b);
}
