/**
 * What both evaluation paths share, built once per rule set: the planned rule JSON, the static
 * diagnostics, the per-record fact builder, and the step after the rules fired — events sorted
 * into output order (priority desc, then source order over all blocks), turned into
 * recommendations and combined per line. Because the paths differ only in which evaluator
 * decides the fired events, equal events mean byte-identical recommendations.
 *
 * A rejected record (`status: 'rejected'`) gets no recommendations: its scorecard has no total
 * or grade to reason about, and its errors already say why.
 */
import type { RuleSetIR } from '../compile/ir.js';
import type { Diagnostic } from '../common/diagnostic.js';
import { compareDiagnostics } from '../common/diagnostic.js';
import type { EvaluationResult, Recommendation } from '../engine/result.js';
import { actionsToRecommendations, checkActions, type PendingRecommendation } from './actions.js';
import { combineRecommendations } from './combine.js';
import { createScopeBuilder, type RecommendContext, type RecordScope } from './facts.js';
import { compilePointer } from './path.js';
import { planRules, type JreRule, type RecommendEventParams, type RulePlan } from './to-rules-engine.js';

export interface PreparedRuleSet {
  ir: RuleSetIR;
  plan: RulePlan;
  rules: JreRule[];
  diagnostics: Diagnostic[];
  scope(result: EvaluationResult, record: unknown, context?: RecommendContext): RecordScope;
  /** Events (in any order) → final recommendations. */
  finish(events: readonly RecommendEventParams[], scope: RecordScope): Recommendation[];
}

export function prepareRuleSet(ir: RuleSetIR): PreparedRuleSet {
  const plan = planRules(ir);
  const diagnostics = [...plan.diagnostics, ...checkActions(ir, plan)].sort(compareDiagnostics);
  const readers = new Map<number, [string, string, (v: unknown) => unknown][]>();
  for (const [order, refs] of plan.ruleFacts) {
    readers.set(
      order,
      refs.map((r) => [r.label, r.fact, r.path === undefined ? (v: unknown) => v : compilePointer(r.path)]),
    );
  }
  const scope = createScopeBuilder(ir, plan);
  return {
    ir,
    plan,
    rules: plan.rules,
    diagnostics,
    scope,
    finish(events, recordScope) {
      const sorted = [...events].sort((a, b) => b.priority - a.priority || a.order - b.order);
      const facts = recordScope.facts as unknown as Record<string, unknown>;
      const pending: PendingRecommendation[] = [];
      for (const ev of sorted) {
        const read: Record<string, unknown> = {};
        for (const [label, fact, get] of readers.get(ev.order) ?? []) {
          const root = facts[fact];
          const v = root !== null && typeof root === 'object' ? get(root) : root;
          read[label] = v === undefined ? null : v;
        }
        pending.push(...actionsToRecommendations(ir, plan, ev, recordScope, read));
      }
      return combineRecommendations(ir, pending, recordScope);
    },
  };
}

export const isRejected = (result: EvaluationResult): boolean => result.status === 'rejected';
