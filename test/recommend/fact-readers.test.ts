/**
 * The compiled path's fact readers as users see them through `recommend`: one recommender fed
 * results whose indicators come in a different order from record to record still reads each
 * record's own values in conditions and in the facts of its recommendations, as the
 * json-rules-engine path does; and a data fact read by a condition and listed in the facts shows
 * that record's value, not one kept from an earlier record.
 */
import { describe, expect, it } from 'vitest';
import { createRecommender, recommendWithReference } from '../../src/recommend/index.js';
import { action, bin, block, completeIr, completeResult, data, node, num, rule } from './fixtures.js';

const ir = completeIr({
  ruleBlocks: [
    block('b', [
      rule('低执行', bin('<', node('过程/预算执行率'), num('0.6')), [action('interview')]),
      rule('合规差', bin('<', node('过程/资金使用合规性', 'points'), num('5')), [action('warn', { level: 'red' })]),
      rule('多问题', bin('>=', data('k3', 'count'), num('4')), [action('flag', { text: '多' })]),
    ]),
  ],
});

const forward = completeResult({
  total: 70,
  grade: '中',
  indicators: { '过程/预算执行率': { value: 0.5, points: 2 }, '过程/资金使用合规性': { value: 0.9, points: 9 } },
});
// The same indicators listed the other way round: a position learnt from one result must not
// make the next read the neighbour's values.
const reversed = completeResult({
  total: 70,
  grade: '中',
  indicators: { '过程/资金使用合规性': { value: 0.2, points: 1 }, '过程/预算执行率': { value: 0.95, points: 9 } },
});

describe('fact readers', () => {
  it('read each record its own indicators whatever their order in the result', async () => {
    const recommender = createRecommender(ir);
    const rows: [ReturnType<typeof completeResult>, Record<string, unknown>][] = [
      [forward, { k3: { count: 5 } }],
      [reversed, { k3: { count: 1 } }],
      [forward, { k3: { count: 0 } }],
    ];
    const got = rows.map(([res, rec]) => recommender.recommend(structuredClone(res), rec));
    expect(got.map((rs) => rs.map((r) => r.rule))).toEqual([['低执行', '多问题'], ['合规差'], ['低执行']]);
    expect(got[1]![0]!.facts).toEqual({ '过程/资金使用合规性.points': 1 });
    expect(got[0]![0]!.facts).toEqual({ '过程/预算执行率.value': 0.5 });
    expect(got[0]![1]!.facts).toEqual({ 'data.k3.count': 5 });
    for (let i = 0; i < rows.length; i++) {
      const [res, rec] = rows[i]!;
      expect(await recommendWithReference(ir, structuredClone(res), rec)).toEqual(got[i]);
    }
  });
});
