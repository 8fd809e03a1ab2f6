/**
 * Results as an Excel workbook (exceljs): `writeResultsXlsx(inputs, ir, target, lang)` writes
 * sheet 1 with one row per project (id, name, department, town, budget, review cut, total, grade, first-level
 * dimension scores, vetoes, net money moved, recommendations in words, errors) and one sheet per
 * first-level dimension with one row per project × indicator (weight, target, actual, points,
 * status, why points were lost); when results state their own scores (自评), the reported total,
 * grade and findings sit beside the rule's, and each indicator's reported points beside its rule
 * points. Scores carry a number format of the rule set's precision, money
 * `#,##0.00`, percentages `0.00%`. The target is a file path or a writable stream; writing goes
 * through exceljs' streaming writer (rows committed as added, inline strings) so memory stays
 * flat, and `buildResultsWorkbook` gives the same workbook in memory. The inputs are an array or,
 * for batches too big to hold, a function returning a fresh async iterable of them (called once
 * per sheet, e.g. replaying a spool file). Workbook dates are fixed
 * (or passed in) so two runs produce the same cells and properties. Every text cell, headers
 * included, is formula-neutralised (cell-safety.ts): a project named `=HYPERLINK(…)` is written
 * as the text `'=HYPERLINK(…)`, numbers stay numbers.
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { Decimal } from 'decimal.js';
import type { NodeIR, RuleSetIR } from '../compile/ir.js';
import { actionLabel, amountText } from './actions.js';
import type { Recommendation } from '../engine/result.js';
import { formatTarget, formatValue, paren, toDecimal } from './format.js';
import { signedAmount } from './summary.js';
import { t, type Lang } from './i18n/index.js';
import { toReportItem, type ProjectInfo, type ReportInput, type ReportItem } from './input.js';
import { lostReason, precisionOf } from './project-model.js';
import { neutraliseRow, neutraliseText } from './cell-safety.js';

/** Results to write: an array, or a replayable stream (called once per sheet) for constant memory. */
export type ResultsSource = readonly ReportInput[] | (() => AsyncIterable<ReportInput>);

async function* itemsOf(source: ResultsSource): AsyncIterable<ReportItem> {
  if (typeof source === 'function') {
    for await (const input of source()) yield toReportItem(input);
  } else {
    for (const input of source) yield toReportItem(input);
  }
}

export interface XlsxOptions {
  /** Workbook created/modified date; a fixed date by default so output does not depend on the clock. */
  date?: Date;
  /**
   * Add the form's own scores (自评得分, 自评等级, the reason) beside the rule's. Default: when
   * an array of inputs has a result that states them; a streamed source is not read twice to
   * find out, so it says so here.
   */
  reported?: boolean;
}

function statesScores(inputs: ResultsSource): boolean {
  return typeof inputs !== 'function' && inputs.some((i) => toReportItem(i).result.reported !== undefined);
}

const FIXED_DATE = new Date('2000-01-01T00:00:00Z');
const MONEY_FORMAT = '#,##0.00';

export function scoreFormat(precision: number): string {
  return precision <= 0 ? '0' : '0.' + '0'.repeat(precision);
}

/** Excel forbids []:*?/\ in sheet names and caps them at 31 characters; names must be unique. */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)}_${n}`;
  taken.add(name.toLowerCase());
  return name;
}

/** Bold shaded header with a filter; called right after `columns` is set, before any commit. */
function styleHeader(sheet: ExcelJS.Worksheet): void {
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF1F5' } };
  header.alignment = { vertical: 'middle', wrapText: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
}

function topDimensions(ir: RuleSetIR): NodeIR[] {
  return ir.nodes;
}

/** Net money a project's recommendations move, signed like the summary (recall etc. negative). */
function netAmount(recs: readonly Recommendation[]): Decimal | null {
  let sum: Decimal | null = null;
  for (const rec of recs) {
    const d = signedAmount(rec);
    if (d !== null) sum = (sum ?? new Decimal(0)).plus(d);
  }
  return sum;
}

function reviewCut(info: ProjectInfo): Decimal | null {
  const requested = toDecimal(info.requested);
  const approved = toDecimal(info.approved);
  return requested === null || approved === null ? null : requested.minus(approved);
}

/** Frozen header row; the streaming writer only takes views when the sheet is created. */
const SHEET_OPTIONS = { views: [{ state: 'frozen' as const, ySplit: 1 }] };

/** Commits a finished sheet of a streaming writer (frees its rows); a no-op in memory. */
function commitSheet(sheet: ExcelJS.Worksheet): void {
  (sheet as ExcelJS.Worksheet & { commit?: () => void }).commit?.();
}

/**
 * Fills a workbook — in memory or a streaming writer (whose WorkbookWriter extends Workbook).
 * Rows are committed as they are added and sheets one after another, so a streaming writer
 * holds one row at a time however large the batch.
 */
async function populate(
  wb: ExcelJS.Workbook,
  inputs: ResultsSource,
  ir: RuleSetIR,
  lang: Lang,
  options: XlsxOptions,
  pause: () => Promise<void> | undefined = () => undefined,
): Promise<void> {
  const precision = precisionOf(ir);
  wb.creator = 'jixiao';
  wb.lastModifiedBy = 'jixiao';
  wb.created = options.date ?? FIXED_DATE;
  wb.modified = options.date ?? FIXED_DATE;
  const taken = new Set<string>();
  const dims = topDimensions(ir);
  const stated = options.reported ?? statesScores(inputs);
  const scoreStyle = { numFmt: scoreFormat(precision) };

  const main = wb.addWorksheet(sheetName(t(lang, 'sheet/projects'), taken), SHEET_OPTIONS);
  main.columns = [
    { header: t(lang, 'col/id'), key: 'id', width: 12 },
    { header: t(lang, 'col/name'), key: 'name', width: 28 },
    { header: t(lang, 'col/department'), key: 'department', width: 14 },
    { header: t(lang, 'col/town'), key: 'town', width: 12 },
    { header: t(lang, 'basic/budget') + paren(lang, t(lang, 'unit/yuan')), key: 'budget', width: 16, style: { numFmt: MONEY_FORMAT } },
    { header: t(lang, 'col/cut') + paren(lang, t(lang, 'unit/yuan')), key: 'cut', width: 14, style: { numFmt: MONEY_FORMAT } },
    { header: t(lang, stated ? 'col/ruleTotal' : 'col/total'), key: 'total', width: 10, style: { numFmt: scoreFormat(precision) } },
    { header: t(lang, stated ? 'col/ruleGrade' : 'col/grade'), key: 'grade', width: 8 },
    ...(stated
      ? [
          { header: t(lang, 'col/reportedPoints'), key: 'reportedTotal', width: 10, style: scoreStyle },
          { header: t(lang, 'col/reportedGrade'), key: 'reportedGrade', width: 8 },
          { header: t(lang, 'col/findings'), key: 'findings', width: 40 },
        ]
      : []),
    ...dims.map((d) => ({ header: neutraliseText(d.name), key: `dim:${d.path}`, width: 10, style: { numFmt: scoreFormat(precision) } })),
    { header: t(lang, 'col/vetoes'), key: 'vetoes', width: 16 },
    { header: t(lang, 'col/amount') + paren(lang, t(lang, 'unit/yuan')), key: 'amount', width: 16, style: { numFmt: MONEY_FORMAT } },
    { header: t(lang, 'col/recommendations'), key: 'recs', width: 60 },
    { header: t(lang, 'col/errors'), key: 'errors', width: 40 },
  ];
  styleHeader(main);
  for await (const { result, info } of itemsOf(inputs)) {
    const row: Record<string, unknown> = {
      id: result.id,
      name: info.name ?? '',
      department: info.department ?? '',
      town: info.town ?? '',
      budget: toDecimal(info.budget)?.toNumber() ?? null,
      cut: reviewCut(info)?.toNumber() ?? null,
      total: result.outcome?.totalHidden ? null : result.total,
      grade: result.grade ?? '',
      ...(stated
        ? {
            reportedTotal: result.reported?.total ?? null,
            reportedGrade: result.reported?.grade ?? '',
            findings: (result.findings ?? []).map((f) => `${f.code} ${f.message}`).join(t(lang, 'punct/semicolon')),
          }
        : {}),
      vetoes: result.vetoes.map((v) => v.name).join(t(lang, 'list/sep')),
      amount: netAmount(result.recommendations)?.toNumber() ?? null,
      recs: result.recommendations
        .map((r) => {
          const amount = toDecimal(r.amount) === null ? '' : ' ' + amountText(lang, r);
          return actionLabel(lang, r, [ir]) + amount;
        })
        .join(t(lang, 'punct/semicolon')),
      errors: result.errors.map((e) => (e.path ? `${e.code} ${e.path}: ${e.message}` : `${e.code} ${e.message}`)).join(t(lang, 'punct/semicolon')),
    };
    for (const d of dims) row[`dim:${d.path}`] = result.dimensions.find((x) => x.path === d.path)?.points ?? null;
    main.addRow(neutraliseRow(row)).commit();
    const p = pause();
    if (p) await p;
  }
  commitSheet(main);

  for (const dim of dims) {
    const sheet = wb.addWorksheet(sheetName(t(lang, 'sheet/dimension', { name: dim.name }), taken), SHEET_OPTIONS);
    sheet.columns = [
      { header: t(lang, 'col/id'), key: 'id', width: 12 },
      { header: t(lang, 'col/indicator'), key: 'indicator', width: 22 },
      { header: t(lang, 'col/weight'), key: 'weight', width: 8, style: { numFmt: scoreFormat(precision) } },
      { header: t(lang, 'col/target'), key: 'target', width: 16 },
      { header: t(lang, 'col/actual'), key: 'actual', width: 16 },
      { header: t(lang, 'col/unit'), key: 'unit', width: 8 },
      ...(stated ? [{ header: t(lang, 'col/reportedPoints'), key: 'reported', width: 8, style: scoreStyle }] : []),
      { header: t(lang, stated ? 'col/rulePoints' : 'col/points'), key: 'points', width: 8, style: { numFmt: scoreFormat(precision) } },
      { header: t(lang, 'col/status'), key: 'status', width: 10 },
      { header: t(lang, 'col/lostReason'), key: 'lost', width: 50 },
    ];
    styleHeader(sheet);
    for await (const { result } of itemsOf(inputs)) {
      for (const ind of result.indicators.filter((i) => i.path === dim.path || i.path.startsWith(dim.path + '/'))) {
        const numeric = typeof ind.value === 'number';
        const row = sheet.addRow(
          neutraliseRow({
            id: result.id,
            indicator: ind.name,
            weight: ind.effectiveWeight ?? ind.weight,
            target: formatTarget(lang, ind),
            // Numbers stay numbers so the sheet can be computed with; levels and booleans as text.
            actual: numeric ? ind.value : ind.value === null ? null : formatValue(lang, ind.value, ind.unit),
            unit: ind.unit ?? '',
            ...(stated ? { reported: ind.reported?.points ?? null } : {}),
            points: ind.points,
            status: t(lang, `status/${ind.status}`),
            lost: lostReason(lang, ind, result.lostPoints, precision),
          }),
        );
        if (numeric) row.getCell('actual').numFmt = ind.unit === '%' ? '0.00%' : ind.unit === '元' ? MONEY_FORMAT : 'General';
        row.commit();
        const p = pause();
        if (p) await p;
      }
    }
    commitSheet(sheet);
  }
}

/** The workbook in memory (for callers that post-process it); prefer `writeResultsXlsx` for big batches. */
export async function buildResultsWorkbook(inputs: ResultsSource, ir: RuleSetIR, lang: Lang, options: XlsxOptions = {}): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await populate(wb, inputs, ir, lang, options);
  return wb;
}

/** Writes the workbook to a file path or a writable stream. */
export async function writeResultsXlsx(inputs: ResultsSource, ir: RuleSetIR, target: string | Writable, lang: Lang, options: XlsxOptions = {}): Promise<void> {
  // The streaming writer keeps memory flat: a 10 000-project batch is ~100 000 rows.
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    ...(typeof target === 'string' ? { filename: target } : { stream: target }),
    useStyles: true,
    // Inline strings: a reader can stream the file without first finding the string table.
    useSharedStrings: false,
  });
  let n = 0;
  // Yield to the event loop now and then so committed rows drain into the file instead of piling up.
  await populate(wb, inputs, ir, lang, options, () => (++n % 1000 === 0 ? new Promise<void>((r) => setImmediate(r)) : undefined));
  await wb.commit();
}
