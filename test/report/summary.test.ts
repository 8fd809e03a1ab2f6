/**
 * The batch summary: numbers as data (`summarize`) with exact decimal sums, and the Markdown and
 * HTML renderings of them (tables, inline SVG charts, determinism).
 */
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/report/summary.js';
import { renderSummaryHtml, renderSummaryMarkdown } from '../../src/report/summary-report.js';
import { batch, educationIr, makeResult } from './fixtures.js';
import type { Recommendation } from '../../src/engine/result.js';

const ir = educationIr();
const items = batch(ir);

describe('summarize', () => {
  const s = summarize(items, [ir]);

  it('counts, averages and distributes grades in the rule set order', () => {
    expect([s.count, s.scored, s.rejected, s.average]).toEqual([5, 4, 1, '82.56']); // (99.75 + 89 + 65.5 + 76) / 4 = 82.5625
    expect(s.grades).toEqual([{ grade: '优', count: 1 }, { grade: '良', count: 1 }, { grade: '中', count: 1 }, { grade: '差', count: 1 }]);
  });

  it('totals review cuts from requested and approved amounts', () => {
    expect(s.review).toEqual({ count: 3, requested: '4800000.00', approved: '4345678.90', cut: '454321.10', rate: '0.0947' });
  });

  it('sums money per department, town and budget line; recalls count as cuts', () => {
    expect(s.lines).toEqual(['next_budget', '@recall', 'special_fund']);
    expect(s.byDepartment).toEqual([
      { key: '住建局', lines: { next_budget: '-300000.00', '@recall': '-580000.00' }, total: '-880000.00', projects: 1 },
      { key: '农业农村局', lines: { special_fund: '-12345.67' }, total: '-12345.67', projects: 1 },
      { key: '教育局', lines: { next_budget: '120000.00' }, total: '120000.00', projects: 1 },
    ]);
    expect(s.byTown.map((g) => [g.key, g.total])).toEqual([['城关镇', '-760000.00'], ['河西乡', '-12345.67']]);
  });

  it('adds amounts exactly, without binary floating point', () => {
    const rec = (amount: string): Recommendation => ({ rule: 'r', ruleBlock: 'b', action: 'adjust', line: 'next_budget', amount, reason: '', facts: {} });
    const inputs = ['0.10', '0.20', '0.01', '9007199254740993.00'].map((amount, i) => ({
      result: makeResult(ir, { id: `Q${i}`, indicators: {}, recommendations: [rec(amount)] }),
      info: { department: '财政局' },
    }));
    expect(summarize(inputs).byDepartment[0]?.total).toBe('9007199254740993.31');
  });

  it('counts monitoring warnings by level, most severe first', () => {
    expect(s.warnings).toEqual([{ level: 'red', count: 1, projects: ['P003'] }, { level: 'yellow', count: 1, projects: ['P002'] }]);
  });

  it('works on bare results without info', () => {
    const bare = summarize(items.map((i) => i.result));
    expect(bare.review).toBeNull();
    expect(bare.byDepartment.map((g) => g.key)).toEqual(['']);
  });
});

describe('renderSummaryMarkdown / renderSummaryHtml', () => {
  it('lays out the sections with exact money in 元', () => {
    const md = renderSummaryMarkdown(items, [ir], 'zh');
    expect(md).toContain('本批次共评价 5 个对象，其中有效评分 4 个、数据未通过校验 1 个。');
    expect(md).toContain('| 事后绩效评价 | 5 | 4 | 82.56 / 100 |');
    expect(md).toContain('| 住建局 | 1 | -30.00 | -58.00 |  | -88.00 |');
    expect(md).toContain('| 部门 | 数量 | 下年度预算 | 收回资金 | 专项资金 | 合计（万元） |');
    expect(md).toContain('| 合计 | 4,800,000.00 | 4,345,678.90 | 454,321.10 | 9.47% |');
    expect(md).toContain('| 红色 | 1 | P003 县城污水管网\\<改造\\>工程 & 配套 |');
  });

  it('says so when there is nothing to summarise', () => {
    const md = renderSummaryMarkdown([makeResult(ir, { id: 'A', indicators: {} })], [ir], 'en');
    expect(md).toContain('No record in this batch carries requested and approved amounts.');
    expect(md).toContain('No monitoring warnings in this batch.');
  });

  it('embeds the grade, money and warning charts as inline SVG, deterministically', () => {
    const html = renderSummaryHtml(items, [ir], 'zh');
    const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
    expect(svgs).toHaveLength(3);
    expect(svgs[0]).toContain('>事后绩效评价结果分布</text>');
    expect(svgs[1]).toContain('>住建局</text>');
    expect(svgs[2]).toContain('红色: 1');
    expect(html).not.toMatch(/<script|src=/);
    expect(new Set(html.match(/class="([\w-]+)"/g)).size).toBeGreaterThan(3);
    expect(renderSummaryHtml(items, [ir], 'zh')).toBe(html);
  });
});
