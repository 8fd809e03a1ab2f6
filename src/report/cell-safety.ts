/**
 * Spreadsheet-formula neutralising, as the OWASP "CSV injection" guidance asks: a text cell
 * whose first character would make Excel, LibreOffice or Google Sheets read it as a formula
 * (`=`, `+`, `-`, `@`, tab, carriage return, and the full-width `＝＋－＠` that some input
 * methods produce and some spreadsheet programs fold to ASCII) gets a leading single quote, so
 * `=HYPERLINK(…)` from a record's name stays text in results.xlsx and in any CSV saved from it.
 * Only strings are touched: numbers, booleans, dates and null pass through, so numeric columns
 * stay computable. Every text cell or CSV field jixiao writes goes through `neutraliseCell`.
 */

/** First characters that start a formula (or a DDE payload) in common spreadsheet programs. */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export function neutraliseText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** `neutraliseText` for strings; any other value is returned as it is. */
export function neutraliseCell<T>(value: T): T | string {
  return typeof value === 'string' ? neutraliseText(value) : value;
}

/** Every string value of a row object neutralised (keys unchanged). */
export function neutraliseRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) out[key] = neutraliseCell(value);
  return out;
}
