/**
 * Properties that must hold for any record (fast-check): points inside [0, weight], total inside
 * [0, scale], forward indicators monotone in their value, deterministic serialisation, and
 * `evaluate` never throwing — on a mixed framework of every scoring method.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEvaluator, evaluate, serializeResult } from '../../src/engine/index.js';
import { S, data, dim, div, frac, ind, num, pct, pts, ruleset, target, veto, bin, bool } from './ir-builders.js';

const gte = (b: ReturnType<typeof pct>) => ({ kind: 'compare' as const, op: '>=' as const, bound: b });

function framework(na: 'rescale' | 'redistribute') {
  return ruleset(
    [
      dim('A', 40, [
        ind('prop', 10, S.proportional(), { value: data('p'), target: target('>=', pct(90)) }),
        ind('rev', 5, S.proportional(), { value: data('r'), target: target('<=', num(50)) }),
        ind(
          'bands',
          10,
          S.bands([
            [gte(pct(95)), frac(100)],
            [gte(pct(80)), frac(80)],
            [gte(pct(60)), frac(50)],
            [{ kind: 'else' }, pts(0)],
          ]),
          { value: div(data('spent'), data('budget')) },
        ),
        ind('rating', 5, S.rating(data('lvl'), { A: frac(100), B: frac(80), C: frac(50) })),
        ind('tiers', 10, S.tiers(data('t'), { 达成: [frac(80), frac(100)], 未达成: [frac(0), frac(50)] }, 'mid', data('tp')), {
          applicable: bin('!=', data('skip'), bool(true)),
        }),
      ]),
      dim('B', 60, [
        ind('deduct', 10, S.deduct(num(2), data('n'))),
        ind('step', 10, S.step(num(0.5), pct(1), pct(0), 'fractional'), { value: data('chg') }),
        ind('yesno', 5, S.yesno(), { value: data('ok'), missing: 'zero' }),
        ind(
          'linear',
          10,
          S.linear([
            [pct(60), frac(0)],
            [pct(100), frac(100)],
          ]),
          { value: data('cov') },
        ),
        ind(
          'check',
          5,
          S.checklist([
            ['a', frac(60), data('ca')],
            ['b', pts(3), data('cb')],
          ]),
        ),
        ind('expert', 10, S.expert(data('e')), { missing: 'not_applicable' }),
        ind('formula', 10, S.formula({ kind: 'fraction', value: div(data('f1'), data('f2')) })),
      ]),
    ],
    { notApplicable: na, vetoes: [veto('v', bin('==', data('bad'), bool(true)), { kind: 'cap', value: '59' })] },
  );
}

const numish = fc.oneof(
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.integer({ min: -100, max: 100 }),
  fc.constant(null),
  fc.constant('x'),
  fc.constant(0),
);
const recordArb = fc.record(
  {
    p: numish,
    r: numish,
    spent: numish,
    budget: numish,
    lvl: fc.constantFrom('A', 'B', 'C', 'D', 3),
    t: fc.constantFrom('达成', '未达成', '?'),
    tp: numish,
    skip: fc.boolean(),
    n: fc.oneof(fc.nat(20), fc.constant(-1)),
    chg: numish,
    ok: fc.oneof(fc.boolean(), fc.constant('是'), fc.constant(2)),
    cov: numish,
    ca: fc.boolean(),
    cb: fc.oneof(fc.boolean(), fc.constant(null)),
    e: numish,
    f1: numish,
    f2: numish,
    bad: fc.boolean(),
  },
  { requiredKeys: [] },
);

describe.each(['rescale', 'redistribute'] as const)('properties (%s)', (na) => {
  const ev = createEvaluator(framework(na));
  it('points stay inside [0, weight] and the total inside [0, scale]', () => {
    fc.assert(
      fc.property(recordArb, (rec) => {
        const r = ev.evaluate({ id: 'p', ...rec });
        for (const i of r.indicators) {
          if (i.points === null) continue;
          expect(i.points).toBeGreaterThanOrEqual(0);
          expect(i.points).toBeLessThanOrEqual((i.effectiveWeight ?? i.weight) + 1e-9);
        }
        if (r.total !== null) {
          expect(r.total).toBeGreaterThanOrEqual(0);
          expect(r.total).toBeLessThanOrEqual(100);
        }
      }),
      { numRuns: 300 },
    );
  });
  it('raising a forward value never lowers its points', () => {
    fc.assert(
      fc.property(recordArb, fc.double({ min: -2, max: 2, noNaN: true }), fc.double({ min: 0, max: 2, noNaN: true }), (rec, x, dx) => {
        const at = (v: number) => ev.evaluate({ id: 'm', ...rec, p: v, cov: v, spent: v, budget: 1 }).indicators;
        const lo = at(x),
          hi = at(x + dx);
        // An unknown label (lvl D, t ?) rejects the record whatever the value: nothing to compare.
        expect(lo.length === 0).toBe(hi.length === 0);
        for (const name of ['prop', 'linear', 'bands']) {
          const a = lo.find((i) => i.name === name),
            b = hi.find((i) => i.name === name);
          if (a && b && a.points !== null && b.points !== null) expect(b.points).toBeGreaterThanOrEqual(a.points);
        }
      }),
      { numRuns: 300 },
    );
  });
  it('evaluation is deterministic: same input, identical serialisation', () => {
    fc.assert(
      fc.property(recordArb, (rec) => {
        const other = createEvaluator(framework(na), { validate: false });
        const checked = ev.evaluate({ id: 'd', ...rec });
        expect(serializeResult(ev.evaluate({ id: 'd', ...rec }))).toBe(serializeResult(checked));
        // Validation changes a result only by rejecting it: an unknown label is a record error.
        if (checked.status === 'rejected') expect(checked.errors.map((e) => e.code).every((c) => c === 'EVL407' || c === 'EVL408')).toBe(true);
        else expect(serializeResult(other.evaluate({ id: 'd', ...rec }))).toBe(serializeResult(checked));
      }),
      { numRuns: 50 },
    );
  });
});

describe('robustness', () => {
  const ir = framework('rescale');
  it('evaluate never throws on arbitrary input', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withObjectString: true,
          withNullPrototype: true,
          withBigInt: true,
          withDate: true,
          withMap: true,
          withSet: true,
          withTypedArray: true,
          withSparseArray: true,
        }),
        (x) => {
          const r = evaluate(ir, x);
          expect(['ok', 'rejected']).toContain(r.status);
        },
      ),
      { numRuns: 500 },
    );
  });
  it('evaluate never throws on records shaped like the framework with hostile values', () => {
    const hostile = fc.oneof(fc.anything(), fc.constant(Number.POSITIVE_INFINITY), fc.constant(Number.NaN), fc.constant('1e999'), fc.constant('__proto__'));
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('p', 'r', 'spent', 'budget', 'lvl', 't', 'tp', 'n', 'chg', 'ok', 'cov', 'ca', 'e', 'f1', 'f2', 'bad'), hostile),
        (rec) => {
          expect(() => evaluate(ir, rec)).not.toThrow();
        },
      ),
      { numRuns: 500 },
    );
  });
});
