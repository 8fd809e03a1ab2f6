/**
 * Which spreadsheet column feeds which data field. A mapping is written in YAML:
 *
 * ```yaml
 * sheet: 项目表            # xlsx only: worksheet name or 1-based number (default: the first)
 * header_row: 1            # the row holding the column headers (default 1)
 * columns:
 *   项目编号: id
 *   调整后预算: budget.adjusted
 *   满意度: { path: survey.satisfaction, type: number }
 *   备注: null             # explicitly ignored
 * ```
 *
 * Without a mapping, `resolveColumns` derives one from the rule set's data schema: a header equal
 * to a dotted data path (`budget.adjusted`, optionally prefixed `data.`), or to the `description`
 * or `title` of exactly one schema field (the `input … "调整后预算数"` text), maps to that field.
 * Field types (number, integer, boolean, string, enum) come from the schema unless the mapping
 * says otherwise. The descriptive columns reports show — id, name, department, town, year, stage
 * (DESCRIPTIVE_COLUMNS, by path or by their usual Chinese header) — are read as text even when
 * the rules never use them, so a workbook's project names reach the reports. All problems are returned as `SheetIssue`s, never thrown.
 */
import { parse as parseYaml } from 'yaml';
import { DEFAULT_LANG, type Lang } from '../../common/lang.js';
import { SHEET_CODES, sheetIssue, sheetPhrase, type SheetIssue } from './messages.js';
import { parseFormMapping, type FormMapping } from '../forms/form-mapping.js';

/** `decimal`: a number kept as an exact decimal string (money: "1200000.50"). */
export type FieldType = 'number' | 'integer' | 'decimal' | 'boolean' | 'string';

export interface ColumnSpec {
  path: string;
  type?: FieldType;
}

export interface SheetMapping {
  sheet?: string | number;
  headerRow?: number;
  /** Header text → data path (dotted) or column spec; null ignores the column. */
  columns: Record<string, string | ColumnSpec | null>;
  /** `layout: form`: the workbook is the official 自评表, one sheet per project (src/data/forms). */
  form?: FormMapping;
}

export interface SchemaField {
  path: string;
  type?: FieldType;
  enum?: unknown[];
  description?: string;
  title?: string;
}

/** One resolved column: where it is, what it writes, how to coerce it. */
export interface ResolvedColumn {
  index: number;
  header: string;
  path: string;
  segments: string[];
  type?: FieldType;
  enum?: unknown[];
}

const FIELD_TYPES: readonly FieldType[] = ['number', 'integer', 'decimal', 'boolean', 'string'];

function schemaType(node: Record<string, unknown>): FieldType | undefined {
  const raw = node.type;
  const types = Array.isArray(raw) ? raw : [raw];
  if (types.includes('number') && types.includes('string')) {
    // Money (`x-jixiao` kind money; older IRs: a numeric pattern) is read exactly as a decimal
    // string, a percent as a number ("95%" → 0.95). Otherwise (an id) the text is kept as typed,
    // so "001" stays "001".
    const kind = (node['x-jixiao'] as { kind?: unknown } | undefined)?.kind;
    if (kind === 'money') return 'decimal';
    if (kind === 'percent') return 'number';
    return typeof node.pattern === 'string' ? 'decimal' : 'string';
  }
  for (const t of ['integer', 'number', 'boolean', 'string'] as const) if (types.includes(t)) return t;
  return undefined;
}

/** The scalar fields of a JSON Schema, with dotted paths; arrays are not flat columns and are skipped. */
export function schemaFields(schema: unknown, prefix: string[] = []): SchemaField[] {
  if (schema === null || typeof schema !== 'object') return [];
  const node = schema as Record<string, unknown>;
  const props = node.properties;
  if (props && typeof props === 'object') {
    return Object.entries(props as Record<string, unknown>).flatMap(([key, child]) => schemaFields(child, [...prefix, key]));
  }
  if (prefix.length === 0 || node.type === 'array' || node.type === 'object') return [];
  const field: SchemaField = { path: prefix.join('.') };
  const type = schemaType(node);
  if (type) field.type = type;
  if (Array.isArray(node.enum)) field.enum = node.enum;
  if (typeof node.description === 'string') field.description = node.description;
  if (typeof node.title === 'string') field.title = node.title;
  return [field];
}

/** Reads a mapping from YAML text (or an already-parsed object). */
export function parseMapping(source: string | unknown, lang: Lang = DEFAULT_LANG): { mapping: SheetMapping | null; issues: SheetIssue[] } {
  const bad = (reason: string) => ({ mapping: null, issues: [sheetIssue(SHEET_CODES.badMapping, { row: 0 }, { reason }, 'error', lang)] });
  let doc: unknown = source;
  if (typeof source === 'string') {
    try {
      doc = parseYaml(source);
    } catch (e) {
      return bad(e instanceof Error ? (e.message.split('\n')[0] ?? 'YAML') : 'YAML');
    }
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return bad(sheetPhrase('notObject', {}, lang));
  const obj = doc as Record<string, unknown>;
  if (obj.layout === 'form') {
    const parsed = parseFormMapping(obj, lang);
    return parsed.mapping ? { mapping: { columns: {}, form: parsed.mapping }, issues: [] } : bad(parsed.problems.join('; '));
  }
  const columns = obj.columns;
  if (columns === null || typeof columns !== 'object' || Array.isArray(columns)) return bad(sheetPhrase('columnsNotMap', {}, lang));
  const out: SheetMapping = { columns: {} };
  for (const [header, target] of Object.entries(columns as Record<string, unknown>)) {
    if (target === null) out.columns[header] = null;
    else if (typeof target === 'string' && target.trim() !== '') out.columns[header] = target.trim();
    else if (target && typeof target === 'object' && typeof (target as ColumnSpec).path === 'string') {
      const spec = target as { path: string; type?: unknown };
      if (spec.type !== undefined && !FIELD_TYPES.includes(spec.type as FieldType))
        return bad(sheetPhrase('unknownType', { header, type: String(spec.type) }, lang));
      out.columns[header] = spec.type === undefined ? { path: spec.path } : { path: spec.path, type: spec.type as FieldType };
    } else return bad(sheetPhrase('columnNoPath', { header }, lang));
  }
  const sheet = obj.sheet;
  if (typeof sheet === 'string' || (typeof sheet === 'number' && Number.isInteger(sheet) && sheet >= 1)) out.sheet = sheet;
  else if (sheet !== undefined) return bad(sheetPhrase('badSheet', {}, lang));
  const headerRow = obj.header_row ?? obj.headerRow;
  if (typeof headerRow === 'number' && Number.isInteger(headerRow) && headerRow >= 1) out.headerRow = headerRow;
  else if (headerRow !== undefined) return bad(sheetPhrase('badHeaderRow', {}, lang));
  return { mapping: out, issues: [] };
}

/** Header → data path of the descriptive fields, read as text when the schema does not list them. */
export const DESCRIPTIVE_COLUMNS: Readonly<Record<string, string>> = {
  id: 'id',
  name: 'name',
  department: 'department',
  town: 'town',
  year: 'year',
  stage: 'stage',
  项目编号: 'id',
  编号: 'id',
  项目名称: 'name',
  名称: 'name',
  主管部门: 'department',
  部门: 'department',
  乡镇: 'town',
  镇街: 'town',
  年度: 'year',
  评价阶段: 'stage',
};

function stripData(path: string): string {
  return path.startsWith('data.') ? path.slice(5) : path;
}

/**
 * Matches the header row against the mapping (or the schema when there is no mapping) and
 * returns the columns to read plus issues: mapped columns missing from the header (error),
 * headers that match nothing (warning), two columns writing one field (error).
 */
export function resolveColumns(
  headers: readonly string[],
  headerRow: number,
  mapping: SheetMapping | null,
  schema: unknown,
  lang: Lang = DEFAULT_LANG,
): { columns: ResolvedColumn[]; issues: SheetIssue[] } {
  const fields = schemaFields(schema);
  const byPath = new Map(fields.map((f) => [f.path, f]));
  const issues: SheetIssue[] = [];
  const columns: ResolvedColumn[] = [];
  const byLabel = new Map<string, SchemaField[]>();
  for (const f of fields) {
    for (const label of new Set([f.description, f.title].filter((x): x is string => !!x))) {
      byLabel.set(label, [...(byLabel.get(label) ?? []), f]);
    }
  }
  const trimmed = headers.map((h) => h.trim());
  const add = (index: number, path: string, type: FieldType | undefined): void => {
    const field = byPath.get(path);
    const column: ResolvedColumn = { index, header: trimmed[index]!, path, segments: path.split('.') };
    const t = type ?? field?.type;
    if (t) column.type = t;
    if (field?.enum) column.enum = field.enum;
    const clash = columns.find((c) => c.path === path);
    if (clash) {
      issues.push(
        sheetIssue(
          SHEET_CODES.badMapping,
          { row: headerRow, column: index + 1, header: column.header, path },
          { reason: sheetPhrase('clash', { first: clash.header, second: column.header, path }, lang) },
          'error',
          lang,
        ),
      );
      return;
    }
    columns.push(column);
  };

  if (mapping) {
    for (const [header, target] of Object.entries(mapping.columns)) {
      if (target === null) continue;
      const spec = typeof target === 'string' ? { path: target } : target;
      const index = trimmed.indexOf(header.trim());
      if (index < 0) {
        issues.push(sheetIssue(SHEET_CODES.missingColumn, { row: headerRow, header, path: stripData(spec.path) }, {}, 'error', lang));
        continue;
      }
      add(index, stripData(spec.path), spec.type);
    }
    return { columns: columns.sort((a, b) => a.index - b.index), issues };
  }

  trimmed.forEach((header, index) => {
    if (header === '') return;
    const path = stripData(header);
    if (fields.length === 0 || byPath.has(path)) return add(index, path, undefined);
    const labelled = byLabel.get(header);
    if (labelled && labelled.length === 1) return add(index, labelled[0]!.path, undefined);
    const descriptive = DESCRIPTIVE_COLUMNS[path];
    if (descriptive !== undefined) return add(index, descriptive, byPath.get(descriptive)?.type ?? 'string');
    issues.push(sheetIssue(SHEET_CODES.unknownColumn, { row: headerRow, column: index + 1, header }, {}, 'warning', lang));
  });
  return { columns, issues };
}
