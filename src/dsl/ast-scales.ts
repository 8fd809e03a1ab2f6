/**
 * AST nodes for ordinal scales, lookup tables and aggregation methods (issue 15), kept beside
 * `ast.ts` so that file's shapes change only by the optional fields that point here. A scale and
 * a table are file-level declarations; the AST builder resolves the names that refer to them
 * within the same file (`input data.x PEFA`, `aggregate table M2`), so later phases receive the
 * declaration itself and need no second name space.
 */
import type { SourceRange } from '../common/diagnostic.js';
import type { Expr, Meta, Name, NumberLit } from './ast.js';

/** `scale PEFA { A, B+, B, C+, C, D+, D, "D*" }` — labels highest first, like grades. */
export interface ScaleDecl {
  kind: 'scale';
  name: Name;
  /** Highest first. `B+` and `"B+"` are the same label. */
  steps: Name[];
  /** `"D*" = D`: labels ranked and aggregated as another label of the scale. */
  same: { label: Name; as: Name }[];
  range: SourceRange;
}

/** A key or result of a table: a label or a number. */
export type TableCell = { kind: 'label'; text: string; range: SourceRange } | NumberLit;

export interface TableRow {
  keys: TableCell[];
  result: TableCell;
  range: SourceRange;
}

/**
 * `table M2 unordered { (A, B): "B+"; (A, A): A; else: D }`. One- and many-key rows; `unordered`
 * makes a row's keys a multiset (the lookup sorts the keys by their scale, highest first), which
 * is how PEFA's M2 conversion table is published.
 */
export interface TableDecl {
  kind: 'table';
  name: Name;
  unordered: boolean;
  rows: TableRow[];
  otherwise?: TableCell;
  range: SourceRange;
}

/**
 * What `lookup(M2, a, b)` refers to: the table, and the file's scales its keys and its results
 * are labels of (when every key, or every result, is a label of one scale) — so an unordered
 * table's keys sort by that scale and a result compares by its order.
 */
export interface LookupRef {
  table: TableDecl;
  keyScale?: ScaleDecl;
  resultScale?: ScaleDecl;
}

export type AggregateMethod = 'weighted_sum' | 'weakest_link' | 'min' | 'max' | 'mean' | 'table';

/** `aggregate weakest_link` · `aggregate table M2` · `aggregate min|max|mean` in a dimension. */
export interface AggregateDecl {
  method: AggregateMethod;
  /** For `table`: the table's name and, when it is declared in the same file, the table. */
  tableName?: Name;
  table?: TableDecl;
  range: SourceRange;
}

/** The text of a cell, as keys are matched: a label as written, a number as its decimal value. */
export function cellText(c: TableCell): string {
  return c.kind === 'label' ? c.text : c.value;
}

/** `outcome "Results Not Demonstrated" when not data.measures hide total`: overrides the grade. */
export interface OutcomeDecl {
  kind: 'outcome';
  name: Name;
  when: Expr;
  hideTotal: boolean;
  meta: Meta;
  range: SourceRange;
}
