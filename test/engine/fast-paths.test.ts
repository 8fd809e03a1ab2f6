/**
 * The engine keeps work that does not depend on the record out of the per-record path: literal
 * awards and linear points are built once per indicator weight, the Σ of weights is precomputed,
 * lost points are ordered on their rounded numbers before their decimals. These tests pin what
 * users see through those shortcuts: results that do not depend on evaluation order or on which
 * indicator ran first, data-dependent points still read per record, and lost points ordered by
 * the exact loss even when the rounded losses tie.
 */
import { describe, expect, it } from 'vitest';
import { createEvaluator, serializeResult } from '../../src/engine/index.js';
import { S, data, dim, frac, ind, num, pts, ruleset } from './ir-builders.js';

const linearPoints = S.linear([
  [num(0.6), frac(0)],
  [num(1), frac(100)],
]);

const mixed = () =>
  ruleset([
    dim('A', 40, [
      // The same compiled shape at two weights: cached products must follow the weight.
      ind(
        'lin10',
        10,
        S.linear([
          [num(0.6), frac(0)],
          [num(1), frac(100)],
        ]),
        { value: data('r') },
      ),
      ind('lin30', 30, linearPoints, { value: data('r') }),
    ]),
    dim('B', 60, [
      ind(
        'band',
        20,
        S.bands([
          [{ kind: 'compare', op: '>=', bound: num(0.9) }, frac(100)],
          [{ kind: 'compare', op: '>=', bound: num(0.5) }, frac(50)],
          [{ kind: 'else' }, pts(0)],
        ]),
        { value: data('b') },
      ),
      ind('rate', 20, S.rating(data('level'), { A: frac(100), B: frac(80), C: pts(3) })),
      ind(
        'moving',
        20,
        S.linear([
          [data('lo'), frac(0)],
          [num(1), frac(100)],
        ]),
        { value: data('r') },
      ),
    ]),
  ]);

const records = [
  { id: 'r1', r: 0.8, b: 0.95, level: 'B', lo: 0.6 },
  { id: 'r2', r: 0.7, b: 0.6, level: 'C', lo: 0.2 },
  { id: 'r3', r: 1.2, b: 0.1, level: 'A', lo: 0.9 },
];

describe('per-weight caches', () => {
  it('literal linear points and fraction awards scale with each indicator’s own weight', () => {
    const r = createEvaluator(mixed()).evaluate(records[0]);
    const points = Object.fromEntries(r.indicators.map((i) => [i.path, i.points]));
    expect(points).toMatchObject({ 'A/lin10': 5, 'A/lin30': 15, 'B/band': 20, 'B/rate': 16 });
  });
  it('points read from data are still read per record', () => {
    const ev = createEvaluator(mixed());
    const moving = (rec: (typeof records)[number]) => ev.evaluate(rec).indicators.find((i) => i.path === 'B/moving')!.points;
    expect([moving(records[0]!), moving(records[1]!), moving(records[2]!)]).toEqual([10, 12.5, 20]);
  });
  it('one evaluator reused in any order gives what a fresh evaluator gives', () => {
    const ir = mixed();
    const fresh = records.map((rec) => serializeResult(createEvaluator(ir).evaluate(rec)));
    const ev = createEvaluator(ir);
    const order = [2, 0, 1, 0, 2, 1];
    expect(order.map((i) => serializeResult(ev.evaluate(records[i])))).toEqual(order.map((i) => fresh[i]));
  });
});

describe('lost points order', () => {
  it('ties after rounding are ordered by the exact loss, then by path', () => {
    const ir = ruleset(
      [ind('a', 10, S.expert(data('a'))), ind('b', 10, S.expert(data('b'))), ind('c', 10, S.expert(data('c'))), ind('d', 10, S.expert(data('d')))],
      { scale: 40 },
    );
    const r = createEvaluator(ir).evaluate({ id: 'l', a: 8.999, b: 8.996, c: 8, d: 8.999 });
    expect(r.lostPoints.map((l) => [l.path, l.lost])).toEqual([
      ['c', 2],
      ['b', 1],
      ['a', 1],
      ['d', 1],
    ]);
  });
});
