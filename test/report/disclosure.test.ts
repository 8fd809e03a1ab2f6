/**
 * Disclosure-ready reports as a bureau publishes them: department and town reports labelled as
 * what they are, stage names in words, the 财预〔2020〕10号 outline with the evaluator's own text
 * in its places and a 落款 that is given (never today's date), rule combinations in plain words,
 * and a batch summary with one section per kind of evaluation — each with its own grades,
 * average and pie whose colours mean what the labels say — and no average across kinds.
 */
import { describe, expect, it } from 'vitest';
import type { EvaluationResult } from '../../src/engine/result.js';
import { infoFromRecord, narrativeFrom, type ProjectInfo } from '../../src/report/input.js';
import { renderProjectHtml, renderProjectMarkdown } from '../../src/report/project.js';
import { stageLabel } from '../../src/report/public-text.js';
import { renderSummaryHtml, renderSummaryMarkdown } from '../../src/report/summary-report.js';
import { summarize } from '../../src/report/summary.js';
import { batch, educationIr, makeResult } from './fixtures.js';

const ir = educationIr();
const items = batch(ir);
const vetoed = items[2]!;

function section(md: string, title: string): string {
  const start = md.indexOf(`## ${title}`);
  expect(start, title).toBeGreaterThanOrEqual(0);
  const next = md.indexOf('\n## ', start + 1);
  return md.slice(start, next < 0 ? undefined : next);
}

describe('who the report is about', () => {
  it('labels a department report 部门, not 项目编号/项目名称', () => {
    const info = infoFromRecord({ id: 'D-001', name: '市教育局', entity: 'department', stage: 'ex_post' });
    const md = renderProjectMarkdown(makeResult(ir, { id: 'D-001', indicators: {} }), ir, 'zh', info);
    expect(md).toContain('# 市教育局部门整体支出绩效评价报告');
    expect(md).toContain('| 部门编码 | D-001 |');
    expect(md).toContain('| 部门（单位）名称 | 市教育局 |');
    expect(md).not.toMatch(/项目编号|项目名称|\| 主管部门 \| 市教育局/);
  });

  it('labels a town report 镇街', () => {
    const info: ProjectInfo = { name: '青山镇', town: '青山镇', entity: 'town' };
    const md = renderProjectMarkdown(makeResult(ir, { id: 'T-01', indicators: {} }), ir, 'en', info);
    expect(md).toContain('| Town code | T-01 |');
    expect(md).toContain('| Town | 青山镇 |');
  });

  it('names stages in words, never by their identifiers', () => {
    expect(['ex_post', 'ex-ante', 'monitoring', 'self'].map((s) => stageLabel('zh', s))).toEqual(['事后绩效评价', '事前绩效评估', '事中绩效监控', '绩效自评']);
    const md = renderProjectMarkdown(items[0]!.result, ir, 'zh', { ...items[0]!.info, stage: 'ex_post' });
    expect(md).toContain('| 评价阶段 | 事后绩效评价 |');
    expect(md).not.toContain('ex\\_post');
  });
});

describe('the evaluator\'s text and the 落款', () => {
  const narrative = narrativeFrom({
    工作开展情况: '评价组于 11 月赴现场核查。',
    主要经验及做法: '建立了周调度机制。',
    偏差原因: { 预算执行率: '第四季度资金拨付滞后' },
    存在的问题: '部分台账不全。',
    有关建议: '建议加快资金拨付。',
  })!;
  const info: ProjectInfo = { ...vetoed.info, narrative, issuer: '江澜市财政局', date: '2026年12月7日' };
  const md = renderProjectMarkdown(vetoed.result, ir, 'zh', info);

  it('reads the narrative from Chinese or English keys', () => {
    expect(narrative).toEqual({ work: '评价组于 11 月赴现场核查。', experience: '建立了周调度机制。', problems: '部分台账不全。', causes: { 预算执行率: '第四季度资金拨付滞后' }, suggestions: '建议加快资金拨付。' });
    expect(infoFromRecord({ name: 'x', narrative: { experience: 'e' }, issuer: '某局' })).toMatchObject({ narrative: { experience: 'e' }, issuer: '某局' });
  });

  it('puts each part of the text where the outline has its place', () => {
    expect(section(md, '二、绩效评价工作开展情况')).toContain('评价组于 11 月赴现场核查。');
    const five = section(md, '五、主要经验及做法、存在的问题及原因分析');
    expect(five.indexOf('建立了周调度机制。')).toBeLessThan(five.indexOf('（二）存在的问题及原因分析'));
    expect(five).toContain('“预算执行率”失 10.00 分：落入较低得分区间（完成值 42%，目标值 ≥ 100%）。原因：第四季度资金拨付滞后');
    expect(five).toContain('部分台账不全。');
    expect(five).toContain('有 3 项未说明偏差原因');
    expect(section(md, '六、有关建议')).toContain('建议加快资金拨付。');
  });

  it('signs with the issuer and date given, in Markdown and HTML', () => {
    expect(md.trimEnd().split('\n').slice(-3)).toEqual(['<p align="right">评价机构：江澜市财政局</p>', '', '<p align="right">2026年12月7日</p>']);
    expect(renderProjectHtml(vetoed.result, ir, 'zh', info)).toContain('<div class="signoff"><p>评价机构：江澜市财政局</p><p>2026年12月7日</p></div>');
  });

  it('leaves blanks to sign by hand instead of printing today', () => {
    const bare = renderProjectMarkdown(vetoed.result, ir, 'zh', vetoed.info);
    expect(bare).toContain('评价机构（盖章）：＿＿＿＿＿＿＿＿');
    expect(bare).toContain('＿＿＿＿年＿＿月＿＿日');
    expect(bare).not.toContain(String(new Date().getFullYear()) + '年');
    expect(renderProjectMarkdown(vetoed.result, ir, 'zh', vetoed.info, { issuer: '江澜市财政局', date: '2026-12-07' })).toContain('评价机构：江澜市财政局');
  });

  it('says what the scores show as experience: strong dimensions and full-point indicators', () => {
    const excellent = renderProjectMarkdown(items[0]!.result, ir, 'zh', items[0]!.info);
    const five = section(excellent, '五、主要经验及做法、存在的问题及原因分析');
    expect(five).toMatch(/“决策”指标得分 20\.00 分（满分 20\.00 分），得分率 100%。/);
    expect(five).toContain('获得满分的指标：');
  });
});

describe('recommendations in plain words', () => {
  it('names the rules a combination came from and what combining did, not the mode keyword', () => {
    const result = makeResult(ir, { id: 'C', indicators: {} });
    const combined: EvaluationResult = {
      ...result,
      recommendations: [{ rule: '评价差', ruleBlock: '结果应用', action: 'adjust', line: 'next_budget', amount: '-500000', reason: '合并调减', facts: {}, combined: { mode: 'sum', from: ['评价差', '执行偏慢'] } }],
    };
    const recs = section(renderProjectMarkdown(combined, ir, 'zh'), '六、有关建议');
    expect(recs).toContain('综合 2 条规则：评价差、执行偏慢；金额累加');
    expect(recs).not.toMatch(/sum|combined|按“/);
  });
});

describe('the batch summary by kind of evaluation', () => {
  const kindInputs = (() => {
    const mk = (id: string, total: number, grade: string, info: ProjectInfo, rulesetName: string) => {
      const r = makeResult(ir, { id, indicators: {} });
      return { result: { ...r, total, grade, ruleset: { ...r.ruleset, name: rulesetName } }, info };
    };
    return [
      mk('A1', 90, '予以支持', { stage: 'ex_ante', requested: '100', approved: '90' }, '事前绩效评估'),
      mk('A2', 70, '部分支持', { stage: 'ex_ante' }, '事前绩效评估'),
      mk('M1', 50, '红色', { stage: 'monitoring' }, '事中绩效监控'),
      mk('P1', 95, '优', { stage: 'ex_post' }, '教育项目'),
      mk('P2', 85, '良', { stage: 'ex_post' }, '卫生健康项目'),
      mk('D1', 40, '差', { name: '市教育局', entity: 'department' }, '部门整体支出'),
      mk('T1', 60, '中', { name: '青山镇', entity: 'town' }, '镇街财政运行'),
    ];
  })();
  const s = summarize(kindInputs, [ir]);

  it('averages each kind on its own and never all of them together', () => {
    expect(s.kinds.map((k) => [k.kind, k.count, k.average])).toEqual([
      ['ex-ante', 2, '80.00'], ['monitoring', 1, '50.00'], ['ex-post', 2, '90.00'], ['department', 1, '40.00'], ['town', 1, '60.00'],
    ]);
    expect(s.average).toBeNull();
    expect(s.kinds[0]!.grades).toEqual([{ grade: '予以支持', count: 1 }, { grade: '部分支持', count: 1 }]);
  });

  it('gives each kind its own section, table and pie, in stage order', () => {
    const md = renderSummaryMarkdown(kindInputs, [ir], 'zh');
    const titles = [...md.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(titles.slice(0, 5)).toEqual(['一、事前绩效评估结果', '二、事中绩效监控结果', '三、事后绩效评价结果', '四、部门整体支出绩效评价结果', '五、镇街财政运行绩效评价结果']);
    expect(md).toContain('| 事后绩效评价 | 2 | 2 | 90.00 / 100 |');
    // The batch's own overview gives counts only; averages are per kind.
    expect(md.split('\n')[2]).toBe('本批次共评价 7 个对象，其中有效评分 7 个、数据未通过校验 0 个。各类评价的得分口径不同，平均得分按类别分列。');
    expect(section(md, '三、事后绩效评价结果')).toContain('平均得分 90.00 分（满分 100 分）');
  });

  it('draws 红 red, 黄 amber, 绿 green, 不予支持 red, 优 green', () => {
    const html = renderSummaryHtml(kindInputs, [ir], 'zh');
    const pies = html.match(/<svg[\s\S]*?<\/svg>/g)!.filter((svg) => svg.includes('结果分布'));
    expect(pies).toHaveLength(5);
    expect(pies[1]).toContain('#c8443b'); // 红色
    expect(pies[0]).toContain('#3f9b5b'); // 予以支持
    expect(pies[0]).toContain('#e0a42c'); // 部分支持
    expect(pies[2]).toContain('#3f9b5b'); // 优
  });
});
