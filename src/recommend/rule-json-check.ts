/**
 * Validation of json-rules-engine rule JSON before either evaluation path runs it — rules the
 * compiler emitted, rules in an IR loaded from a file, or `jixiao compile --emit rules` output
 * edited by hand. A rule that fails is left out with a diagnostic (REC561–REC571) naming the rule
 * and the JSON Pointer of the problem; the others run. Nothing here throws.
 *
 * What json-rules-engine 7.3.1 itself rejects (its Engine/Rule/Condition constructors throw, or
 * its run rejects) is rejected here too, by code:
 * - a rule without `conditions` or `event` (REC561); an event without `type` (REC562);
 * - a root that is not `all`/`any`/`not` — a bare leaf (REC563); `all`/`any` not a list, `not` a
 *   list or not an object, a condition that is not an object (REC564);
 * - a leaf without `fact`, `operator` or `value` (REC565); an unknown operator (REC567);
 * - priority 0.5 or −1 (`parseInt` gives 0 or less: "Priority must be greater than zero", REC569).
 * What it accepts but reads differently from what is written is rejected as well, because that
 * reading is where the two paths part:
 * - priority 0 (read as 1 by `priority || 1`), 1.5 (read as 1), 1e21 (read as 1), "5" or NaN,
 *   anything outside 1–RULE_PRIORITY_MAX (REC569);
 * - two of `all`/`any`/`not` on one node (it silently reads `any`, then `all`; REC570);
 * - a non-text `fact` or `path` (the path resolver needs text; REC566); a literal value that is an
 *   object, a list, NaN or ±Infinity (REC568: only `in`/`contains`, outside the subset, use lists);
 * - `event: null` (read as type "unknown", REC562) and `conditions: null` (never set; REC563).
 * Outside the compiled evaluator's subset (REC567, REC571): operators other than equal,
 * notEqual and the four orderings (including decorated ones like `not:equal`), named condition
 * references (`{"condition": …}`) and condition-level `priority` (which only orders evaluation —
 * accepting it would let json-rules-engine skip conditions the compiled path reads).
 * `name`, `params` (constant facts ignore them) and unknown keys are accepted, as there.
 */
import type { Diagnostic } from '../common/diagnostic.js';
import { DEFAULT_LANG, type Lang } from '../common/lang.js';
import { RULE_PRIORITY_MAX, RULE_PRIORITY_MIN, priorityInRange } from '../compile/rule-limits.js';
import { recDiagnostic, type RecCode } from './messages.js';

/** The operators both paths evaluate alike. */
export const SUPPORTED_OPERATORS: readonly string[] = ['equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'];
const SUPPORTED = new Set(SUPPORTED_OPERATORS);
const BOOLEAN_KEYS = ['any', 'all', 'not'] as const;

const hasOwn = (o: object, k: string): boolean => Object.hasOwn(o, k);
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

export interface RuleJsonCheck {
  /** Indices (into the rules given) of the rules that passed, in order. */
  accepted: number[];
  diagnostics: Diagnostic[];
}

/** How a rule is named in messages: its name, else its position (`#2`). */
export function ruleLabel(rule: unknown, index: number): string {
  const name = isObject(rule) ? rule.name : undefined;
  return typeof name === 'string' || typeof name === 'number' ? `"${String(name)}"` : `#${index}`;
}

type Report = (code: RecCode, at: string, ...rest: string[]) => void;

/**
 * A literal a condition may compare: text, a finite number, true/false, null — or undefined,
 * which only rules built in memory can hold (json-rules-engine compares it with `===` too).
 */
function literalOk(v: unknown): boolean {
  return v === null || v === undefined || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
}

function checkFactRef(ref: Record<string, unknown>, at: string, report: Report): void {
  if (typeof ref.fact !== 'string') report('REC566', at, 'fact');
  if (hasOwn(ref, 'path') && ref.path !== undefined && typeof ref.path !== 'string') report('REC566', at, 'path');
}

function checkLeaf(c: Record<string, unknown>, at: string, report: Report): void {
  for (const key of ['fact', 'operator', 'value']) if (!hasOwn(c, key)) report('REC565', at, key);
  if (hasOwn(c, 'priority')) report('REC571', `${at}/priority`, 'priority');
  if (hasOwn(c, 'fact')) checkFactRef(c, at, report);
  if (hasOwn(c, 'operator') && (typeof c.operator !== 'string' || !SUPPORTED.has(c.operator))) {
    report('REC567', at, String(c.operator), SUPPORTED_OPERATORS.join(', '));
  }
  if (!hasOwn(c, 'value')) return;
  const v = c.value;
  if (isObject(v) && hasOwn(v, 'fact')) checkFactRef(v, `${at}/value`, report);
  else if (!literalOk(v)) report('REC568', `${at}/value`);
}

function checkNode(c: unknown, at: string, report: Report, root: boolean): void {
  if (!isObject(c)) {
    report(root ? 'REC563' : 'REC564', at);
    return;
  }
  if (hasOwn(c, 'condition')) {
    report('REC571', `${at}/condition`, 'condition');
    return;
  }
  const present = BOOLEAN_KEYS.filter((k) => hasOwn(c, k));
  if (present.length === 0) {
    if (root) report('REC563', at);
    else checkLeaf(c, at, report);
    return;
  }
  if (present.length > 1) {
    report('REC570', at, present[0]!, present[1]!);
    return;
  }
  if (hasOwn(c, 'priority')) report('REC571', `${at}/priority`, 'priority');
  const key = present[0]!;
  const inner = c[key];
  if (key === 'not') {
    if (!isObject(inner)) report('REC564', `${at}/not`);
    else checkNode(inner, `${at}/not`, report, false);
    return;
  }
  if (!Array.isArray(inner)) {
    report('REC564', `${at}/${key}`);
    return;
  }
  inner.forEach((child, i) => checkNode(child, `${at}/${key}/${i}`, report, false));
}

/** The problems of one rule (empty when it may run). */
export function checkRule(rule: unknown, index: number, lang: Lang = DEFAULT_LANG): Diagnostic[] {
  const label = ruleLabel(rule, index);
  const out: Diagnostic[] = [];
  const report: Report = (code, at, ...rest) => out.push(recDiagnostic(code, [label, at, ...rest], undefined, undefined, lang));
  if (!isObject(rule) || !hasOwn(rule, 'conditions') || !hasOwn(rule, 'event')) {
    report('REC561', '');
    return out;
  }
  const event = rule.event;
  if (!isObject(event) || typeof event.type !== 'string') report('REC562', '/event');
  if (hasOwn(rule, 'priority') && rule.priority !== undefined && !priorityInRange(rule.priority)) {
    const p = rule.priority;
    const written = typeof p === 'number' && Number.isInteger(p) ? BigInt(p).toString() : (JSON.stringify(p) ?? String(p));
    out.push(recDiagnostic('REC569', [label, written, String(RULE_PRIORITY_MIN), String(RULE_PRIORITY_MAX)], undefined, undefined, lang));
  }
  checkNode(rule.conditions, '/conditions', report, true);
  return out;
}

/** Checks every rule; see the module docblock for what is rejected and why. */
export function checkRuleJson(rules: readonly unknown[], lang: Lang = DEFAULT_LANG): RuleJsonCheck {
  const accepted: number[] = [];
  const diagnostics: Diagnostic[] = [];
  rules.forEach((rule, i) => {
    const problems = checkRule(rule, i, lang);
    if (problems.length === 0) accepted.push(i);
    else diagnostics.push(...problems);
  });
  return { accepted, diagnostics };
}
