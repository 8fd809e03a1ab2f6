/**
 * Ordinal scales in formulas, lowered so that the engine needs no notion of order — the way
 * grades are (expr.ts): `data.x >= B` on a PEFA-typed `data.x` becomes `data.x == "A" or
 * data.x == "B+" or data.x == "B"` (labels highest first), two scale values compared become the
 * disjunction over label pairs, and `min`/`max` of scale values become `if` choices over those
 * comparisons. A label that is not on the scale is CMP260 (with the label meant), two different
 * scales compared CMP261. A missing value compares false, as every comparison on missing data does.
 */
import type { Term } from '../common/lang.js';
import type { Binary, Call, Expr, ScaleDecl } from '../dsl/ast.js';
import type { ExprIR } from './ir.js';
import type { ExprCtx, Lowered } from './scope.js';
import { suggest } from './suggest.js';
import { BOOL, type ScaleTy, type Ty } from './units.js';

/** A list of labels in a message: `、` between them in Chinese, `, ` in English. */
export function listTerm(items: readonly string[]): Term {
  return { zh: items.join('、'), en: items.join(', ') };
}

export function scaleTy(decl: ScaleDecl): Ty {
  const same: Record<string, string> = {};
  for (const s of decl.same) same[s.label.text] = s.as.text;
  return { k: 'str', scale: { name: decl.name.text, labels: decl.steps.map((s) => s.text), same } };
}

/** Rank of a label, 0 the highest; a `"D*" = D` label ranks as its counterpart; -1 off the scale. */
export function rankOf(scale: ScaleTy, label: string): number {
  if (!scale.labels.includes(label)) return -1;
  const as = Object.hasOwn(scale.same, label) ? scale.same[label]! : label;
  return scale.labels.indexOf(as);
}

export function scaleOf(t: Ty): ScaleTy | undefined {
  return t.k === 'str' ? t.scale : undefined;
}

/** `B`, `"B+"`: a label written where a scale value is compared; undefined for anything else. */
export function labelOf(e: Expr, ctx: ExprCtx): string | undefined {
  if (e.kind === 'string') return e.value;
  if (e.kind === 'ref' && e.parts.length === 1 && !ctx.scope.has(e.parts[0]!.text)) return e.parts[0]!.text;
  return undefined;
}

const FALSE: Lowered = { ir: { kind: 'boolean', value: false }, ty: BOOL };
const or = (terms: ExprIR[]): ExprIR =>
  terms.length === 0 ? { kind: 'boolean', value: false } : terms.reduce((acc, x) => ({ kind: 'binary', op: 'or', left: acc, right: x, unit: null }));
const eq = (side: ExprIR, label: string): ExprIR => ({ kind: 'binary', op: '==', left: side, right: { kind: 'string', value: label }, unit: null });

/** Does rank `i` stand in relation `op` to rank `j`? Ranks count from the highest (0). */
function holds(op: string, i: number, j: number): boolean {
  return op === '<' ? i > j : op === '<=' ? i >= j : op === '>' ? i < j : op === '>=' ? i <= j : op === '==' ? i === j : i !== j;
}

/** `scaled <op> label` (the scale value on the left; `flipped` when it was written on the right). */
export function lowerScaleLabel(scaled: Lowered, scale: ScaleTy, label: string, labelExpr: Expr, e: Binary, flipped: boolean, ctx: ExprCtx): Lowered {
  const rank = rankOf(scale, label);
  if (rank < 0) {
    ctx.env.accept('CMP260', ctx.file, labelExpr.range, {
      name: label,
      scale: scale.name,
      labels: listTerm(scale.labels),
      suggestion: suggest(label, scale.labels),
    });
    return FALSE;
  }
  const flip: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };
  const op = flipped ? (flip[e.op] ?? e.op) : e.op;
  if (op === '==') return { ir: eq(scaled.ir, label), ty: BOOL };
  if (op === '!=') return { ir: { kind: 'binary', op: '!=', left: scaled.ir, right: { kind: 'string', value: label }, unit: null }, ty: BOOL };
  return { ir: or(scale.labels.filter((l) => holds(op, rankOf(scale, l), rank)).map((l) => eq(scaled.ir, l))), ty: BOOL };
}

/** Two scale values compared: the same scale, rewritten over label pairs; two scales are CMP261. */
export function lowerScalePair(l: Lowered, r: Lowered, a: ScaleTy, b: ScaleTy, e: Binary, ctx: ExprCtx): Lowered {
  if (a.name !== b.name) {
    ctx.env.accept('CMP261', ctx.file, e.range, { left: a.name, right: b.name });
    return FALSE;
  }
  return { ir: pairIR(l.ir, r.ir, e.op, a), ty: BOOL };
}

function pairIR(l: ExprIR, r: ExprIR, op: string, scale: ScaleTy): ExprIR {
  if (op === '==' || op === '!=') return { kind: 'binary', op, left: l, right: r, unit: null };
  const terms: ExprIR[] = [];
  scale.labels.forEach((x) =>
    scale.labels.forEach((y) => {
      if (holds(op, rankOf(scale, x), rankOf(scale, y))) terms.push({ kind: 'binary', op: 'and', left: eq(l, x), right: eq(r, y), unit: null });
    }),
  );
  return or(terms);
}

/**
 * `min(a, b, …)` / `max(…)` of values on one scale, by order: folded left as
 * `if a <= b then a else b` (min), missing when an operand is missing.
 * Returns undefined when the arguments are not all on a scale (the numeric min/max applies).
 */
export function lowerScaleMinMax(e: Call, args: Lowered[], ctx: ExprCtx): Lowered | undefined {
  const scales = args.map((a) => scaleOf(a.ty));
  const first = scales[0];
  if (!first || scales.some((s) => s === undefined)) return undefined;
  const other = scales.find((s) => s!.name !== first.name);
  if (other) {
    ctx.env.accept('CMP261', ctx.file, e.range, { left: first.name, right: other.name });
    return { ir: args[0]!.ir, ty: args[0]!.ty };
  }
  const op = e.callee.text === 'min' ? '<=' : '>=';
  // A missing operand makes the result missing, as it does for numbers (never the other operand).
  const missing: ExprIR = { kind: 'call', fn: 'coalesce', args: [] };
  const ir = args.slice(1).reduce<ExprIR>(
    (acc, a) => ({
      kind: 'if',
      condition: { kind: 'call', fn: 'exists', args: [acc, a.ir] },
      then: { kind: 'if', condition: pairIR(acc, a.ir, op, first), then: acc, otherwise: a.ir },
      otherwise: missing,
    }),
    args[0]!.ir,
  );
  return { ir, ty: { k: 'str', scale: first } };
}
