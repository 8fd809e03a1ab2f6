/**
 * Reported scores (自评得分) beside the rule score: the record's `reported` block validated
 * against the rule set (names and grades with "did you mean", numbers, reasons), placed in the
 * result per indicator, per dimension and as the form's own total and grade, and checked for the
 * inconsistencies published forms contain (EVL45x findings, never rejections). The rule total
 * never moves, whatever the record states.
 */
import { describe, expect, it } from 'vitest';
import { compileSource, memorySourceHost } from '../../src/compile/compile.js';
import { evaluate } from '../../src/engine/index.js';
import type { RuleSetIR } from '../../src/compile/ir.js';

const SOURCE = `framework 自评 {
  grades { 优 >= 90; 良 >= 80; 中 >= 60; 差 otherwise }
  dimension 产出 weight 60 {
    indicator 完成率 weight 30 { value = data.done target >= 100% score proportional }
    indicator 及时性 weight 30 { value = data.days target <= 10 score proportional }
  }
  dimension 效益 weight 40 {
    indicator 满意度 weight 40 { score expert data.s }
  }
}`;

function compiled(source = SOURCE): RuleSetIR {
  const { ir, diagnostics } = compileSource(source, 'r.ind', { fs: memorySourceHost({}) });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return ir!;
}

const ir = compiled();
// Rule: 完成率 0.95 → 28.5; 及时性 12 days → 30 × 10/12 = 25; 满意度 36 → total 89.5 (良).
const base = { id: 'p', done: 0.95, days: 12, s: 36 };

describe('reported block validated against the rule set', () => {
  it('a misspelt indicator is rejected with the name meant', () => {
    const r = evaluate(ir, { ...base, reported: { 完成律: 28 } }, { lang: 'zh' });
    expect(r.status).toBe('rejected');
    expect(r.errors).toMatchObject([{ code: 'EVL440', path: 'data.reported.完成律' }]);
    expect(r.errors[0]!.message).toContain('完成率');
  });
  it('an unknown grade, points that are no number and a negative score each name their field', () => {
    const r = evaluate(ir, { ...base, reported: { grade: '忧', 满意度: { points: '好', reason: 'x' }, 及时性: -1 } }, { lang: 'en' });
    expect(r.status).toBe('rejected');
    expect(r.errors.map((e) => [e.code, e.path])).toEqual([
      ['EVL443', 'data.reported.grade'],
      ['EVL441', 'data.reported.满意度.points'],
      ['EVL442', 'data.reported.及时性'],
    ]);
    expect(r.errors[0]!.message).toContain('did you mean "优"');
  });
  it('a stated total and grade are accepted (the schema no longer refuses them)', () => {
    const r = evaluate(ir, { ...base, reported: { total: 89.5, grade: '良' } });
    expect(r.status).toBe('ok');
    expect(r.reported).toEqual({ total: 89.5, rows: 89.5, grade: '良', reason: '', gradeReason: '', differs: false });
    expect(r.findings).toBeUndefined();
  });
});

describe('the form total beside the rule total', () => {
  it('rows stated: Σ rows is the reported total, graded by the rule set; the rule total stays', () => {
    const r = evaluate(ir, { ...base, reported: { 完成率: { points: 30, reason: '已全部完成' }, 满意度: { points: 40, reason: '问卷' } } });
    expect(r.total).toBe(89.5);
    expect(r.grade).toBe('良');
    // 30 + 25 (rule, not stated) + 40
    expect(r.reported).toMatchObject({ total: 95, rows: 95, grade: '优', differs: true });
    expect(r.dimensions.map((d) => d.reported)).toEqual([
      { points: 55, reason: '', differs: true },
      { points: 40, reason: '', differs: true },
    ]);
    expect(r.errors).toEqual([]);
  });
  it('a lower evaluator score is a difference with its reason, not an error', () => {
    const r = evaluate(ir, { ...base, done: 1, days: 10, s: 40, reported: { 及时性: { points: 21, reason: '评价组酌减' } } });
    expect(r.indicators[1]!.points).toBe(30);
    expect(r.indicators[1]!.reported).toEqual({ points: 21, reason: '评价组酌减', differs: true });
    expect(r.reported).toMatchObject({ total: 91, grade: '优' });
  });
  it('a row that differs without a reason is a record error naming the reason field; the record is still scored', () => {
    const r = evaluate(ir, { ...base, reported: { 满意度: 30 } });
    expect(r.status).toBe('ok');
    expect(r.errors).toMatchObject([{ code: 'EVL446', path: 'data.reported.满意度.reason' }]);
    const same = evaluate(ir, { ...base, reported: { 满意度: 36 } });
    expect(same.errors).toEqual([]);
  });
});

describe('form mode: rows rounded as the form rounds them', () => {
  // 及时性 at 11 days: 30 × 10/11 = 27.2727…; the rule total is computed from that, unrounded.
  const late = { ...base, days: 11 };
  it('without it rows are rounded like scores and Σ rows is the rule total', () => {
    const r = evaluate(ir, { ...late, reported: { 满意度: 36 } });
    expect(r.total).toBe(91.77);
    expect(r.reported).toMatchObject({ total: 91.77, rows: 91.77 });
  });
  it('`precision: 0` rounds each row to whole points and adds them up, the rule total stays', () => {
    const r = evaluate(ir, { ...late, reported: { precision: 0, 满意度: 36 } });
    // 28.5 → 29, 27.27 → 27, 36: the form's 92, while the rules say 91.77.
    expect(r.total).toBe(91.77);
    expect(r.reported).toMatchObject({ total: 92, rows: 92, grade: '优', differs: true });
    expect(r.findings).toBeUndefined();
  });
  it('a stated row is compared with the rule row at the form digits', () => {
    const r = evaluate(ir, { ...late, reported: { precision: 1, 及时性: 27.3 } });
    expect(r.indicators[1]!.reported).toEqual({ points: 27.3, reason: '', differs: false });
    expect(r.errors).toEqual([]);
  });
  it('a precision that is no whole number from 0 to 6 is refused, naming the field', () => {
    const r = evaluate(ir, { ...late, reported: { precision: 1.5 } });
    expect(r.errors).toMatchObject([{ code: 'EVL444', path: 'data.reported.precision' }]);
  });
});

describe('consistency findings', () => {
  it('a stated total that is not Σ rows, and one above what the rows can reach', () => {
    const r = evaluate(ir, { ...base, reported: { total: 101, 完成率: { points: 28.5, reason: '' }, 及时性: 25, 满意度: 36 } });
    expect(r.status).toBe('ok');
    expect(r.reported).toMatchObject({ total: 101, rows: 89.5, grade: '优' });
    expect(r.findings).toMatchObject([
      { code: 'EVL450', numbers: { stated: 101, rows: 89.5, difference: 11.5 } },
      { code: 'EVL451', numbers: { stated: 101, reachable: 100 } },
    ]);
  });
  it('a totals row of zeros against stated rows', () => {
    const r = evaluate(ir, { ...base, reported: { total: 0, 完成率: 28.5, 及时性: 25, 满意度: 36 } });
    expect(r.findings).toMatchObject([{ code: 'EVL450', numbers: { stated: 0, rows: 89.5 } }]);
    expect(r.reported).toMatchObject({ total: 0, grade: '差' });
  });
  it('points above a weight, for an indicator and for a dimension', () => {
    const r = evaluate(ir, { ...base, reported: { 满意度: { points: 45, reason: '超额' }, 产出: { points: 65, reason: '超额' } } });
    expect(r.findings?.filter((f) => f.code === 'EVL452').map((f) => [f.path, f.numbers])).toEqual([
      ['效益/满意度', { points: 45, weight: 40 }],
      ['产出', { points: 65, weight: 60 }],
    ]);
  });
  it("a row's 分值 that is not the rule set's weight (the form follows another framework)", () => {
    const r = evaluate(ir, { ...base, reported: { 满意度: { points: 36, weight: 30 }, 完成率: { points: 28.5, weight: 30 } } });
    expect(r.findings).toMatchObject([{ code: 'EVL455', path: '效益/满意度', numbers: { stated: 30, weight: 40 } }]);
  });
  it('a grade the reported total does not earn', () => {
    const r = evaluate(ir, { ...base, reported: { total: { points: 85, reason: '复核' }, grade: '优' } });
    expect(r.reported).toMatchObject({ total: 85, grade: '优' });
    expect(r.findings).toMatchObject([{ code: 'EVL454', numbers: { stated: '优', total: 85, expected: '良' } }]);
    // A grade stated alone differs from the rule grade: shown, not an inconsistency of the form.
    const alone = evaluate(ir, { ...base, reported: { grade: '优' } });
    expect(alone.reported).toMatchObject({ total: 89.5, grade: '优', differs: true });
    expect(alone.findings).toBeUndefined();
  });
  it('an execution rate that does not follow from its amounts, at the digits it is stated with', () => {
    const ok = evaluate(ir, { ...base, reported: { funds: { budget: 120, spent: 118.2, rate: '98.5%' } } });
    expect(ok.findings).toBeUndefined();
    const whole = evaluate(ir, { ...base, reported: { funds: { 全年预算数: 120, 全年执行数: 118.2, 执行率: '99%' } } });
    expect(whole.findings).toBeUndefined();
    const bad = evaluate(ir, { ...base, reported: { funds: { budget: 120, spent: 118.2, rate: 0.9 } } });
    expect(bad.findings).toMatchObject([{ code: 'EVL453', numbers: { stated: '90%', computed: '99%', budget: '120', spent: '118.2' } }]);
  });
});
