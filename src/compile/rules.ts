/**
 * Rule-block checks (REC5xx): the framework named by `for` exists (REC501, checked once per
 * block by the compiler); rule names are unique in a block (REC506); `adjust <line> ±%` needs a
 * `line` declaration giving the base amount the percentage applies to (REC504 — an amount in 元
 * does not); `combine` names a declared line (REC507); `warn` levels are green/yellow/red
 * (REC508); actions carry what they need (REC509: adjust a line and an amount, rectify a positive
 * number of days); a percentage of recall/withhold/suspend needs a base — the named line's (REC504
 * when the line is not declared) or, with no line, the `unspent` let (REC544); the line of
 * `cancel`/`stop` is declared (REC504); a `combine` on an action kind (`combine warn by
 * most_severe`) uses a mode that fits the kind and no cap (REC545). Names and grades
 * inside conditions are checked while lowering (REC502, REC503, REC505). What both evaluation
 * paths can compare alike — whole records, objects, lists, inexact numbers, priorities — is
 * rule-compare-checks.ts (REC521–REC524).
 */
import type { Item } from './model.js';
import type { ActionDecl, CombineDecl, RulesDecl } from '../dsl/ast.js';
import { ACTION_COMBINE_MODES } from '../dsl/literals.js';
import type { CheckInput } from './check-input.js';
import { constOf } from './const.js';
import { checkRuleComparisons } from './rule-compare-checks.js';
import { exprText } from '../dsl/print-expr.js';
import type { Accept } from './messages.js';
import { slotNumber } from './slots.js';
import { suggest } from './suggest.js';
import { RATIO } from './units.js';
import { COMPILE_TERMS } from './messages-terms.js';

const WARN_LEVELS = new Set(['green', 'yellow', 'red']);

/** Verbs whose budget line is optional: `withhold`, `withhold transfer_payment 50%`. */
const LINE_VERBS = new Set<ActionDecl['verb']>(['recall', 'withhold', 'suspend']);

/**
 * `withhold transfer_payment` parses as an amount (the name); when that name is a line declared
 * in the block and no param or let of that name is in scope, it means the line with no amount
 * (the whole disbursement on that line). Used by lowering and by the checks alike.
 */
export function resolveBareLine(a: ActionDecl, lines: ReadonlySet<string>, scope: ReadonlyMap<string, unknown>): ActionDecl {
  if (!LINE_VERBS.has(a.verb) || a.line || a.amount?.kind !== 'ref' || a.amount.parts.length !== 1) return a;
  const name = a.amount.parts[0]!;
  if (!lines.has(name.text) || scope.has(name.text)) return a;
  const { amount: _amount, ...rest } = a;
  void _amount;
  return { ...rest, line: name };
}

export function checkRuleBlocks(c: CheckInput): void {
  for (const b of c.blocks) {
    const { decl, file } = b.item;
    const lines = new Set(decl.lines.map((l) => l.name.text));
    const seenLines = new Map<string, number>();
    for (const l of decl.lines) {
      const first = seenLines.get(l.name.text);
      if (first !== undefined) c.accept('CMP203', file, l.name.range, { name: l.name.text, what: 'line', line: first });
      else seenLines.set(l.name.text, l.name.range.start.line);
    }
    for (const cb of decl.combines) {
      if (cb.action) checkActionCombine(cb, file, c);
      else if (!lines.has(cb.line.text)) c.accept('REC507', file, cb.line.range, { name: cb.line.text, suggestion: suggest(cb.line.text, lines) });
    }
    const names = new Map<string, number>();
    for (const r of decl.rules) {
      const first = names.get(r.name.text);
      if (first !== undefined) c.accept('REC506', file, r.name.range, { name: r.name.text, line: first });
      else names.set(r.name.text, r.name.range.start.line);
      for (const written of r.actions) {
        const a = resolveBareLine(written, lines, b.scope);
        if (LINE_VERBS.has(a.verb) && a.amount && constOf(a.amount, b.scope)?.unit === RATIO) {
          // A percentage needs a base: the named line's, else the `unspent` let.
          if (a.line && !lines.has(a.line.text)) c.accept('REC504', file, a.line.range, { name: a.line.text });
          else if (!a.line && !b.scope.has('unspent')) c.accept('REC544', file, a.amount.range, { verb: a.verb, amount: exprText(a.amount) });
        }
        if ((a.verb === 'cancel' || a.verb === 'stop') && a.line && !lines.has(a.line.text)) {
          c.accept('REC504', file, a.line.range, { name: a.line.text, verb: a.verb });
        }
        if (a.verb === 'adjust') {
          if (!a.line || !a.amount) {
            c.accept('REC509', file, a.range, { what: 'adjust', expected: COMPILE_TERMS.budgetLineAndAmount });
            continue;
          }
          const k = constOf(a.amount, b.scope);
          if (k?.unit === RATIO && !lines.has(a.line.text)) c.accept('REC504', file, a.line.range, { name: a.line.text });
        }
        if (a.verb === 'warn' && a.level && !WARN_LEVELS.has(a.level.text)) c.accept('REC508', file, a.level.range, { name: a.level.text });
        const within = slotNumber(a.withinDays);
        if (a.verb === 'rectify' && within && !(Number(within.value) > 0)) {
          c.accept('REC509', file, within.range, { what: 'rectify within', expected: COMPILE_TERMS.positiveDays });
        }
      }
    }
  }
  checkRuleComparisons(c);
}

/** REC545: a mode that makes no sense for the action kind, or a cap (money only). */
function checkActionCombine(cb: CombineDecl, file: string, c: CheckInput): void {
  const kind = cb.action!;
  const allowed = ACTION_COMBINE_MODES[kind];
  const args = { target: cb.line.text, kind, mode: cb.mode, allowed: allowed.join(', ') };
  if (!allowed.includes(cb.mode)) c.accept('REC545', file, cb.range, args);
  if (cb.cap) c.accept('REC545', file, cb.cap.range, { ...args, cap: 'cap' });
}

/** REC501: a rules block for a framework that no loaded file declares. */
export function checkRulesTargets(blocks: readonly Item<RulesDecl>[], frameworks: readonly string[], accept: Accept): void {
  for (const { decl, file } of blocks) {
    if (!frameworks.includes(decl.for.text)) {
      accept('REC501', file, decl.for.range, { block: decl.name.text, name: decl.for.text, suggestion: suggest(decl.for.text, frameworks) });
    }
  }
}
