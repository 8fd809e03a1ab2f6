/**
 * The lazy form of the engine's number (src/engine/num.ts, num-approx.ts): a quotient, product
 * or sum that leaves the fast range is carried as a double with an error bound, and roundings,
 * comparisons and signs are answered from the bound unless a boundary lies within it. Each
 * answer must be the one decimal.js gives on the exact 40-digit value, so every check here runs
 * on a freshly built expression — before anything has asked for its digits — against D computed
 * eagerly: random expression trees over cents, rates, quotients, values near 2^53 and long
 * decimals, and trees built to land exactly on a rounding boundary (thirds that sum to a whole,
 * quotients multiplied back onto a half-cent), where only the exact path can decide.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { D, roundingConstant, type Dec } from '../../src/engine/decimal.js';
import { Num } from '../../src/engine/num.js';
import { toPlainNumber, toRoundedNumber } from '../../src/engine/num-json.js';
import { scaled } from './decimal-strings.js';

const RUNS = 1500;
const MODES = ['half_up', 'half_even', 'down', 'up'] as const;

type Tree = { leaf: string } | { op: 'plus' | 'minus' | 'times' | 'div'; l: Tree; r: Tree } | { op: 'neg' | 'abs'; x: Tree };
const leaf = fc.oneof(
  fc.bigInt({ min: -(10n ** 11n), max: 10n ** 11n }).map((n) => scaled(n, 2)),
  fc.integer({ min: 0, max: 20000 }).map((n) => scaled(BigInt(n), 4)),
  fc.integer({ min: 1, max: 100 }).map(String),
  fc.bigInt({ min: -(2n ** 54n), max: 2n ** 54n }).map((n) => scaled(n, 3)),
  fc.bigInt({ min: 10n ** 20n, max: 10n ** 30n }).map((n) => scaled(n, 25)),
  fc.constantFrom('0', '-0', '0.005', '0.015', '-0.025', '0.5', '3', '7', '1e-30', '1e30'),
  // wide values whose double under- or overflows: never to be taken for zero or infinity
  fc.constantFrom('1234e-400', '-7e-800', '3e-340', '12345678901234567890123e300', '9e700'),
);

const tree: fc.Arbitrary<Tree> = fc.letrec<{ t: Tree }>((tie) => ({
  t: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf.map((s): Tree => ({ leaf: s })),
    fc.record({ op: fc.constantFrom('plus' as const, 'minus' as const, 'times' as const, 'div' as const, 'div' as const), l: tie('t'), r: tie('t') }),
    fc.record({ op: fc.constantFrom('neg' as const, 'abs' as const), x: tie('t') }),
  ),
})).t;

/** D of the tree, or undefined when it divides by zero somewhere (callers check before dividing). */
function decOf(t: Tree): Dec | undefined {
  if ('leaf' in t) return new D(t.leaf);
  if ('x' in t) {
    const x = decOf(t.x);
    return x && (t.op === 'neg' ? x.neg() : x.abs());
  }
  const l = decOf(t.l),
    r = decOf(t.r);
  if (!l || !r || (t.op === 'div' && r.isZero())) return undefined;
  return l[t.op](r);
}

/** The Num of the tree, built afresh: nothing has asked for its digits yet. */
function numOf(t: Tree): Num {
  if ('leaf' in t) return Num.parse(t.leaf);
  if ('x' in t) return t.op === 'neg' ? numOf(t.x).neg() : numOf(t.x).abs();
  return numOf(t.l)[t.op](numOf(t.r));
}

/** Checks each answer on its own fresh value, in an order that asks for the digits last. */
function agrees(t: Tree, other: Tree, dp: number, mode: (typeof MODES)[number]): void {
  const d = decOf(t),
    o = decOf(other);
  if (!d || !o) return;
  const rm = roundingConstant(mode);
  const rounded = d.toDecimalPlaces(dp, rm);
  const fresh = (): Num => numOf(t);
  expect(fresh().toDecimalPlaces(dp, rm).toString()).toBe(rounded.toString());
  expect(fresh().toDecimalPlaces(dp, rm).isNegative()).toBe(rounded.isNegative());
  const fixed = Number(d.toFixed(dp, rm));
  expect(toRoundedNumber(fresh(), dp, rm)).toBe(fixed === 0 ? 0 : fixed);
  expect(fresh().toFixed(dp, rm)).toBe(d.toFixed(dp, rm));
  expect(fresh().cmp(numOf(other))).toBe(d.cmp(o));
  expect(fresh().eq(numOf(other))).toBe(d.eq(o));
  // against values a few ulps away or equal: its own digits, and the rounded value
  expect(fresh().cmp(Num.parse(d.toString()))).toBe(0);
  expect(fresh().cmp(Num.parse(rounded.toString()))).toBe(d.cmp(rounded));
  expect(Num.parse(rounded.toString()).cmp(fresh())).toBe(rounded.cmp(d));
  expect(fresh().isZero()).toBe(d.isZero());
  expect(fresh().isNegative()).toBe(d.isNegative());
  expect(fresh().isPositive()).toBe(d.isPositive());
  expect(Object.is(fresh().toNumber(), d.toNumber())).toBe(true);
  const plain = Number(d.toString());
  expect(toPlainNumber(fresh())).toBe(plain === 0 ? 0 : plain);
  expect(fresh().floor().toString()).toBe(d.floor().toString());
  expect(fresh().toString()).toBe(d.toString());
  expect(fresh().decimalPlaces()).toBe(d.decimalPlaces());
}

describe('lazy values answer as the exact decimal would', () => {
  it('on random expression trees, in every rounding mode', () => {
    fc.assert(
      fc.property(tree, tree, fc.integer({ min: 0, max: 4 }), fc.constantFrom(...MODES), (t, other, dp, mode) => agrees(t, other, dp, mode)),
      { numRuns: RUNS },
    );
  });

  it('on values that land exactly on a rounding boundary', () => {
    const third = (n: string): Tree => ({ op: 'div', l: { leaf: n }, r: { leaf: '3' } });
    // a/3 + (3 − a)/3 is a whole 1 at 40 digits, a tie for half-cent multiples put back together
    const boundary = fc.oneof(
      fc.integer({ min: 1, max: 2 }).map((a): Tree => ({ op: 'plus', l: third(String(a)), r: third(String(3 - a)) })),
      fc
        .tuple(fc.integer({ min: -999, max: 999 }), fc.integer({ min: 1, max: 97 }))
        .map(
          ([c, k]): Tree => ({ op: 'times', l: { op: 'div', l: { leaf: scaled(BigInt(c) * 10n + 5n, 3) }, r: { leaf: String(k) } }, r: { leaf: String(k) } }),
        ),
      fc.tuple(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 9999 })).map(
        ([a, b]): Tree => ({
          op: 'minus',
          l: { op: 'div', l: { leaf: String(a) }, r: { leaf: String(b) } },
          r: { op: 'div', l: { leaf: String(a) }, r: { leaf: String(b) } },
        }),
      ),
      // a divisor whose double kept only a few digits: (a/b + 10^12) − 10^12 cancels
      fc
        .tuple(
          fc.integer({ min: 1, max: 9999 }),
          fc.integer({ min: 1, max: 9999 }),
          fc.integer({ min: -99999, max: 99999 }),
          fc.constantFrom('div' as const, 'times' as const),
        )
        .map(
          ([a, b, c, op]): Tree => ({
            op,
            l: { leaf: scaled(BigInt(c), 2) },
            r: { op: 'minus', l: { op: 'plus', l: { op: 'div', l: { leaf: String(a) }, r: { leaf: String(b) } }, r: { leaf: '1e12' } }, r: { leaf: '1e12' } },
          }),
        ),
    );
    fc.assert(
      fc.property(boundary, tree, fc.integer({ min: 0, max: 3 }), fc.constantFrom(...MODES), (t, other, dp, mode) => agrees(t, other, dp, mode)),
      { numRuns: RUNS },
    );
  });

  it('works out a sum of fifty thousand quotients without deep recursion or a chain as long', () => {
    let n = Num.parse('0');
    let d = new D(0);
    for (let i = 1; i <= 50000; i++) {
      n = n.plus(Num.parse(String(i)).div(Num.parse('7')));
      d = d.plus(new D(i).div(7));
    }
    expect(n.toString()).toBe(d.toString());
    expect(n.toDecimalPlaces(2, roundingConstant('half_up')).toString()).toBe(d.toDecimalPlaces(2, roundingConstant('half_up')).toString());
  });
});
