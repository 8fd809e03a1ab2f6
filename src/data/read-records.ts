/**
 * Reads project records from files, directories and stdin as one stream of `SourcedRecord`s:
 * YAML (one document or several, a document may also be a list of records), JSON (an object or
 * a list), NDJSON / JSON Lines (`.ndjson`, `.jsonl`; read line by line, so a million-line file
 * streams in constant memory), directories (walked recursively in sorted order) and `-` for
 * stdin (format sniffed), and spreadsheets (`.xlsx`, `.csv`: one record per row, read by
 * src/data/sheets with the `mapping` option or, without one, a default mapping from the `schema`
 * option — the IR's data schema). A source or item that cannot be read yields an entry with an
 * error instead of a record (EVL405; for a spreadsheet row the EVL48x codes, naming row and
 * column), and reading goes on with the next one. Sheet warnings (ignored columns) go to
 * `onIssue`. Never throws.
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { extname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseAllDocuments } from 'yaml';
import { DEFAULT_LANG, type Lang } from '../common/lang.js';
import { EVL, evlWord, message } from '../common/evaluation-messages.js';
import { SourcedRecord } from './sourced-record.js';
import { readSheetRecords } from './sheets/read.js';
import type { CsvEncoding } from './sheets/csv.js';
import { parseMapping, type SheetMapping } from './sheets/mapping.js';
import { readFormWorkbook } from './forms/read-form.js';
import type { SheetIssue } from './sheets/messages.js';

export { SourcedRecord } from './sourced-record.js';

export interface ReadOptions {
  /** Stream read for `-` (default process.stdin). */
  stdin?: NodeJS.ReadableStream;
  /** Spreadsheets: column → data-path mapping (parsed, or its YAML text); default from `schema`. */
  mapping?: SheetMapping | string;
  /** Spreadsheets: the record JSON Schema (IR `dataSchema`) for the default mapping and cell types. */
  schema?: unknown;
  /** Spreadsheets: problems that reject no record (warnings such as an ignored column). */
  onIssue?: (issue: SheetIssue, source: string) => void;
  /** Language of error messages (codes never change). Default DEFAULT_LANG. */
  lang?: Lang;
  /** CSV files: their encoding; default 'auto' (detected: UTF-8, else GB18030/GBK). */
  encoding?: CsvEncoding;
}

const YAML_EXT = new Set(['.yaml', '.yml']);
const JSON_EXT = new Set(['.json']);
const LINES_EXT = new Set(['.ndjson', '.jsonl']);
const SHEET_EXT = new Set(['.xlsx', '.csv']);

function unreadable(lang: Lang, source: string, index: number, detail: string): SourcedRecord {
  return new SourcedRecord(source, index, undefined, {
    code: EVL.UNREADABLE,
    message: message(EVL.UNREADABLE, { source: index ? `${source}#${index}` : source, detail }, lang),
    path: source,
  });
}

export async function* readRecords(sources: string[] | '-', options: ReadOptions = {}): AsyncIterable<SourcedRecord> {
  const lang = options.lang ?? DEFAULT_LANG;
  const list = sources === '-' ? ['-'] : sources;
  for (const source of list) {
    if (source === '-') {
      yield* fromText('<stdin>', await readStream(options.stdin ?? process.stdin), 'sniff', lang);
      continue;
    }
    let info: Stats;
    try {
      info = await stat(source);
    } catch (err) {
      yield unreadable(lang, source, 0, (err as NodeJS.ErrnoException).code ?? String(err));
      continue;
    }
    if (info.isDirectory()) {
      for (const file of await walk(source)) yield* fromFile(file, options);
    } else {
      yield* fromFile(source, options);
    }
  }
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else if (kindOf(p)) out.push(p);
  }
  return out;
}

function kindOf(file: string): 'yaml' | 'json' | 'lines' | 'sheet' | undefined {
  const ext = extname(file).toLowerCase();
  if (SHEET_EXT.has(ext)) return 'sheet';
  if (YAML_EXT.has(ext)) return 'yaml';
  if (JSON_EXT.has(ext)) return 'json';
  if (LINES_EXT.has(ext)) return 'lines';
  return undefined;
}

async function* fromFile(file: string, options: ReadOptions): AsyncIterable<SourcedRecord> {
  const lang = options.lang ?? DEFAULT_LANG;
  const kind = kindOf(file);
  if (kind === 'sheet') {
    yield* fromSheet(file, options);
    return;
  }
  if (kind === 'lines') {
    yield* fromLines(file, createReadStream(file, { encoding: 'utf8' }), lang);
    return;
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    yield unreadable(lang, file, 0, (err as NodeJS.ErrnoException).code ?? String(err));
    return;
  }
  yield* fromText(file, text, kind ?? 'yaml', lang);
}

/**
 * One record per spreadsheet row, its index the row number a spreadsheet program shows. A row
 * with bad cells becomes one error entry carrying every cell problem of that row (the first
 * one's code); a file or header error becomes an entry at row 0 / the header row.
 */
async function* fromSheet(file: string, options: ReadOptions): AsyncIterable<SourcedRecord> {
  const lang = options.lang ?? DEFAULT_LANG;
  const mapping = typeof options.mapping === 'string' ? parseMapping(options.mapping, lang).mapping : options.mapping;
  if (mapping?.form && extname(file).toLowerCase() === '.xlsx') {
    // The official 自评表: one record per worksheet, numbered by sheet; a sheet that is no form
    // is an entry with its problem, the other sheets go on.
    const forms = await readFormWorkbook(file, mapping.form, lang);
    for (const [i, f] of forms.entries()) {
      if (f.record && f.problems.length === 0) yield new SourcedRecord(file, i + 1, f.record);
      else {
        const first = f.problems[0];
        const error = {
          code: first?.code ?? EVL.UNREADABLE,
          message: f.problems.map((p) => p.message).join(evlWord('errorSeparator', lang)),
          path: f.sheet ? `${file}:${f.sheet}` : file,
        };
        yield new SourcedRecord(file, i + 1, undefined, error);
      }
    }
    return;
  }
  for await (const item of readSheetRecords(file, options.mapping ?? null, {
    lang: options.lang ?? DEFAULT_LANG,
    ...(options.schema === undefined ? {} : { schema: options.schema }),
    ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
  })) {
    const errors = item.errors.filter((e) => e.severity === 'error');
    for (const issue of item.errors) if (issue.severity !== 'error') options.onIssue?.(issue, file);
    if (errors.length > 0) {
      const first = errors[0]!;
      const where = first.path ?? (first.header ? `${file}:${first.columnLetter}` : file);
      yield new SourcedRecord(file, item.row, undefined, {
        code: first.code,
        message: errors.map((e) => e.message).join(evlWord('errorSeparator', options.lang ?? DEFAULT_LANG)),
        path: where,
      });
    } else if (item.data !== null) {
      yield new SourcedRecord(file, item.row, item.data);
    }
  }
}

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: string[] = [];
  stream.setEncoding?.('utf8');
  for await (const chunk of stream as AsyncIterable<string | Buffer>) chunks.push(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
  return chunks.join('');
}

async function* fromLines(source: string, stream: NodeJS.ReadableStream, lang: Lang): AsyncIterable<SourcedRecord> {
  let line = 0;
  try {
    for await (const text of createInterface({ input: stream, crlfDelay: Infinity })) {
      line++;
      if (!text.trim()) continue;
      try {
        yield new SourcedRecord(source, line, JSON.parse(text));
      } catch (err) {
        yield unreadable(lang, source, line, (err as Error).message);
      }
    }
  } catch (err) {
    yield unreadable(lang, source, line, (err as NodeJS.ErrnoException).code ?? String(err));
  }
}

function* fromText(source: string, text: string, kind: 'yaml' | 'json' | 'lines' | 'sniff', lang: Lang): Iterable<SourcedRecord> {
  if (kind === 'sniff') {
    const t = text.trimStart();
    if (t.startsWith('{') || t.startsWith('[')) {
      try {
        yield* spread(source, JSON.parse(text));
        return;
      } catch {
        // Not one JSON value: several lines of JSON objects is NDJSON.
        if (t.startsWith('{')) {
          yield* linesOf(source, text, lang);
          return;
        }
      }
    }
    kind = 'yaml';
  }
  if (kind === 'json') {
    try {
      yield* spread(source, JSON.parse(text));
    } catch (err) {
      yield unreadable(lang, source, 0, (err as Error).message);
    }
    return;
  }
  if (kind === 'lines') {
    yield* linesOf(source, text, lang);
    return;
  }
  let index = 0;
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length) {
      yield unreadable(lang, source, ++index, doc.errors[0]!.message);
      continue;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (err) {
      yield unreadable(lang, source, ++index, (err as Error).message);
      continue;
    }
    if (value === null || value === undefined) continue; // an empty document between `---`
    for (const r of Array.isArray(value) ? value : [value]) yield new SourcedRecord(source, ++index, r);
  }
}

function* linesOf(source: string, text: string, lang: Lang): Iterable<SourcedRecord> {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.trim()) continue;
    try {
      yield new SourcedRecord(source, i + 1, JSON.parse(lines[i]!));
    } catch (err) {
      yield unreadable(lang, source, i + 1, (err as Error).message);
    }
  }
}

function* spread(source: string, value: unknown): Iterable<SourcedRecord> {
  const items = Array.isArray(value) ? value : [value];
  for (let i = 0; i < items.length; i++) yield new SourcedRecord(source, i + 1, items[i]);
}
