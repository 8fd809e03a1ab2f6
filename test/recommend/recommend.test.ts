/**
 * Behaviour of the recommendation stage as users see it: the rule JSON emitted for `jixiao
 * compile --emit rules`, diagnostics for bad rule blocks, exact amounts per action, output order,
 * rejected records, the path resolver's refusals, and agreement of the compiled and reference
 * paths (including 64 overlapping reference runs, the DESIGN.md §6 trap).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRecommender, emitRules, firedRules, recommendWithReference, createReferenceRecommender } from '../../src/recommend/index.js';
import { resolvePointer, toPointer } from '../../src/recommend/path.js';
import { action, bin, block, bool, completeIr, completeResult, data, grade, node, num, pct, rule, str, total } from './fixtures.js';
import { sampleBatch, sampleRuleSet } from './sample-ruleset.js';

const leafOf = (r: object): unknown => (r as { conditions: { all: unknown[] } }).conditions.all[0];

describe('emitRules', () => {
  it('turns simple comparisons into fact-op-value leaves, flipping a literal on the left', () => {
    const ir = completeIr({
      ruleBlocks: [block('b', [rule('r1', bin('>', pct('0.6'), node('过程/预算执行率')), [action('interview')])])],
    });
    expect(leafOf(emitRules(ir)[0]!)).toEqual({ fact: 'scorecard', path: '/indicators/过程~1预算执行率/value', operator: 'lessThan', value: 0.6 });
  });

  it('compares grades by rank for ordering and by label for equality', () => {
    const ir = completeIr({
      ruleBlocks: [block('b', [rule('r1', bin('and', bin('>=', grade, str('良')), bin('!=', grade, str('优'))), [action('commend')])])],
    });
    expect(emitRules(ir)[0]).toMatchObject({
      conditions: {
        all: [
          { fact: 'scorecard', path: '/gradeRank', operator: 'greaterThanInclusive', value: 3 },
          { fact: 'scorecard', path: '/grade', operator: 'notEqual', value: '优' },
        ],
      },
    });
  });

  it('names derived facts by the canonical text of the expression and compares fact to fact', () => {
    const ir = completeIr({
      ruleBlocks: [
        block('b', [
          rule('r1', bin('<', bin('/', data('spent'), data('budget', 'adjusted')), data('plan', 'rate')), [action('interview')]),
          rule('r2', data('audit', 'major'), [action('stop')]),
        ]),
      ],
    });
    const [r1, r2] = emitRules(ir);
    expect(leafOf(r1!)).toEqual({
      fact: 'derived',
      path: toPointer(['b', 'data.spent / data.budget.adjusted']),
      operator: 'lessThan',
      value: { fact: 'data', path: '/plan/rate' },
    });
    // A bare data operand is read as scoring reads a condition (" true", "是"): a derived test.
    expect(leafOf(r2!)).toEqual({ fact: 'derived', path: toPointer(['b', 'data.audit.major == true']), operator: 'equal', value: true });
  });

  it('reports bad priorities, unknown grades and nodes, adjust without a line, caps on `all`', () => {
    const ir = completeIr({
      ruleBlocks: [
        block(
          'b',
          [
            rule('p0', bin('==', grade, str('优')), [action('commend')], { priority: 0 }),
            rule('g', bin('>=', grade, str('甲')), [action('commend')]),
            rule('n', bin('>', node('产出/不存在'), num('1')), [action('commend')]),
            rule('a', bin('==', grade, str('差')), [action('adjust', { amount: pct('-0.1') }), action('adjust', { line: 'x', amount: pct('-0.1') })]),
          ],
          { combines: [{ id: 'c', line: 'x', mode: 'all', cap: pct('0.3') }] },
        ),
      ],
    });
    const r = createRecommender(ir);
    expect(r.diagnostics.map((d) => d.code).sort()).toEqual(['REC531', 'REC532', 'REC533', 'REC541', 'REC542', 'REC543']);
    expect(r.rules.map((x) => x.name)).toEqual(['a']);
  });
});

describe('recommend', () => {
  const ir = sampleRuleSet();
  const recommender = createRecommender(ir);
  const record = {
    spent: 200000,
    budget: { adjusted: 1000000, next: 1200000 },
    audit: { violations: 4 },
    history: { last_grade: '差' },
    rectification: { done: true },
  };
  const result = completeResult({
    total: 55,
    grade: '差',
    indicators: {
      '过程/预算执行率': { value: 0.2, points: 2 },
      '过程/资金使用合规性': { value: null, points: 8 },
      '效益/服务对象满意度': { value: 0.7, points: 20 },
    },
  });

  it('computes exact amounts, orders by priority then source, combines the declared line', () => {
    const recs = recommender.recommend(result, record);
    expect(recs.map((r) => [r.rule, r.action, r.amount ?? r.withinDays ?? r.level ?? r.text ?? null])).toEqual([
      ['连续差', 'cancel', null],
      ['评价差', 'adjust', '-360000.00'],
      ['评价差', 'rectify', 90],
      ['评价差', 'interview', null],
      ['执行严重偏慢', 'suspend', '400000.00'],
      ['执行严重偏慢', 'warn', 'red'],
      ['执行偏慢', 'recall', '800000.00'],
      ['执行偏慢', 'warn', 'yellow'],
      ['资金违规', 'withhold', '100000.00'],
      ['资金违规', 'flag', '资金使用不合规'],
    ]);
    // -30% and -5% summed to -35%, capped at 30% of the 1,200,000 base.
    expect(recs[1]).toMatchObject({ percentage: '-0.30', combined: { mode: 'sum', from: ['评价差', '满意度低'] } });
    expect(recs[6]!.facts).toEqual({ '过程/预算执行率.value': 0.2 });
    expect(firedRules(recs)).toEqual(['连续差', '评价差', '满意度低', '执行严重偏慢', '执行偏慢', '资金违规']);
  });

  it('leaves an amount out when its inputs are missing, and says nothing for rejected records', () => {
    const noBase = { ...record, budget: { adjusted: 1000000 } };
    const adjust = recommender.recommend(result, noBase).find((r) => r.action === 'adjust');
    expect(adjust).toMatchObject({ percentage: '-0.30' });
    expect(adjust!.amount).toBeUndefined();
    expect(recommender.recommend({ ...result, status: 'rejected' }, record)).toEqual([]);
  });

  it('never reads through __proto__, constructor or prototype', () => {
    const evil = completeIr({ ruleBlocks: [block('b', [rule('r', bin('==', data('constructor', 'name'), str('Object')), [action('flag', { text: 'x' })])])] });
    expect(createRecommender(evil).recommend(result, {})).toEqual([]);
    expect(resolvePointer({ a: {} }, '/a/__proto__')).toBeUndefined();
    expect(resolvePointer(JSON.parse('{"prototype": 1}'), '/prototype')).toBeUndefined();
    expect(resolvePointer({ 'a/b': { '~': 3 } }, '/a~1b/~0')).toBe(3);
    // A leaf that is an object reads as missing, so it cannot make a number check throw.
    const junk = JSON.parse('{"spent": {"toString": 0}, "budget": {"adjusted": {"valueOf": 1}}, "audit": {"violations": {"toString": 0}}}') as unknown;
    expect(() => recommender.recommend(result, junk)).not.toThrow();
  });

  it('reads stage and total, and a bare boolean condition', () => {
    const ir2 = completeIr({
      ruleBlocks: [
        block('b', [
          rule('s', bin('==', { kind: 'scorecard', member: 'stage' }, str('事后')), [action('flag', { text: 'stage' })]),
          rule('t', bin('and', bin('>=', total, num('50')), bool(true)), [action('flag', { text: 'total' })]),
        ]),
      ],
    });
    const recs = createRecommender(ir2).recommend(result, {}, { stage: '事后' });
    expect(recs.map((r) => r.text)).toEqual(['stage', 'total']);
  });

  it('gives the same recommendations through json-rules-engine, for a batch', async () => {
    for (const { result: res, record: rec } of sampleBatch(300, 7)) {
      expect(await recommendWithReference(ir, res, rec)).toEqual(recommender.recommend(res, rec));
    }
  });

  it('stays correct with 64 overlapping reference runs on one engine', async () => {
    const batch = sampleBatch(64, 11);
    const reference = createReferenceRecommender(ir);
    // Staggered starts, so runs finish while others are between their priority levels.
    const all = await Promise.all(
      batch.map(async (b, i) => {
        for (let k = 0; k < i * 3; k++) await Promise.resolve();
        return reference.recommend(b.result, b.record);
      }),
    );
    all.forEach((recs, i) => expect(recs).toEqual(recommender.recommend(batch[i]!.result, batch[i]!.record)));
  });

  it('never throws on junk records and scorecards, and both paths still agree', async () => {
    const leaf = fc.oneof(fc.jsonValue({ maxDepth: 1 }), fc.constantFrom('12', '', 'NaN', -0, 1e308, '优'));
    const junkRecord = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.record({
        spent: leaf,
        budget: fc.oneof(leaf, fc.record({ adjusted: leaf, next: leaf })),
        audit: fc.oneof(leaf, fc.record({ violations: leaf })),
        history: leaf,
        rectification: leaf,
      }),
    );
    const reference = createReferenceRecommender(ir);
    await fc.assert(
      fc.asyncProperty(junkRecord, fc.constantFrom('优', '良', '中', '差', '甲', null), leaf, async (rec, g, v) => {
        const res = completeResult({ total: 70, grade: g, indicators: { '过程/预算执行率': { value: v as never, points: 3 } } });
        const mine = recommender.recommend(res, rec);
        expect(await reference.recommend(res, rec)).toEqual(mine);
        for (const r of mine) if (r.amount !== undefined) expect(r.amount).toMatch(/^-?\d+\.\d{2}$/);
      }),
      { numRuns: 200 },
    );
  });
});
