/**
 * Turns fired rule events into `Recommendation`s with exact amounts (decimal.js; money as a
 * decimal string in 元 with two decimals, rounded half-up; percentages as declared, e.g. "-0.30").
 *
 * Amount rules, per verb:
 * - `adjust <line> ±x%`: percentage x; amount = the line's `base` × x when the line declares a base.
 *   `adjust <line> ±money`: amount as written (signed). An amount without a unit is money.
 * - `recall|withhold|suspend [line] [x]`: money as written; a percentage applies to the base of
 *   the action's line when it names one (`withhold transfer_payment 50%`), otherwise to the
 *   `unspent` name (a let) — the compiler refuses a percentage with neither (REC544);
 *   `recall unspent` is simply the let's value; `withhold transfer_payment` alone carries the
 *   line and no amount (the whole disbursement on that line).
 * - `rectify` carries `withinDays`, `warn` its `level`, `flag` its `text`; `stop`, `cancel`,
 *   `interview`, `commend` carry no amount (`cancel next_budget` / `stop current_budget` carry
 *   their `line`, which a line's `combine` lets override the line's other recommendations).
 * An amount whose inputs are missing is left out (never guessed). Each recommendation lists the
 * facts its rule's condition read, with their values (null when missing).
 */
import type { ActionIR, RuleSetIR } from '../compile/ir.js';
import type { Diagnostic } from '../common/diagnostic.js';
import { assertNever } from '../common/diagnostic.js';
import type { Recommendation } from '../engine/result.js';
import type { Num } from '../engine/num.js';
import { decOf } from './exprs.js';
import type { Scope } from './facts.js';
import { unitOf } from './units.js';
import { ACTION_COMBINE_MODES } from '../dsl/literals.js';
import { recDiagnostic } from './messages.js';
import { addCombined, formatMoney, formatPercentage, type Output } from './pending.js';
import { valueOn, type RuleOutput } from './output-plan.js';
import type { RulePlan } from './to-rules-engine.js';

/**
 * Appends the recommendations of one fired rule to `out`. `facts` is what its condition read.
 * What does not depend on the record (units, lines, combines) was decided in output-plan.ts.
 */
export function actionsToRecommendations(rule: RuleOutput, scope: Scope, facts: Record<string, unknown>, out: Output): void {
  const blockIndex = rule.blockIndex;
  for (const a of rule.actions) {
    let amount: Num | null = null;
    let percentage: Num | null = null;
    let base: Num | null = null;
    const { action, verb } = a;
    switch (verb) {
      case 'adjust':
      case 'recall':
      case 'withhold':
      case 'suspend': {
        if (a.amount === undefined) break;
        const v = valueOn(a.amount, scope, blockIndex);
        base = a.base === undefined ? null : valueOn(a.base, scope, blockIndex);
        if (a.percent) {
          percentage = v;
          if (base === null && verb !== 'adjust' && action.line === undefined) base = decOf(scope.name(blockIndex, 'unspent'));
          amount = v !== null && base !== null ? base.times(v) : null;
        } else amount = v;
        break;
      }
      case 'stop':
      case 'cancel':
      case 'rectify':
      case 'interview':
      case 'commend':
      case 'warn':
      case 'flag':
        break;
      default:
        assertNever(verb, 'action verb');
    }
    // Amounts stay exact until output, so a combined sum is rounded once, not per member; a
    // combined member's `rec` is never output (combine.ts builds the merged one), so its money
    // is not formatted here.
    // Keys are assigned in the contract's order: it is the serialised order.
    const rec = { rule: rule.rule, ruleBlock: rule.block, action: verb } as Recommendation;
    if (action.line !== undefined) rec.line = action.line;
    if (a.combine === undefined) {
      if (amount !== null) rec.amount = formatMoney(amount);
      if (percentage !== null) rec.percentage = formatPercentage(percentage);
    }
    if (a.withinDays !== undefined) rec.withinDays = a.withinDays;
    if (action.level !== undefined) rec.level = action.level;
    if (action.text !== undefined) rec.text = action.text;
    rec.reason = rule.reason;
    rec.facts = facts;
    if (a.combine === undefined) out.recs.push(rec);
    else addCombined(out, { rec, blockIndex, amount, percentage, base }, a.combine);
  }
}

/** Static checks of actions and combines (REC541–REC543, REC546), run once per rule set. */
export function checkActions(ir: RuleSetIR, plan: RulePlan): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { block } of plan.blocks) {
    for (const rule of block.rules) {
      for (const a of rule.actions) {
        if (a.verb === 'adjust' && a.line === undefined) out.push(recDiagnostic('REC541', [rule.name], ir, a.id));
        const lineVerb = a.verb === 'adjust' || a.verb === 'recall' || a.verb === 'withhold' || a.verb === 'suspend';
        if (lineVerb && a.line !== undefined && a.amount && isPercent(a.amount, block, ir) && !block.lines.some((l) => l.name === a.line)) {
          out.push(recDiagnostic('REC542', [rule.name, a.line], ir, a.id));
        }
      }
    }
    for (const c of block.combines) {
      if (c.mode === 'all' && c.cap && !c.action) out.push(recDiagnostic('REC543', [c.line], ir, c.id));
      // The compiler refuses these (REC545); hand-written IR gets a warning and no merge.
      if (c.action && !ACTION_COMBINE_MODES[c.action].includes(c.mode)) {
        out.push(recDiagnostic('REC546', [c.action, c.mode, ACTION_COMBINE_MODES[c.action].join(', ')], ir, c.id));
      }
    }
  }
  return out;
}

function isPercent(e: NonNullable<ActionIR['amount']>, block: RuleSetIR['ruleBlocks'][number], ir: RuleSetIR): boolean {
  return (
    unitOf(e, (_k, name) => {
      for (const list of [block.params, block.lets, ir.params, ir.lets]) {
        const d = list.find((x) => x.name === name);
        if (d) return d.unit ?? unitOf(d.value, () => null);
      }
      return null;
    }) === '%'
  );
}
