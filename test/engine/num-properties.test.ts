/**
 * The engine's number (src/engine/num.ts) against decimal.js at the engine's 40 digits, half-up:
 * every operation the engine uses — plus, minus, times, div, comparisons, neg, abs, floor,
 * toDecimalPlaces and the display rounding to JSON numbers in each rounding mode the language
 * has (half_up, half_even, down, up), parsing and JSON-number conversion — must give the same
 * decimal as D on the same inputs: the same printed text (what traces show), the same sign of
 * zero (what `isNegative` reads) and the same JSON number. Inputs mix the shapes that stay in
 * the fast scaled-integer form (cents, rates, counts) with those that must leave it (values
 * near and beyond 2^53, 40-digit quotients, scales beyond 22, -0), so both paths and the
 * switch between them are exercised: thousands of cases per run.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { D, roundingConstant, type Dec } from '../../src/engine/decimal.js';
import { Num } from '../../src/engine/num.js';
import { toPlainNumber, toRoundedNumber } from '../../src/engine/num-json.js';
import { scaled } from './decimal-strings.js';

const RUNS = 1500;
const MODES = ['half_up', 'half_even', 'down', 'up'] as const;

const shortDec = fc.tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: 0, max: 6 })).map(([n, s]) => scaled(n, s));
const cents = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }).map((n) => scaled(n, 2));
const nearLimit = fc.tuple(fc.bigInt({ min: -(2n ** 54n), max: 2n ** 54n }), fc.integer({ min: 0, max: 4 })).map(([n, s]) => scaled(n, s));
const wide = fc.tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.integer({ min: 0, max: 30 })).map(([n, s]) => scaled(n, s));
const tiny = fc.tuple(fc.bigInt({ min: -999n, max: 999n }), fc.integer({ min: 18, max: 26 })).map(([n, s]) => scaled(n, s));
const quotient = fc.tuple(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: 1, max: 997 })).map(([a, b]) => new D(a).div(b).toString());
/** Exponents far from 0: inside the wide form's ±1000 scales and beyond them (held by D). */
const huge = fc.tuple(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: -1200, max: 1200 })).map(([n, e]) => `${n}e${e}`);
/** More than 40 digits: only D holds them; results of operations on them come back. */
const long = fc.bigInt({ min: 10n ** 41n, max: 10n ** 48n }).map((n) => scaled(n, 20));
const special = fc.constantFrom(
  '0',
  '-0',
  '1',
  '-1',
  '0.5',
  '-0.5',
  '0.005',
  '0.015',
  '0.025',
  '-0.025',
  '9007199254740991',
  '9007199254740992',
  '-9007199254740993',
  '0.1',
  '100',
  '1e-30',
  '123456789012345.678',
);
const decStr = fc.oneof(shortDec, shortDec, cents, nearLimit, wide, tiny, quotient, quotient, huge, long, special);

const same = (n: Num, d: Dec): void => {
  expect(n.toString()).toBe(d.toString());
  expect(n.isNegative()).toBe(d.isNegative());
  expect(n.isZero()).toBe(d.isZero());
  expect(n.decimalPlaces()).toBe(d.decimalPlaces());
  expect(Object.is(n.toNumber(), d.toNumber())).toBe(true);
};

const pair = (s: string): [Num, Dec] => [Num.parse(s), new D(s)];

describe('Num against decimal.js (40 digits, half-up)', () => {
  it('parses decimal strings as D does', () => {
    fc.assert(
      fc.property(decStr, (s) => same(Num.parse(s), new D(s))),
      { numRuns: RUNS },
    );
  });

  it('builds the same decimal from a JSON number as new D(v)', () => {
    const nums = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer({ min: -1e9, max: 1e9 }).map((c) => c / 100),
      fc.integer({ min: 0, max: 20000 }).map((r) => r / 10000),
      fc.constantFrom(0, -0, 1e21, 5e-324, 0.1 + 0.2, 2 ** 53, 2 ** 53 + 2),
    );
    fc.assert(
      fc.property(nums, (v) => same(Num.fromNumber(v), new D(v))),
      { numRuns: RUNS },
    );
  });

  for (const op of ['plus', 'minus', 'times', 'div'] as const) {
    it(`${op} gives D's result`, () => {
      fc.assert(
        fc.property(decStr, decStr, (x, y) => {
          const [a, da] = pair(x),
            [b, db] = pair(y);
          if (op === 'div' && db.isZero()) return;
          same(a[op](b), da[op](db));
          // Chains: the result fed back in, as sums of points and ratios of ratios are.
          same(a[op](b).plus(a), da[op](db).plus(da));
        }),
        { numRuns: RUNS },
      );
    });
  }

  it('chains quotients, products and sums as D does, and rounds them in every mode', () => {
    fc.assert(
      fc.property(decStr, decStr, decStr, decStr, fc.constantFrom(...MODES), fc.integer({ min: 0, max: 4 }), (w, x, y, z, mode, dp) => {
        const [a, da] = pair(w),
          [b, db] = pair(x),
          [c, dc] = pair(y),
          [d, dd] = pair(z);
        if (db.isZero()) return;
        const n = a.div(b).times(c).minus(d);
        const e = da.div(db).times(dc).minus(dd);
        same(n, e);
        const rm = roundingConstant(mode);
        same(n.toDecimalPlaces(dp, rm), e.toDecimalPlaces(dp, rm));
        const fixed = Number(e.toFixed(dp, rm));
        expect(toRoundedNumber(n, dp, rm)).toBe(fixed === 0 ? 0 : fixed);
        expect(n.cmp(a)).toBe(e.cmp(da));
      }),
      { numRuns: RUNS },
    );
  });

  it('divides short decimals exactly and long quotients at 40 digits', () => {
    const small = fc.tuple(fc.integer({ min: -1e7, max: 1e7 }), fc.integer({ min: 0, max: 4 })).map(([n, s]) => scaled(BigInt(n), s));
    fc.assert(
      fc.property(small, small, (x, y) => {
        const [a, da] = pair(x),
          [b, db] = pair(y);
        if (db.isZero()) return;
        same(a.div(b), da.div(db));
      }),
      { numRuns: RUNS },
    );
  });

  it('compares as D does (cmp, eq, lt, gt; -0 equals 0)', () => {
    fc.assert(
      fc.property(decStr, decStr, (x, y) => {
        const [a, da] = pair(x),
          [b, db] = pair(y);
        expect(a.cmp(b)).toBe(da.cmp(db));
        expect(a.eq(b)).toBe(da.eq(db));
        expect(a.lt(b)).toBe(da.lt(db));
        expect(a.gt(b)).toBe(da.gt(db));
        expect(Num.min([a, b]).cmp(a.lt(b) ? a : b)).toBe(0);
        expect(Num.max([a, b]).toString()).toBe(D.max(da, db).toString());
      }),
      { numRuns: RUNS },
    );
  });

  it('negates, takes absolute values and floors as D does', () => {
    fc.assert(
      fc.property(decStr, (x) => {
        const [a, da] = pair(x);
        same(a.neg(), da.neg());
        same(a.abs(), da.abs());
        same(a.floor(), da.floor());
        expect(a.isPositive()).toBe(da.isPositive());
      }),
      { numRuns: RUNS },
    );
  });

  for (const mode of MODES) {
    const rm = roundingConstant(mode);
    it(`rounds ${mode} to 0..6 decimals as D's toDecimalPlaces and toFixed`, () => {
      // Ties on purpose: values ending in 5 at the rounding digit, both signs.
      const tie = fc.tuple(fc.bigInt({ min: -(10n ** 10n), max: 10n ** 10n }), fc.integer({ min: 1, max: 6 })).map(([n, s]) => scaled(n * 10n + 5n, s));
      fc.assert(
        fc.property(fc.oneof(decStr, tie), fc.integer({ min: 0, max: 6 }), (x, dp) => {
          const [a, da] = pair(x);
          same(a.toDecimalPlaces(dp, rm), da.toDecimalPlaces(dp, rm));
          const expected = Number(da.toFixed(dp, rm));
          expect(toRoundedNumber(a, dp, rm)).toBe(expected === 0 ? 0 : expected);
        }),
        { numRuns: RUNS },
      );
    });
  }

  it('formats with toFixed as D does (padding, the unrounded sign, plain without places)', () => {
    fc.assert(
      fc.property(decStr, fc.integer({ min: 0, max: 6 }), fc.constantFrom(...MODES), (x, dp, mode) => {
        const [a, da] = pair(x);
        const rm = roundingConstant(mode);
        expect(a.toFixed(dp, rm)).toBe(da.toFixed(dp, rm));
        expect(a.toFixed(dp)).toBe(da.toFixed(dp));
        expect(a.toFixed()).toBe(da.toFixed());
      }),
      { numRuns: RUNS },
    );
  });

  it('gives the JSON number Number(d.toString()) without display rounding, never -0', () => {
    fc.assert(
      fc.property(decStr, (x) => {
        const [a, da] = pair(x);
        const n = Number(da.toString());
        expect(toPlainNumber(a)).toBe(n === 0 ? 0 : n);
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps D values that leave the fast range and brings results that fit back', () => {
    const third = Num.fromNumber(1).div(Num.fromNumber(3));
    expect(third.isFast()).toBe(false);
    expect(third.isLazy()).toBe(true); // its 40 digits are computed when something needs them
    expect(Num.parse('1e1500').isDec()).toBe(true);
    expect(Num.parse('1e1500').div(Num.parse('1e1000')).toString()).toBe(new D('1e500').toString());
    expect(third.toString()).toBe(new D(1).div(3).toString());
    expect(third.times(Num.fromNumber(3)).toString()).toBe(new D(1).div(3).times(3).toString());
    const big = Num.parse('100000000000000000000');
    expect(big.isFast()).toBe(false);
    expect(big.div(Num.parse('10000000000')).toString()).toBe('10000000000');
    expect(big.div(Num.parse('10000000000')).toDecimalPlaces(0, D.ROUND_DOWN).isFast()).toBe(true);
    expect(Num.parse('9007199254740991').plus(Num.fromNumber(1)).isFast()).toBe(false);
    expect(Num.parse('9007199254740991').plus(Num.fromNumber(1)).toString()).toBe('9007199254740992');
    expect(Num.parse('0.95').isFast()).toBe(true);
  });
});
