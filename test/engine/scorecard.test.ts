/**
 * Scorecard-level behaviour on hand-built IR: not-applicable policies (rescale, redistribute),
 * grade boundaries on the rounded total, vetoes of each kind, missing-data policies, rejected
 * records, reported scores, lost points and the next-grade hint, serialisation order.
 */
import { describe, expect, it } from 'vitest';
import { createEvaluator, evaluate, evaluateMany, serializeResult } from '../../src/engine/index.js';
import { EVL } from '../../src/engine/messages.js';
import { S, bin, bool, data, dim, div, ind, num, ruleset, veto } from './ir-builders.js';

const expertTree = (na: 'rescale' | 'redistribute') =>
  ruleset(
    [
      dim('决策', 20, [ind('a', 10, S.expert(data('a'))), ind('b', 10, S.expert(data('b')), { applicable: data('b_applies') })]),
      dim('产出', 80, [ind('c', 80, S.expert(data('c')))]),
    ],
    { notApplicable: na },
  );

describe('not applicable', () => {
  it('rescale: total = Σ points / Σ applicable weights × scale', () => {
    const r = evaluate(expertTree('rescale'), { id: 'x', a: 8, b: 0, b_applies: false, c: 60 });
    expect(r.indicators.map((i) => i.status)).toEqual(['scored', 'not_applicable', 'scored']);
    expect(r.total).toBe(75.56); // 68 / 90 × 100
    expect(r.trace.applicableWeight).toBe('90');
  });
  it('redistribute: the weight goes to applicable siblings, effective weights shown', () => {
    const r = evaluate(expertTree('redistribute'), { id: 'x', a: 8, b: 0, b_applies: false, c: 60 });
    const a = r.indicators[0]!;
    expect(a.effectiveWeight).toBe(20);
    expect(a.points).toBe(16);
    expect(r.total).toBe(76);
    expect(r.dimensions[0]).toMatchObject({ path: '决策', points: 16, status: 'scored' });
  });
  it('a whole dimension dropped by the record list redistributes at the top', () => {
    const r = evaluate(expertTree('redistribute'), { id: 'x', a: 8, b: 10, b_applies: true, c: 60, not_applicable: ['决策'] });
    expect(r.dimensions[0]).toMatchObject({ status: 'not_applicable', points: null });
    expect(r.dimensions[1]).toMatchObject({ effectiveWeight: 100, points: 75 });
    expect(r.total).toBe(75);
  });
});

describe('grades on the rounded total', () => {
  const ir = ruleset([ind('e', 100, S.expert(data('s')))]);
  it.each([
    [89.995, 90, '优'],
    [89.99, 89.99, '良'],
    [60, 60, '中'],
    [59.994, 59.99, '差'],
  ])('%s → %s %s', (s, total, grade) => {
    const r = evaluate(ir, { id: 'g', s });
    expect([r.total, r.grade]).toEqual([total, grade]);
  });
  it('nextGrade: points needed and the indicators that could supply them', () => {
    const r = evaluate(ir, { id: 'g', s: 85.5 });
    expect(r.nextGrade).toEqual({ grade: '优', pointsNeeded: 4.5, candidates: [{ path: 'e', available: 14.5 }] });
    expect(r.lostPoints).toEqual([{ path: 'e', lost: 14.5, reason: 'EXPERT' }]);
  });
});

describe('vetoes', () => {
  const base = [ind('e', 100, S.expert(data('s')))];
  const when = bin('==', data('audit', 'major'), bool(true));
  it('grade cap keeps the total and records the facts', () => {
    const r = evaluate(ruleset(base, { vetoes: [veto('重大违规', when, { kind: 'grade', grade: '差' })] }), { id: 'v', s: 95, audit: { major: true } });
    expect([r.total, r.grade, r.gradeBeforeVeto]).toEqual([95, '差', '优']);
    expect(r.vetoes).toEqual([{ name: '重大违规', effect: 'grade 差', facts: { 'data.audit.major': true } }]);
    expect(r.nextGrade).toBeNull();
  });
  it('total cap and zero re-grade the capped total', () => {
    const cap = evaluate(ruleset(base, { vetoes: [veto('c', when, { kind: 'cap', value: '59' })] }), { id: 'v', s: 95, audit: { major: true } });
    expect([cap.total, cap.grade]).toEqual([59, '差']);
    const zero = evaluate(ruleset(base, { vetoes: [veto('z', when, { kind: 'zero' })] }), { id: 'v', s: 95, audit: { major: true } });
    expect([zero.total, zero.grade]).toEqual([0, '差']);
    const quiet = evaluate(ruleset(base, { vetoes: [veto('z', when, { kind: 'zero' })] }), { id: 'v', s: 95, audit: { major: false } });
    expect([quiet.total, quiet.vetoes]).toEqual([95, []]);
  });
});

describe('errors inside one indicator', () => {
  const tree = (missing: 'unavailable' | 'zero' | 'not_applicable') =>
    ruleset([
      ind('rate', 50, S.proportional(), { value: div(data('spent'), data('budget')), target: { op: '>=', value: num(1) }, missing }),
      ind('e', 50, S.expert(data('s'))),
    ]);
  it('unavailable: 0 points, listed in errors, the rest goes on', () => {
    const r = evaluate(tree('unavailable'), { id: 'm', s: 40 });
    expect(r.indicators[0]).toMatchObject({ status: 'unavailable', points: 0, missingPolicy: 'unavailable', error: { code: EVL.MISSING } });
    expect(r.errors.map((e) => e.code)).toEqual([EVL.MISSING]);
    expect(r.total).toBe(40);
  });
  it('zero: 0 points, not a record error', () => {
    const r = evaluate(tree('zero'), { id: 'm', s: 40 });
    expect([r.indicators[0]!.points, r.errors, r.total]).toEqual([0, [], 40]);
  });
  it('not_applicable: dropped and rescaled', () => {
    const r = evaluate(tree('not_applicable'), { id: 'm', s: 40 });
    expect([r.indicators[0]!.status, r.total]).toEqual(['not_applicable', 80]);
  });
  it('division by zero and wrong type are EVL411 and EVL412', () => {
    expect(evaluate(tree('unavailable'), { id: 'm', s: 1, spent: 5, budget: 0 }).indicators[0]!.error?.code).toBe(EVL.DIV_ZERO);
    expect(evaluate(tree('unavailable'), { id: 'm', s: 1, spent: 'lots', budget: 3 }).indicators[0]!.error?.code).toBe(EVL.WRONG_TYPE);
  });
  it('money stays exact: 0.1 + 0.2 summed in decimal equals 0.3', () => {
    const eq = bin('==', { kind: 'call', fn: 'sum', args: [data('items', '[]', 'amount')] }, num('0.3'));
    const ir = ruleset([ind('exact', 10, S.yesno(), { value: eq })], { scale: 10 });
    expect(evaluate(ir, { id: 'm', items: [{ amount: 0.1 }, { amount: 0.2 }] }).total).toBe(10);
  });
});

describe('records', () => {
  const ir = ruleset([ind('e', 100, S.expert(data('s')))]);
  it('unsafe records are rejected, never evaluated', () => {
    const bad = JSON.parse('{"id":"p","s":1,"x":{"__proto__":{"polluted":1}}}');
    const r = evaluate(ir, bad);
    expect([r.status, r.total, r.grade, r.errors[0]!.code, r.errors[0]!.path]).toEqual(['rejected', null, null, EVL.FORBIDDEN_KEY, 'data.x.__proto__']);
    expect(evaluate(ir, { id: 'i', s: Infinity }).errors[0]!.code).toBe(EVL.NON_FINITE);
    expect(evaluate(ir, [1, 2]).errors[0]!.code).toBe(EVL.NOT_OBJECT);
  });
  it('reported scores are kept beside the rule score', () => {
    const r = evaluate(ir, { id: 'r', s: 100, reported: { e: { points: 70, reason: '评审酌减' } } });
    expect(r.indicators[0]!.points).toBe(100);
    expect(r.indicators[0]!.reported).toEqual({ points: 70, reason: '评审酌减', differs: true });
  });
  it('evaluateMany streams, a rejected record does not stop the batch', async () => {
    async function* gen() {
      yield { id: 'a', s: 91 };
      yield { id: 'b', constructor: 1 };
      yield { s: 50 };
    }
    const out = [];
    for await (const r of evaluateMany(ir, gen())) out.push([r.id, r.status, r.grade]);
    expect(out).toEqual([
      ['a', 'ok', '优'],
      ['b', 'rejected', null],
      ['#3', 'ok', '差'],
    ]);
  });
  it('trace: false gives the same numbers without steps or inputs', () => {
    const full = evaluate(ir, { id: 't', s: 77 });
    const quiet = createEvaluator(ir, { trace: false }).evaluate({ id: 't', s: 77 });
    expect([quiet.total, quiet.grade, quiet.indicators[0]!.points]).toEqual([full.total, full.grade, full.indicators[0]!.points]);
    expect([quiet.indicators[0]!.trace.steps, quiet.indicators[0]!.trace.inputs]).toEqual([[], {}]);
    expect(full.indicators[0]!.trace.steps.length).toBeGreaterThan(0);
  });
  it('serialisation follows the declared key order regardless of construction order', () => {
    const r = evaluate(ir, { id: 'k', s: 80 });
    const shuffled = Object.fromEntries(Object.entries(r).reverse()) as typeof r;
    expect(serializeResult(shuffled)).toBe(serializeResult(r));
    expect(Object.keys(JSON.parse(serializeResult(r)))).toEqual([
      'ruleset',
      'id',
      'status',
      'total',
      'grade',
      'scale',
      'dimensions',
      'indicators',
      'vetoes',
      'lostPoints',
      'nextGrade',
      'recommendations',
      'errors',
      'trace',
    ]);
  });
});
