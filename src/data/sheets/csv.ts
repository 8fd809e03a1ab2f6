/**
 * A streaming RFC 4180 CSV reader: fields separated by commas, records by CRLF or LF, fields in
 * double quotes may hold commas, line breaks and doubled quotes (`""`). A UTF-8 byte-order mark
 * at the start is dropped. Files are UTF-8 or, as Chinese Excel saves "CSV", GBK/GB18030: the
 * encoding is given (`encoding`) or detected from the first chunk — a UTF-8 BOM or valid UTF-8
 * is UTF-8, anything else is read as GB18030 (a superset of GBK, so both decode the same). Records are yielded one at a time with their 1-based record number
 * (what a spreadsheet program shows as the row), so memory stays constant however long the file.
 * Malformed quoting does not stop the file: the record is yielded with a `problem` describing it.
 * A field longer than `maxCellLength` keeps only its first `maxCellLength` characters and is
 * listed in `overlong` with its full length, so an unterminated quote in a 1 GB file costs the
 * limit, not the file, in memory.
 */
import { createReadStream } from 'node:fs';

export interface CsvRecord {
  /** 1-based record number (the header is record 1). */
  row: number;
  cells: string[];
  /** Set when the quoting of this record was malformed; `column` is 1-based. */
  problem?: { column: number; reason: 'unterminated' | 'text_after_quote' };
  /** Fields cut at the cell limit: 1-based column and full length in characters. */
  overlong?: { column: number; length: number }[];
}

export interface CsvOptions {
  /** Characters kept of one field; the rest is counted, not stored. Default: no limit. */
  maxCellLength?: number;
  /** Encoding of the file's bytes; 'auto' (the default) detects it. */
  encoding?: CsvEncoding;
}

export const CSV_ENCODINGS = ['auto', 'utf-8', 'gbk', 'gb18030'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

/**
 * The encoding of a file from its first bytes: a UTF-8 BOM, or bytes that are valid UTF-8 (a
 * sequence cut at the end of the chunk allowed), say UTF-8; GBK text is almost never valid UTF-8
 * (its two-byte characters rarely form UTF-8 sequences), so anything else is GB18030.
 */
export function detectEncoding(head: Uint8Array): 'utf-8' | 'gb18030' {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** Bytes read before the encoding is decided: a short first chunk may end inside a character. */
const DETECT_BYTES = 4096;

/** Bytes to text chunks in one encoding; a character split across chunks is kept whole. */
export async function* decodeChunks(bytes: AsyncIterable<Uint8Array>, encoding: CsvEncoding = 'auto'): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined = encoding === 'auto' ? undefined : new TextDecoder(encoding);
  let head: Uint8Array[] = [];
  let headLength = 0;
  const start = (): string => {
    const all = Buffer.concat(head);
    head = [];
    decoder = new TextDecoder(detectEncoding(all));
    return decoder.decode(all, { stream: true });
  };
  for await (const chunk of bytes) {
    if (!decoder) {
      head.push(chunk);
      headLength += chunk.length;
      if (headLength < DETECT_BYTES) continue;
      const text = start();
      if (text) yield text;
      continue;
    }
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder ? '' : start();
  const tail = rest + decoder!.decode();
  if (tail) yield tail;
}

const SPECIAL = /[,\r\n"]/g;

/** Parses CSV text chunks into records; `chunks` may split anywhere, even inside a quote. */
export async function* parseCsv(chunks: AsyncIterable<string> | Iterable<string>, options: CsvOptions = {}): AsyncGenerator<CsvRecord> {
  const maxCell = options.maxCellLength ?? Infinity;
  let row = 0;
  let cells: string[] = [];
  let field = '';
  let inQuotes = false;
  let afterQuote = false;
  let fieldStarted = false;
  let pendingCR = false;
  let first = true;
  let problem: CsvRecord['problem'];
  let overlong: { column: number; length: number }[] | undefined;
  /** Characters of the current field dropped past the limit. */
  let dropped = 0;

  const append = (text: string): void => {
    if (field.length + text.length <= maxCell) {
      field += text;
      return;
    }
    const room = Math.max(0, maxCell - field.length);
    field += text.slice(0, room);
    dropped += text.length - room;
  };
  const endField = (): void => {
    if (dropped > 0) (overlong ??= []).push({ column: cells.length + 1, length: field.length + dropped });
    dropped = 0;
    cells.push(field);
    field = '';
    afterQuote = false;
    fieldStarted = false;
  };
  const endRecord = (): CsvRecord => {
    endField();
    row += 1;
    const record: CsvRecord = problem ? { row, cells, problem } : { row, cells };
    if (overlong) record.overlong = overlong;
    cells = [];
    problem = undefined;
    overlong = undefined;
    return record;
  };

  for await (let chunk of chunks) {
    if (first) {
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      if (chunk.length > 0) first = false;
    }
    const n = chunk.length;
    let i = 0;
    while (i < n) {
      if (pendingCR) {
        pendingCR = false;
        if (chunk[i] === '\n') {
          i++; // CRLF already ended the record at the CR
          continue;
        }
      }
      if (inQuotes) {
        // Copy up to the next quote in one slice; the quote closes the field unless doubled,
        // which the afterQuote state decides with the next character (maybe in the next chunk).
        const q = chunk.indexOf('"', i);
        if (q < 0) {
          append(chunk.slice(i));
          break;
        }
        append(chunk.slice(i, q));
        inQuotes = false;
        afterQuote = true;
        i = q + 1;
        continue;
      }
      const c = chunk[i]!;
      if (afterQuote && c === '"') {
        append('"'); // `""` inside a quoted field: a literal quote, and the quote goes on
        inQuotes = true;
        afterQuote = false;
        i++;
      } else if (c === ',') {
        endField();
        i++;
      } else if (c === '\n' || c === '\r') {
        if (c === '\r') pendingCR = true;
        i++;
        yield endRecord();
      } else if (c === '"' && !fieldStarted) {
        inQuotes = true;
        fieldStarted = true;
        i++;
      } else {
        // A run of plain text up to the next separator or quote (a quote inside an unquoted
        // field is kept as text, hence the search starts after it).
        if (afterQuote && !problem) problem = { column: cells.length + 1, reason: 'text_after_quote' };
        SPECIAL.lastIndex = c === '"' ? i + 1 : i;
        const found = SPECIAL.exec(chunk);
        const j = found ? found.index : n;
        append(chunk.slice(i, j));
        fieldStarted = true;
        i = j;
      }
    }
  }
  if (inQuotes && !problem) problem = { column: cells.length + 1, reason: 'unterminated' };
  // A last record without a final line break still counts; an empty tail does not.
  if (field !== '' || cells.length > 0 || fieldStarted || afterQuote || inQuotes) yield endRecord();
}

/** Streams a CSV file (UTF-8 with or without BOM, GBK or GB18030) record by record. */
export function readCsvFile(path: string, options: CsvOptions = {}): AsyncGenerator<CsvRecord> {
  const stream = createReadStream(path, { highWaterMark: 64 * 1024 });
  return parseCsv(decodeChunks(stream as AsyncIterable<Buffer>, options.encoding), options);
}
