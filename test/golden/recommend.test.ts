/**
 * Golden suite of the recommendation stage. Each `test/golden/recommend/<case>/` holds either
 * - `ir.json` (a partial rule set: its rule blocks, completed with the minimal project framework
 *   of test/recommend/fixtures.ts) and `input.json` ({scorecard, record, context?}); expected.json
 *   is {diagnostics, rules, recommendations} — the emitted json-rules-engine rules included; or
 * - `rules.ind` (compiled by the real compiler, the record scored by the real engine) and
 *   `input.json` ({record, context?}); expected.json is {diagnostics, total, grade,
 *   recommendations} (the rules are left out so compiler-internal ids do not churn the file).
 * Every case also checks that json-rules-engine (the reference path) gives byte-identical
 * recommendations to the compiled path.
 */
import { describe, expect, it } from 'vitest';
import type { RuleSetIR } from '../../src/compile/ir.js';
import { compileSource } from '../../src/compile/compile.js';
import { createEvaluator } from '../../src/engine/index.js';
import type { EvaluationResult } from '../../src/engine/result.js';
import { createRecommender, emitRules, recommendWithReference } from '../../src/recommend/index.js';
import { completeIr, completeResult, type ScorecardInput } from '../recommend/fixtures.js';
import { expectGolden, goldenCases, goldenJson, readCaseFile } from './golden.js';

interface CaseInput {
  scorecard?: ScorecardInput;
  record: unknown;
  context?: Record<string, unknown>;
}

describe('golden: recommend', () => {
  for (const c of goldenCases('recommend')) {
    it(c.name, async () => {
      const input = JSON.parse(readCaseFile(c, 'input.json')) as CaseInput;
      const fromSource = c.files.includes('rules.ind');
      let ir: RuleSetIR;
      let result: EvaluationResult;
      if (fromSource) {
        const compiled = compileSource(readCaseFile(c, 'rules.ind'), 'rules.ind');
        expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        ir = compiled.ir!;
        const stage = typeof input.context?.stage === 'string' ? input.context.stage : undefined;
        result = createEvaluator(ir).evaluate(input.record, stage === undefined ? {} : { stage });
      } else {
        ir = completeIr(JSON.parse(readCaseFile(c, 'ir.json')) as Partial<RuleSetIR>);
        result = completeResult(input.scorecard ?? {});
      }
      const recommender = createRecommender(ir);
      const recommendations = recommender.recommend(result, input.record, input.context);
      const reference = await recommendWithReference(ir, result, input.record, input.context);
      expect(goldenJson(reference)).toBe(goldenJson(recommendations));
      const diagnostics = recommender.diagnostics.map((d) => ({ code: d.code, severity: d.severity }));
      const expected = fromSource
        ? { diagnostics, total: result.total, grade: result.grade, recommendations }
        : { diagnostics, rules: emitRules(ir), recommendations };
      expectGolden(c, 'expected.json', goldenJson(expected));
    });
  }
});
