/**
 * Each scoring method of DOMAIN.md §5 on hand-built IR: the points a policy officer would compute
 * by hand, the band/level/tier the trace names, and the error codes of the failure cases.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/index.js';
import { EVL } from '../../src/engine/messages.js';
import { S, bool, data, div, frac, num, pct, pts, single, str, target } from './ir-builders.js';

const only = (ir: ReturnType<typeof single>, record: object) => {
  const r = evaluate(ir, { id: 'r', ...record });
  return r.indicators[0]!;
};

describe('proportional (完成率法)', () => {
  const fwd = single(S.proportional(), { value: data('v'), target: target('>=', pct(90)) });
  it('forward: full weight at or above target, else w × B/A', () => {
    expect(only(fwd, { v: 0.95 }).points).toBe(10);
    expect(only(fwd, { v: 0.72 }).points).toBe(8); // 10 × 0.72 / 0.9
  });
  it('reverse: w × A/B above the target', () => {
    const rev = single(S.proportional(), { value: data('v'), target: target('<=', num(80)) });
    expect(only(rev, { v: 80 }).points).toBe(10);
    expect(only(rev, { v: 100 }).points).toBe(8);
  });
  it('equal: by closeness; tolerance widens the full band', () => {
    const eq = single(S.proportional(), { value: data('v'), target: target('=', num(100), { tolerance: num(2) }) });
    expect(only(eq, { v: 101.5 }).points).toBe(10);
    expect(only(eq, { v: 110 }).points).toBe(9);
  });
  it('between: full inside, proportional to the nearer bound outside', () => {
    const bt = single(S.proportional(), { value: data('v'), target: target('between', num(90), { upper: num(110) }) });
    expect(only(bt, { v: 100 }).points).toBe(10);
    expect(only(bt, { v: 45 }).points).toBe(5);
    expect(only(bt, { v: 220 }).points).toBe(5);
  });
  it('a zero target below the value is a division by zero', () => {
    const z = single(S.proportional(), { value: data('v'), target: target('=', num(0)) });
    const r = only(z, { v: 3 });
    expect(r.status).toBe('unavailable');
    expect(r.error?.code).toBe(EVL.DIV_ZERO);
  });
});

describe('bands (区间法)', () => {
  const ir = single(
    S.bands([
      [{ kind: 'compare', op: '>=', bound: pct(95) }, frac(100)],
      [{ kind: 'interval', low: pct(80), lowInclusive: true, high: pct(95), highInclusive: false }, frac(80)],
      [{ kind: 'else' }, pts(0)],
    ]),
    { value: data('v') },
  );
  it('first matching band wins, bounds as written', () => {
    expect(only(ir, { v: 0.95 }).points).toBe(10);
    expect(only(ir, { v: 0.8 }).points).toBe(8);
    expect(only(ir, { v: 0.7999 }).points).toBe(0);
    expect(only(ir, { v: 0.8 }).trace.hit).toEqual(['b2']);
  });
  it('centred bands read |value|', () => {
    const c = single(
      S.bands(
        [
          [{ kind: 'compare', op: '<=', bound: pct(10) }, pts(5)],
          [{ kind: 'compare', op: '<=', bound: pct(15) }, pts(3)],
          [{ kind: 'else' }, pts(0)],
        ],
        true,
      ),
      { value: data('r') },
      5,
    );
    expect(only(c, { r: -0.12 }).points).toBe(3);
    expect(only(c, { r: 0.1 }).points).toBe(5);
  });
});

describe('rating and tiers', () => {
  const rating = single(S.rating(data('level'), { A: frac(100), B: frac(80), C: frac(50) }));
  it('rating gives the level share; an unknown label in the data rejects the record, naming the field', () => {
    expect(only(rating, { level: 'B' }).points).toBe(8);
    const r = evaluate(rating, { id: 'r', level: 'E' });
    expect([r.status, r.errors.map((e) => [e.code, e.path])]).toEqual(['rejected', [['EVL408', 'data.level']]]);
    expect(evaluate(rating, { id: 'r', level: 'b' }, { lang: 'en' }).errors[0]!.message).toContain('did you mean "B"?');
  });
  it('a computed rating subject with an unknown level is unavailable with EVL413', () => {
    const computed = single(S.rating({ kind: 'if', condition: bool(true), then: str('E'), otherwise: str('A') }, { A: frac(100), B: frac(80) }));
    const r = only(computed, {});
    expect([r.status, r.points, r.error?.code]).toEqual(['unavailable', 0, EVL.UNKNOWN_LEVEL]);
  });
  const tiers = single(S.tiers(data('t'), { 达成: [frac(80), frac(100)], 部分达成: [frac(50), frac(80)], 未达成: [frac(0), frac(50)] }, 'mid', data('p')));
  it('tiers: point from data inside the tier, else the declared pick', () => {
    expect(only(tiers, { t: '达成', p: 0.9 }).points).toBe(9);
    expect(only(tiers, { t: '部分达成' }).points).toBe(6.5);
  });
  it('tiers: a point outside its tier is an error value', () => {
    const r = only(tiers, { t: '部分达成', p: 0.95 });
    expect([r.status, r.error?.code]).toEqual(['unavailable', EVL.POINT_OUTSIDE_TIER]);
  });
});

describe('deductions', () => {
  it('per incident floors at 0 (扣完为止) and honours max', () => {
    const d = single(S.deduct(num(2), data('n')));
    expect(only(d, { n: 3 }).points).toBe(4);
    expect(only(d, { n: 7 }).points).toBe(0);
    const m = single(S.deduct(num(2), data('n'), num(6)));
    expect(only(m, { n: 7 }).points).toBe(4);
  });
  it('step: 3.4pp over at 0.5 per pp is 1.5 whole, 1.7 fractional', () => {
    const whole = single(S.step(num(0.5), pct(1), pct(0), 'whole'), { value: data('v') }, 5);
    const fr = single(S.step(num(0.5), pct(1), pct(0), 'fractional'), { value: data('v') }, 5);
    expect(only(whole, { v: 0.034 }).points).toBe(3.5);
    expect(only(fr, { v: 0.034 }).points).toBe(3.3);
    expect(only(fr, { v: -0.01 }).points).toBe(5);
  });
  it('step below: shortfall under the threshold', () => {
    const b = single(S.step(num(1), pct(1), pct(90), 'whole', 'below'), { value: data('v') }, 5);
    expect(only(b, { v: 0.875 }).points).toBe(3);
  });
});

describe('yesno, linear, checklist, expert, formula', () => {
  it('yesno', () => {
    const y = single(S.yesno(), { value: data('ok') });
    expect(only(y, { ok: true }).points).toBe(10);
    expect(only(y, { ok: false }).points).toBe(0);
    expect(only(y, { ok: 3 }).error?.code).toBe(EVL.WRONG_TYPE);
  });
  it('linear interpolates and clamps at both ends', () => {
    const l = single(
      S.linear([
        [pct(60), frac(0)],
        [pct(100), frac(100)],
      ]),
      { value: data('v') },
    );
    expect(only(l, { v: 0.8 }).points).toBe(5);
    expect(only(l, { v: 0.5 }).points).toBe(0);
    expect(only(l, { v: 1.2 }).points).toBe(10);
  });
  it('checklist sums the elements present; absent data is an absent element', () => {
    const c = single(
      S.checklist([
        ['①', frac(40), data('a')],
        ['②', frac(20), data('b')],
        ['③', frac(20), data('c')],
        ['④', frac(20), data('d')],
      ]),
    );
    const r = only(c, { a: true, b: false, d: true });
    expect(r.points).toBe(6);
    expect(r.trace.hit).toEqual(['①', '④']);
  });
  it('expert is bounded by the weight, clipping recorded as an error', () => {
    const e = single(S.expert(data('s')));
    expect(only(e, { s: 7.5 }).points).toBe(7.5);
    const res = evaluate(e, { id: 'r', s: 12 });
    expect(res.indicators[0]!.points).toBe(10);
    expect(res.indicators[0]!.status).toBe('scored');
    expect(res.errors.map((x) => x.code)).toEqual([EVL.EXPERT_CLIPPED]);
  });
  it('formula is clamped to [0, weight]', () => {
    const f = single(S.formula({ kind: 'fraction', value: div(data('a'), data('b')) }));
    expect(only(f, { a: 1, b: 2 }).points).toBe(5);
    expect(only(f, { a: 3, b: 2 }).points).toBe(10);
    expect(only(f, { a: -3, b: 2 }).points).toBe(0);
  });
  it('string and boolean literals compare in conditions', () => {
    const c = single(S.checklist([['x', frac(100), { kind: 'binary', op: '==', left: data('s'), right: str('有'), unit: null }]]));
    expect(only(c, { s: '有' }).points).toBe(10);
    const y = single(S.yesno(), { value: { kind: 'binary', op: '==', left: data('f'), right: bool(true), unit: null } });
    expect(only(y, {}).points).toBe(0);
  });
});
