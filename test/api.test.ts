/**
 * The library as an embedding developer uses it: the core entry from an indicator file's text to
 * a scored, recommended and serialised result, and the report entry (`jixiao/report`) for it.
 */
import { describe, expect, it } from 'vitest';
import { compileSource, createAssessor, evaluate, formatDiagnostic, serializeResult } from '../src/index.js';
import { renderProjectMarkdown } from '../src/report/index.js';

const SOURCE = `framework 项目支出 {
  scale 100
  grades { 优 >= 90; 良 >= 80; 中 >= 60; 差 otherwise }
  dimension 过程 weight 100 {
    indicator 预算执行率 weight 60 {
      value = data.spent / data.budget.adjusted
      target >= 100%
      score proportional
    }
    indicator 资金使用合规性 weight 40 { deduct 2 per data.violations max 40 }
  }
}
rules 结果应用 for 项目支出 {
  line next_budget base data.budget.adjusted
  rule 评价差 when grade == 差 then adjust next_budget -30% reason "评价为差"
}`;

describe('library entry', () => {
  it('compiles, assesses with recommendations and serialises deterministically', () => {
    const { ir, diagnostics } = compileSource(SOURCE, 'project.ind');
    expect(diagnostics).toEqual([]);
    const record = { id: 'P1', spent: 300000.1, budget: { adjusted: 1000000.2 }, violations: 3 };
    const result = createAssessor(ir!).assess(record);
    expect(result.total).toBe(52);
    expect(result.grade).toBe('差');
    expect(result.recommendations.map((r) => [r.rule, r.amount])).toEqual([['评价差', '-300000.06']]);
    expect(serializeResult(result)).toBe(serializeResult(createAssessor(ir!).assess(record)));
    // the engine alone leaves recommendations to the recommend stage
    expect(evaluate(ir!, record).recommendations).toEqual([]);
    expect(renderProjectMarkdown(result, ir!, 'zh')).toContain('评价差');
  });

  it('returns diagnostics as data, with a printable code frame', () => {
    const broken = SOURCE.replace('weight 60 {', 'weight 50 {');
    const { ir, diagnostics } = compileSource(broken, 'project.ind');
    expect(ir).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([['CMP301', 4]]);
    expect(formatDiagnostic(diagnostics[0]!, broken)).toMatch(/^project\.ind:4:\d+ CMP301/);
  });
});
