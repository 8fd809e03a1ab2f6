/**
 * Aggregation methods of a dimension (`aggregate weakest_link | table M2 | min | max | mean`)
 * lowered to the IR's `AggregateIR`, and the checks of the file-level scales and lookup tables.
 * A scale method needs every child's value on one scale (CMP262, CMP263): an indicator's value
 * type, or a child dimension's own scale method. `mean` is always of the children's shares of
 * their weights (PEFA's labels are averaged through its conversion table, `aggregate table`). Tables are checked like bands: a key twice
 * (CMP361, after sorting the keys of an unordered table), rows of different lengths in an ordered
 * table (CMP363), and — when the table has no `else` — every combination of the labels its keys
 * use that no row covers (CMP362, a warning: such a combination leaves the dimension unrated).
 */
import type { AggregateDecl, DimensionDecl, FileAst, ScaleDecl, TableCell, TableDecl } from '../dsl/ast.js';
import type { AggregateIR, TableIR } from './ir.js';
import type { Accept } from './messages.js';
import type { RFramework, RNode } from './model.js';
import { rankOf, scaleOf } from './scales.js';
import type { Env } from './scope.js';
import { suggest } from './suggest.js';
import { listTerm } from './scales.js';
import type { ScaleTy } from './units.js';

/** The text of a table cell, as keys are matched: a label as written, a number as its decimal value. */
export function cellText(c: TableCell): string {
  return c.kind === 'label' ? c.text : c.value;
}

const DIMENSION = { zh: '维度', en: 'dimension' };
const FRAMEWORK = { zh: '框架', en: 'framework' };

const SCALE_METHODS = new Set(['weakest_link', 'table']);

/** The scale of a node's result: its value's scale, or the scale its aggregation rates on. */
function scaleOfNode(n: RNode, env: Env): ScaleTy | undefined {
  if (n.kind === 'indicator') return scaleOf(env.valueTy(n));
  const a = (n.decl as DimensionDecl).aggregate;
  if (!a || a.method === 'weighted_sum' || a.method === 'mean') return undefined;
  return childScale(n, env);
}

/** The scale a dimension's `rating` is on (its aggregation method on a scale), or undefined. */
export function ratingScale(n: RNode, env: Env): ScaleTy | undefined {
  return n.kind === 'dimension' ? scaleOfNode(n, env) : undefined;
}

/** The one scale of a dimension's children, or undefined when they are not all on one scale. */
function childScale(n: RNode, env: Env): ScaleTy | undefined {
  const scales = n.children.map((c) => scaleOfNode(c, env));
  const first = scales[0];
  return first && scales.every((s) => s && s.name === first.name) ? first : undefined;
}

export function lowerAggregate(n: RNode, env: Env, accept: Accept): AggregateIR | undefined {
  const a: AggregateDecl | undefined = (n.decl as DimensionDecl).aggregate;
  if (!a || a.method === 'weighted_sum') return undefined;
  const scales = n.children.map((c) => ({ c, s: scaleOfNode(c, env) }));
  const onScale = scales.filter((x) => x.s !== undefined);
  const names = [...new Set(onScale.map((x) => x.s!.name))];
  if (names.length > 1) {
    accept('CMP263', n.file, a.range, { name: n.name, scales: listTerm(names) });
    return undefined;
  }
  const scale = onScale[0]?.s;
  const needsScale = SCALE_METHODS.has(a.method) || (scale !== undefined && a.method !== 'mean');
  if (a.method === 'mean') return { method: 'mean' };
  if (needsScale) {
    const off = scales.find((x) => x.s === undefined);
    if (off || !scale) {
      accept('CMP262', n.file, a.range, { what: n.path.length ? DIMENSION : FRAMEWORK, name: n.name, method: a.method, child: off?.c.name ?? n.name });
      return undefined;
    }
  }
  const labels = scale?.labels ?? [];
  const same = scale && Object.keys(scale.same).length ? { same: { ...scale.same } } : {};
  if (a.method === 'weakest_link') return { method: 'weakest_link', scale: labels, ...same };
  if (a.method === 'min' || a.method === 'max') return scale ? { method: a.method, scale: labels, ...same } : { method: a.method };
  if (!a.table) {
    accept('CMP264', n.file, a.tableName?.range ?? a.range, { name: a.tableName?.text ?? '', suggestion: undefined });
    return undefined;
  }
  return { method: 'table', scale: labels, ...same, table: tableIR(a.table, scale) };
}

/**
 * The framework's own `aggregate …` over its top-level nodes: on a scale only (it rates the
 * framework; a numeric total is the weighted sum), else CMP262.
 */
export function lowerFrameworkAggregate(rf: RFramework, env: Env, accept: Accept): AggregateIR | undefined {
  const a = rf.decl.aggregate;
  if (!a || a.method === 'weighted_sum') return undefined;
  const top: RNode = {
    kind: 'dimension',
    name: rf.name,
    decl: { aggregate: a } as DimensionDecl,
    file: rf.file,
    from: rf.name,
    meta: rf.meta,
    children: rf.roots,
    path: [],
  };
  const ir = lowerAggregate(top, env, accept);
  if (ir && !('scale' in ir && ir.scale)) {
    accept('CMP262', rf.file, a.range, { what: FRAMEWORK, name: rf.name, method: a.method, child: rf.roots[0]?.name ?? rf.name });
    return undefined;
  }
  return ir;
}

/** Sorts an unordered row's keys highest first by the scale (by text when a key is off it). */
function sortKeys(keys: string[], scale: ScaleTy | undefined): string[] {
  const r = (k: string): number => (scale ? rankOf(scale, k) : -1);
  return [...keys].sort((x, y) => r(x) - r(y) || (x < y ? -1 : x > y ? 1 : 0));
}

export function tableIR(t: TableDecl, scale: ScaleTy | undefined): TableIR {
  const rows = t.rows.map((r) => {
    const keys = r.keys.map(cellText);
    return { keys: t.unordered ? sortKeys(keys, scale) : keys, result: cellText(r.result) };
  });
  return { name: t.name.text, unordered: t.unordered, rows, ...(t.otherwise ? { otherwise: cellText(t.otherwise) } : {}) };
}

/** Checks one file's scales and tables, and `aggregate table` names that the file lacks. */
export function checkScalesAndTables(ast: FileAst, file: string, accept: Accept): void {
  for (const s of ast.scales ?? []) checkScale(s, file, accept);
  for (const t of ast.tables ?? []) checkTable(t, file, accept);
  const tables = (ast.tables ?? []).map((t) => t.name.text);
  const walk = (members: readonly { kind: string }[]): void => {
    for (const m of members) {
      if (m.kind !== 'dimension') continue;
      const d = m as DimensionDecl;
      const a = d.aggregate;
      if (a?.method === 'table' && !a.table && a.tableName)
        accept('CMP264', file, a.tableName.range, { name: a.tableName.text, suggestion: suggest(a.tableName.text, tables) });
      walk(d.members);
    }
  };
  for (const d of ast.declarations) if (d.kind === 'framework') walk(d.members);
}

function checkScale(s: ScaleDecl, file: string, accept: Accept): void {
  const seen = new Set<string>();
  for (const step of s.steps) {
    if (seen.has(step.text)) accept('CMP360', file, step.range, { name: step.text, scale: s.name.text });
    seen.add(step.text);
  }
  const labels = s.steps.map((x) => x.text);
  for (const { as } of s.same) {
    if (!seen.has(as.text))
      accept('CMP260', file, as.range, { name: as.text, scale: s.name.text, labels: listTerm(labels), suggestion: suggest(as.text, labels) });
  }
}

function checkTable(t: TableDecl, file: string, accept: Accept): void {
  const arities = [...new Set(t.rows.map((r) => r.keys.length))];
  if (!t.unordered && arities.length > 1) accept('CMP363', file, t.name.range, { table: t.name.text, arities: listTerm(arities.map(String)) });
  const canon = (keys: string[]): string => (t.unordered ? [...keys].sort() : keys).join('\u0000');
  const seen = new Set<string>();
  for (const r of t.rows) {
    const keys = r.keys.map(cellText);
    const k = canon(keys);
    if (seen.has(k)) accept('CMP361', file, r.range, { table: t.name.text, key: `(${keys.join(', ')})` });
    seen.add(k);
  }
  if (t.otherwise || t.rows.some((r) => r.keys.some((c) => c.kind !== 'label'))) return;
  // Gaps: every combination of the labels used as keys (per column for an ordered table).
  for (const n of arities) {
    const rows = t.rows.filter((r) => r.keys.length === n);
    const columns = Array.from({ length: n }, (_, i) => [...new Set(rows.map((r) => cellText(r.keys[i]!)))]);
    const alphabet = [...new Set(columns.flat())];
    const missing = combinations(t.unordered ? Array.from({ length: n }, () => alphabet) : columns, t.unordered).find((c) => !seen.has(canon(c)));
    if (missing) accept('CMP362', file, t.name.range, { table: t.name.text, key: `(${missing.join(', ')})` });
  }
}

/** Every combination (a multiset when `unordered`), in declaration order; capped for safety. */
function combinations(columns: string[][], unordered: boolean): string[][] {
  let out: string[][] = [[]];
  for (const col of columns) {
    const next: string[][] = [];
    for (const prefix of out) {
      const from = unordered && prefix.length ? col.indexOf(prefix[prefix.length - 1]!) : 0;
      for (const v of col.slice(from)) next.push([...prefix, v]);
      if (next.length > 10000) return next;
    }
    out = next;
  }
  return out;
}
