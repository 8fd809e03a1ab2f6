/**
 * The issue shape and message catalogue of spreadsheet reading. Codes are stable (EVL480–EVL489,
 * the data-reading slice of the EVL4xx evaluation-and-data range); messages are produced here and
 * only here, and tests assert codes, rows and columns, never wording. `sheetIssueToDiagnostic`
 * turns an issue into the shared `Diagnostic` (row → line, column number → column) so front doors
 * print it like any other finding.
 */
import type { Diagnostic, Severity } from '../../common/diagnostic.js';

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

const TEMPLATES: Record<SheetCode, string> = {
  EVL480: '无法读取文件 {file}：{reason}',
  EVL481: '工作簿中没有工作表“{sheet}”（现有：{available}）',
  EVL482: '表头中找不到映射的列“{header}”（对应数据字段 {path}）',
  EVL483: '第 {row} 行 {cell}“{header}”的值“{value}”不是数字（字段 {path}）',
  EVL484: '第 {row} 行 {cell}“{header}”的值“{value}”不是“是/否”（字段 {path}）',
  EVL485: '第 {row} 行 {cell}“{header}”的值“{value}”不在允许的取值 {allowed} 中（字段 {path}）',
  EVL486: '第 {row} 行 {cell}“{header}”的值“{value}”不是整数（字段 {path}）',
  EVL487: '列 {cell}“{header}”不对应任何数据字段，已忽略',
  EVL488: '第 {row} 行 {cell} 的引号不配对：{reason}',
  EVL489: '映射无效：{reason}',
};

export function sheetMessage(code: SheetCode, params: Params): string {
  return TEMPLATES[code].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
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
): SheetIssue {
  const column = at.column ?? 0;
  const letter = columnLetter(column);
  const issue: SheetIssue = {
    code,
    severity,
    message: sheetMessage(code, { row: at.row, cell: letter ? `${letter} 列` : '', header: at.header ?? '', path: at.path ?? '', ...params }),
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
