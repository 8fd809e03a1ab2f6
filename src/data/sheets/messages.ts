/**
 * The issue shape and message catalogue of spreadsheet reading. Codes are stable (EVL480–EVL489,
 * the data-reading slice of the EVL4xx evaluation-and-data range); messages are produced here and
 * only here, in Chinese and English (the one catalogue shape of src/common/catalogue.ts; the language is an
 * argument, default DEFAULT_LANG), and tests assert codes, rows and columns, never wording. `sheetIssueToDiagnostic`
 * turns an issue into the shared `Diagnostic` (row → line, column number → column) so front doors
 * print it like any other finding.
 */
import { defineCatalogue, render } from '../../common/catalogue.js';
import type { Diagnostic, Severity } from '../../common/diagnostic.js';
import { DEFAULT_LANG, type Lang } from '../../common/lang.js';

export const SHEET_CODES = {
  /** The file cannot be opened or is not a workbook / text file. */
  unreadable: 'EVL480',
  /** The requested worksheet does not exist. */
  noSheet: 'EVL481',
  /** A column named in the mapping is not in the header row. */
  missingColumn: 'EVL482',
  /** A cell that must be a number is not one. */
  notNumber: 'EVL483',
  /** A cell that must be yes/no is not one. */
  notBoolean: 'EVL484',
  /** A cell holds a value outside the allowed list. */
  notAllowed: 'EVL485',
  /** A cell that must be a whole number has a fraction. */
  notInteger: 'EVL486',
  /** A header matches no data field and is ignored (warning). */
  unknownColumn: 'EVL487',
  /** A CSV field opens a quote that never closes, or text follows a closing quote. */
  badQuoting: 'EVL488',
  /** The mapping file is not valid, or two columns write the same field. */
  badMapping: 'EVL489',
} as const;

export type SheetCode = (typeof SHEET_CODES)[keyof typeof SHEET_CODES];

export interface SheetIssue {
  code: SheetCode;
  severity: Severity;
  message: string;
  /** 1-based row as a spreadsheet program shows it (header row included); 0 for the whole file. */
  row: number;
  /** 1-based column number, 0 when the issue is about no particular column. */
  column: number;
  /** Column letter(s) as Excel shows them ("C"), '' when column is 0. */
  columnLetter: string;
  /** The header text of the column. */
  header?: string;
  /** The data path the column maps to. */
  path?: string;
}

type Params = Record<string, string | number>;

export const SHEET_MESSAGES = defineCatalogue('sheets', {
  EVL480: { zh: '无法读取文件 {file}：{reason}', en: 'cannot read file {file}: {reason}' },
  EVL481: { zh: '工作簿中没有工作表“{sheet}”（现有：{available}）', en: 'the workbook has no worksheet “{sheet}” (available: {available})' },
  EVL482: { zh: '表头中找不到映射的列“{header}”（对应数据字段 {path}）', en: 'mapped column “{header}” is not in the header row (data field {path})' },
  EVL483: { zh: '第 {row} 行 {cell}“{header}”的值“{value}”不是数字（字段 {path}）', en: 'row {row}, {cell} “{header}”: value “{value}” is not a number (field {path})' },
  EVL484: { zh: '第 {row} 行 {cell}“{header}”的值“{value}”不是“是/否”（字段 {path}）', en: 'row {row}, {cell} “{header}”: value “{value}” is not yes/no (field {path})' },
  EVL485: { zh: '第 {row} 行 {cell}“{header}”的值“{value}”不在允许的取值 {allowed} 中（字段 {path}）', en: 'row {row}, {cell} “{header}”: value “{value}” is not one of the allowed values {allowed} (field {path})' },
  EVL486: { zh: '第 {row} 行 {cell}“{header}”的值“{value}”不是整数（字段 {path}）', en: 'row {row}, {cell} “{header}”: value “{value}” is not a whole number (field {path})' },
  EVL487: { zh: '列 {cell}“{header}”不对应任何数据字段，已忽略', en: 'column {cell} “{header}” matches no data field and is ignored' },
  EVL488: { zh: '第 {row} 行 {cell} 的引号不配对：{reason}', en: 'row {row}, {cell}: unbalanced quotes: {reason}' },
  EVL489: { zh: '映射无效：{reason}', en: 'invalid mapping: {reason}' },
});

/** Phrases that fill `{reason}`, `{cell}` and lists inside the templates above. */
export const SHEET_PHRASES = defineCatalogue('sheets-phrases', {
  cell: { zh: '{letter} 列', en: 'column {letter}' },
  listSeparator: { zh: '、', en: ', ' },
  unterminated: { zh: '引号未闭合', en: 'a quote is never closed' },
  textAfterQuote: { zh: '右引号后还有文字', en: 'text follows a closing quote' },
  clash: { zh: '“{first}”与“{second}”都写入 {path}', en: '“{first}” and “{second}” both write {path}' },
  notObject: { zh: '映射不是对象', en: 'not a mapping object' },
  columnsNotMap: { zh: '`columns` 必须把表头映射到数据路径', en: '`columns` must map headers to data paths' },
  unknownType: { zh: '列“{header}”：未知的类型 {type}', en: 'column “{header}”: unknown type {type}' },
  columnNoPath: { zh: '列“{header}”必须指明数据路径', en: 'column “{header}” must name a data path' },
  badSheet: { zh: '`sheet` 必须是工作表名或从 1 开始的序号', en: '`sheet` must be a name or a number from 1' },
  badHeaderRow: { zh: '`header_row` 必须是从 1 开始的行号', en: '`header_row` must be a number from 1' },
  noWorkbookReader: { zh: '读取 .xlsx 需要可选依赖包 exceljs，当前未安装（npm install exceljs），或把表格另存为 CSV', en: 'reading .xlsx needs the optional package exceljs, which is not installed (npm install exceljs); or save the sheet as CSV' },
});

export type SheetPhrase = keyof typeof SHEET_PHRASES;

export function sheetMessage(code: SheetCode, params: Params, lang: Lang = DEFAULT_LANG): string {
  return render(SHEET_MESSAGES, code, params, lang).message;
}

export function sheetPhrase(phrase: SheetPhrase, params: Params = {}, lang: Lang = DEFAULT_LANG): string {
  return render(SHEET_PHRASES, phrase, params, lang).message;
}

/** Excel column letters: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function sheetIssue(
  code: SheetCode,
  at: { row: number; column?: number; header?: string; path?: string },
  params: Params = {},
  severity: Severity = 'error',
  lang: Lang = DEFAULT_LANG,
): SheetIssue {
  const column = at.column ?? 0;
  const letter = columnLetter(column);
  const issue: SheetIssue = {
    code,
    severity,
    message: sheetMessage(code, { row: at.row, cell: letter ? sheetPhrase('cell', { letter }, lang) : '', header: at.header ?? '', path: at.path ?? '', ...params }, lang),
    row: at.row,
    column,
    columnLetter: letter,
  };
  if (at.header !== undefined) issue.header = at.header;
  if (at.path !== undefined) issue.path = at.path;
  return issue;
}

export function sheetIssueToDiagnostic(issue: SheetIssue, file: string): Diagnostic {
  const line = Math.max(issue.row, 1);
  const column = Math.max(issue.column, 1);
  return {
    code: issue.code,
    severity: issue.severity,
    message: issue.message,
    file,
    range: { start: { line, column, offset: 0 }, end: { line, column: column + 1, offset: 0 } },
  };
}
