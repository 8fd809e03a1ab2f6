/**
 * What both evaluation paths share, built once per rule set: the planned rule JSON, the static
 * diagnostics, the per-record fact builder, and the step after the rules fired — events sorted
 * into output order (priority desc, then source order over all blocks), turned into
 * recommendations and combined per line. Because the paths differ only in which evaluator
 * decides the fired events, equal events mean byte-identical recommendations.
 *
 * A rule that reads a fact the record could not compute is unavailable on both paths alike
 * (`failed`, failed-facts.ts). A rejected record (`status: 'rejected'`) gets no recommendations: its scorecard has no total
 * or grade to reason about, and its errors already say why.
 */
import type { RuleSetIR } from '../compile/ir.js';
import type { Diagnostic } from '../common/diagnostic.js';
import type { Lang } from '../common/lang.js';
import { compareDiagnostics } from '../common/diagnostic.js';
import type { EvaluationResult, Recommendation } from '../engine/result.js';
import { actionsToRecommendations, checkActions } from './actions.js';
import { combineRecommendations } from './combine.js';
import type { Output } from './pending.js';
import { conditionReads, failedRules, type FailedRule } from './failed-facts.js';
import { planOutputs } from './output-plan.js';
import { createReaders, type FactReader } from './fact-readers.js';
import { createShared, Scope, type RecommendContext, type Shared } from './facts.js';
import { planRules, type JreRule, type RecommendEventParams, type RulePlan } from './to-rules-engine.js';

export interface PreparedRuleSet {
  ir: RuleSetIR;
  plan: RulePlan;
  rules: JreRule[];
  diagnostics: Diagnostic[];
  /** Per rule set: compiled expressions and fact slots. */
  shared: Shared;
  /** The reader of a (fact, pointer) over a scope; one per pair, for conditions and traces alike. */
  reader(fact: string, path: string | undefined): FactReader;
  scope(result: EvaluationResult, record: unknown, context?: RecommendContext): Scope;
  /** Rules this record leaves unavailable because a fact they read could not be computed (REC573). */
  failed(scope: Scope, lang?: Lang): readonly FailedRule[];
  /** Events (in any order) → final recommendations. */
  finish(events: readonly RecommendEventParams[], scope: Scope): Recommendation[];
}

const NO_CONTEXT: RecommendContext = Object.freeze({});

export function prepareRuleSet(ir: RuleSetIR): PreparedRuleSet {
  const plan = planRules(ir);
  const diagnostics = [...plan.diagnostics, ...checkActions(ir, plan)].sort(compareDiagnostics);
  const shared = createShared(ir, plan);
  const reader = createReaders(shared);
  const readers = new Map<number, [string, FactReader][]>();
  for (const [order, refs] of plan.ruleFacts)
    readers.set(
      order,
      refs.map((r) => [r.label, reader(r.fact, r.path)]),
    );
  const outputs = planOutputs(ir, plan, shared, (order) => readers.get(order) ?? []);
  const reads = conditionReads(shared, plan.rules);
  return {
    ir,
    plan,
    rules: plan.rules,
    diagnostics,
    shared,
    reader,
    scope: (result, record, context = NO_CONTEXT) => new Scope(shared, result, record, context),
    failed: (scope, lang) => failedRules(shared, scope, plan.rules, reads, lang),
    finish(events, scope) {
      // The compiled path hands events over in this order already; the reference path does not.
      let sorted = events;
      for (let i = 1; i < events.length; i++) {
        const a = events[i - 1]!,
          b = events[i]!;
        if (b.priority > a.priority || (b.priority === a.priority && b.order < a.order)) {
          sorted = [...events].sort((x, y) => y.priority - x.priority || x.order - y.order);
          break;
        }
      }
      const out: Output = { recs: [], groups: undefined };
      for (let i = 0; i < sorted.length; i++) {
        const rule = outputs[sorted[i]!.order];
        if (rule === undefined) continue;
        const shape = rule.factsShape;
        const read: Record<string, unknown> = shape === undefined ? {} : { ...shape };
        for (const [label, get] of rule.reads) {
          const v = get(scope);
          read[label] = v === undefined ? null : v;
        }
        actionsToRecommendations(rule, scope, read, out);
      }
      return combineRecommendations(out, scope);
    },
  };
}

export const isRejected = (result: EvaluationResult): boolean => result.status === 'rejected';
