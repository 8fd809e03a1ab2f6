/**
 * Params by fiscal year, as formulas. `param 调增比例 { 2025: 8% "文号"; 2026..: 10% "文号" }`
 * means, for a record, the value of the period its fiscal year (`data.fiscal_year`, or the
 * evaluation option `year`, which the engine writes there) falls in. The choice is written as an
 * ordinary `if` over that field, period by period in the order written, so the IR, both rule
 * evaluators and every check on formulas treat it like any other param. The last period's value
 * closes the chain; it is never chosen for a year no period has, because compile declares
 * `fiscal_year` as a required input over exactly the years the periods cover (dated-params in
 * src/compile), so such a record is refused with its year named before anything is scored.
 */
import { FISCAL_YEAR_FIELD } from '../common/fiscal-year.js';
import type { DataPath, Expr, ParamPeriod } from './ast.js';

/** `if <year in p1> then v1 else if <year in p2> then v2 … else vN`. */
export function periodChoice(periods: readonly ParamPeriod[]): Expr {
  const last = periods[periods.length - 1];
  if (!last) return { kind: 'boolean', value: false, range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } } };
  let chain: Expr = last.value;
  for (let i = periods.length - 1; i >= 0; i--) {
    const p = periods[i]!;
    chain = { kind: 'if', condition: yearIn(p), then: p.value, otherwise: chain, range: p.range };
  }
  return chain;
}

function yearIn(p: ParamPeriod): Expr {
  const range = p.range;
  const year: DataPath = { kind: 'path', segments: [FISCAL_YEAR_FIELD], range };
  const num = (n: number): Expr => ({ kind: 'number', value: String(n), unit: null, text: String(n), range });
  if (p.to === p.from) return { kind: 'binary', op: '==', left: year, right: num(p.from), range };
  const low: Expr = { kind: 'binary', op: '>=', left: year, right: num(p.from), range };
  if (p.to === null) return low;
  return { kind: 'binary', op: 'and', left: low, right: { kind: 'binary', op: '<=', left: year, right: num(p.to), range }, range };
}
