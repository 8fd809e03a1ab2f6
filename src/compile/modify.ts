/**
 * Partial override: `modify 过程.资金使用合规性 weight 10` or `modify 满意度 { target >= 95% }`
 * changes an inherited indicator's weight and the clauses it gives and keeps every other clause
 * (value, unit, target, score, applicable, missing, texts) as inherited — unlike `override`,
 * which replaces the indicator wholesale. A modification that only changes the weight, the texts
 * or `applicable` keeps the inherited node where it was written (its file and ranges), so
 * what is reported about its clauses still points at them. `modify` of a dimension is CMP255:
 * a dimension's weight is changed by restating it (`dimension 产出 weight 40 { }`).
 */
import type { IndicatorDecl } from '../dsl/ast.js';
import type { Accept } from './messages.js';
import type { RNode } from './model.js';

/** The clauses that, when given, make the node the child's own (its file becomes the child's). */
const BODY_CLAUSES = ['value', 'target', 'score', 'missing'] as const;

/** The modified node, or undefined (reported) when `existing` is not an indicator. */
export function modifyNode(existing: RNode, m: IndicatorDecl, ctx: { file: string; fw: string; accept: Accept }): RNode | undefined {
  if (existing.kind !== 'indicator') {
    ctx.accept('CMP255', ctx.file, m.name.range, { name: m.name.text });
    return undefined;
  }
  const old = existing.decl as IndicatorDecl;
  const meta = {
    ...old.meta,
    ...(m.meta.title !== undefined ? { title: m.meta.title } : {}),
    ...(m.meta.description !== undefined ? { description: m.meta.description } : {}),
    ...(m.meta.unit !== undefined ? { unit: m.meta.unit } : {}),
    refs: m.meta.refs.length > 0 ? m.meta.refs : old.meta.refs,
  };
  const decl: IndicatorDecl = { ...old, meta, override: true };
  for (const k of BODY_CLAUSES) if (m[k] !== undefined) (decl as unknown as Record<string, unknown>)[k] = m[k];
  if (m.applicable) decl.applicable = m.applicable;
  if (m.weight) decl.weight = m.weight;
  const ownBody = BODY_CLAUSES.some((k) => m[k] !== undefined) || m.meta.unit !== undefined;
  const node: RNode = {
    ...existing,
    decl: ownBody ? { ...decl, name: { ...old.name, text: old.name.text, range: m.name.range }, range: m.range } : decl,
    meta,
    children: [],
    path: [...existing.path],
  };
  if (ownBody) {
    node.file = ctx.file;
    node.from = ctx.fw;
  }
  if (m.weight) node.weight = { decl: m.weight, file: ctx.file };
  if (m.applicable) node.applicable = { decl: m.applicable, file: ctx.file };
  return node;
}
