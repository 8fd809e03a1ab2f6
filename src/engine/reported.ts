/**
 * Reported scores beside the rule score (DOMAIN.md §5, "keep the rule score and the reported
 * score apart"). The record's `reported` block (read by src/data/reported.ts) states points per
 * indicator or dimension, a total, a grade and the form's funds row; this file places them in
 * the result and checks them against each other, never changing a rule score:
 * - each row: the stated points rounded as the form rounds rows (`reported precision N` in the
 *   in the record, as a form mapping's `row_precision` sets it, else the rule set's precision), `differs` against the rule points rounded
 *   the same way;
 * - the reported total: the stated total, else Σ rows (a row not stated counts its rule points,
 *   rounded per row), which is what a form prints — while the rule total stays computed from
 *   unrounded values; the reported grade: the stated one, else the grade of that total;
 * - findings (EVL45x, with their numbers): a stated total that is not Σ rows, or above what the
 *   rows can reach; points above a weight; a grade the total does not earn; an execution rate
 *   that does not follow from 全年执行数 ÷ 全年预算数 at the digits the form states it with;
 * - errors (EVL446, the record is still scored): a row that differs with no reason given.
 */
import type { Program } from './plan.js';
import type { DimensionResult, EvaluationError, Finding, IndicatorResult, ReportedScore, ReportedTotal } from './result.js';
import { Num, ZERO, cmpNum } from './num.js';
import { toRoundedNumber } from './num-json.js';
import { readReported, reportedIndex, type ReportedData, type ReportedIndex, type ReportedPoints } from '../data/reported.js';
import { REPORTED, REPORTED_TERMS, reportedMessage, type ReportedCode } from '../common/reported-messages.js';
import type { Lang } from '../common/lang.js';

const indexes = new WeakMap<object, ReportedIndex>();

/** The record's reported block, resolved against the rule set (problems are the validator's). */
export function reportedOf(program: Program, data: Record<string, unknown>, lang: Lang): ReportedData | undefined {
  let index = indexes.get(program.ir);
  if (!index) {
    index = reportedIndex(program.ir);
    indexes.set(program.ir, index);
  }
  return readReported(data, index, '', lang).data;
}

/**
 * Digits a form rounds each row to: the record's `reported.precision` (form mode, as the form
 * mapping declares it), else the rule set's, else the score precision.
 */
export function rowDigits(program: Program, rep?: ReportedData): number {
  return rep?.precision ?? program.ir.settings.reportedPrecision ?? program.precision;
}

/** One indicator's reported row, or undefined when the record states none for it. */
export function reportedRow(program: Program, rep: ReportedData | undefined, path: string, rulePoints: Num | null): ReportedScore | undefined {
  const stated = rep?.nodes.get(path);
  if (!stated) return undefined;
  const digits = rowDigits(program, rep);
  const points = toRoundedNumber(Num.parse(stated.points), digits, program.rounding);
  const rule = rulePoints === null ? null : toRoundedNumber(rulePoints, digits, program.rounding);
  return { points, reason: stated.reason ?? '', differs: rule === null || rule !== points };
}

export interface Leaf {
  path: string;
  name: string;
  applicable: boolean;
  /** Effective weight and points (after redistribution). */
  eff: Num;
  points: Num | null;
  result: IndicatorResult;
}

export interface ReportedOutcome {
  summary?: ReportedTotal;
  findings: Finding[];
  errors: EvaluationError[];
}

/**
 * Dimension rows, the reported total and grade, the findings. `dims` get their `reported` set
 * (their last key); the rest is returned for the scorecard to place.
 */
export function reportedSummary(
  program: Program,
  rep: ReportedData,
  leaves: readonly Leaf[],
  dims: DimensionResult[],
  rule: { total: number | null; grade: string | null; applicableWeight: Num },
  id: string,
  lang: Lang,
): ReportedOutcome {
  const digits = rowDigits(program, rep);
  const round = (n: Num): number => toRoundedNumber(n, digits, program.rounding);
  const roundedNum = (n: Num): Num => n.toDecimalPlaces(digits, program.rounding);
  const findings: Finding[] = [];
  const errors: EvaluationError[] = [];
  const find = (code: ReportedCode, numbers: Record<string, number | string>, path?: string, args: Record<string, string> = {}): void => {
    const f: Finding = { code, message: reportedMessage(code, { ...numbers, ...args }, lang) } as Finding;
    if (path !== undefined) f.path = path;
    f.numbers = numbers;
    findings.push(f);
  };
  const needReason = (what: string, stated: ReportedPoints, reported: number, ruleShown: number | null): void => {
    if (stated.reason !== undefined) return;
    const path = `${stated.field}.reason`;
    const args = { id, what, reported: String(reported), rule: ruleShown === null ? '—' : String(ruleShown), path };
    errors.push({ code: REPORTED.REASON_REQUIRED, message: reportedMessage(REPORTED.REASON_REQUIRED, args, lang), path });
  };

  // Rows: what the form prints for each applicable indicator.
  const rowOf = new Map<string, Num>();
  let rows = ZERO;
  let reach = ZERO;
  for (const l of leaves) {
    if (!l.applicable) continue;
    const stated = rep.nodes.get(l.path);
    const row = stated ? roundedNum(Num.parse(stated.points)) : roundedNum(l.points ?? ZERO);
    rowOf.set(l.path, row);
    rows = rows.plus(row);
    reach = reach.plus(l.eff);
    if (stated?.weight !== undefined && Num.parse(stated.weight).toNumber() !== l.result.weight)
      find(REPORTED.WEIGHT_DIFFERS, { stated: round(Num.parse(stated.weight)), weight: l.result.weight }, l.path, { name: l.name });
    if (stated && row.gt(l.eff)) find(REPORTED.ABOVE_WEIGHT, { points: round(row), weight: round(l.eff) }, l.path, { name: l.name });
    if (stated && l.result.reported?.differs)
      needReason(`“${l.name}”`, stated, l.result.reported.points, l.result.points === null ? null : round(l.points ?? ZERO));
  }

  const under = leavesUnder(program, dims, leaves);
  for (const d of dims) {
    if (d.status !== 'scored') continue;
    const stated = rep.nodes.get(d.path);
    const inside = (under.get(d.path) ?? []).filter((p) => rowOf.has(p));
    const anyRow = inside.some((p) => rep.nodes.has(p));
    if (!stated && !anyRow) continue;
    const points = stated ? roundedNum(Num.parse(stated.points)) : inside.reduce((s, p) => s.plus(rowOf.get(p)!), ZERO);
    const ruleShown = d.points === null ? null : toRoundedNumber(Num.fromNumber(d.points), digits, program.rounding);
    const shown = round(points);
    d.reported = { points: shown, reason: stated?.reason ?? '', differs: ruleShown === null || ruleShown !== shown };
    const weight = Num.fromNumber(d.effectiveWeight ?? d.weight);
    if (stated && points.gt(weight)) find(REPORTED.ABOVE_WEIGHT, { points: shown, weight: round(weight) }, d.path, { name: d.name });
    if (stated && d.reported.differs && !anyRow) needReason(`“${d.name}”`, stated, shown, ruleShown);
  }

  // Σ rows out of the applicable weight, on the rule set's scale, as the rule total is.
  const factor = rule.applicableWeight.isZero() || rule.applicableWeight.eq(program.scale) ? null : program.scale.div(rule.applicableWeight);
  const rowsTotal = leaves.some((l) => l.applicable) ? (factor ? rows.times(factor) : rows) : null;
  const reachable = factor ? reach.times(factor) : reach;
  const rowsShown = rowsTotal === null ? null : round(rowsTotal);
  const stated = rep.total ? roundedNum(Num.parse(rep.total.points)) : null;
  const total = stated ?? (rowsTotal === null ? null : roundedNum(rowsTotal));
  const totalShown = total === null ? null : round(total);
  const anyRowStated = leaves.some((l) => rep.nodes.has(l.path)) || dims.some((d) => rep.nodes.has(d.path));
  if (stated !== null && rowsShown !== null && anyRowStated && round(stated) !== rowsShown) {
    find(REPORTED.TOTAL_NOT_ROWS, { stated: round(stated), rows: rowsShown, difference: round(stated.minus(roundedNum(rowsTotal!))) });
  }
  if (stated !== null && stated.gt(reachable)) find(REPORTED.TOTAL_UNREACHABLE, { stated: round(stated), reachable: round(reachable) });
  if (rep.total && !anyRowStated && totalShown !== rule.total) needReason(REPORTED_TERMS.total[lang], rep.total, totalShown ?? 0, rule.total);

  const earned = total === null ? null : gradeOf(program, total);
  const grade = rep.grade?.grade ?? earned;
  // Only against figures the record states: a grade stated alone is compared with the rule grade, not flagged.
  if (rep.grade && earned !== null && (rep.total || anyRowStated) && rep.grade.grade !== earned)
    find(REPORTED.GRADE_NOT_TOTAL, { stated: rep.grade.grade, total: totalShown ?? 0, expected: earned });

  const funds = rep.funds;
  if (funds?.budget !== undefined && funds.spent !== undefined && funds.rate !== undefined) {
    const budget = Num.parse(funds.budget);
    if (!budget.isZero()) {
      const rate = Num.parse(funds.rate);
      const places = Math.max(rate.decimalPlaces(), 2);
      const computed = Num.parse(funds.spent).div(budget).toDecimalPlaces(places, program.rounding);
      if (!computed.eq(rate)) {
        const pct = (n: Num): string => `${n.times(Num.fromNumber(100)).toFixed(Math.max(places - 2, 0))}%`;
        find(REPORTED.RATE_MISMATCH, { stated: pct(rate), computed: pct(computed), budget: funds.budget, spent: funds.spent });
      }
    }
  }

  const summary = { total: totalShown, rows: rowsShown, grade, reason: rep.total?.reason ?? '', gradeReason: rep.grade?.reason ?? '' } as ReportedTotal;
  summary.differs = totalShown !== rule.total || grade !== rule.grade;
  return { summary, findings, errors };
}

const leavesByDimension = new WeakMap<object, Map<string, string[]>>();

/** Indicator paths under each dimension, once per rule set (a record's lists are in IR order). */
function leavesUnder(program: Program, dims: readonly DimensionResult[], leaves: readonly Leaf[]): Map<string, string[]> {
  let m = leavesByDimension.get(program.ir);
  if (!m) {
    m = new Map(dims.map((d) => [d.path, leaves.filter((l) => l.path.startsWith(`${d.path}/`)).map((l) => l.path)]));
    leavesByDimension.set(program.ir, m);
  }
  return m;
}

function gradeOf(program: Program, total: Num): string | null {
  for (const g of program.grades) if (g.min === null || cmpNum(total, g.min) >= 0) return g.label;
  return null;
}
