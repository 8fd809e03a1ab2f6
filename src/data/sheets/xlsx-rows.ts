/**
 * Rows of one worksheet of an .xlsx file, streamed with exceljs' `WorkbookReader` so a large
 * workbook is read in constant memory. Each row is yielded with its 1-based row number and its
 * cells reduced to primitives: formulas give their cached result, rich text its plain text,
 * hyperlinks their text, error cells null, dates stay `Date`. The sheet is chosen by name or by
 * 1-based position (default: the first). Problems opening the file are returned as a `failure`.
 * Workbooks the streaming reader cannot handle — workbook.xml or sharedStrings.xml stored after
 * the sheets, as exceljs' own writers do — are read whole instead. exceljs is an optional
 * package loaded on first use: without it the file is reported as needing it, not a crash.
 */
import type ExcelJS from 'exceljs';
import type { Cell } from './coerce.js';

export interface XlsxRow {
  row: number;
  cells: Cell[];
}

export type XlsxOpen =
  | { ok: true; rows: AsyncGenerator<XlsxRow> }
  | { ok: false; failure: 'no_sheet'; available: string[] }
  | { ok: false; failure: 'unreadable'; reason: string }
  | { ok: false; failure: 'no_reader' };

type ExcelModule = typeof ExcelJS;

async function loadExcel(): Promise<ExcelModule | undefined> {
  try {
    return (await import('exceljs')).default;
  } catch {
    return undefined;
  }
}

/** Reduces an exceljs cell value to a primitive. */
export function cellPrimitive(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return (v.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
    if ('formula' in v || 'sharedFormula' in v) return cellPrimitive(v.result);
    if ('hyperlink' in v && 'text' in v) return cellPrimitive(v.text);
    if ('error' in v) return null;
    if ('text' in v) return cellPrimitive(v.text);
  }
  return String(value);
}

function rowCells(row: ExcelJS.Row): Cell[] {
  const values = row.values as unknown[];
  // exceljs rows are 1-based sparse arrays: index 0 is unused.
  const cells: Cell[] = [];
  for (let i = 1; i < values.length; i++) cells.push(cellPrimitive(values[i]));
  return cells;
}

/**
 * Opens the workbook and finds the sheet. The streaming reader meets sheets in file order, so
 * sheets before the wanted one are skipped row by row (each must be drained to go on).
 */
export async function openXlsxRows(path: string, sheet: string | number | undefined): Promise<XlsxOpen> {
  const excel = await loadExcel();
  if (!excel) return { ok: false, failure: 'no_reader' };
  const reader = new excel.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'ignore',
  });
  const iterator = reader[Symbol.asyncIterator]();
  const seen: string[] = [];
  try {
    for (;;) {
      const next = await iterator.next();
      // Streamed names may be placeholders when workbook.xml comes last: ask the whole-file reader.
      if (next.done) return typeof sheet === 'string' ? openWhole(excel, path, sheet) : { ok: false, failure: 'no_sheet', available: seen };
      const ws = next.value as ExcelJS.stream.xlsx.WorksheetReader & { name?: string };
      // Sheet names live in workbook.xml; when it is stored after the sheets the streaming
      // reader does not know them yet, so a sheet wanted by name needs the whole-file reader.
      if (ws.name === undefined && typeof sheet === 'string') {
        await iterator.return?.(undefined);
        return openWhole(excel, path, sheet);
      }
      const name = ws.name ?? `Sheet${seen.length + 1}`;
      seen.push(name);
      const wanted = sheet === undefined ? seen.length === 1 : typeof sheet === 'number' ? seen.length === sheet : name === sheet;
      if (!wanted) {
        for await (const _row of ws) void _row;
        continue;
      }
      const rows = ws[Symbol.asyncIterator]();
      const first = await rows.next();
      if (!first.done && hasUnresolvedStrings(first.value)) {
        // Shared strings stored after the sheet cannot be resolved while streaming.
        await iterator.return?.(undefined);
        return openWhole(excel, path, sheet);
      }
      return { ok: true, rows: sheetRows(first.done ? undefined : first.value, rows, iterator) };
    }
  } catch {
    // exceljs' streaming reader cannot read archives whose workbook.xml comes after the sheets
    // (exceljs itself writes them so); such files are read whole instead.
    return openWhole(excel, path, sheet);
  }
}

async function openWhole(excel: ExcelModule, path: string, sheet: string | number | undefined): Promise<XlsxOpen> {
  const wb = new excel.Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch (e) {
    return { ok: false, failure: 'unreadable', reason: e instanceof Error ? e.message : String(e) };
  }
  const sheets = wb.worksheets;
  const ws = sheet === undefined ? sheets[0] : typeof sheet === 'number' ? sheets[sheet - 1] : sheets.find((w) => w.name === sheet);
  if (!ws) return { ok: false, failure: 'no_sheet', available: sheets.map((w) => w.name) };
  async function* rows(): AsyncGenerator<XlsxRow> {
    const out: XlsxRow[] = [];
    ws!.eachRow({ includeEmpty: false }, (row) => out.push({ row: row.number, cells: rowCells(row) }));
    yield* out;
  }
  return { ok: true, rows: rows() };
}

function hasUnresolvedStrings(row: ExcelJS.Row): boolean {
  return (row.values as unknown[]).some((v) => v !== null && typeof v === 'object' && 'sharedString' in (v as object));
}

async function* sheetRows(first: ExcelJS.Row | undefined, rows: AsyncIterator<ExcelJS.Row>, rest: AsyncIterator<unknown>): AsyncGenerator<XlsxRow> {
  try {
    if (first) yield { row: first.number, cells: rowCells(first) };
    for (let next = await rows.next(); !next.done; next = await rows.next()) {
      yield { row: next.value.number, cells: rowCells(next.value) };
    }
  } finally {
    // Stop reading the rest of the archive once the wanted sheet is done or the caller quits.
    await rest.return?.();
  }
}
