/**
 * Special-fund allocation: shares always sum exactly to the pool, each is within one cent of its
 * exact quota (recomputed here independently), and the result per recipient does not depend on
 * the order recipients are listed in (ties go by id). Bad input gives REC55x codes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, type AllocationInput } from '../../src/recommend/index.js';
import { Dec } from '../../src/recommend/decimal.js';

const inputArb = fc
  .record({
    poolCents: fc.bigInt({ min: 0n, max: 10n ** 13n }),
    n: fc.integer({ min: 1, max: 8 }),
    factors: fc.array(
      fc.record({
        weight: fc.integer({ min: 1, max: 100 }),
        inverse: fc.boolean(),
        values: fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 8, maxLength: 8 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    coefficients: fc.array(fc.constantFrom('0', '0.5', '0.8', '1', '1.2', '3'), { minLength: 8, maxLength: 8 }),
  })
  .filter((x) => x.coefficients.slice(0, x.n).some((c) => c !== '0'))
  .map(({ poolCents, n, factors, coefficients }): AllocationInput => {
    const ids = Array.from({ length: n }, (_, i) => `r${(i * 7) % n}-${i}`);
    return {
      pool: new Dec(poolCents.toString()).dividedBy(100).toFixed(2),
      factors: factors.map((f, k) => ({
        name: `f${k}`,
        weight: f.weight,
        inverse: f.inverse,
        values: Object.fromEntries(ids.map((id, i) => [id, f.values[i]!])),
      })),
      recipients: ids.map((id, i) => ({ id, coefficient: coefficients[i]! })),
    };
  });

function exactQuotas(input: AllocationInput): Map<string, Dec> {
  const ids = input.recipients.map((r) => r.id);
  const wsum = input.factors.reduce((a, f) => a.plus(f.weight), new Dec(0));
  const adjusted = new Map<string, Dec>();
  for (const r of input.recipients) {
    let s = new Dec(0);
    for (const f of input.factors) {
      const x = (id: string): Dec => (f.inverse ? new Dec(1).dividedBy(f.values[id]!) : new Dec(f.values[id]!));
      const total = ids.reduce((a, id) => a.plus(x(id)), new Dec(0));
      s = s.plus(x(r.id).dividedBy(total).times(f.weight).dividedBy(wsum));
    }
    adjusted.set(r.id, s.times(r.coefficient ?? 1));
  }
  const sum = [...adjusted.values()].reduce((a, b) => a.plus(b), new Dec(0));
  return new Map(ids.map((id) => [id, new Dec(input.pool).times(adjusted.get(id)!).dividedBy(sum)]));
}

describe('allocate', () => {
  it('sums exactly to the pool, each share within one cent of its quota, independent of order', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = allocate(input);
        expect(result.diagnostics).toEqual([]);
        const sum = result.shares.reduce((a, s) => a.plus(s.amount), new Dec(0));
        expect(sum.toFixed(2)).toBe(new Dec(input.pool).toFixed(2));
        const exact = exactQuotas(input);
        for (const s of result.shares) expect(new Dec(s.amount).minus(exact.get(s.id)!).abs().lessThan('0.01')).toBe(true);
        const reversed = allocate({ ...input, recipients: [...input.recipients].reverse() });
        const byId = new Map(reversed.shares.map((s) => [s.id, s.amount]));
        for (const s of result.shares) expect(byId.get(s.id)).toBe(s.amount);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the remainder cent to the lowest id on a tie, whatever the input order', () => {
    const input: AllocationInput = { pool: '0.01', factors: [{ name: 'f', weight: 1, values: { b: 1, a: 1 } }], recipients: [{ id: 'b' }, { id: 'a' }] };
    expect(allocate(input).shares.map((s) => [s.id, s.amount])).toEqual([
      ['b', '0.00'],
      ['a', '0.01'],
    ]);
  });

  it('reports bad input by code and allocates nothing', () => {
    const codes = (i: AllocationInput): string[] => allocate(i).diagnostics.map((d) => d.code);
    const f = [{ name: 'f', weight: 1, values: { a: 1 } }];
    expect(codes({ pool: '-1', factors: f, recipients: [{ id: 'a' }] })).toEqual(['REC551']);
    expect(codes({ pool: '1', factors: f, recipients: [] })).toEqual(['REC556']);
    expect(codes({ pool: '1', factors: [{ name: 'f', weight: 1, values: { a: 0 } }], recipients: [{ id: 'a' }] })).toEqual(['REC555']);
    expect(codes({ pool: '1', factors: f, recipients: [{ id: 'a', coefficient: 0 }] })).toEqual(['REC558']);
    expect(allocate({ pool: '1', factors: f, recipients: [{ id: 'a', coefficient: -1 }] }).shares).toEqual([]);
  });
});
