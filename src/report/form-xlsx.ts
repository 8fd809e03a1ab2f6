/**
 * The official 自评表 written back out, filled: one worksheet per project in the layout the form
 * reader (src/data/forms/read-form.ts) reads, with the words of the same form mapping, so a
 * locality's variant comes back in its own wording and a filled form can be read again. Each
 * sheet has the header block (项目名称, 主管部门), the funds rows (年初预算数, 全年预算数,
 * 全年执行数, the funds indicator's 分值 and 得分, 执行率 computed from the amounts), one row per
 * indicator (一级/二级/三级指标, 指标值, 实际完成值, 分值, 得分, 偏差原因), then 总分 and 等级.
 *
 * 得分 is the rule score (评价得分) rounded as the form rounds rows (the mapping's `row_precision`, else
 * the rule set's precision) and 总分 is Σ of those rows, as forms add them up; 等级 is the rule
 * grade. 偏差原因 is the reported reason where the stated score differs, else why points were
 * lost. Amounts are written in the mapping's unit (万元 by default). Deterministic: fixed dates,
 * no clock, text cells formula-neutralised.
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { Decimal } from 'decimal.js';
import type { RuleSetIR } from '../compile/ir.js';
import type { EvaluationResult, IndicatorResult } from '../engine/result.js';
import { defaultFormMapping, type FormMapping, type LabelKey } from '../data/forms/form-mapping.js';
import { formatTarget, formatValue } from './format.js';
import { lostReason } from './project-model.js';
import { neutraliseText } from './cell-safety.js';
import { scoreFormat, sheetName } from './xlsx.js';
import { t, type Lang } from './i18n/index.js';
import type { ProjectInfo } from './input.js';

export interface FormInput {
  result: EvaluationResult;
  /** The record scored (read from a form or not): header values and the funds row come from it. */
  record?: Record<string, unknown>;
  /** Without the record: what a batch keeps of it (name, department, the stated funds row). */
  info?: ProjectInfo;
}

export interface FormXlsxOptions {
  mapping?: FormMapping;
  date?: Date;
}

const FIXED_DATE = new Date('2000-01-01T00:00:00Z');
const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function readPath(record: Record<string, unknown> | undefined, path: string | undefined): unknown {
  if (!record || !path) return undefined;
  let cur: unknown = record;
  for (const s of path.split('.')) cur = isObject(cur) ? cur[s] : undefined;
  return cur;
}

/** The funds amount in the form's unit: as the form stated it, else the record's field in 元. */
function fundsValue(record: Record<string, unknown> | undefined, mapping: FormMapping, key: 'initial' | 'budget' | 'spent'): Decimal | null {
  const stated = readPath(record, 'reported.funds');
  const raw = isObject(stated) ? stated[key] : undefined;
  if (typeof raw === 'number' || (typeof raw === 'string' && raw.trim() !== '')) {
    try {
      return new Decimal(String(raw));
    } catch {
      return null;
    }
  }
  const field = readPath(record, mapping.fields[key]);
  if (typeof field !== 'number' && typeof field !== 'string') return null;
  try {
    const yuan = new Decimal(String(field));
    return mapping.moneyUnit === '万元' ? yuan.div(10000) : yuan;
  } catch {
    return null;
  }
}

function rowDigits(ir: RuleSetIR, mapping: FormMapping): number {
  return mapping.rowPrecision ?? ir.settings.reportedPrecision ?? ir.settings.precision;
}

function rounded(points: number | null, digits: number): Decimal {
  return new Decimal(points ?? 0).toDecimalPlaces(digits, Decimal.ROUND_HALF_UP);
}

function reasonOf(lang: Lang, ind: IndicatorResult, result: EvaluationResult, ir: RuleSetIR): string {
  if (ind.reported?.differs && ind.reported.reason) return ind.reported.reason;
  return lostReason(lang, ind, result.lostPoints, ir.settings.precision, ir);
}

function fillSheet(ws: ExcelJS.Worksheet, input: FormInput, ir: RuleSetIR, lang: Lang, mapping: FormMapping): void {
  const { result } = input;
  const info = input.info;
  const record = input.record ?? (info ? { name: info.name, department: info.department, reported: { funds: info.funds ?? {} } } : undefined);
  const label = (key: LabelKey): string => mapping.labels[key][0] ?? key;
  const digits = rowDigits(ir, mapping);
  const fmt = scoreFormat(digits);
  ws.columns = [{ width: 16 }, { width: 16 }, { width: 22 }, { width: 14 }, { width: 14 }, { width: 8 }, { width: 10 }, { width: 40 }];
  const put = (row: number, col: number, value: ExcelJS.CellValue, numFmt?: string): void => {
    const cell = ws.getCell(row, col);
    cell.value = typeof value === 'string' ? neutraliseText(value) : value;
    cell.border = BORDER;
    cell.alignment = { vertical: 'middle', wrapText: true };
    if (numFmt) cell.numFmt = numFmt;
  };

  ws.mergeCells(1, 1, 1, 8);
  put(1, 1, t(lang, 'form/title'));
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  put(2, 1, label('name'));
  put(2, 2, String(readPath(record, 'name') ?? result.id));
  ws.mergeCells(2, 2, 2, 8);
  put(3, 1, label('department'));
  put(3, 2, String(readPath(record, 'department') ?? ''));
  ws.mergeCells(3, 2, 3, 8);

  // Funds: labels in row 4, the 年度资金总额 values under them in row 5.
  const funds = ir.nodes.flatMap(function leaves(n): typeof ir.nodes {
    return n.kind === 'indicator' ? [n] : n.children.flatMap(leaves);
  });
  const fundsPath = funds.find((n) => n.name === mapping.fundsIndicator || n.path === mapping.fundsIndicator)?.path;
  const fundsResult = result.indicators.find((i) => i.path === fundsPath);
  const initial = fundsValue(record, mapping, 'initial');
  const budget = fundsValue(record, mapping, 'budget');
  const spent = fundsValue(record, mapping, 'spent');
  const unit = mapping.moneyUnit;
  const heads = [`${t(lang, 'form/funds')}（${unit}）`, label('initial'), label('budget'), label('spent'), label('weight'), label('rate'), label('points')];
  heads.forEach((h, i) => put(4, i + 1, h));
  put(5, 1, t(lang, 'form/fundsTotal'));
  put(5, 2, initial?.toNumber() ?? null, '#,##0.00####');
  put(5, 3, budget?.toNumber() ?? null, '#,##0.00####');
  put(5, 4, spent?.toNumber() ?? null, '#,##0.00####');
  put(5, 5, fundsResult?.weight ?? null, fmt);
  put(5, 6, budget && spent && !budget.isZero() ? spent.div(budget).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toNumber() : null, '0.00%');
  let sum = new Decimal(0);
  if (fundsResult && fundsResult.status !== 'not_applicable') {
    const p = rounded(fundsResult.points, digits);
    sum = sum.plus(p);
    put(5, 7, p.toNumber(), fmt);
  } else put(5, 7, null);

  // Target rows.
  const head = [label('level1'), label('level2'), label('level3'), label('target'), label('actual'), label('weight'), label('points'), label('reason')];
  head.forEach((h, i) => put(6, i + 1, h));
  for (let i = 1; i <= 8; i++) ws.getCell(6, i).font = { bold: true };
  let row = 7;
  for (const ind of result.indicators) {
    if (ind.path === fundsPath) continue;
    const parts = ind.path.split('/');
    const applicable = ind.status !== 'not_applicable';
    const p = applicable ? rounded(ind.points, digits) : null;
    if (p) sum = sum.plus(p);
    put(row, 1, parts.length > 1 ? parts[0]! : '');
    put(row, 2, parts.length > 2 ? parts[parts.length - 2]! : '');
    put(row, 3, ind.name);
    put(row, 4, formatTarget(lang, ind));
    put(row, 5, ind.status === 'scored' ? formatValue(lang, ind.value, ind.unit) : t(lang, `status/${ind.status}`));
    put(row, 6, ind.effectiveWeight ?? ind.weight, fmt);
    put(row, 7, p ? p.toNumber() : t(lang, 'status/not_applicable'), p ? fmt : undefined);
    put(row, 8, reasonOf(lang, ind, result, ir));
    row++;
  }
  put(row, 1, label('total'));
  ws.mergeCells(row, 1, row, 5);
  put(row, 6, result.scale, fmt);
  put(row, 7, result.total === null ? null : sum.toNumber(), fmt);
  put(row, 8, '');
  row++;
  put(row, 1, label('grade'));
  put(row, 2, result.grade ?? '');
  ws.mergeCells(row, 2, row, 8);
}

/** The filled forms in memory, one sheet per result. */
export function buildFormWorkbook(inputs: readonly FormInput[], ir: RuleSetIR, lang: Lang, options: FormXlsxOptions = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jixiao';
  wb.lastModifiedBy = 'jixiao';
  wb.created = options.date ?? FIXED_DATE;
  wb.modified = options.date ?? FIXED_DATE;
  const mapping = options.mapping ?? defaultFormMapping();
  const taken = new Set<string>();
  for (const input of inputs) fillSheet(wb.addWorksheet(sheetName(input.result.id, taken)), input, ir, lang, mapping);
  return wb;
}

/** Writes the filled forms to a file path or a writable stream. */
export async function writeFormXlsx(
  inputs: readonly FormInput[],
  ir: RuleSetIR,
  target: string | Writable,
  lang: Lang,
  options: FormXlsxOptions = {},
): Promise<void> {
  const wb = buildFormWorkbook(inputs, ir, lang, options);
  if (typeof target === 'string') await wb.xlsx.writeFile(target);
  else await wb.xlsx.write(target);
}
