/**
 * Units in public text come from the indicator file: an indicator declared `unit 天` shows its
 * delay as "108 天" in the indicator table and in the problems, and money stays to the cent in
 * 元 beside 万元 to two decimals. The shipped rules/common/project.ind declares 完成及时性 in 天.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileSource } from '../../src/compile/compile.js';
import { createAssessor } from '../../src/pipeline/assess.js';
import { renderProjectMarkdown } from '../../src/report/project.js';

const PROJECT = readFileSync(new URL('../../rules/common/project.ind', import.meta.url), 'utf8');

describe('units declared in the indicator file', () => {
  it('prints 完成及时性 in 天 as the shipped indicator declares `unit 天`', () => {
    expect(PROJECT).toMatch(/indicator 完成及时性 weight 8 \{\n\s+unit 天\n/);
    const { ir, diagnostics } = compileSource(PROJECT, 'project.ind');
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const record = {
      id: 'P1', name: '道路改造', budget: { adjusted: 11802348 }, spent: 11000000, funds: { planned: 100, arrived: 100 },
      decision: { basis: 'A', budgeting: 'A', target: '合理' }, effect: { level: '达成' },
      output: { planned: 10, actual: 10, delay_days: 108 }, survey: { satisfaction: 0.95 },
    };
    const result = createAssessor(ir!, { lang: 'zh' }).assess(record, { fallbackId: 'P1' });
    const md = renderProjectMarkdown(result, ir!, 'zh', { name: '道路改造', budget: '11802348' });
    expect(md).toMatch(/\| 完成及时性 \| 8\.00 \| ≤ 0 天 \| 108 天 \|/);
    expect(md).toContain('| 预算金额 | 1,180.23 万元（11,802,348.00 元） |');
  });
});
