/**
 * The lower layer of the AST (see ast.ts, which re-exports everything here): names, units,
 * texts, every expression node, and the file-level data a formula can refer to — ordinal scales
 * and lookup tables (`lookup(M2, a, b)` carries the table it names). Kept apart so ast.ts stays
 * within the house's file size, and below it so no import runs back up.
 */
import type { SourceRange } from '../common/diagnostic.js';

export interface Name {
  text: string;
  range: SourceRange;
}

/** Units the language knows. Money literals are normalised to 元 (1.6亿 → 160000000 元). */
export type Unit = '%' | '元' | 'm²' | 'km' | 'days' | 'count' | 'people' | 'score' | (string & {});

export interface Meta {
  title?: string;
  description?: string;
  refs: string[];
  unit?: Unit;
}

// ── expressions ────────────────────────────────────────────────────────────────────────────

export type BinaryOp = '+' | '-' | '*' | '/' | '==' | '!=' | '<' | '<=' | '>' | '>=' | 'and' | 'or';

export type Expr = NumberLit | StringLit | BooleanLit | DataPath | ContextPath | Ref | Binary | Unary | Call | IfExpr;

/** `90%` → value "0.9", unit '%'; `500万` → value "5000000", unit '元'; `12` → unit null. */
export interface NumberLit {
  kind: 'number';
  value: string;
  unit: Unit | null;
  /** The literal as written, for messages and `fmt`. */
  text: string;
  range: SourceRange;
}

/**
 * A number a clause takes as written or by a param's name (`优 >= 优秀线`, `-> cap 上限分`,
 * `require 产出 >= 产出下限`, `rectify within 整改期限`): compile replaces the `ref` by the
 * param's constant (slots.ts), so checks and the IR only ever see a `NumberLit`.
 */
export type NumberSlot = NumberLit | Ref;

export interface StringLit {
  kind: 'string';
  value: string;
  range: SourceRange;
}

export interface BooleanLit {
  kind: 'boolean';
  value: boolean;
  range: SourceRange;
}

/**
 * `data.budget.adjusted`, `data.items[].amount` (segment '[]' = every element, only inside
 * aggregate functions), `data."预算 数"` (quoted segment).
 */
export interface DataPath {
  kind: 'path';
  segments: string[];
  range: SourceRange;
}

/**
 * What the caller supplies about the project beyond this year's data, readable in rule blocks
 * only: `previous.grade`, `上年.total` (last year's result), `rectification.status`,
 * `整改情况."说明"` (the rectification of last year's problems). `segments` follow the root.
 */
export interface ContextPath {
  kind: 'context';
  root: ContextRoot;
  segments: string[];
  range: SourceRange;
}

export type ContextRoot = 'previous' | 'rectification';

/**
 * A name: a param, a `let`, an indicator or dimension (optionally with a member:
 * `预算执行率.value`, `.points`, `.score`, `.status`), a grade label, or one of the built-ins
 * `value`, `target`, `grade`, `total`, `weight`, `stage`. Resolution happens in compile.
 */
export interface Ref {
  kind: 'ref';
  /** `决策.预算执行率.value` → ['决策', '预算执行率', 'value']. */
  parts: Name[];
  range: SourceRange;
}

export interface Binary {
  kind: 'binary';
  op: BinaryOp;
  left: Expr;
  right: Expr;
  range: SourceRange;
}

export interface Unary {
  kind: 'unary';
  op: '-' | 'not';
  operand: Expr;
  range: SourceRange;
}

/** min, max, abs, round, sum, avg, wavg, count, exists, coalesce, clamp. */
export interface Call {
  kind: 'call';
  callee: Name;
  args: Expr[];
  /** `lookup(M2, a, b)`: the table of the same file the first argument names, resolved by the AST builder. */
  lookup?: LookupRef;
  range: SourceRange;
}

export interface IfExpr {
  kind: 'if';
  condition: Expr;
  then: Expr;
  otherwise: Expr;
  range: SourceRange;
}

// ── ordinal scales and lookup tables (issue 15) ────────────────────────────────────────────

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
