/**
 * Checks that keep recommendation rules inside what both evaluation paths compare alike (the
 * compiled evaluator and json-rules-engine itself, DESIGN.md §6). Each reports one located
 * diagnostic with a hint:
 * - REC521: the whole record `data` used as a value (compared, or in arithmetic). It reaches the
 *   rules as an object; json-rules-engine's number check throws on a record such as
 *   `{"toString": 0}` ("Cannot convert object to primitive value") and the compiled path
 *   short-circuited past it, so the two disagreed.
 * - REC522: a data path that is a group of fields (an object: `data.budget` when
 *   `data.budget.adjusted` is read or declared) or a list (`input data.items list`,
 *   `data.items[].x`) used as a value: an object or a list is never equal to, less or greater
 *   than a number or a text.
 * - REC523: a number in a rules block that a double cannot hold exactly (rule-limits.ts): a
 *   400-digit literal became Infinity, which a JSON copy turns into null.
 * - REC524: a priority outside 1–RULE_PRIORITY_MAX (rule-limits.ts).
 * A declared list compared with a typed value is already CMP213; REC522 covers what CMP213
 * cannot see (an undeclared path that other paths show to be an object, or a list compared with
 * a value of unknown type), so a list compared with a literal is reported once, as CMP213.
 */
import { termOf } from '../common/catalogue.js';
import type { Term } from '../common/lang.js';
import type { Expr, RulesDecl } from '../dsl/ast.js';
import type { CheckInput } from './check-input.js';
import { RULE_PRIORITY_MAX, RULE_PRIORITY_MIN, exactAsDouble, priorityInRange } from './rule-limits.js';
import { COMPILE_TERMS } from './messages-terms.js';

const COMPARE = new Set(['==', '!=', '<', '<=', '>', '>=']);
const ARITHMETIC = new Set(['+', '-', '*', '/']);

/** What a data path holds according to the paths read and declared: a group of fields or a list. */
type Shape = { kind: 'object'; field: string } | { kind: 'list' } | undefined;

function shapeOf(segments: readonly string[], c: CheckInput): Shape {
  const key = segments.join('.');
  if (c.env.inputs.get(key)?.k === 'list') return { kind: 'list' };
  const prefix = key + '.';
  const known = [...c.env.inputs.keys(), ...c.env.facts.data.keys()].filter((k) => k.startsWith(prefix)).sort();
  if (known.length === 0) return undefined;
  const next = known[0]!.slice(prefix.length).split('.')[0];
  return next === '[]' ? { kind: 'list' } : { kind: 'object', field: `data.${known[0]!}`.replace(/\.\[\]/g, '[]') };
}

/** Literal operands have a known type, so a list compared with one is CMP213 already. */
const isLiteral = (e: Expr): boolean =>
  e.kind === 'number' || e.kind === 'string' || e.kind === 'boolean' || (e.kind === 'unary' && e.operand.kind === 'number');

function checkOperand(e: Expr, other: Expr | undefined, file: string, c: CheckInput): void {
  if (e.kind !== 'path') return;
  if (e.segments.length === 0) {
    c.accept('REC521', file, e.range, { name: 'data' });
    return;
  }
  if (e.segments.includes('[]')) return; // CMP221 (outside an aggregate) says it already
  const shape = shapeOf(e.segments, c);
  if (!shape) return;
  if (shape.kind === 'list' && other && isLiteral(other)) return;
  c.accept('REC522', file, e.range, {
    name: `data.${e.segments.join('.')}`,
    shape: shape.kind === 'list' ? COMPILE_TERMS.list : COMPILE_TERMS.fieldGroup,
    field: shape.kind === 'object' ? shape.field : undefined,
  });
}

/** A 400-digit literal is quoted by its head and its length. */
function shortText(text: string): string | Term {
  return text.length <= 40 ? text : termOf(COMPILE_TERMS.longLiteral, { head: text.slice(0, 20), length: text.length });
}

/** Walks one expression: operands of comparisons and arithmetic, and every numeric literal. */
function walk(e: Expr, file: string, c: CheckInput): void {
  switch (e.kind) {
    case 'number':
      if (!exactAsDouble(e.value)) c.accept('REC523', file, e.range, { text: shortText(e.text) });
      return;
    case 'binary':
      if (COMPARE.has(e.op) || ARITHMETIC.has(e.op)) {
        checkOperand(e.left, e.right, file, c);
        checkOperand(e.right, e.left, file, c);
      }
      walk(e.left, file, c);
      walk(e.right, file, c);
      return;
    case 'unary':
      if (e.op === '-') checkOperand(e.operand, undefined, file, c);
      walk(e.operand, file, c);
      return;
    case 'call':
      // Aggregates and exists() take lists and groups of fields: only their arguments' insides.
      e.args.forEach((a) => walk(a, file, c));
      return;
    case 'if':
      walk(e.condition, file, c);
      walk(e.then, file, c);
      walk(e.otherwise, file, c);
      return;
    case 'string':
    case 'boolean':
    case 'path':
    case 'context':
    case 'ref':
      return;
    default: {
      const never: never = e;
      return never;
    }
  }
}

function blockExprs(decl: RulesDecl): Expr[] {
  return [
    ...decl.params.map((p) => p.value),
    ...decl.lets.map((l) => l.value),
    ...decl.lines.map((l) => l.base),
    ...decl.combines.flatMap((cb) => (cb.cap ? [cb.cap] : [])),
    ...decl.rules.flatMap((r) => [r.when, ...r.actions.flatMap((a) => (a.amount ? [a.amount] : []))]),
  ];
}

/** REC521–REC524 over every rules block; see the module docblock. */
export function checkRuleComparisons(c: CheckInput): void {
  for (const b of c.blocks) {
    const { decl, file } = b.item;
    for (const e of blockExprs(decl)) walk(e, file, c);
    for (const r of decl.rules) {
      for (const a of r.actions) if (a.withinDays) walk(a.withinDays, file, c);
      if (r.priority !== undefined && !priorityInRange(r.priority)) {
        const written = Number.isInteger(r.priority) ? BigInt(r.priority).toString() : String(r.priority);
        c.accept('REC524', file, r.name.range, { name: r.name.text, priority: written, min: RULE_PRIORITY_MIN, max: RULE_PRIORITY_MAX });
      }
    }
  }
}
