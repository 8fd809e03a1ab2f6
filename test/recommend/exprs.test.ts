/**
 * The recommendation stage evaluates expressions with the engine's compiler (src/recommend/
 * exprs.ts), so a rule and an indicator reading the same value agree: over property-generated
 * values (padded strings, "是", "true", numeric strings, numbers, booleans, null, missing), a
 * `let` of a rule block and an indicator scoring the same expression decide alike — the rule
 * fires exactly when the yes/no indicator scores full points. Also: amounts stay decimal-exact,
 * a failure (missing data, division by zero) is "unavailable" (no amount, a null fact), the
 * caller's context reaches lets, and derived facts are named by the engine's one printer.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RuleSetIR } from '../../src/compile/ir.js';
import { compileSource } from '../../src/compile/compile.js';
import { createEvaluator } from '../../src/engine/index.js';
import { printExpr } from '../../src/engine/print.js';
import { createRecommender, emitRules, firedRules, recommendWithReference } from '../../src/recommend/index.js';
import { toPointer } from '../../src/recommend/path.js';
import { bin, data } from './fixtures.js';

/** Each check is an indicator and a let of the same name over the same expression. */
const CHECKS: [string, string][] = [
  ['是否', 'data.a == "是"'],
  ['真假', 'data.b == true'],
  ['等于', 'data.c == 3'],
  ['大于', 'data.d >= 2.5'],
  ['相除', 'data.e / 2 == 1.5'],
  ['布尔', 'data.f'],
  ['取反', 'not data.g'],
];

function compileText(text: string): RuleSetIR {
  const r = compileSource(text, 'exprs.test.ind');
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return r.ir!;
}

const AGREE_IR = compileText(`
framework 一致性 {
  scale ${10 * CHECKS.length}
  grades { 优 >= 60; 良 >= 50; 中 >= 30; 差 otherwise }
  dimension 过程 weight ${10 * CHECKS.length} {
${CHECKS.map(([n, e]) => `    indicator ${n} weight 10 { value = ${e}; score yesno }`).join('\n')}
  }
}
rules 挂钩 for 一致性 {
${CHECKS.map(([n, e]) => `  let ${n}式 = ${e}`).join('\n')}
${CHECKS.map(([n]) => `  rule ${n} when ${n}式 then flag "${n}" reason "${n}"`).join('\n')}
${CHECKS.map(([n, e]) => `  rule ${n}直 when ${e} then flag "${n}" reason "${n}"`).join('\n')}
}
`);

const valueArb = fc.oneof(
  fc.constantFrom(
    '是',
    ' 是 ',
    '是 ',
    '否',
    'true',
    ' true',
    'TRUE ',
    'false',
    'yes',
    'n',
    '3',
    ' 3 ',
    '3.0',
    '+3',
    '2.5',
    '2.50',
    '1e1',
    '95%',
    '',
    ' ',
    'abc',
  ),
  fc.tuple(fc.constantFrom('', ' ', '  '), fc.constantFrom('是', 'true', '3', '2.5', '否'), fc.constantFrom('', ' ', '\t')).map(([a, b, c]) => a + b + c),
  fc.string({ maxLength: 4 }),
  fc.constantFrom(3, 3.0, 2.5, 2.4999, 0, -1, 1e21),
  fc.double({ min: -10, max: 10, noNaN: true }),
  fc.integer({ min: -5, max: 5 }),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);

describe('one evaluator for scoring and rules', () => {
  // Validation off: the point is how both stages read a value, not whether the schema admits it.
  const evaluator = createEvaluator(AGREE_IR, { validate: false });
  const recommender = createRecommender(AGREE_IR);

  const validating = createEvaluator(AGREE_IR);
  /** Fired rules against full points of the indicator of the same name; `suffix` picks the rules. */
  const agree = async (ev: typeof evaluator, v: unknown, suffix: string): Promise<void> => {
    const record: Record<string, unknown> = { id: 'r' };
    if (v !== undefined) for (const k of ['a', 'b', 'c', 'd', 'e', 'f', 'g']) record[k] = v;
    const result = ev.evaluate(record);
    if (result.status === 'rejected') return;
    const recs = recommender.recommend(result, record);
    const fired = new Set(firedRules(recs));
    for (const [name] of CHECKS) {
      const ind = result.indicators.find((i) => i.name === name)!;
      const full = ind.status === 'scored' && ind.points === 10;
      expect({ rule: name + suffix, v, fired: fired.has(name + suffix) }).toEqual({ rule: name + suffix, v, fired: full });
    }
    // The reference path (json-rules-engine over the same facts) says the same.
    expect(JSON.stringify(await recommendWithReference(AGREE_IR, result, record))).toBe(JSON.stringify(recs));
  };

  it('a let of a rule block and an indicator over the same expression agree on every value', async () => {
    await fc.assert(
      fc.asyncProperty(valueArb, (v) => agree(evaluator, v, '')),
      { numRuns: 300 },
    );
  });

  it('a rule condition and an indicator agree on every value the record schema admits', async () => {
    // Comparisons with a number or boolean stay json-rules-engine leaves: the schema types them.
    await fc.assert(
      fc.asyncProperty(valueArb, (v) => agree(validating, v, '直')),
      { numRuns: 300 },
    );
  });

  it('reads " 是 " as 是, " true" as true and " 3 " as 3 in a rule, as scoring does', () => {
    const record = { id: 'r', a: ' 是 ', b: ' true', c: ' 3 ', d: '2.50', e: '3', f: 'yes', g: '否' };
    const result = evaluator.evaluate(record);
    expect(result.indicators.map((i) => i.points)).toEqual([10, 10, 10, 10, 10, 10, 10]);
    expect(firedRules(recommender.recommend(result, record)).filter((n) => !n.endsWith('直'))).toEqual(CHECKS.map(([n]) => n));
  });
});

const AMOUNTS_IR = compileText(`
framework 金额 {
  scale 100
  grades { 优 >= 90; 良 >= 80; 中 >= 60; 差 otherwise }
  dimension 过程 weight 100 {
    indicator 执行 weight 100 { value = data.spent / data.budget; target >= 100%; score proportional }
  }
}
rules 挂钩 for 金额 {
  let unspent = data.budget - data.spent
  let 份额 = data.x / data.y
  let 参照加一 = previous.total + 1
  line next_budget base data.next "下年度预算"
  rule 收回 when total >= 0 then recall unspent reason "收回"
  rule 调整 when total >= 0 then adjust next_budget 份额 reason "按份额"
  rule 参照 when 参照加一 > 80 then flag "参照" reason "参照"
  rule 相除 when (data.budget - data.spent) / data.y > 0 then flag "相除" reason "相除"
}
`);

describe('amounts, failures and context through the engine', () => {
  const evaluator = createEvaluator(AMOUNTS_IR, { validate: false });
  const recommender = createRecommender(AMOUNTS_IR);

  it('keeps amounts exact and reads numeric strings as scoring does', () => {
    const record = { id: 'r', budget: '0.3', spent: 0.1, next: 100, x: ' 10 ', y: 4 };
    const recs = recommender.recommend(evaluator.evaluate(record), record);
    expect(recs.find((r) => r.rule === '收回')?.amount).toBe('0.20');
    expect(recs.find((r) => r.rule === '调整')?.amount).toBe('2.50');
  });

  it('turns a division by zero or missing data into no amount and a null fact, never a number', () => {
    const record = { id: 'r', budget: 100, spent: 40, next: 100, x: 1, y: 0 };
    const recs = recommender.recommend(evaluator.evaluate(record), record);
    expect(recs.find((r) => r.rule === '调整')).toMatchObject({ action: 'adjust', line: 'next_budget' });
    expect(recs.find((r) => r.rule === '调整')?.amount).toBeUndefined();
    expect(recs.find((r) => r.rule === '相除')).toBeUndefined();
    const noSpent = { id: 'r', budget: 100, next: 100, x: 1, y: 2 };
    const r2 = recommender.recommend(evaluator.evaluate(noSpent), noSpent);
    expect(r2.find((r) => r.rule === '收回')?.amount).toBeUndefined();
  });

  it("reads the caller's context inside a let", () => {
    const record = { id: 'r', budget: 100, spent: 40, next: 100, x: 1, y: 2 };
    const result = evaluator.evaluate(record);
    expect(firedRules(recommender.recommend(result, record, { previous: { total: 85 } }))).toContain('参照');
    expect(firedRules(recommender.recommend(result, record, { previous: { total: 70 } }))).not.toContain('参照');
    expect(firedRules(recommender.recommend(result, record))).not.toContain('参照');
  });

  it("names derived facts with the engine's printer, as traces print them", () => {
    const expr = bin('/', bin('-', data('budget'), data('spent')), data('y'));
    const rules = JSON.stringify(emitRules(AMOUNTS_IR));
    expect(printExpr(expr)).toBe('(data.budget - data.spent) / data.y');
    expect(rules).toContain(`"path":"${toPointer(['挂钩', printExpr(expr)])}"`);
  });
});
