/**
 * A rules-block `let` (or an inline expression in a condition) that cannot be computed on a
 * record — here a division by zero — leaves the rules reading it unavailable with REC573 naming
 * the rule, the name and where it is declared, on the compiled and the reference path alike;
 * before, the rule was silently false and `not (…)` of it fired. Missing data stays "false"
 * without an error, as the reference documents.
 */
import { describe, expect, it } from 'vitest';
import { compileSource } from '../../src/compile/compile.js';
import type { RuleSetIR } from '../../src/compile/ir.js';
import { createEvaluator } from '../../src/engine/evaluate.js';
import { createRecommender, recommendWithReference } from '../../src/recommend/index.js';

const SOURCE = `framework F {
  scale 100
  grades { 优 >= 90; 差 otherwise }
  input data.a number
  input data.b number
  indicator x weight 100 { value = data.a; score bands { >= 1: 100%; else: 0 } }
}
rules R for F {
  let 比率 = data.a / data.b
  rule 比率高 when 比率 > 1 then flag "高"
  rule 比率不高 when not (比率 > 1) then flag "不高"
  rule 直接 when data.a / data.b > 1 then flag "直接"
  rule 无关 when data.a > 1 then flag "无关"
}
`;

function setup(): RuleSetIR {
  const { ir, diagnostics } = compileSource(SOURCE, 'div.ind');
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return ir!;
}

async function both(record: Record<string, unknown>) {
  const ir = setup();
  const ev = createEvaluator(ir);
  const compiled = ev.evaluate(record);
  const compiledRecs = createRecommender(ir).recommend(compiled, record);
  const reference = ev.evaluate(record);
  const referenceRecs = await recommendWithReference(ir, reference, record);
  return { compiled: { recs: compiledRecs.map((r) => r.rule), errors: compiled.errors }, reference: { recs: referenceRecs.map((r) => r.rule), errors: reference.errors } };
}

describe('a rules-block let that cannot be computed', () => {
  it('makes every rule reading it unavailable with REC573, on both paths', async () => {
    const { compiled, reference } = await both({ id: 'z', a: 5, b: 0 });
    expect(compiled.recs).toEqual(['无关']);
    expect(compiled.errors.map((e) => [e.code, e.path])).toEqual([
      ['REC573', '比率'],
      ['REC573', '比率'],
      ['REC573', 'data.a / data.b'],
    ]);
    // Located: the let's own line for a name, the rule's line for an inline expression.
    expect(compiled.errors[0]!.message).toContain('div.ind:9:3');
    expect(compiled.errors[0]!.message).toContain('比率高');
    expect(compiled.errors[2]!.message).toContain('div.ind:12:3');
    expect(reference).toEqual(compiled);
  });

  it('fires as usual when the let can be computed', async () => {
    const { compiled, reference } = await both({ id: 'ok', a: 5, b: 1 });
    expect(compiled.recs).toEqual(['比率高', '直接', '无关']);
    expect(compiled.errors).toEqual([]);
    expect(reference).toEqual(compiled);
  });

  it('keeps missing data as "false" without an error', async () => {
    const { compiled, reference } = await both({ id: 'm', a: 5 });
    expect(compiled.errors.filter((e) => e.code === 'REC573')).toEqual([]);
    expect(compiled.recs).not.toContain('比率高');
    expect(reference.errors).toEqual(compiled.errors);
  });
});
