/**
 * One boolean semantics (issue 13): an indicator's formula and a rules-block condition reading
 * the same record value decide alike, whatever staff typed — `true`, `"true"`, `" 是 "`, `"yes"`,
 * `"Y"`, numbers as text, empty text, random text, numbers, null. Property-tested with a fixed
 * seed and run count over several ways of writing the test (`== true`, a bare field, through
 * `coalesce`, through a `let`, `== false`, `not`); the compiled and the reference rule paths are
 * held to the same answers. The fuzz suite (test/fuzz/records.test.ts) checks the same on the
 * shipped rule sets.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileSource } from '../../src/compile/compile.js';
import { createEvaluator } from '../../src/engine/evaluate.js';
import { createRecommender, recommendWithReference } from '../../src/recommend/index.js';

/** Each test is written once as a checklist element and once as a rule of the same name. */
const TESTS: [string, string][] = [
  ['等于真', 'data.flag == true'],
  ['直接', 'data.bare'],
  ['经coalesce', 'coalesce(data.via, false) == true'],
  ['经定义', '标志 == true'],
  ['等于假', 'coalesce(data.via, true) == false'],
  ['取反', 'not coalesce(data.via, false)'],
  ['文字是', 'data.text == "是"'],
];

const SOURCE = `framework F {
  scale 100
  grades { 优 >= 90; 差 otherwise }
  let 标志 = coalesce(data.via, false)
${TESTS.map(([name, cond]) => `  indicator ${name} weight 10 { score checklist { 是: 100% when ${cond} } }`).join('\n')}
  indicator 其余 weight 30 { score checklist { 是: 100% when true } }
}
rules R for F {
${TESTS.map(([name, cond]) => `  rule ${name} when ${cond} then flag "${name}"`).join('\n')}
}
`;

const WORDS = ['true', 'false', '是', '否', '真', '假', 'yes', 'no', 'y', 'n', '1', '0', '', 'maybe', '95%'];
const typed = fc
  .tuple(fc.constantFrom(...WORDS), fc.constantFrom('', ' ', '  '), fc.constantFrom('', ' ', '\t'), fc.boolean())
  .map(([w, pre, post, upper]) => `${pre}${upper ? w.toUpperCase() : w}${post}`);
const value = fc.oneof(typed, fc.boolean(), fc.integer({ min: -3, max: 3 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string({ maxLength: 6 }), fc.constant(null));
// Fields the schema types (boolean `flag`/`bare`, text `text`) mostly get a value of that type,
// so most records reach both sides; `via` (read through coalesce, untyped) gets anything.
const mostly = (a: fc.Arbitrary<unknown>) => fc.oneof({ arbitrary: a, weight: 4 }, { arbitrary: value, weight: 1 });

describe('one boolean semantics: indicator formulas and rule conditions agree', () => {
  const { ir, diagnostics } = compileSource(SOURCE, 'bool.ind');

  it('compiles', () => {
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('a checklist element scores exactly when the rule of the same test fires, on both rule paths', async () => {
    const evaluator = createEvaluator(ir!);
    const recommender = createRecommender(ir!);
    let scored = 0;
    await fc.assert(
      fc.asyncProperty(mostly(fc.oneof(fc.boolean(), fc.constant(null))), mostly(fc.boolean()), value, mostly(fc.oneof(typed, fc.string({ maxLength: 4 }))), async (flag, bare, via, text) => {
        const record = { id: 'b', flag, bare, via, text };
        const result = evaluator.evaluate(record);
        if (result.status !== 'ok') return; // rejected by the schema: neither side reads it
        scored++;
        const byIndicator = TESTS.map(([name]) => result.indicators.find((i) => i.path === name)!.points! > 0);
        const fired = new Set(recommender.recommend(result, record).map((r) => r.rule));
        expect(TESTS.map(([name]) => fired.has(name)), JSON.stringify(record)).toEqual(byIndicator);
        const reference = new Set((await recommendWithReference(ir!, evaluator.evaluate(record), record)).map((r) => r.rule));
        expect([...reference].sort(), JSON.stringify(record)).toEqual([...fired].sort());
      }),
      { seed: 13, numRuns: 300, endOnFailure: true },
    );
    // Most records are scored: the property is about values that reach both sides.
    expect(scored).toBeGreaterThan(150);
  });

  it('reads the spellings the reference lists as true and false', () => {
    const evaluator = createEvaluator(ir!);
    const recommender = createRecommender(ir!);
    const fires = (via: unknown): boolean => {
      const r = evaluator.evaluate({ id: 'w', via });
      return recommender.recommend(r, { id: 'w', via }).some((x) => x.rule === '经coalesce');
    };
    for (const t of [true, 'true', ' TRUE ', 'yes', 'Y', '是', '真']) expect(fires(t), String(t)).toBe(true);
    for (const f of [false, 'false', 'no', 'N', '否', '假', '', 'maybe', '1', 1, null]) expect(fires(f), String(f)).toBe(false);
  });
});
