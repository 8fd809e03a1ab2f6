/**
 * The issue shape and message catalogue of spreadsheet reading. Codes are stable (EVL480–EVL489,
 * the data-reading slice of the EVL4xx evaluation-and-data range, and EVL470–EVL472 for the
 * reading limits of limits.ts, since the EVL48x slice is full); messages are produced here and
 * only here, in Chinese and English (the one catalogue shape of src/common/catalogue.ts; the
 * language is an argument, default DEFAULT_LANG), and tests assert codes, rows and columns,
 * never wording. `sheetIssueToDiagnostic` turns an issue into the shared `Diagnostic` (row →
 * line, column number → column) so front doors print it like any other finding.
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
  /** An .xlsx file would unpack to more than the limit (a zip bomb, or a workbook to split). */
  tooLargeUnpacked: 'EVL470',
  /** One cell holds more characters than the limit; the record is refused. */
  cellTooLong: 'EVL471',
  /** The sheet or CSV file has more rows than the limit; the rows past it are not read. */
  tooManyRows: 'EVL472',
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
  EVL483: {
    zh: '第 {row} 行 {cell}“{header}”的值“{value}”不是数字（字段 {path}）',
    en: 'row {row}, {cell} “{header}”: value “{value}” is not a number (field {path})',
  },
  EVL484: {
    zh: '第 {row} 行 {cell}“{header}”的值“{value}”不是“是/否”（字段 {path}）',
    en: 'row {row}, {cell} “{header}”: value “{value}” is not yes/no (field {path})',
  },
  EVL485: {
    zh: '第 {row} 行 {cell}“{header}”的值“{value}”不在允许的取值 {allowed} 中（字段 {path}）',
    en: 'row {row}, {cell} “{header}”: value “{value}” is not one of the allowed values {allowed} (field {path})',
  },
  EVL486: {
    zh: '第 {row} 行 {cell}“{header}”的值“{value}”不是整数（字段 {path}）',
    en: 'row {row}, {cell} “{header}”: value “{value}” is not a whole number (field {path})',
  },
  EVL487: { zh: '列 {cell}“{header}”不对应任何数据字段，已忽略', en: 'column {cell} “{header}” matches no data field and is ignored' },
  EVL488: { zh: '第 {row} 行 {cell} 的引号不配对：{reason}', en: 'row {row}, {cell}: unbalanced quotes: {reason}' },
  EVL489: { zh: '映射无效：{reason}', en: 'invalid mapping: {reason}' },
  EVL470: {
    zh: '工作簿 {file} 解压后有 {size}，超过上限 {limit}（最大的部分 {entry} 有 {entrySize}），未读取。若不是恶意文件，请把数据拆成几个工作簿，或另存为 CSV',
    en: 'workbook {file} unpacks to {size}, over the limit of {limit} (its largest part, {entry}, is {entrySize}); not read. If the file is genuine, split the data into several workbooks or save it as CSV',
  },
  EVL471: {
    zh: '第 {row} 行 {cell}“{header}”有 {length} 个字符，超过单元格上限 {limit}，此行未读取。请检查该单元格，或把长文本移到附件中',
    en: 'row {row}, {cell} “{header}”: {length} characters, over the cell limit of {limit}; the row is not read. Check the cell, or move long text to an attachment',
  },
  EVL472: {
    zh: '文件超过 {limit} 行，第 {row} 行及以后未读取。请把文件拆成每个不超过 {limit} 行的几个文件（每个保留表头行），分别运行',
    en: 'the file has more than {limit} rows; row {row} and later are not read. Split it into files of at most {limit} rows each (each with the header row) and run them separately',
  },
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
  noWorkbookReader: {
    zh: '读取 .xlsx 需要可选依赖包 exceljs，当前未安装（npm install exceljs），或把表格另存为 CSV',
    en: 'reading .xlsx needs the optional package exceljs, which is not installed (npm install exceljs); or save the sheet as CSV',
  },
  tooManyEntries: { zh: '压缩包内的部件超过 {limit} 个，不像是工作簿', en: 'the archive has more than {limit} parts, which no workbook needs' },
  truncatedArchive: { zh: '压缩包目录不完整或已损坏', en: 'the archive directory is truncated or damaged' },
  hiddenData: {
    zh: '压缩包中有 {size} 数据不在目录中（可能是隐藏的内容），未读取',
    en: 'the archive holds {size} its directory does not list (possibly hidden content); not read',
  },
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
    message: sheetMessage(
      code,
      { row: at.row, cell: letter ? sheetPhrase('cell', { letter }, lang) : '', header: at.header ?? '', path: at.path ?? '', ...params },
      lang,
    ),
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
