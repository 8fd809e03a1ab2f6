/**
 * Params by fiscal year with their legal references: each record scores and is recommended with
 * the value of its own year (or the caller's `year`), the trace names the period and its 文号,
 * a record of a year no period covers is refused with the field named, and the checker flags
 * overlapping and missing years where they are written.
 */
import { describe, expect, it } from 'vitest';
import { compileSource } from '../../src/compile/compile.js';
import { createAssessor } from '../../src/pipeline/assess.js';

const SOURCE = `
framework T {
  param 满意度目标 "每年由财政局确定" {
    2024..2025: 85% "财预〔2024〕3号"
    2026..: 90% "财预〔2026〕5号"
  }
  grades { 优 >= 90; 差 otherwise }
  dimension A weight 100 { indicator 满意度 weight 100 { value = data.s; target >= 满意度目标 } }
}
rules R for T {
  param 调增比例 { 2024: 5% "财预〔2024〕9号"; 2025..: 8% "财预〔2025〕2号" }
  line next_budget base data.budget "下年度预算"
  rule 优 when grade == 优 then adjust next_budget +调增比例
}`;

function assessor() {
  const r = compileSource(SOURCE);
  expect(r.diagnostics).toEqual([]);
  return createAssessor(r.ir!);
}

describe('params by fiscal year', () => {
  it('scores and recommends each record with the value of its year', () => {
    const a = assessor();
    const y2025 = a.assess({ id: 'a', s: 0.86, budget: 100, fiscal_year: 2025 });
    const y2026 = a.assess({ id: 'b', s: 0.86, budget: 100, fiscal_year: 2026 });
    expect(y2025.indicators[0]!.points).toBe(100);
    expect(y2026.indicators[0]!.points).toBeLessThan(100);
    expect(y2025.recommendations[0]).toMatchObject({ action: 'adjust', amount: '8.00', percentage: '0.08' });
  });

  it('takes the caller’s year over the record’s, for scoring and rules alike', () => {
    const r = assessor().assess({ id: 'a', s: 0.86, budget: 100, fiscal_year: 2026 }, { year: 2024 });
    expect(r.indicators[0]!.points).toBe(100);
    expect(r.recommendations[0]).toMatchObject({ amount: '5.00', percentage: '0.05' });
  });

  it('names the period and its reference in the trace', () => {
    const r = assessor().assess({ id: 'a', s: 0.95, budget: 100, fiscal_year: 2026 });
    const steps = r.trace.steps.filter((s) => s.what.startsWith('param '));
    expect(steps).toEqual([
      { what: 'param 满意度目标 for fiscal year 2026: 2026.. (财预〔2026〕5号)', result: '0.9' },
      { what: 'param 调增比例 for fiscal year 2026: 2025.. (财预〔2025〕2号)', result: '0.08' },
    ]);
  });

  it('refuses a record of a year without a value, or without a year', () => {
    const a = assessor();
    const early = a.assess({ id: 'a', s: 0.9, budget: 100, fiscal_year: 2023 });
    expect(early.status).toBe('rejected');
    expect(early.errors.map((e) => e.code)).toEqual(['EVL430']);
    expect(early.errors[0]!.message).toContain('fiscal_year');
    expect(a.assess({ id: 'b', s: 0.9, budget: 100 }).status).toBe('rejected');
  });

  it('flags overlapping and missing years where they are written', () => {
    const r = compileSource(SOURCE.replace('2026..: 90%', '2025..: 90%').replace('2025..: 8%', '2027..: 8%'));
    expect(r.diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([
      ['CMP258', 5],
      ['CMP259', 11],
    ]);
  });
});
