/**
 * The recommendation stage's façade. `createRecommender(ir)` builds everything once (rule JSON,
 * compiled closures, fact plan) and returns a synchronous `recommend(result, record, context?)`
 * for batches; `recommendWithReference(ir, …)` gives the same answer through json-rules-engine
 * (async; one serialised engine per IR, see reference.ts). Neither throws on user data: problems
 * in the rule blocks are in `diagnostics` (rules with errors are left out), missing data leaves
 * conditions false and amounts out, and a rule whose condition reads a value that cannot be
 * compared does not fire and says why in `result.errors` (unavailable.ts).
 */
import type { RuleSetIR } from '../compile/ir.js';
import type { Diagnostic } from '../common/diagnostic.js';
import type { EvaluationResult, Recommendation } from '../engine/result.js';
import { compileRules } from './compiled.js';
import type { RecommendContext } from './facts.js';
import { isRejected, prepareRuleSet } from './prepare.js';
import { recommendReference } from './reference.js';
import type { JreRule, RecommendEventParams } from './to-rules-engine.js';
import { noteUnavailable } from './unavailable.js';

export interface Recommender {
  diagnostics: Diagnostic[];
  /** The json-rules-engine rules this recommender evaluates. */
  rules: JreRule[];
  recommend(result: EvaluationResult, record: unknown, context?: RecommendContext): Recommendation[];
}

export function createRecommender(ir: RuleSetIR): Recommender {
  const prepared = prepareRuleSet(ir);
  const compiled = compileRules<JreRule['event']>(prepared.rules);
  return {
    diagnostics: [...prepared.diagnostics, ...compiled.diagnostics],
    rules: prepared.rules,
    recommend(result, record, context) {
      if (isRejected(result)) return [];
      const scope = prepared.scope(result, record, context);
      const run = compiled.evaluate(scope.facts as unknown as Record<string, unknown>);
      noteUnavailable(result, run.unavailable);
      const events: RecommendEventParams[] = run.events.map((e) => e.params);
      return prepared.finish(events, scope);
    },
  };
}

/** Names of the rules that fired, in output order (combined recommendations list their sources). */
export function firedRules(recommendations: readonly Recommendation[]): string[] {
  return [...new Set(recommendations.flatMap((r) => r.combined?.from ?? [r.rule]))];
}

export function recommendWithReference(
  ir: RuleSetIR,
  result: EvaluationResult,
  record: unknown,
  context?: RecommendContext,
): Promise<Recommendation[]> {
  return recommendReference(ir, result, record, context);
}
