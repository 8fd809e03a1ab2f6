/**
 * `lookup(M2, a, b)` in a formula: a lookup table of the same file read with keys, lowered to
 * `if` choices over its rows so the engine and the rules need nothing new — each row becomes
 * `if a == "A" and b == "B" then "B+" else …` (an unordered row: once per distinct order of its
 * keys), the last `else` the table's `else`, or a missing value (`coalesce()`) when it has none,
 * which the indicator's missing policy then handles. The result is a label of the results' scale
 * (so it compares by order), a number, or text. A name that is no table of the file is CMP264;
 * a number of keys no row has, CMP265.
 */
import type { Call, TableCell } from '../dsl/ast.js';
import { cellText } from './aggregate.js';
import type { ExprIR } from './ir.js';
import type { ExprCtx, Lowered } from './scope.js';
import { listTerm, scaleTy } from './scales.js';
import { ANY, num, STR, type Ty } from './units.js';

export function lowerLookup(e: Call, ctx: ExprCtx, lower: (x: Call['args'][number]) => Lowered): Lowered {
  const callIr: ExprIR = { kind: 'call', fn: 'coalesce', args: [] };
  const head = e.args[0];
  const ref = e.lookup;
  if (!ref) {
    const name = head?.kind === 'ref' ? head.parts.map((p) => p.text).join('.') : '';
    ctx.env.accept('CMP264', ctx.file, head?.range ?? e.range, { name, suggestion: undefined });
    return { ir: callIr, ty: ANY };
  }
  const keys = e.args.slice(1).map(lower);
  const rows = ref.table.rows.filter((r) => r.keys.length === keys.length);
  if (rows.length === 0) {
    const arities = listTerm([...new Set(ref.table.rows.map((r) => String(r.keys.length)))]);
    ctx.env.accept('CMP265', ctx.file, e.range, { table: ref.table.name.text, count: keys.length, arities });
    return { ir: callIr, ty: ANY };
  }
  const cell = (c: TableCell): ExprIR => (c.kind === 'label' ? { kind: 'string', value: c.text } : { kind: 'number', value: c.value, unit: c.unit });
  const and = (xs: ExprIR[]): ExprIR => xs.reduce((acc, x) => ({ kind: 'binary', op: 'and', left: acc, right: x, unit: null }));
  let ir: ExprIR = ref.table.otherwise ? cell(ref.table.otherwise) : callIr;
  for (const row of [...rows].reverse()) {
    const orders = ref.table.unordered ? permutations(row.keys) : [row.keys];
    for (const order of orders.reverse()) {
      const condition = and(order.map((c, i) => ({ kind: 'binary', op: '==', left: keys[i]!.ir, right: cell(c), unit: null })));
      ir = { kind: 'if', condition, then: cell(row.result), otherwise: ir };
    }
  }
  return { ir, ty: resultTy(ref) };
}

function resultTy(ref: NonNullable<Call['lookup']>): Ty {
  if (ref.resultScale) return scaleTy(ref.resultScale);
  const results = [...ref.table.rows.map((r) => r.result), ...(ref.table.otherwise ? [ref.table.otherwise] : [])];
  const first = results[0];
  if (first && first.kind === 'number' && results.every((r) => r.kind === 'number' && r.unit === first.unit)) return num(first.unit);
  return STR;
}

/** The distinct orders of a row's keys (a row of equal keys has one). */
function permutations(cells: TableCell[]): TableCell[][] {
  if (cells.length <= 1) return [cells];
  const out: TableCell[][] = [];
  const seen = new Set<string>();
  cells.forEach((c, i) => {
    for (const rest of permutations([...cells.slice(0, i), ...cells.slice(i + 1)])) {
      const p = [c, ...rest];
      const k = p.map(cellText).join('\u0000');
      if (!seen.has(k)) {
        seen.add(k);
        out.push(p);
      }
    }
  });
  return out;
}
