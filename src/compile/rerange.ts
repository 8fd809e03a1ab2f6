/**
 * A copy of an AST subtree with every source range replaced by one range. Used where a node of
 * one file takes clauses written in another — a shared band table from a parent's file, the
 * inherited clauses of a `modify` — so that everything reported about them, and the source map,
 * points at the place in the node's own file that brought them in (the table's name, the
 * modified indicator's name) rather than at a position of a different file.
 */
import type { SourceRange } from '../common/diagnostic.js';

export function rerange<T>(value: T, range: SourceRange): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => rerange(v, range)) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = k === 'range' ? range : rerange(v, range);
  return out as T;
}
