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
import type { RecommendContext, Scope } from './facts.js';
import { isRejected, prepareRuleSet } from './prepare.js';
import { recommendReference } from './reference.js';
import type { JreRule, RecommendEventParams } from './to-rules-engine.js';
import { noteUnavailable } from './unavailable.js';
import { DEFAULT_LANG, type Lang } from '../common/lang.js';
import { noteFailed } from './failed-facts.js';

export interface Recommender {
  diagnostics: Diagnostic[];
  /** The json-rules-engine rules this recommender evaluates. */
  rules: JreRule[];
  recommend(result: EvaluationResult, record: unknown, context?: RecommendContext): Recommendation[];
}

/** `lang`: the language of the reasons a record's unavailable rules get (REC572, REC573). */
export function createRecommender(ir: RuleSetIR, options: { lang?: Lang } = {}): Recommender {
  const lang = options.lang ?? DEFAULT_LANG;
  const prepared = prepareRuleSet(ir);
  // Conditions read each fact straight from the record's scope: no facts object per record.
  const compiled = compileRules<JreRule['event'], Scope>(prepared.rules, prepared.reader);
  return {
    diagnostics: [...prepared.diagnostics, ...compiled.diagnostics],
    rules: prepared.rules,
    recommend(result, record, context) {
      if (isRejected(result)) return [];
      const scope = prepared.scope(result, record, context);
      const run = compiled.evaluate(scope);
      if (run.unavailable.length > 0) noteUnavailable(result, run.unavailable, lang);
      const failed = prepared.failed(scope, lang);
      let fired = run.events;
      if (failed.length > 0) {
        noteFailed(result, failed);
        const dropped = new Set(failed.map((f) => f.event));
        fired = fired.filter((e) => !dropped.has(e));
      }
      const events: RecommendEventParams[] = new Array<RecommendEventParams>(fired.length);
      for (let i = 0; i < fired.length; i++) events[i] = fired[i]!.params;
      return prepared.finish(events, scope);
    },
  };
}

/** Names of the rules that fired, in output order (combined recommendations list their sources). */
export function firedRules(recommendations: readonly Recommendation[]): string[] {
  return [...new Set(recommendations.flatMap((r) => r.combined?.from ?? [r.rule]))];
}

export function recommendWithReference(ir: RuleSetIR, result: EvaluationResult, record: unknown, context?: RecommendContext): Promise<Recommendation[]> {
  return recommendReference(ir, result, record, context);
}
