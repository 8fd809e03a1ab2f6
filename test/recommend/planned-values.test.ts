/**
 * What the recommendation stage computes once per rule set instead of per record (output-plan.ts,
 * the memo start in facts.ts) must stay what the engine gives on each record: an amount or cap
 * whose name reads nothing of the record is the same on every record, one whose name reads data
 * follows each record, and a name that fails without reading the record (5 / 零) still leaves the rules reading
 * it unavailable with REC573 on every record, not only the first.
 */
import { describe, expect, it } from 'vitest';
import { compileSource } from '../../src/compile/compile.js';
import { createEvaluator } from '../../src/engine/evaluate.js';
import { createRecommender } from '../../src/recommend/index.js';

const SOURCE = `framework F {
  scale 100
  grades { 优 >= 90; 差 otherwise }
  input data.a number
  input data.b number
  input data.base number
  indicator x weight 100 { value = data.a; score bands { >= 1: 100%; else: 0 } }
}
rules R for F {
  param 固定比例 = 10%
  param 上限 = 15%
  let 记录比例 = if data.b > 10 then 20% else 2%
  param 零 = 0
  let 坏 = 5 / 零
  line next_budget base data.base
  combine next_budget by sum cap 上限
  rule 固定 when grade == 优 then adjust next_budget -固定比例
  rule 随记录 when grade == 优 then adjust next_budget -记录比例
  rule 读坏 when 坏 > 1 then flag "坏"
}
`;

function run(records: Record<string, unknown>[]) {
  const { ir, diagnostics } = compileSource(SOURCE, 'planned.ind');
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const ev = createEvaluator(ir!);
  const recommender = createRecommender(ir!);
  return records.map((record) => {
    const result = ev.evaluate(record);
    const recs = recommender.recommend(result, record);
    return { recs, errors: result.errors.filter((e) => e.code === 'REC573').map((e) => e.path) };
  });
}

describe('values planned once per rule set', () => {
  it('keeps fixed amounts fixed, record amounts per record, and the cap applied on each', () => {
    const [one, two] = run([
      { id: '1', a: 5, b: 2, base: 1000 },
      { id: '2', a: 5, b: 20, base: 3000 },
    ]);
    // 1: −10% −2% = −12% of 1000, under the 15% cap; 2: −10% −20% capped at −15% of 3000.
    expect(one!.recs.map((r) => [r.action, r.amount, r.percentage])).toEqual([['adjust', '-120.00', '-0.12']]);
    expect(two!.recs.map((r) => [r.action, r.amount, r.percentage])).toEqual([['adjust', '-450.00', '-0.15']]);
    expect(two!.recs[0]!.combined).toEqual({ mode: 'sum', from: ['固定', '随记录'] });
  });

  it('reports a name that cannot be computed on every record that reads it', () => {
    const out = run([
      { id: '1', a: 5, b: 1, base: 1000 },
      { id: '2', a: 7, b: 1, base: 1000 },
    ]);
    for (const r of out) {
      expect(r.errors).toEqual(['坏']);
      expect(r.recs.map((x) => x.rule)).not.toContain('读坏');
    }
  });
});
