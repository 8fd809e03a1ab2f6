/**
 * Params by fiscal year (see src/dsl/dated-params.ts for how the choice is written). Here: the
 * checks of the periods — two that share a year are CMP258, years between two periods that no
 * period covers are CMP259, each at the later period — the references carried into the IR (the
 * param's `meta.refs`, one per period in the order written, '' where a period gives none, so
 * the trace can name the 文号 that applied), and the `fiscal_year` input a rule set with a used
 * dated param declares: required, a whole number within the years the periods cover, so a
 * record of a year without a value is refused with its field and the years named (EVL430)
 * instead of being scored with a value that does not apply. A framework's own
 * `input data.fiscal_year` declaration is kept as written.
 */
import type { Expr, InputDecl, ParamDecl, ParamPeriod } from '../dsl/ast.js';
import { FISCAL_YEAR_FIELD } from '../common/fiscal-year.js';
import type { Accept } from './messages.js';
import type { Item } from './model.js';

/** CMP258 / CMP259 over one param's periods, in the order of their first year. */
export function checkPeriods(decl: ParamDecl, file: string, accept: Accept): void {
  const periods = [...(decl.periods ?? [])].sort((a, b) => a.from - b.from);
  for (let i = 1; i < periods.length; i++) {
    const prev = periods[i - 1]!;
    const p = periods[i]!;
    if (prev.to === null || p.from <= prev.to) {
      accept('CMP258', file, p.range, { name: decl.name.text, period: periodText(p), other: periodText(prev) });
    } else if (p.from > prev.to + 1) {
      const gap = prev.to + 1 === p.from - 1 ? String(prev.to + 1) : `${prev.to + 1}–${p.from - 1}`;
      accept('CMP259', file, p.range, { name: decl.name.text, years: gap });
    }
  }
}

export function periodText(p: ParamPeriod): string {
  return p.to === p.from ? String(p.from) : `${p.from}..${p.to ?? ''}`;
}

/** The references of a dated param, aligned with its periods ('' where none was written). */
export function periodRefs(decl: ParamDecl): string[] {
  return (decl.periods ?? []).map((p) => p.ref ?? '');
}

/**
 * The `fiscal_year` input the used dated params call for, or undefined when there are none or
 * the framework declares the field itself. Its range is from the first year any period starts
 * to the last year one ends (open when a period runs on).
 */
export function fiscalYearInput(dated: readonly Item<ParamDecl>[], declared: readonly Item<InputDecl>[]): Item<InputDecl> | undefined {
  if (dated.length === 0 || declared.some((i) => i.decl.path.segments.join('.') === FISCAL_YEAR_FIELD)) return undefined;
  const periods = dated.flatMap((d) => d.decl.periods ?? []);
  const first = dated[0]!;
  const range = first.decl.range;
  const num = (n: number): Expr => ({ kind: 'number', value: String(n), unit: null, text: String(n), range });
  const low = Math.min(...periods.map((p) => p.from));
  const open = periods.some((p) => p.to === null);
  const high = open ? undefined : Math.max(...periods.map((p) => p.to ?? p.from));
  const decl: InputDecl = {
    kind: 'input',
    path: { kind: 'path', segments: [FISCAL_YEAR_FIELD], range },
    type: 'count',
    required: true,
    bounds: { low: num(low), lowInclusive: true, ...(high !== undefined ? { high: num(high) } : {}), highInclusive: true, range },
    meta: { refs: [], description: 'fiscal year (param values by year)' },
    range,
  };
  return { decl, file: first.file };
}
