/**
 * The trace of params by fiscal year: which period's value applied to the record and the legal
 * reference (文号) it comes from, e.g. `param 满意度目标 for fiscal year 2026: 2026.. (财预〔2026〕5号)`
 * → `0.9`. A dated param reaches the IR as an ordinary choice on `data.fiscal_year`, one branch
 * per period in the order written, with one reference per period in its `meta.refs` (see
 * src/compile/dated-params.ts); the periods are read back from that shape once per rule set. A
 * param of any other shape has no period and is not listed.
 */
import type { ExprIR, ParamIR, RuleSetIR } from '../compile/ir.js';
import { FISCAL_YEAR_FIELD } from '../common/fiscal-year.js';
import { printExpr } from './print.js';
import type { TraceStep } from './result.js';

interface Period {
  from: number;
  to: number | null;
  value: ExprIR;
  ref: string;
}

const cache = new WeakMap<RuleSetIR, { name: string; periods: Period[] }[]>();

/** One step per dated param of the rule set (framework and rules blocks), for this record's year. */
export function datedParamSteps(ir: RuleSetIR, data: Record<string, unknown>): TraceStep[] {
  let dated = cache.get(ir);
  if (!dated) {
    const all = [...ir.params, ...ir.ruleBlocks.flatMap((b) => b.params)];
    dated = all.flatMap((p) => {
      const periods = periodsOf(p);
      return periods ? [{ name: p.name, periods }] : [];
    });
    cache.set(ir, dated);
  }
  if (dated.length === 0) return [];
  const year = Object.hasOwn(data, FISCAL_YEAR_FIELD) ? data[FISCAL_YEAR_FIELD] : undefined;
  if (typeof year !== 'number') return [];
  const steps: TraceStep[] = [];
  for (const d of dated) {
    const p = d.periods.find((x) => year >= x.from && (x.to === null || year <= x.to));
    if (!p) continue;
    const span = p.to === p.from ? String(p.from) : `${p.from}..${p.to ?? ''}`;
    const value = p.value.kind === 'number' ? p.value.value : printExpr(p.value);
    steps.push({ what: `param ${d.name} for fiscal year ${year}: ${span}${p.ref ? ` (${p.ref})` : ''}`, result: value });
  }
  return steps;
}

/** The periods of a param written by year, or undefined for any other param. */
function periodsOf(p: ParamIR): Period[] | undefined {
  const out: Period[] = [];
  let e: ExprIR = p.value;
  while (e.kind === 'if') {
    const span = spanOf(e.condition);
    if (!span) return undefined;
    out.push({ ...span, value: e.then, ref: '' });
    e = e.otherwise;
  }
  if (out.length === 0 || out.length !== p.meta.refs.length) return undefined;
  out.forEach((x, i) => (x.ref = p.meta.refs[i] ?? ''));
  return out;
}

function spanOf(c: ExprIR): { from: number; to: number | null } | undefined {
  const bound = (x: ExprIR, op: string): number | undefined =>
    x.kind === 'binary' &&
    x.op === op &&
    x.left.kind === 'data' &&
    x.left.path.length === 1 &&
    x.left.path[0] === FISCAL_YEAR_FIELD &&
    x.right.kind === 'number'
      ? Number(x.right.value)
      : undefined;
  const eq = bound(c, '==');
  if (eq !== undefined) return { from: eq, to: eq };
  const from = bound(c, '>=');
  if (from !== undefined) return { from, to: null };
  if (c.kind === 'binary' && c.op === 'and') {
    const lo = bound(c.left, '>=');
    const hi = bound(c.right, '<=');
    if (lo !== undefined && hi !== undefined) return { from: lo, to: hi };
  }
  return undefined;
}
