/**
 * The engine's fast conversions between decimals and JSON numbers (src/engine/decimal.ts) must
 * be indistinguishable from decimal.js's string round trips they replace: `decFromNumber(v)` is
 * the same decimal as `new D(v)` (same sign, exponent and digit words, so it prints and computes
 * alike), `toPlainNumber(d)` is `Number(d.toString())`, and `toRoundedNumber` is
 * `Number(d.toFixed(digits, mode))`, `cmpDec(a, b)` is `a.cmp(b)`, `divideExact(b, a)` is
 * `b.div(a)` (also for b longer than the working precision). Checked on the shapes records carry (cents, rates, counts,
 * huge and tiny numbers) and on arbitrary doubles and decimal quotients.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  D,
  cmpDec,
  decFromNumber,
  divideExact,
  roundedDifference,
  roundingConstant,
  toPlainNumber,
  toRoundedNumber,
  type Dec,
} from '../../src/engine/decimal.js';

const fields = (d: Dec) => ({ s: d.s, e: d.e, d: [...d.d] });
const slowNumber = (d: Dec): number => {
  const n = Number(d.toString());
  return n === 0 ? 0 : n;
};
const slowRounded = (d: Dec, digits: number, rm: ReturnType<typeof roundingConstant>): number => {
  const n = Number(d.toFixed(digits, rm));
  return n === 0 ? 0 : n;
};

const cents = fc.integer({ min: -999_999_999_999_99, max: 999_999_999_999_99 }).map((c) => c / 100);
const rates = fc.integer({ min: 0, max: 20000 }).map((r) => r / 10000);
const doubles = fc.double({ noNaN: true, noDefaultInfinity: true });
const anyNumber = fc.oneof(
  cents,
  rates,
  doubles,
  fc.integer(),
  fc.constantFrom(0, -0, 1e-7, 1.5e-12, 123456789012345, 1e15, 1e21, 0.1 + 0.2, 5e-324, 9007199254740992),
);

describe('decFromNumber', () => {
  it('builds the same decimal as new D(v)', () => {
    fc.assert(
      fc.property(anyNumber, (v) => {
        const fast = decFromNumber(v);
        expect(fields(fast)).toEqual(fields(new D(v)));
        expect(fast.toString()).toBe(new D(v).toString());
        expect(fast instanceof D).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('computes like the library decimal', () => {
    fc.assert(
      fc.property(cents, cents, (a, b) => {
        const x = decFromNumber(a),
          y = decFromNumber(b);
        expect(x.plus(y).toString()).toBe(new D(a).plus(b).toString());
        if (b !== 0) expect(x.div(y).toString()).toBe(new D(a).div(b).toString());
      }),
      { numRuns: 2000 },
    );
  });
});

/** Decimals as the engine meets them: data numbers, quotients to 40 digits, sums of points. */
const decimals = fc.oneof(
  anyNumber.map((v) => new D(v)),
  fc
    .tuple(
      cents,
      cents.filter((c) => c !== 0),
    )
    .map(([a, b]) => new D(a).div(b)),
  fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 30 })).map(([m, k]) => new D(m).div(new D(10).pow(k))),
  fc.constantFrom('89.995', '-0.005', '0.004999', '-89.994999', '0.5', '1e-30', '123456789012345678901234567890', '-0').map((s) => new D(s)),
);

describe('toPlainNumber and toRoundedNumber', () => {
  it('toPlainNumber is Number(d.toString())', () => {
    fc.assert(
      fc.property(decimals, (d) => {
        expect(toPlainNumber(d), `${d.toString()} ${JSON.stringify(fields(d))}`).toBe(slowNumber(d));
      }),
      { numRuns: 5000 },
    );
  });

  it('toRoundedNumber is Number(d.toFixed(digits)) in every rounding mode', () => {
    const modes = (['half_up', 'half_even', 'down', 'up'] as const).map(roundingConstant);
    fc.assert(
      fc.property(decimals, fc.integer({ min: 0, max: 6 }), fc.constantFrom(...modes), (d, digits, rm) => {
        expect(toRoundedNumber(d, digits, rm), `${d.toString()} to ${digits}`).toBe(slowRounded(d, digits, rm));
      }),
      { numRuns: 5000 },
    );
  });

  it('roundedDifference is the rounded exact difference whenever it answers', () => {
    const modes = (['half_up', 'half_even', 'down', 'up'] as const).map(roundingConstant);
    const weights = fc.oneof(
      fc.integer({ min: 0, max: 100 }).map((w) => new D(w)),
      fc.integer({ min: 0, max: 10000 }).map((c) => new D(c).div(100)),
      decimals,
    );
    let answered = 0;
    fc.assert(
      fc.property(weights, decimals, fc.integer({ min: 0, max: 4 }), fc.constantFrom(...modes), (a, b, digits, rm) => {
        const fast = roundedDifference(a, b, digits, rm);
        if (fast === undefined) return;
        answered++;
        expect(fast, `${a.toString()} − ${b.toString()} to ${digits}`).toBe(toRoundedNumber(a.minus(b), digits, rm));
      }),
      { numRuns: 20000 },
    );
    expect(answered).toBeGreaterThan(1000);
  });

  it('roundedDifference rounds points lost as the engine shows them', () => {
    // 4 − 3.195 = 0.805 → 0.81 (half-up); 4 − 3.1950…01 → 0.80; 4 − 3.19499… → 0.81.
    expect(roundedDifference(new D(4), new D('3.195'), 2, roundingConstant('half_up'))).toBe(0.81);
    expect(roundedDifference(new D(4), new D('3.19500000000000000001'), 2, roundingConstant('half_up'))).toBe(0.8);
    expect(roundedDifference(new D(4), new D('3.194999'), 2, roundingConstant('half_up'))).toBe(0.81);
    expect(roundedDifference(new D(4), new D('3.999'), 2, roundingConstant('half_up'))).toBe(0); // 0.001 → 0
    expect(roundedDifference(new D(4), new D('4.001'), 2, roundingConstant('half_up'))).toBeUndefined(); // a negative loss: the exact path decides
  });

  it('cmpDec orders decimals as decimal.js cmp does', () => {
    fc.assert(
      fc.property(decimals, decimals, (a, b) => {
        expect(cmpDec(a, b)).toBe(a.cmp(b));
        expect(cmpDec(a, a)).toBe(0);
      }),
      { numRuns: 10000 },
    );
  });

  it('divideExact(b, 1) is b.div(1), even for more digits than the precision', () => {
    const long = fc.stringMatching(/^[1-9][0-9]{30,60}$/).map((s) => new D(`0.${s}`));
    fc.assert(
      fc.property(fc.oneof(decimals, long), (b) => {
        expect(divideExact(b, new D('1')).toString()).toBe(b.div(1).toString());
        expect(divideExact(b, new D('1.0')).toString()).toBe(b.div(1).toString());
        expect(divideExact(b, new D('0.8')).toString()).toBe(b.div('0.8').toString());
      }),
      { numRuns: 3000 },
    );
  });
});
