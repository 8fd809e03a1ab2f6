/**
 * The reference path: the rule set's rules run by json-rules-engine 7.3.1 itself. One `Engine`
 * per rule set is built once (with our JSON-Pointer `pathResolver`, so JSONPath is never used,
 * and `allowUndefinedFacts`, so a missing fact reads as undefined) and reused.
 *
 * Concurrency: an Engine keeps run state on the instance (`status`); when runs overlap, the first
 * to finish marks the engine FINISHED and the others silently skip their lower-priority rule sets
 * (DESIGN.md §6). So every reference recommender serialises its runs through a promise queue:
 * concurrent callers are safe and simply wait their turn. Callers that need parallel throughput
 * use the compiled path (compiled.ts), which has no per-run state. Events are sorted by
 * (priority desc, source order) after the run, because json-rules-engine emits rules of equal
 * priority in completion order.
 */
import { Engine } from 'json-rules-engine';
import type { RuleSetIR } from '../compile/ir.js';
import type { Diagnostic } from '../common/diagnostic.js';
import type { EvaluationResult, Recommendation } from '../engine/result.js';
import type { RecommendContext } from './facts.js';
import { resolvePointer } from './path.js';
import { isRejected, prepareRuleSet, type PreparedRuleSet } from './prepare.js';
import type { RecommendEventParams } from './to-rules-engine.js';

/** A json-rules-engine Engine over rule JSON, configured like the reference path. */
export function createReferenceEngine(rules: readonly object[]): Engine {
  const engine = new Engine([], {
    allowUndefinedFacts: true,
    pathResolver: (value: object, path: string) => resolvePointer(value, path),
  });
  for (const r of rules) engine.addRule(JSON.parse(JSON.stringify(r)));
  return engine;
}

/** Runs an engine over facts and returns the fired events in json-rules-engine's order. */
export async function runEngine(engine: Engine, facts: Record<string, unknown>): Promise<{ type: string; params?: Record<string, unknown> }[]> {
  const { events } = await engine.run(facts);
  return events as { type: string; params?: Record<string, unknown> }[];
}

export interface ReferenceRecommender {
  diagnostics: Diagnostic[];
  recommend(result: EvaluationResult, record: unknown, context?: RecommendContext): Promise<Recommendation[]>;
}

export function createReferenceRecommender(ir: RuleSetIR, prepared: PreparedRuleSet = prepareRuleSet(ir)): ReferenceRecommender {
  const engine = createReferenceEngine(prepared.rules);
  let queue: Promise<unknown> = Promise.resolve();
  const runOne = async (result: EvaluationResult, record: unknown, context?: RecommendContext): Promise<Recommendation[]> => {
    if (isRejected(result)) return [];
    const scope = prepared.scope(result, record, context);
    const events = await runEngine(engine, scope.facts as unknown as Record<string, unknown>);
    const params = events.filter((e) => e.type === 'recommend').map((e) => e.params as unknown as RecommendEventParams);
    return prepared.finish(params, scope);
  };
  return {
    diagnostics: prepared.diagnostics,
    recommend(result, record, context) {
      const run = queue.then(() => runOne(result, record, context));
      // The queue must continue even when one run fails.
      queue = run.catch(() => undefined);
      return run;
    },
  };
}

const cache = new WeakMap<RuleSetIR, ReferenceRecommender>();

/** Async recommendation through json-rules-engine; one engine per IR object, built once. */
export function recommendReference(ir: RuleSetIR, result: EvaluationResult, record: unknown, context?: RecommendContext): Promise<Recommendation[]> {
  let r = cache.get(ir);
  if (!r) {
    r = createReferenceRecommender(ir);
    cache.set(ir, r);
  }
  return r.recommend(result, record, context);
}
