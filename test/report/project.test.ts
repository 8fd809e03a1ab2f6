/**
 * The per-project public-disclosure report: section order, the score table, problems derived
 * from lost points and unavailable indicators, recommendations with exact amounts, the rule
 * set's precision, HTML that is self-contained, escaped, print-ready and deterministic.
 */
import { describe, expect, it } from 'vitest';
import { renderProjectHtml, renderProjectMarkdown } from '../../src/report/project.js';
import { batch, educationIr, makeResult } from './fixtures.js';

const ir = educationIr();
const items = batch(ir);
const vetoed = items[2]!;
const excellent = items[0]!;

function section(md: string, title: string): string {
  const start = md.indexOf(`## ${title}`);
  expect(start, title).toBeGreaterThanOrEqual(0);
  const next = md.indexOf('\n## ', start + 1);
  return md.slice(start, next < 0 ? undefined : next);
}

describe('renderProjectMarkdown', () => {
  const md = renderProjectMarkdown(vetoed.result, ir, 'zh', vetoed.info);

  it('follows the public-disclosure outline in order', () => {
    const titles = [...md.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(titles).toEqual([
      '一、基本情况',
      '二、绩效评价工作开展情况',
      '三、综合评价情况及评价结论',
      '四、绩效评价指标分析',
      '五、主要经验及做法、存在的问题及原因分析',
      '六、有关建议',
    ]);
    expect([...md.matchAll(/^### (.+)$/gm)].map((m) => m[1]).slice(-2)).toEqual(['（一）主要经验及做法', '（二）存在的问题及原因分析']);
  });

  it('shows basic information from the record info, with money in 万元 and 元', () => {
    const basic = section(md, '一、基本情况');
    expect(basic).toContain('| 主管部门 | 住建局 |');
    expect(basic).toContain('| 预算金额 | 100.00 万元（1,000,000.00 元） |');
    expect(basic).toContain('| 评价阶段 | 事中绩效监控 |');
  });

  it('states score, grade and the veto that lowered it', () => {
    const conclusion = section(md, '三、综合评价情况及评价结论');
    expect(conclusion).toContain('综合得分 65.50 分（满分 100 分），评价等级为“差”。');
    expect(conclusion).toContain('等级由“中”调整为“差”');
    expect(conclusion).toContain('| 过程 | 20.00 | 4.00 | 20% |');
  });

  it('lists every indicator with target, actual, the self-reported and the rule score and the reason for lost points', () => {
    const table = section(md, '四、绩效评价指标分析');
    // One indicator carries a self-reported score, so the table has 自评得分 beside 评价得分.
    expect(table).toContain('| 一级指标 | 指标 | 权重 | 目标值 | 完成值 | 自评得分 | 评价得分 | 扣分原因 |');
    expect(table).toContain('| 决策 | 立项依据充分性 | 5.00 | — | C | 5.00 | 2.50 |');
    // The band is said in words from the IR, never as the trace's `else` / `0..90`.
    expect(table).toContain('| 过程 | 预算执行率 | 10.00 | ≥ 100% | 42% | — | 0.00 | 落入较低得分区间，失 10.00 分；所处区间：其余情形 |');
    expect(table).toContain('| 产出 | 工程验收合格率 | 15.00 | = 100% | 96% | — | 9.00 | 落入较低得分区间，失 6.00 分；所处区间：95%及以上 |');
    expect(table).toContain('| 产出 | 新建校舍面积 | 15.00 | ≥ 6,000 平方米 | 6,000 平方米 | — | 15.00 |  |');
    expect(table).not.toMatch(/命中|else|\d\.\.\d/);
    expect(table).toContain('| 效益 | 服务对象满意度 | 10.00 | ≥ 90% | 无法评分 | — | — | 数据缺失或无法计算，失 10.00 分；原因：缺少必填数据 |');
    expect(table.match(/^\| (决策|过程|产出|效益) \|/gm)).toHaveLength(9);
  });

  it('derives problems from lost points (largest first), unavailable indicators and self-scores above the rule score', () => {
    const problems = section(md, '五、主要经验及做法、存在的问题及原因分析')
      .split('\n')
      .filter((l) => /^\d+\. /.test(l));
    expect(problems[0]).toBe('1. 触发一票否决事项“重大违规”。');
    expect(problems[1]).toBe('2. 失分主要集中在“过程”（失 16.00 分）、“效益”（失 10.00 分）。');
    expect(problems[2]).toContain('“预算执行率”失 10.00 分');
    expect(problems.findIndex((p) => p.includes('资金使用合规性'))).toBeLessThan(problems.findIndex((p) => p.includes('立项依据充分性')));
    // The missing field is named by its title, not its data path.
    expect(problems.some((p) => p.includes('“服务对象满意度”无法评分：缺少必填数据（满意度）'))).toBe(true);
    expect(problems.join('\n')).not.toContain('survey.satisfaction');
    expect(problems.some((p) => p.includes('有 4 项未说明偏差原因'))).toBe(true);
    expect(problems.at(-1)).toContain('自评得分 5.00 分，高于评价得分 2.50 分，自评偏高 2.50 分');
  });

  it('lists recommendations with action, exact amount, reason and rule', () => {
    const recs = section(md, '六、有关建议');
    expect(recs).toContain('| 调减预算（下年度预算）（30%） | 30.00 万元（300,000.00 元） | 评价为差，削减下年度预算 | 评价结果应用 / 评价差 |');
    expect(recs).toContain('| 限期整改（限期 90 天） | — |');
    expect(recs).toContain('| 预警（红色） | — | 执行率严重滞后 |');
  });

  it('escapes user text that would break Markdown', () => {
    expect(md).toContain('# 县城污水管网\\<改造\\>工程 & 配套绩效评价报告');
  });

  it('names the ten largest losses and sums up the rest in one sentence', () => {
    const base = makeResult(ir, { id: 'M', indicators: {} });
    const lostPoints = Array.from({ length: 13 }, (_, i) => ({ path: `其他/指标${i + 1}`, lost: 13 - i, reason: 'BELOW_TARGET' }));
    const out = renderProjectMarkdown({ ...base, lostPoints }, ir, 'zh');
    const problems = section(out, '五、主要经验及做法、存在的问题及原因分析')
      .split('\n')
      .filter((l) => /^\d+\. /.test(l));
    expect(problems).toHaveLength(12);
    expect(problems[0]).toContain('“指标1”失 13.00 分');
    expect(problems[9]).toContain('“指标10”失 4.00 分');
    expect(problems[10]).toBe('11. 上述问题中有 10 项未说明偏差原因，应由项目单位在整改报告中逐项说明原因及整改措施。');
    expect(problems[11]).toBe('12. 另有 3 项指标共失 6.00 分，详见指标分析表。');
  });

  it('uses the rule set precision', () => {
    const ir1 = { ...ir, settings: { ...ir.settings, precision: 1 } };
    const out = renderProjectMarkdown(makeResult(ir1, { id: 'X', indicators: { 服务对象满意度: { points: 9.75 } } }), ir1, 'zh');
    expect(out).toContain('综合得分 99.8 分');
    expect(out).toContain('| 效益 | 服务对象满意度 | 10.0 |');
  });

  it('speaks English when asked', () => {
    const out = renderProjectMarkdown(excellent.result, ir, 'en', excellent.info);
    expect(out).toContain('## 1. Basic information');
    expect(out).toContain('Total score 99.75 out of 100; grade "优".');
    expect(out).toContain('| Increase budget (下年度预算) (10%) | 120,000.00 yuan (12.00 万元) |');
  });

  it('reports a rejected record without a score', () => {
    const rejected = items[4]!;
    const out = renderProjectMarkdown(rejected.result, ir, 'zh', rejected.info);
    expect(out).toContain('项目数据未通过校验，未予评分。');
    expect(out).toContain('数据问题：调整后预算数：缺少必填字段');
    expect(out).not.toContain('budget.adjusted');
  });

  it('prints a generation time only when given one', () => {
    expect(md).not.toMatch(/生成时间/);
    expect(renderProjectMarkdown(vetoed.result, ir, 'zh', vetoed.info, { generatedAt: '2026-11-28' })).toContain('生成时间：2026-11-28');
  });
});

describe('renderProjectHtml', () => {
  const html = renderProjectHtml(vetoed.result, ir, 'zh', vetoed.info);

  it('is one self-contained print-ready page: A4 @page, no script, no external asset', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('@page { size: A4;');
    expect(html).not.toMatch(/<script|<link|<img|src=|url\(|@import/i);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/)/);
  });

  it('embeds the dimension chart as server-rendered SVG with the dimension names', () => {
    const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
    expect(svgs).toHaveLength(1);
    for (const name of ['决策', '过程', '产出', '效益', '一级指标得分']) expect(svgs[0]).toContain(`>${name}</text>`);
    expect(svgs[0]).not.toMatch(/zr\d+-/);
  });

  it('escapes user text', () => {
    expect(html).toContain('<h1>县城污水管网&lt;改造&gt;工程 &amp; 配套绩效评价报告</h1>');
    expect(html).not.toContain('<改造>');
  });

  it('is byte-identical across renders', () => {
    expect(renderProjectHtml(vetoed.result, ir, 'zh', vetoed.info)).toBe(html);
    // Rendering other charts in between must not shift ids.
    renderProjectHtml(excellent.result, ir, 'en', excellent.info);
    expect(renderProjectHtml(vetoed.result, ir, 'zh', vetoed.info)).toBe(html);
  });

  it('shows no chart for a rejected record', () => {
    const rejected = items[4]!;
    expect(renderProjectHtml(rejected.result, ir, 'zh', rejected.info)).not.toContain('<svg');
  });
});
