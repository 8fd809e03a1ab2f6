/**
 * What the caller knows about a record beyond its own data — last year's result and its
 * rectification status — loaded from files and joined to records by id, the same id the engine
 * puts on the result (`recordId`: the record's own `id`, else its `source#index`).
 *
 * `--previous` files are either `jixiao eval` output (JSON array or NDJSON of results: id,
 * grade, total and the rule set's name are taken) or a plain table (YAML/JSON list, NDJSON,
 * CSV, XLSX through the ordinary data reader) with columns id, grade, total and any others,
 * kept as extra fields. `--rectification` files are tables with id, status and any others.
 * Chinese headers map too: the id headers are the data reader's own descriptive columns
 * (DESCRIPTIVE_COLUMNS: 编号, 项目编号), plus 等级/评价等级, 总分/得分, 整改状态/状态. Values
 * are kept as written (整改状态 已整改 / 整改中 / 未整改 is not translated or checked).
 *
 * Problems are diagnostics (CTX9xx), never thrown: an unreadable file or entry, a row without
 * id, a duplicate id (naming both rows; the first is kept), a value of the wrong type. After a
 * run, `unmatched()` reports per file the rows no record asked for, as one warning each.
 * A record without a row gets no context, and rules see the values as missing.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { isNode, isSeq, LineCounter, parseAllDocuments } from 'yaml';
import type { Diagnostic } from '../common/diagnostic.js';
import { DEFAULT_LANG, type Lang } from '../common/lang.js';
import { readRecords } from '../data/read-records.js';
import { parseNumberText } from '../data/sheets/coerce.js';
import { DESCRIPTIVE_COLUMNS } from '../data/sheets/mapping.js';
import type { RecommendContext } from '../recommend/index.js';
import { CTX, ctxDiagnostic, type ContextKind, type CtxCode, type CtxPlace } from './context-messages.js';

export type { ContextKind } from './context-messages.js';

/** One row of a context file, its fields under their canonical names (id, grade, total, status). */
export interface ContextRow {
  id: string;
  fields: Record<string, unknown>;
  source: string;
  /** Item, line or sheet row number within `source`, as the data reader counts it. */
  index: number;
}

export interface ContextFiles {
  previous?: readonly string[];
  rectification?: readonly string[];
}

export interface ContextJoin {
  /** The context of the record with this id, or undefined when no file has a row for it. */
  contextFor(id: string): RecommendContext | undefined;
  /** One warning per file whose rows were not all asked for, with the count and first ids. */
  unmatched(): Diagnostic[];
}

/** Canonical field → the headers that mean it. Ids reuse the data reader's descriptive columns. */
const ID_HEADERS = Object.keys(DESCRIPTIVE_COLUMNS).filter((h) => DESCRIPTIVE_COLUMNS[h] === 'id');
const ALIASES: Record<ContextKind, Record<string, readonly string[]>> = {
  previous: { id: ID_HEADERS, grade: ['grade', '等级', '评价等级'], total: ['total', '总分', '得分'] },
  rectification: { id: ID_HEADERS, status: ['status', '整改状态', '状态'] },
};
/** Keys never copied from a file into a context object. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const LINE_ORIENTED = new Set(['.ndjson', '.jsonl', '.csv']);
const TREE_TEXT = new Set(['.yaml', '.yml', '.json']);
const SHOWN_IDS = 5;

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A saved `jixiao eval` result rather than a table row. */
function isEvalResult(v: Record<string, unknown>): boolean {
  return isObject(v.ruleset) && typeof v.status === 'string' && typeof v.id === 'string' && Array.isArray(v.indicators);
}

export interface ContextLoadOptions {
  lang?: Lang;
  /** How a file is named in messages (`file#row`); default as given. Diagnostics keep the real path. */
  display?: (source: string) => string;
}

/**
 * Where a row sits in its file, found only when a diagnostic needs it (the error path): the
 * line of an NDJSON or CSV row is its number; a YAML or JSON list item is found by parsing the
 * text again with positions, counting items the way the data reader does.
 */
class Locator {
  private readonly starts = new Map<string, { line: number; offset: number }[] | null>();

  place(source: string, index: number): CtxPlace {
    const ext = extname(source).toLowerCase();
    if (LINE_ORIENTED.has(ext)) return { file: source, line: index };
    if (!TREE_TEXT.has(ext) || index <= 0) return { file: source, line: 0 };
    if (!this.starts.has(source)) this.starts.set(source, itemStarts(source));
    const at = this.starts.get(source)?.[index - 1];
    return at ? { file: source, ...at } : { file: source, line: 0 };
  }
}

function itemStarts(source: string): { line: number; offset: number }[] | null {
  let text: string;
  try {
    text = readFileSync(source, 'utf8');
  } catch {
    return null;
  }
  const counter = new LineCounter();
  const out: { line: number; offset: number }[] = [];
  for (const doc of parseAllDocuments(text, { lineCounter: counter })) {
    const start = (offset: number) => out.push({ line: counter.linePos(offset).line, offset });
    if (doc.errors.length > 0) start(doc.range[0]);
    else if (isSeq(doc.contents)) for (const item of doc.contents.items) start(isNode(item) && item.range ? item.range[0] : doc.range[0]);
    else if (isNode(doc.contents) && doc.contents.range) start(doc.contents.range[0]);
  }
  return out;
}

/** Header → canonical field, per kind, built once. */
const ALIAS_OF: Record<ContextKind, ReadonlyMap<string, string>> = {
  previous: aliasMap('previous'),
  rectification: aliasMap('rectification'),
};

function aliasMap(kind: ContextKind): Map<string, string> {
  const map = new Map<string, string>();
  for (const [field, headers] of Object.entries(ALIASES[kind])) for (const h of headers) map.set(h, field);
  return map;
}

/** Renames known headers to their canonical field; every other key is kept as written. */
function canonical(kind: ContextKind, row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const aliasOf = ALIAS_OF[kind];
  for (const key of Object.keys(row)) {
    if (UNSAFE_KEYS.has(key)) continue;
    const field = aliasOf.get(key.trim()) ?? key;
    // the canonical name wins over an alias written in the same row
    if (field in out && field !== key) continue;
    out[field] = row[key];
  }
  return out;
}

interface Loaded {
  rows: Map<string, ContextRow>;
  sources: string[];
}

/** Reads every file of one kind; the first row of an id is kept, later ones are reported. */
export async function loadContextTable(
  kind: ContextKind,
  files: readonly string[],
  options: ContextLoadOptions = {},
): Promise<Loaded & { diagnostics: Diagnostic[] }> {
  const lang = options.lang ?? DEFAULT_LANG;
  const shown = options.display ?? ((s: string) => s);
  const locator = new Locator();
  const rows = new Map<string, ContextRow>();
  const diagnostics: Diagnostic[] = [];
  const report = (code: CtxCode, args: Record<string, string | number>, source: string, index: number): void =>
    void diagnostics.push(ctxDiagnostic(code, kind, { where: `${shown(source)}#${index}`, ...args }, locator.place(source, index), lang));
  for await (const item of readRecords([...files], { lang })) {
    if (item.error) {
      report(CTX.UNREADABLE, { detail: item.error.message.split(item.source).join(shown(item.source)) }, item.source, item.index);
      continue;
    }
    const row = toRow(kind, item.record, item.source, item.index, report);
    if (!row) continue;
    const first = rows.get(row.id);
    if (first) {
      report(
        CTX.DUPLICATE_ID,
        { id: row.id, first: `${shown(first.source)}#${first.index}`, second: `${shown(item.source)}#${item.index}` },
        item.source,
        item.index,
      );
      continue;
    }
    rows.set(row.id, row);
  }
  return { rows, sources: [...files], diagnostics };
}

type Report = (code: CtxCode, args: Record<string, string | number>, source: string, index: number) => void;

function toRow(kind: ContextKind, record: unknown, source: string, index: number, report: Report): ContextRow | undefined {
  if (!isObject(record)) {
    report(CTX.NO_ID, {}, source, index);
    return undefined;
  }
  let row: Record<string, unknown>;
  if (kind === 'previous' && isEvalResult(record)) {
    const ruleset = record.ruleset as Record<string, unknown>;
    row = { id: record.id, grade: record.grade ?? null, total: record.total ?? null };
    if (typeof ruleset.name === 'string') row.ruleset = ruleset.name;
  } else {
    row = canonical(kind, record);
  }
  const id = row.id;
  if (!(typeof id === 'string' && id.trim() !== '') && !(typeof id === 'number' && Number.isFinite(id))) {
    report(CTX.NO_ID, {}, source, index);
    return undefined;
  }
  // the id is the join key, not a field rules read; copied without it (no `delete`: it would
  // turn every row object into a slow dictionary)
  const { id: _id, ...fields } = row;
  const bad = (field: string, value: unknown, expected: 'text' | 'number'): undefined => {
    report(CTX.BAD_VALUE, { field, value: JSON.stringify(value) ?? String(value), expected }, source, index);
    return undefined;
  };
  if (kind === 'previous') {
    const grade = fields.grade;
    if (grade === undefined || grade === null || grade === '') fields.grade = null;
    else if (typeof grade === 'number') fields.grade = String(grade);
    else if (typeof grade === 'string') fields.grade = grade.trim();
    else return bad('grade', grade, 'text');
    const total = fields.total;
    if (total === undefined || total === null || total === '') fields.total = null;
    else if (typeof total === 'number' && Number.isFinite(total)) fields.total = total;
    else {
      const parsed = typeof total === 'string' ? parseNumberText(total) : null;
      if (parsed === null) return bad('total', total, 'number');
      fields.total = parsed.toNumber();
    }
  } else {
    const status = fields.status;
    if (status === undefined || status === null || (typeof status === 'string' && status.trim() === '')) {
      report(CTX.NO_STATUS, {}, source, index);
      return undefined;
    }
    if (typeof status !== 'string') return bad('status', status, 'text');
    fields.status = status.trim();
  }
  return { id: String(id).trim(), fields, source, index };
}

/**
 * Loads both kinds of context files and returns the join. Diagnostics come back in file order;
 * with an error among them the caller should not assess (a duplicate id makes a join ambiguous).
 */
export async function loadContextSources(
  files: ContextFiles,
  options: ContextLoadOptions = {},
): Promise<{ join: ContextJoin | undefined; diagnostics: Diagnostic[] }> {
  const previous = files.previous?.length ? await loadContextTable('previous', files.previous, options) : undefined;
  const rectification = files.rectification?.length ? await loadContextTable('rectification', files.rectification, options) : undefined;
  const diagnostics = [...(previous?.diagnostics ?? []), ...(rectification?.diagnostics ?? [])];
  if (!previous && !rectification) return { join: undefined, diagnostics };
  return { join: createContextJoin({ ...(previous ? { previous } : {}), ...(rectification ? { rectification } : {}) }, options), diagnostics };
}

/** Joins loaded tables by record id and remembers which rows were asked for. */
export function createContextJoin(tables: Partial<Record<ContextKind, Loaded>>, options: ContextLoadOptions = {}): ContextJoin {
  const lang = options.lang ?? DEFAULT_LANG;
  const shown = options.display ?? ((s: string) => s);
  const asked = new Set<string>();
  return {
    contextFor(id) {
      const previous = tables.previous?.rows.get(id);
      const rectification = tables.rectification?.rows.get(id);
      if (!previous && !rectification) return undefined;
      asked.add(id);
      const context: RecommendContext = {};
      if (previous) context.previous = { ...previous.fields };
      if (rectification) context.rectification = { ...rectification.fields } as RecommendContext['rectification'];
      return context;
    },
    unmatched() {
      const out: Diagnostic[] = [];
      for (const kind of ['previous', 'rectification'] as const) {
        const table = tables[kind];
        if (!table) continue;
        // grouped by the file a row came from (a directory argument holds several)
        const byFile = new Map<string, string[]>();
        for (const r of table.rows.values()) if (!asked.has(r.id)) byFile.set(r.source, [...(byFile.get(r.source) ?? []), r.id]);
        for (const [file, ids] of byFile) {
          const list = ids.slice(0, SHOWN_IDS).join(', ') + (ids.length > SHOWN_IDS ? ', …' : '');
          out.push(ctxDiagnostic(CTX.UNMATCHED, kind, { count: ids.length, file: shown(file), ids: list }, { file, line: 0 }, lang));
        }
      }
      return out;
    },
  };
}
