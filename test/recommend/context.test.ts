/**
 * Last year's result and the rectification status in the recommendation stage, on rule IR as
 * the compiler could not write it (ordered comparisons on `previous.grade` reach the recommender
 * only from hand-made or older IR): the emitted leaf reads `context` /previous/gradeRank, which
 * facts.ts ranks against the rule set's own grades; the decimal evaluator ranks the same way in
 * amounts; both paths give identical recommendations; missing and null context behave like
 * missing data; and the caller's context object is never changed.
 */
import { describe, expect, it } from 'vitest';
import type { ExprIR } from '../../src/compile/ir.js';
import { createRecommender, emitRules, recommendWithReference } from '../../src/recommend/index.js';
import type { RecommendContext } from '../../src/recommend/facts.js';
import { action, bin, block, completeIr, completeResult, data, grade, pct, rule, str } from './fixtures.js';

const previousGrade: ExprIR = { kind: 'context', root: 'previous', path: ['grade'] };
const status: ExprIR = { kind: 'context', root: 'rectification', path: ['status'] };

const ir = completeIr({
  ruleBlocks: [
    block(
      '结果应用',
      [
        rule('上年不高于中', bin('<=', previousGrade, str('中')), [action('flag', { text: '关注' })]),
        rule('未整改', bin('==', status, str('未整改')), [
          // 10% when last year was below 良, else 5% — ranked by the decimal evaluator.
          action('withhold', {
            line: 'transfer_payment',
            amount: { kind: 'if', condition: bin('<', previousGrade, str('良')), then: pct('0.1'), otherwise: pct('0.05') },
          }),
        ]),
        rule('不如上年', bin('<', grade, previousGrade), [action('interview')]),
        rule('上年未整改以外', bin('!=', status, str('未整改')), [action('flag', { text: '非未整改' })]),
      ],
      { lines: [{ id: 'ln1', name: 'transfer_payment', base: data('transfer', 'base'), meta: { refs: [] } }] },
    ),
  ],
});
const result = completeResult({ total: 70, grade: '中' });
const record = { transfer: { base: 1000000 } };

async function both(context?: RecommendContext): Promise<{ rule: string; action: string; amount?: string }[]> {
  const mine = createRecommender(ir).recommend(result, record, context);
  const reference = await recommendWithReference(ir, result, record, context);
  expect(JSON.stringify(reference)).toBe(JSON.stringify(mine));
  return mine.map((r) => ({ rule: r.rule, action: r.action, ...(r.amount !== undefined ? { amount: r.amount } : {}) }));
}

describe('recommendation context', () => {
  it('an ordered comparison on previous.grade reads its rank from the context fact', () => {
    const conditions = JSON.stringify(emitRules(ir));
    expect(conditions).toContain('"fact":"context","path":"/previous/gradeRank","operator":"lessThanInclusive","value":2');
    // The caller's text is compared as scoring compares it (trimmed), so it is a derived test.
    expect(conditions).toContain('"path":"/结果应用/rectification.status == \\"未整改\\"","operator":"equal","value":true');
  });

  it('fires on last year 差 and not rectified, with the amount ranked the same way', async () => {
    expect(await both({ previous: { grade: '差', total: 52 }, rectification: { status: '未整改' } })).toEqual([
      { rule: '上年不高于中', action: 'flag' },
      { rule: '未整改', action: 'withhold', amount: '100000.00' },
    ]);
    expect(await both({ previous: { grade: '优' }, rectification: { status: '未整改' } })).toEqual([
      { rule: '未整改', action: 'withhold', amount: '50000.00' },
      { rule: '不如上年', action: 'interview' },
    ]);
  });

  it('missing, null or unknown context is like missing data: comparisons false', async () => {
    // `!=` on a missing fact is true in json-rules-engine; both paths agree on it.
    const none = [{ rule: '上年未整改以外', action: 'flag' }];
    expect(await both()).toEqual(none);
    expect(await both({ previous: null as never, rectification: null as never })).toEqual(none);
    expect(await both({ previous: { grade: null, total: null }, rectification: {} })).toEqual(none);
    expect(await both({ previous: { grade: '较差' } })).toEqual(none);
  });

  it("lists the context facts a rule read under readable labels, and leaves the caller's object alone", () => {
    const context: RecommendContext = { previous: { grade: '差', total: 52 }, rectification: { status: '未整改' } };
    const frozen = JSON.stringify(context);
    const recs = createRecommender(ir).recommend(result, record, context);
    expect(recs[0]!.facts).toEqual({ 'previous.grade': '差' });
    expect(recs[1]!.facts).toEqual({ 'rectification.status': '未整改' });
    expect(JSON.stringify(context)).toBe(frozen);
  });

  it('a withhold on a line whose base is missing carries the line and percentage but no amount', async () => {
    const recs = createRecommender(ir).recommend(result, {}, { previous: { grade: '差' }, rectification: { status: '未整改' } });
    expect(recs[1]).toMatchObject({ action: 'withhold', line: 'transfer_payment', percentage: '0.10' });
    expect(recs[1]!.amount).toBeUndefined();
  });
});
