/**
 * `readSheetRecords(path, mapping?, options?)` reads project records from a spreadsheet — .xlsx
 * (first sheet, or the mapping's `sheet`) or .csv (RFC 4180; UTF-8, GBK or GB18030, detected or
 * given as `encoding`) — and
 * yields them one at a time as an async iterable, so a batch of any size streams. The header row
 * is matched against the mapping (see mapping.ts), or, without one, against the rule set's data
 * schema (`options.schema`, the IR's `dataSchema`); cells are coerced to the schema's types.
 *
 * Never throws for user input. Each yielded item is either a record (`data` set, `errors` holding
 * the problems of that row, each naming row and column, so the rest of the batch goes on) or,
 * with `data: null`, a problem of the whole file or header (row 0 or the header row). Header
 * warnings (ignored columns) come as a `data: null` item whose issues are all warnings.
 * Reading is bounded (limits.ts): an .xlsx that would unpack past the limit is refused before it
 * is opened (EVL470), a row with a cell past the cell limit is refused (EVL471), and reading stops
 * at the row limit with EVL472 naming the first row not read.
 */
import { extname } from 'node:path';
import { access } from 'node:fs/promises';
import { coerceCell, isEmptyCell, type Cell } from './coerce.js';
import { readCsvFile, type CsvEncoding } from './csv.js';
import { parseMapping, resolveColumns, type ResolvedColumn, type SheetMapping } from './mapping.js';
import { DEFAULT_LANG, type Lang } from '../../common/lang.js';
import { SHEET_CODES, sheetIssue, sheetPhrase, type SheetIssue } from './messages.js';
import { openXlsxRows } from './xlsx-rows.js';
import { checkWorkbookArchive, resolveLimits, type SheetLimits } from './limits.js';

export interface SheetRecord {
  /** 1-based row of the record (header included), as a spreadsheet program numbers it. */
  row: number;
  /** The record, nested by data path; null for a file or header problem. */
  data: Record<string, unknown> | null;
  errors: SheetIssue[];
}

export interface ReadSheetOptions {
  /** JSON Schema of a record (the IR's `dataSchema`): default mapping and cell types. */
  schema?: unknown;
  /** 'csv' or 'xlsx'; by default from the file extension. */
  format?: 'csv' | 'xlsx';
  /** Language of issue messages (codes never change). Default DEFAULT_LANG. */
  lang?: Lang;
  /** Reading limits; each defaults to DEFAULT_SHEET_LIMITS. */
  limits?: Partial<SheetLimits>;
  /** CSV only: the file's encoding; default 'auto' (UTF-8 BOM or valid UTF-8, else GB18030). */
  encoding?: CsvEncoding;
}

interface RawRow {
  row: number;
  cells: Cell[];
  problem?: { column: number; reason: string };
  overlong?: { column: number; length: number }[];
}

/** Cells past the limit in a row exceljs produced (a CSV row arrives with them already cut). */
function overlongCells(raw: RawRow, maxCellLength: number): { column: number; length: number }[] | undefined {
  if (raw.overlong) return raw.overlong;
  let out: { column: number; length: number }[] | undefined;
  raw.cells.forEach((cell, i) => {
    if (typeof cell === 'string' && cell.length > maxCellLength) (out ??= []).push({ column: i + 1, length: cell.length });
  });
  return out;
}

function setPath(target: Record<string, unknown>, segments: readonly string[], value: unknown): void {
  let node = target;
  segments.forEach((segment, i) => {
    if (i === segments.length - 1) {
      node[segment] = value;
      return;
    }
    const next = node[segment];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) node[segment] = {};
    node = node[segment] as Record<string, unknown>;
  });
}

const COERCE_CODES = {
  number: SHEET_CODES.notNumber,
  integer: SHEET_CODES.notInteger,
  boolean: SHEET_CODES.notBoolean,
  enum: SHEET_CODES.notAllowed,
} as const;

function toRecord(raw: RawRow, columns: readonly ResolvedColumn[], lang: Lang): SheetRecord {
  const data: Record<string, unknown> = {};
  const errors: SheetIssue[] = [];
  if (raw.problem) {
    const reason = sheetPhrase(raw.problem.reason === 'unterminated' ? 'unterminated' : 'textAfterQuote', {}, lang);
    errors.push(sheetIssue(SHEET_CODES.badQuoting, { row: raw.row, column: raw.problem.column }, { reason }, 'error', lang));
  }
  for (const col of columns) {
    const cell = raw.cells[col.index];
    const result = coerceCell(cell, col.type, col.enum);
    if (!result.ok) {
      errors.push(
        sheetIssue(
          COERCE_CODES[result.code],
          { row: raw.row, column: col.index + 1, header: col.header, path: col.path },
          {
            value: cell instanceof Date ? cell.toISOString() : String(cell),
            allowed: (col.enum ?? []).map(String).join('/'),
          },
          'error',
          lang,
        ),
      );
      continue;
    }
    if (result.value !== undefined) setPath(data, col.segments, result.value);
  }
  return { row: raw.row, data, errors };
}

async function* rowsOf(
  path: string,
  format: 'csv' | 'xlsx',
  mapping: SheetMapping | null,
  lang: Lang,
  limits: SheetLimits,
  encoding: CsvEncoding = 'auto',
): AsyncGenerator<RawRow | SheetRecord> {
  if (format === 'csv') {
    yield* readCsvFile(path, { maxCellLength: limits.maxCellLength, encoding });
    return;
  }
  const refused = await checkWorkbookArchive(path, limits, lang);
  if (refused) {
    yield { row: 0, data: null, errors: [refused] };
    return;
  }
  const opened = await openXlsxRows(path, mapping?.sheet);
  if (opened.ok) {
    yield* opened.rows;
  } else if (opened.failure === 'no_sheet') {
    yield {
      row: 0,
      data: null,
      errors: [
        sheetIssue(
          SHEET_CODES.noSheet,
          { row: 0 },
          { sheet: String(mapping?.sheet ?? 1), available: opened.available.join(sheetPhrase('listSeparator', {}, lang)) },
          'error',
          lang,
        ),
      ],
    };
  } else {
    const reason = opened.failure === 'no_reader' ? sheetPhrase('noWorkbookReader', {}, lang) : opened.reason;
    yield { row: 0, data: null, errors: [sheetIssue(SHEET_CODES.unreadable, { row: 0 }, { file: path, reason }, 'error', lang)] };
  }
}

export async function* readSheetRecords(path: string, mapping?: SheetMapping | string | null, options: ReadSheetOptions = {}): AsyncGenerator<SheetRecord> {
  const lang = options.lang ?? DEFAULT_LANG;
  let resolvedMapping: SheetMapping | null = null;
  if (typeof mapping === 'string') {
    const parsed = parseMapping(mapping, lang);
    if (!parsed.mapping) {
      yield { row: 0, data: null, errors: parsed.issues };
      return;
    }
    resolvedMapping = parsed.mapping;
  } else if (mapping) {
    resolvedMapping = mapping;
  }
  const format = options.format ?? (extname(path).toLowerCase() === '.csv' ? 'csv' : 'xlsx');
  try {
    await access(path);
  } catch (e) {
    yield {
      row: 0,
      data: null,
      errors: [sheetIssue(SHEET_CODES.unreadable, { row: 0 }, { file: path, reason: (e as NodeJS.ErrnoException).code ?? 'error' }, 'error', lang)],
    };
    return;
  }

  const headerRow = resolvedMapping?.headerRow ?? 1;
  const limits = resolveLimits(options.limits);
  let columns: ResolvedColumn[] | null = null;
  let headers: string[] = [];
  let rowsRead = 0;
  try {
    for await (const item of rowsOf(path, format, resolvedMapping, lang, limits, options.encoding)) {
      if ('data' in item) {
        yield item;
        return;
      }
      if (++rowsRead > limits.maxRows) {
        yield { row: item.row, data: null, errors: [sheetIssue(SHEET_CODES.tooManyRows, { row: item.row }, { limit: limits.maxRows }, 'error', lang)] };
        return;
      }
      if (item.row < headerRow) continue;
      const overlong = overlongCells(item, limits.maxCellLength);
      if (overlong) {
        // The whole row is refused: a cut value would be scored as if it were what was typed.
        const errors = overlong.map(({ column, length }) =>
          sheetIssue(
            SHEET_CODES.cellTooLong,
            { row: item.row, column, header: headers[column - 1] ?? '' },
            { length, limit: limits.maxCellLength },
            'error',
            lang,
          ),
        );
        yield { row: item.row, data: columns === null ? null : {}, errors };
        if (columns === null) return; // the header row itself: no column can be trusted
        continue;
      }
      if (columns === null) {
        headers = item.cells.map((c) => (isEmptyCell(c) ? '' : c instanceof Date ? c.toISOString() : String(c)));
        const resolved = resolveColumns(headers, item.row, resolvedMapping, options.schema, lang);
        columns = resolved.columns;
        if (resolved.issues.length > 0) yield { row: item.row, data: null, errors: resolved.issues };
        continue;
      }
      if (item.cells.every(isEmptyCell) && !item.problem) continue;
      yield toRecord(item, columns, lang);
    }
  } catch (e) {
    // A corrupt archive or an I/O error part-way: report it as data, the caller keeps what it had.
    yield {
      row: 0,
      data: null,
      errors: [sheetIssue(SHEET_CODES.unreadable, { row: 0 }, { file: path, reason: e instanceof Error ? e.message : String(e) }, 'error', lang)],
    };
  }
}
