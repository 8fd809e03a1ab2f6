/**
 * The CST visitor layer for ordinal scales, lookup tables and the `aggregate` clause. It also
 * keeps the scales and tables of the file being built, so that the top layer can resolve
 * `input data.x PEFA` and `aggregate table M2` to the declarations of the same file: a type word
 * that is neither an input type nor a scale of the file is still DSL106, as it always was.
 */
import type { CstNode } from 'chevrotain';
import { unquote } from './literals.js';
import type { AggregateDecl, AggregateMethod, Expr, Name, NumberLit, OutcomeDecl, ScaleDecl, TableCell, TableDecl, TableRow } from './ast.js';
import type {
  AggregateClauseCstChildren,
  OutcomeDeclCstChildren,
  RefOrCallCstChildren,
  ScaleDeclCstChildren,
  ScaleStepCstChildren,
  TableCellCstChildren,
  TableDeclCstChildren,
  TableRowCstChildren,
} from './cst-types.js';
import type * as msg from './messages.js';
import { first } from './to-ast-expr.js';
import { ScoreVisitor } from './to-ast-score.js';

const METHODS: Record<string, AggregateMethod> = {
  weighted_sum: 'weighted_sum',
  加权求和: 'weighted_sum',
  weakest_link: 'weakest_link',
  最弱环节: 'weakest_link',
  min: 'min',
  最低: 'min',
  max: 'max',
  最多: 'max',
  最高: 'max',
  mean: 'mean',
  平均: 'mean',
};
export const AGGREGATE_WORDS = ['weighted_sum', 'weakest_link', 'min', 'max', 'mean', 'table'] as const;

export class ScalesVisitor extends ScoreVisitor {
  /** Scales and tables of the file being built, by name (the first declaration wins). */
  protected fileScales = new Map<string, ScaleDecl>();
  protected fileTables = new Map<string, TableDecl>();

  scaleDecl(ctx: ScaleDeclCstChildren, node: CstNode): ScaleDecl | undefined {
    const name = this.nameOf(first(ctx.name));
    const read = this.subs<{ label: Name; as?: Name }>(ctx.scaleStep);
    const steps = read.map((r) => r.label);
    const same = read.flatMap((r) => (r.as ? [{ label: r.label, as: r.as }] : []));
    return name ? { kind: 'scale', name, steps, same, range: this.nodeRange(node) } : undefined;
  }

  scaleStep(ctx: ScaleStepCstChildren): { label: Name; as?: Name } | undefined {
    const n = this.nameOf(first(ctx.name));
    const plus = first(ctx.Plus);
    const as = this.nameOf(first(ctx.same));
    if (!n) return undefined;
    const label = plus ? { text: `${n.text}+`, range: this.span(n.range, this.tokRange(plus)) } : n;
    return as ? { label, as } : { label };
  }

  tableDecl(ctx: TableDeclCstChildren, node: CstNode): TableDecl | undefined {
    const name = this.nameOf(first(ctx.name));
    if (!name) return undefined;
    const rows: TableRow[] = [];
    let otherwise: TableCell | undefined;
    for (const r of ctx.tableRow ?? []) {
      const row = this.sub<TableRow | { otherwise: TableCell }>(r);
      if (!row) continue;
      if ('otherwise' in row) otherwise ??= row.otherwise;
      else rows.push(row);
    }
    return { kind: 'table', name, unordered: ctx.Unordered !== undefined, rows, ...(otherwise ? { otherwise } : {}), range: this.nodeRange(node) };
  }

  tableRow(ctx: TableRowCstChildren, node: CstNode): TableRow | { otherwise: TableCell } | undefined {
    const result = this.sub<TableCell>(first(ctx.result));
    if (!result) return undefined;
    if (ctx.Otherwise) return { otherwise: result };
    const keys = this.subs<TableCell>(ctx.key);
    return keys.length ? { keys, result, range: this.nodeRange(node) } : undefined;
  }

  tableCell(ctx: TableCellCstChildren): TableCell | undefined {
    const num: NumberLit | undefined = this.numberOf(first(ctx.signedNumber));
    if (num) return num;
    const l = this.nameOf(first(ctx.label));
    return l ? { kind: 'label', text: l.text, range: l.range } : undefined;
  }

  aggregateClause(ctx: AggregateClauseCstChildren, node: CstNode): AggregateDecl | undefined {
    const range = this.nodeRange(node);
    if (ctx.Table) {
      const tableName = this.nameOf(first(ctx.table));
      if (!tableName) return undefined;
      const table = this.fileTables.get(tableName.text);
      return { method: 'table', tableName, ...(table ? { table } : {}), range };
    }
    const word = this.nameOf(first(ctx.method));
    if (!word) return undefined;
    const method = this.option(word, (w) => (Object.hasOwn(METHODS, w) ? METHODS[w] : undefined), 'aggregate', AGGREGATE_WORDS);
    return method ? { method, range } : undefined;
  }

  outcomeDecl(ctx: OutcomeDeclCstChildren, node: CstNode): OutcomeDecl | undefined {
    const name = this.nameOf(first(ctx.name));
    const when = this.exprOf(first(ctx.expression));
    const hidden = this.nameOf(first(ctx.hidden));
    // `hide` takes one word, `total` (总分); anything else is an unknown option word.
    const hideTotal = hidden !== undefined && this.option(hidden, (w) => (w === 'total' || w === '总分' ? true : undefined), 'hide', ['total']) === true;
    const desc = first(ctx.description);
    if (!name || !when) return undefined;
    return { kind: 'outcome', name, when, hideTotal, meta: { refs: [], ...(desc ? { description: unquote(desc.image) } : {}) }, range: this.nodeRange(node) };
  }

  /** `lookup(M2, …)`: attaches the file's table (and the scales of its keys and results) to the call. */
  override refOrCall(ctx: RefOrCallCstChildren): Expr | undefined {
    const e = super.refOrCall(ctx);
    if (e?.kind !== 'call' || e.callee.text !== 'lookup') return e;
    const head = e.args[0];
    const table = head?.kind === 'ref' && head.parts.length === 1 ? this.fileTables.get(head.parts[0]!.text) : undefined;
    if (!table) return e;
    const labels = (cells: TableCell[]): string[] | undefined =>
      cells.every((c) => c.kind === 'label') ? cells.map((c) => (c as { text: string }).text) : undefined;
    const scaleOf = (ls: string[] | undefined): ScaleDecl | undefined =>
      ls && ls.length ? [...this.fileScales.values()].find((s) => ls.every((l) => s.steps.some((st) => st.text === l))) : undefined;
    const keyScale = scaleOf(labels(table.rows.flatMap((r) => r.keys)));
    const resultScale = scaleOf(labels([...table.rows.map((r) => r.result), ...(table.otherwise ? [table.otherwise] : [])]));
    return { ...e, lookup: { table, ...(keyScale ? { keyScale } : {}), ...(resultScale ? { resultScale } : {}) } };
  }

  /** Visits the file's scales and tables first, so declarations after their use resolve too. */
  protected collectScales(
    scaleNodes: readonly CstNode[] | undefined,
    tableNodes: readonly CstNode[] | undefined,
  ): { scales: ScaleDecl[]; tables: TableDecl[] } {
    this.fileScales = new Map();
    this.fileTables = new Map();
    const scales = this.subs<ScaleDecl>(scaleNodes);
    const tables = this.subs<TableDecl>(tableNodes);
    for (const s of scales) if (!this.fileScales.has(s.name.text)) this.fileScales.set(s.name.text, s);
    for (const t of tables) if (!this.fileTables.has(t.name.text)) this.fileTables.set(t.name.text, t);
    return { scales, tables };
  }

  /** The scale an input's type word names, when it is one of the file's scales. */
  protected scaleNamed(word: string): ScaleDecl | undefined {
    return this.fileScales.get(word);
  }
}

export type { msg };
