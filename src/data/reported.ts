/**
 * The record's `reported` block: what the unit (or a published form) states beside the rule
 * score. Its documented shape (grammar/reference.md, "Reported scores"):
 *
 * ```yaml
 * reported:
 *   total: { points: 92, reason: "…" }      # or a bare number: the form's 总分
 *   grade: { grade: 优, reason: "…" }        # or a bare label: the form's 等级
 *   产出: 38                                  # a dimension, by name or path
 *   完成及时性: { points: 7, reason: "…" }   # an indicator, by name, path or dotted path
 *   funds: { initial: 100, budget: 120, spent: 118.2, rate: 98.5% }   # the form's funds row
 *   precision: 1                              # form mode: the digits the form rounds rows to
 * ```
 *
 * `readReported` resolves every key against the rule set once per record and returns the
 * entries in IR terms (node paths, decimal strings) together with the problems, each an
 * EVL44x error naming the field (`data.reported.完成及时性.points`) with a "did you mean" where a
 * name or grade is close. The validator rejects a record with problems; the engine, which also
 * runs without validation, uses whatever entries were readable. Numbers are exact decimal
 * strings: a JSON number, or text of digits with an optional `分` (points) or `%` (the rate).
 */
import type { NodeIR, RuleSetIR } from '../compile/ir.js';
import { suggest } from '../compile/suggest.js';
import type { EvaluationError } from '../common/evaluation-error.js';
import { DEFAULT_LANG, type Lang } from '../common/lang.js';
import { REPORTED, REPORTED_TERMS, reportedMessage } from '../common/reported-messages.js';
import { describeFound } from './numbers.js';

export interface ReportedPoints {
  /** Exact decimal text, as stated. */
  points: string;
  /** Absent when the record gives none. */
  reason?: string;
  /** The row's 分值 as the form states it, when it does. */
  weight?: string;
  /** The data field it came from, for messages: `data.reported.完成及时性`. */
  field: string;
}

export interface ReportedFunds {
  initial?: string;
  budget?: string;
  spent?: string;
  /** A fraction (`98.5%` → "0.985"), as stated. */
  rate?: string;
}

export interface ReportedData {
  /** By node path (indicators and dimensions). */
  nodes: Map<string, ReportedPoints>;
  total?: ReportedPoints;
  grade?: { grade: string; reason?: string; field: string };
  funds?: ReportedFunds;
  /** Form mode: digits the form rounds each row to (the reported total is Σ of rounded rows). */
  precision?: number;
}

/** What the keys of one rule set may name, built once per rule set. */
export interface ReportedIndex {
  byKey: Map<string, string[]>;
  names: string[];
  grades: string[];
}

const TOTAL_KEYS = new Set(['total', '总分']);
const GRADE_KEYS = new Set(['grade', '等级']);
const FUNDS_KEYS = new Set(['funds', '资金']);
const PRECISION_KEYS = new Set(['precision', '精度']);
const FUNDS_FIELDS: Record<string, keyof ReportedFunds> = {
  initial: 'initial',
  年初预算数: 'initial',
  budget: 'budget',
  全年预算数: 'budget',
  spent: 'spent',
  全年执行数: 'spent',
  rate: 'rate',
  执行率: 'rate',
};

export function reportedIndex(ir: RuleSetIR): ReportedIndex {
  const byKey = new Map<string, string[]>();
  const add = (key: string, path: string): void => {
    const list = byKey.get(key) ?? [];
    if (!list.includes(path)) list.push(path);
    byKey.set(key, list);
  };
  const walk = (nodes: readonly NodeIR[]): void => {
    for (const n of nodes) {
      add(n.path, n.path);
      add(n.path.replace(/\//g, '.'), n.path);
      add(n.name, n.path);
      if (n.kind === 'dimension') walk(n.children);
    }
  };
  walk(ir.nodes ?? []);
  return { byKey, names: [...byKey.keys()], grades: (ir.grades ?? []).map((g) => g.label) };
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const DECIMAL = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** Exact decimal text of a stated number; `%` divides by 100 when `percent` allows it. */
export function decimalOf(raw: unknown, percent = false): string | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? String(raw) : undefined;
  if (typeof raw !== 'string') return undefined;
  let s = raw.trim().replace(/分$/, '');
  const isPercent = percent && s.endsWith('%');
  if (isPercent) s = s.slice(0, -1).trim();
  if (!DECIMAL.test(s)) return undefined;
  return isPercent ? shiftLeft2(s) : s;
}

/** "98.5" → "0.985", exactly (the point moved in the text, no binary division). */
function shiftLeft2(s: string): string {
  const neg = s.startsWith('-');
  const [int = '', frac = ''] = (neg ? s.slice(1) : s).split('.');
  const padded = int.padStart(3, '0');
  const whole = padded.slice(0, -2).replace(/^0+(?=\d)/, '');
  const part = (padded.slice(-2) + frac).replace(/0+$/, '');
  return (neg ? '-' : '') + (part ? `${whole}.${part}` : whole);
}

export function readReported(record: unknown, index: ReportedIndex, id: string, lang: Lang = DEFAULT_LANG): { data?: ReportedData; errors: EvaluationError[] } {
  if (!isObject(record) || !Object.hasOwn(record, 'reported')) return { errors: [] };
  const block = record.reported;
  const errors: EvaluationError[] = [];
  const fail = (code: (typeof REPORTED)[keyof typeof REPORTED], path: string, args: Record<string, string>): void => {
    errors.push({ code, message: reportedMessage(code, { id, path, ...args }, lang), path });
  };
  if (block === null || block === undefined) return { errors };
  if (!isObject(block)) {
    fail(REPORTED.BAD_ENTRY, 'data.reported', { expected: REPORTED_TERMS.block[lang], found: describeFound(block, lang) });
    return { errors };
  }
  const data: ReportedData = { nodes: new Map() };
  const points = (raw: unknown, field: string): ReportedPoints | undefined => {
    const entry = isObject(raw) ? raw : { points: raw };
    const at = isObject(raw) ? `${field}.points` : field;
    const p = decimalOf(entry.points);
    if (p === undefined) return void fail(REPORTED.NOT_NUMBER, at, { found: describeFound(entry.points, lang) });
    if (p.startsWith('-') && !/^-0*\.?0*$/.test(p)) return void fail(REPORTED.NEGATIVE, at, { found: p });
    const out: ReportedPoints = { points: p, field };
    const reason = reasonOf(entry, field);
    if (reason !== undefined) out.reason = reason;
    if (entry.weight !== undefined && entry.weight !== null) {
      const w = decimalOf(entry.weight);
      if (w === undefined) fail(REPORTED.NOT_NUMBER, `${field}.weight`, { found: describeFound(entry.weight, lang) });
      else out.weight = w;
    }
    return out;
  };
  const reasonOf = (entry: Record<string, unknown>, field: string): string | undefined => {
    const r = entry.reason;
    if (r === undefined || r === null) return undefined;
    if (typeof r !== 'string') return void fail(REPORTED.BAD_ENTRY, `${field}.reason`, { expected: REPORTED_TERMS.text[lang], found: describeFound(r, lang) });
    return r.trim() === '' ? undefined : r.trim();
  };
  for (const [key, raw] of Object.entries(block)) {
    const field = `data.reported.${key}`;
    if (raw === null || raw === undefined) continue;
    if (TOTAL_KEYS.has(key)) {
      const p = points(raw, field);
      if (p) data.total = p;
    } else if (GRADE_KEYS.has(key)) {
      const entry = isObject(raw) ? raw : { grade: raw };
      const at = isObject(raw) ? `${field}.grade` : field;
      const g = typeof entry.grade === 'string' ? entry.grade.trim() : undefined;
      if (g === undefined || !index.grades.includes(g)) {
        const found = g ?? describeFound(entry.grade, lang);
        const s = g === undefined ? undefined : suggest(g, index.grades);
        fail(REPORTED.UNKNOWN_GRADE, at, { found, labels: index.grades.join('、'), ...(s ? { suggestion: s } : {}) });
        continue;
      }
      const reason = reasonOf(entry, field);
      data.grade = reason === undefined ? { grade: g, field } : { grade: g, reason, field };
    } else if (PRECISION_KEYS.has(key)) {
      if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 0 || raw > 6) {
        fail(REPORTED.BAD_ENTRY, field, { expected: REPORTED_TERMS.precision[lang], found: describeFound(raw, lang) });
        continue;
      }
      data.precision = raw;
    } else if (FUNDS_KEYS.has(key)) {
      if (!isObject(raw)) {
        fail(REPORTED.BAD_ENTRY, field, { expected: REPORTED_TERMS.funds[lang], found: describeFound(raw, lang) });
        continue;
      }
      const funds: ReportedFunds = {};
      for (const [k, v] of Object.entries(raw)) {
        const name = FUNDS_FIELDS[k];
        if (name === undefined || v === null || v === undefined) continue;
        const d = decimalOf(v, name === 'rate');
        if (d === undefined)
          fail(REPORTED.BAD_ENTRY, `${field}.${k}`, { expected: REPORTED_TERMS[name === 'rate' ? 'rate' : 'amount'][lang], found: describeFound(v, lang) });
        else funds[name] = d;
      }
      data.funds = funds;
    } else {
      const paths = index.byKey.get(key);
      if (!paths) {
        const s = suggest(key, index.names);
        fail(REPORTED.UNKNOWN_NAME, field, { name: key, ...(s ? { suggestion: s } : {}) });
        continue;
      }
      if (paths.length > 1) {
        fail(REPORTED.AMBIGUOUS, field, { name: key, candidates: paths.join('、'), first: paths[0]! });
        continue;
      }
      if (raw !== null && typeof raw === 'object' && !isObject(raw)) {
        fail(REPORTED.BAD_ENTRY, field, { expected: REPORTED_TERMS.entry[lang], found: describeFound(raw, lang) });
        continue;
      }
      const p = points(raw, field);
      if (p) data.nodes.set(paths[0]!, p);
    }
  }
  return { data, errors };
}
