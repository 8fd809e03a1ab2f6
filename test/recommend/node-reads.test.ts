/**
 * The gathered node reads (node-reads.ts) as users see them: every member a condition or a trace
 * can name — value, points, score, status, rating, an unknown member — on indicators and
 * dimensions, missing nodes included, reads what the json-rules-engine path reads, on results
 * whose nodes move between records (fails if a gather kept an entry or a position it should not).
 */
import { describe, expect, it } from 'vitest';
import { createRecommender, recommendWithReference } from '../../src/recommend/index.js';
import { action, bin, block, completeIr, completeResult, node, num, rule, str } from './fixtures.js';

const ir = completeIr({
  ruleBlocks: [
    block('b', [
      rule('值', bin('<', node('过程/预算执行率'), num('0.6')), [action('interview')]),
      rule('分', bin('<', node('过程/资金使用合规性', 'points'), num('5')), [action('warn', { level: 'red' })]),
      rule('得分', bin('>=', node('过程/资金使用合规性', 'score'), num('5')), [action('flag', { text: '高' })]),
      rule('状态', bin('==', node('过程/预算执行率', 'status'), str('scored')), [action('commend')]),
      rule('维度', bin('<', node('过程', 'points'), num('10')), [action('rectify', { withinDays: '30' })]),
      rule('缺', bin('<', node('过程/不存在', 'points'), num('10')), [action('flag', { text: '缺' })]),
    ]),
  ],
});

const a = completeResult({
  total: 70,
  grade: '中',
  indicators: { '过程/预算执行率': { value: 0.5, points: 2 }, '过程/资金使用合规性': { value: 0.9, points: 9 } },
  dimensions: { 决策: 20, 过程: 8 },
});
const b = completeResult({
  total: 70,
  grade: '中',
  indicators: { '过程/资金使用合规性': { value: 0.2, points: 1 }, '过程/预算执行率': { value: 0.95, points: 9 } },
  dimensions: { 过程: 12 },
});

describe('gathered node reads', () => {
  it('read every member as the reference path does, record by record', async () => {
    const recommender = createRecommender(ir);
    for (const res of [a, b, a, b, b, a]) {
      const got = recommender.recommend(structuredClone(res), {});
      expect(await recommendWithReference(ir, structuredClone(res), {})).toEqual(got);
    }
    expect(recommender.recommend(structuredClone(a), {}).map((r) => r.rule)).toContain('值');
    expect(recommender.recommend(structuredClone(b), {}).map((r) => r.rule)).toContain('分');
    expect(recommender.recommend(structuredClone(a), {}).map((r) => r.rule)).toContain('维度');
    expect(recommender.recommend(structuredClone(b), {}).map((r) => r.rule)).not.toContain('维度');
  });
});
