/**
 * Reads form-layout workbooks — the official 项目支出绩效自评表, one worksheet per project — into
 * records the engine scores. Cells are found by their labels (form-mapping.ts), never by address:
 * the header block's value is the first other text to the right of its label (项目名称 → the
 * name); a funds value is under its label (全年预算数 → the 年度资金总额 row), with that row's
 * 分值/得分 the funds indicator's; the target rows start under the row holding 三级指标 and run
 * to the 总分 row, one indicator per 三级指标 (一级/二级 carried down across merged cells); 总分
 * takes the 得分 column of its row, 等级 the text right of its label.
 *
 * What the form states goes to the record's `reported` block (rows' 得分 and 偏差原因, 总分,
 * 等级, the funds row with its 执行率), so the engine puts the published figures beside the rule
 * score and checks them; 实际完成值 and the funds amounts go to the data fields the mapping names
 * (amounts in 元, converted exactly from 万元). A sheet without the labels the form needs is not
 * read (EVL473, the label named); the other sheets go on. Never throws for user input.
 */
import type ExcelJS from 'exceljs';
import { DEFAULT_LANG, type Lang } from '../../common/lang.js';
import { cellPrimitive } from '../sheets/xlsx-rows.js';
import type { Cell } from '../sheets/coerce.js';
import { columnLetter } from '../sheets/messages.js';
import { decimalOf } from '../reported.js';
import { checkWorkbookArchive, resolveLimits, type SheetLimits } from '../sheets/limits.js';
import { FORM, FORM_TERMS, formMessage } from './form-messages.js';
import { defaultFormMapping, labelText, matchesLabel, type FormMapping, type LabelKey } from './form-mapping.js';

export interface FormProblem {
  code: string;
  message: string;
  sheet?: string;
  cell?: string;
}

export interface FormRecord {
  sheet: string;
  /** The record, or null when the sheet could not be read (its problems say why). */
  record: Record<string, unknown> | null;
  problems: FormProblem[];
}

type Grid = Cell[][];

/** 1-based row and column of a cell. */
interface At {
  row: number;
  col: number;
}

function gridOf(ws: ExcelJS.Worksheet): Grid {
  const grid: Grid = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    const cells: Cell[] = [];
    // Merged cells report their master's value, so a merged 一级指标 reads on every row it spans.
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      cells[c - 1] = cellPrimitive(cell.value);
    });
    grid[r - 1] = cells;
  });
  return grid;
}

const cellAt = (g: Grid, at: At): Cell => g[at.row - 1]?.[at.col - 1] ?? null;
const isBlank = (c: Cell): boolean => c === null || (typeof c === 'string' && c.trim() === '');
const a1 = (at: At): string => `${columnLetter(at.col)}${at.row}`;

function findLabel(g: Grid, labels: readonly string[], from = 1, inRow?: number): At | undefined {
  for (let r = inRow ?? from; r <= (inRow ?? g.length); r++) {
    const cells = g[r - 1] ?? [];
    for (let c = 1; c <= cells.length; c++) if (matchesLabel(cells[c - 1], labels)) return { row: r, col: c };
  }
  return undefined;
}

/** The first cell right of a label whose text is not the label's own (a merged label spans cells). */
function rightOf(g: Grid, at: At): { value: Cell; at: At } | undefined {
  const own = labelText(cellAt(g, at));
  const cells = g[at.row - 1] ?? [];
  for (let c = at.col + 1; c <= cells.length; c++) {
    const v = cells[c - 1] ?? null;
    if (!isBlank(v) && labelText(v) !== own) return { value: v, at: { row: at.row, col: c } };
  }
  return undefined;
}

const text = (c: Cell): string | undefined => (isBlank(c) ? undefined : c instanceof Date ? c.toISOString().slice(0, 10) : String(c).trim());

/** "118.2" 万元 → 1182000 (the point moved in the text, so no binary rounding). */
function toYuan(d: string, unit: '万元' | '元'): number {
  if (unit === '元') return Number(d);
  const neg = d.startsWith('-');
  const [int = '0', frac = ''] = (neg ? d.slice(1) : d).split('.');
  const padded = frac.padEnd(4, '0');
  const digits = `${int}${padded.slice(0, 4)}${padded.length > 4 ? `.${padded.slice(4)}` : ''}`;
  return (neg ? -1 : 1) * Number(digits);
}

/** "52000平方米" → "52000", "95%" → "0.95", "≥90%" stays text (a target, not an actual); words stay words. */
function actualNumber(t: string): string | undefined {
  const m = /^(-?\d+(?:\.\d+)?)\s*(%|[^\d\s.%]*)$/.exec(t.replace(/[,，]/g, ''));
  if (!m) return undefined;
  return m[2] === '%' ? decimalOf(`${m[1]}%`, true) : m[1];
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const segs = path.split('.');
  let node = target;
  segs.forEach((s, i) => {
    if (i === segs.length - 1) node[s] = value;
    else {
      if (node[s] === null || typeof node[s] !== 'object') node[s] = {};
      node = node[s] as Record<string, unknown>;
    }
  });
}

/** One worksheet in the form's layout → one record. */
export function readFormSheet(ws: ExcelJS.Worksheet, mapping: FormMapping = defaultFormMapping(), lang: Lang = DEFAULT_LANG): FormRecord {
  const sheet = ws.name;
  const g = gridOf(ws);
  const L = mapping.labels;
  const problems: FormProblem[] = [];
  const missing = (key: LabelKey, what: keyof typeof FORM_TERMS): FormRecord => {
    const label = L[key][0] ?? key;
    problems.push({ code: FORM.NO_LABEL, sheet, message: formMessage(FORM.NO_LABEL, { sheet, label, what: FORM_TERMS[what][lang], key }, lang) });
    return { sheet, record: null, problems };
  };
  const number = (v: Cell, at: At, key: LabelKey, percent = false): string | undefined => {
    if (isBlank(v)) return undefined;
    const d = decimalOf(typeof v === 'number' ? v : String(v).replace(/[,，]/g, ''), percent);
    if (d === undefined) {
      const label = L[key][0] ?? key;
      problems.push({
        code: FORM.NOT_NUMBER,
        sheet,
        cell: a1(at),
        message: formMessage(FORM.NOT_NUMBER, { sheet, cell: a1(at), label, found: String(v) }, lang),
      });
    }
    return d;
  };

  const record: Record<string, unknown> = {};
  const reported: Record<string, unknown> = {};
  for (const key of ['id', 'name', 'department', 'agency', 'year'] as const) {
    const at = findLabel(g, L[key]);
    const v = at && rightOf(g, at);
    const t = v && text(v.value);
    if (t === undefined) continue;
    if (key === 'id' || key === 'name' || key === 'department') record[key] = t;
    const path = mapping.fields[key];
    if (path) setPath(record, path, t);
  }
  record.id ??= sheet;

  // Funds: values under their labels; the same row's 分值/得分 belong to the funds indicator.
  const budgetAt = findLabel(g, L.budget);
  if (!budgetAt) return missing('budget', 'funds');
  const funds: Record<string, string> = {};
  for (const key of ['initial', 'budget', 'spent', 'rate'] as const) {
    const at = findLabel(g, L[key], 1, budgetAt.row) ?? findLabel(g, L[key]);
    if (!at) continue;
    const below = { row: at.row + 1, col: at.col };
    const d = number(cellAt(g, below), below, key, key === 'rate');
    if (d === undefined) continue;
    funds[key] = d;
    const path = mapping.fields[key];
    if (path && key !== 'rate') setPath(record, path, toYuan(d, mapping.moneyUnit));
  }
  reported.funds = funds;
  const fundsPoints = findLabel(g, L.points, 1, budgetAt.row);
  if (fundsPoints) {
    const below = { row: fundsPoints.row + 1, col: fundsPoints.col };
    const p = number(cellAt(g, below), below, 'points');
    const weightAt = findLabel(g, L.weight, 1, budgetAt.row);
    const wBelow = weightAt && { row: weightAt.row + 1, col: weightAt.col };
    const w = wBelow && number(cellAt(g, wBelow), wBelow, 'weight');
    if (p !== undefined) reported[mapping.fundsIndicator] = w === undefined ? { points: p } : { points: p, weight: w };
  }

  // Target rows: from under the 三级指标 header to the 总分 row.
  const head = findLabel(g, L.level3, budgetAt.row + 1);
  if (!head) return missing('level3', 'targets');
  const col = (key: LabelKey): number | undefined => findLabel(g, L[key], 1, head.row)?.col;
  const cols = { level3: head.col, actual: col('actual'), weight: col('weight'), points: col('points'), reason: col('reason') };
  const totalAt = findLabel(g, L.total, head.row + 1);
  const last = totalAt ? totalAt.row - 1 : g.length;
  for (let r = head.row + 1; r <= last; r++) {
    const name = labelText(cellAt(g, { row: r, col: cols.level3 }));
    if (name === '') continue;
    const mapped = Object.hasOwn(mapping.rows, name) ? mapping.rows[name] : { indicator: name };
    if (mapped === null || mapped === undefined) continue;
    const entry: Record<string, unknown> = {};
    if (cols.points) {
      const at = { row: r, col: cols.points };
      const p = number(cellAt(g, at), at, 'points');
      if (p !== undefined) entry.points = p;
    }
    if (cols.weight && entry.points !== undefined) {
      const at = { row: r, col: cols.weight };
      const w = number(cellAt(g, at), at, 'weight');
      if (w !== undefined) entry.weight = w;
    }
    const reason = cols.reason ? text(cellAt(g, { row: r, col: cols.reason })) : undefined;
    if (reason !== undefined && reason !== '/' && reason !== '无') entry.reason = reason;
    if (entry.points !== undefined) reported[mapped.indicator] = entry;
    if (mapped.actual && cols.actual) {
      const raw = cellAt(g, { row: r, col: cols.actual });
      const t = text(raw);
      if (t !== undefined) {
        const d = typeof raw === 'number' ? String(raw) : actualNumber(t);
        setPath(record, mapped.actual, d === undefined ? t : Number(d));
      }
    }
  }
  if (totalAt) {
    const inColumn = cols.points ? cellAt(g, { row: totalAt.row, col: cols.points }) : null;
    const v = !isBlank(inColumn) ? { value: inColumn, at: { row: totalAt.row, col: cols.points! } } : rightOf(g, totalAt);
    const p = v && number(v.value, v.at, 'total');
    if (p !== undefined) reported.total = p;
  }
  const gradeAt = (totalAt && findLabel(g, L.grade, totalAt.row)) ?? findLabel(g, L.grade);
  const grade = gradeAt && rightOf(g, gradeAt);
  const gradeText = grade && text(grade.value);
  if (gradeText !== undefined) reported.grade = Object.hasOwn(mapping.grades, gradeText) ? mapping.grades[gradeText] : gradeText;
  if (mapping.rowPrecision !== undefined) reported.precision = mapping.rowPrecision;
  record.reported = reported;
  return { sheet, record, problems };
}

/** Every worksheet of a form workbook, in order; a sheet that is not a form says so and is skipped. */
export async function readFormWorkbook(
  path: string,
  mapping: FormMapping = defaultFormMapping(),
  lang: Lang = DEFAULT_LANG,
  limits?: Partial<SheetLimits>,
): Promise<FormRecord[]> {
  // Forms are read whole (they are small): the archive is measured first, as flat sheets are.
  const refused = await checkWorkbookArchive(path, resolveLimits(limits), lang);
  if (refused) return [{ sheet: '', record: null, problems: [{ code: refused.code, message: refused.message }] }];
  let excel: typeof ExcelJS;
  try {
    excel = (await import('exceljs')).default;
  } catch {
    return [
      {
        sheet: '',
        record: null,
        problems: [{ code: FORM.UNREADABLE, message: formMessage(FORM.UNREADABLE, { file: path, reason: FORM_TERMS.noReader[lang] }, lang) }],
      },
    ];
  }
  const wb = new excel.Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return [{ sheet: '', record: null, problems: [{ code: FORM.UNREADABLE, message: formMessage(FORM.UNREADABLE, { file: path, reason }, lang) }] }];
  }
  return wb.worksheets.map((ws) => readFormSheet(ws, mapping, lang));
}
