/**
 * The form mapping: where the official 项目支出绩效自评表 keeps each value, found by the words on
 * the form rather than by cell addresses, so a locality's variant of the form works by changing
 * this YAML, not code. Every key has a default (the national form's wording); a mapping only says
 * what differs:
 *
 * ```yaml
 * layout: form
 * labels:                       # field → the form's words (one, or several alternatives)
 *   reason: [偏差原因, 偏差原因分析及改进措施]
 *   actual: 全年实际完成值
 * money_unit: 万元              # the unit the funds rows are written in (万元 or 元; default 万元)
 * funds_indicator: 预算执行率    # the indicator the funds row's 分值/得分 belong to
 * row_precision: 1              # form mode: the form rounds each row to 1 decimal, 总分 = Σ rows
 * grades: { 优秀: 优, 良好: 良 }   # the form's grade words → the rule set's labels
 * fields:                       # funds and header values → data paths of the record
 *   budget: budget.adjusted
 *   spent: spent
 * rows:                         # the form's 三级指标 → indicator (and the field its 实际完成值 feeds)
 *   项目完成及时率: { indicator: 完成及时性, actual: on_time_rate }
 *   验收合格率: 工程验收合格率
 *   备注: null                   # a row that is no indicator
 * ```
 *
 * A label matches a cell whose text, with spaces and line breaks removed, is the label, or the
 * label followed by a bracketed note (`全年预算数（A）`, `项目资金（万元）`) or a colon.
 */
import { parse as parseYaml } from 'yaml';
import { DEFAULT_LANG, type Lang } from '../../common/lang.js';
import { FORM, FORM_TERMS, formMessage } from './form-messages.js';

export const LABEL_DEFAULTS = {
  id: ['项目编号', '项目代码'],
  name: ['项目名称'],
  department: ['主管部门'],
  agency: ['实施单位'],
  year: ['年度', '评价年度'],
  initial: ['年初预算数'],
  budget: ['全年预算数'],
  spent: ['全年执行数'],
  rate: ['执行率'],
  level1: ['一级指标'],
  level2: ['二级指标'],
  level3: ['三级指标'],
  target: ['指标值', '年度指标值'],
  actual: ['实际完成值', '全年实际值'],
  weight: ['分值'],
  points: ['得分'],
  reason: ['偏差原因', '偏差原因分析及改进措施'],
  total: ['总分'],
  grade: ['等级', '自评等级', '评价等级'],
} as const satisfies Record<string, readonly string[]>;

export type LabelKey = keyof typeof LABEL_DEFAULTS;

export interface FormRow {
  indicator: string;
  /** Data path (dotted) the row's 实际完成值 is written to. */
  actual?: string;
}

export interface FormMapping {
  labels: Record<LabelKey, string[]>;
  moneyUnit: '万元' | '元';
  fundsIndicator: string;
  /** The form's grade words → the rule set's labels (优秀 → 优). */
  grades: Record<string, string>;
  /** Form mode: the digits the form rounds each row to (the record's `reported.precision`). */
  rowPrecision?: number;
  /** Funds and header fields (initial, budget, spent, year…) → dotted data paths. */
  fields: Partial<Record<LabelKey, string>>;
  /** The form's 三级指标 text → its indicator; null: not an indicator. */
  rows: Record<string, FormRow | null>;
}

export function defaultFormMapping(): FormMapping {
  const labels = {} as Record<LabelKey, string[]>;
  for (const [k, v] of Object.entries(LABEL_DEFAULTS)) labels[k as LabelKey] = [...v];
  return { labels, moneyUnit: '万元', fundsIndicator: '预算执行率', grades: {}, fields: {}, rows: {} };
}

/** A cell's text as labels are compared: no spaces, no line breaks. */
export function labelText(cell: unknown): string {
  return typeof cell === 'string' ? cell.replace(/[\s\u3000]+/g, '') : '';
}

export function matchesLabel(cell: unknown, labels: readonly string[]): boolean {
  const text = labelText(cell);
  if (text === '') return false;
  return labels.some((l) => text === l || (text.startsWith(l) && /^[（(:：]/.test(text.slice(l.length))));
}

const KEYS = ['layout', 'labels', 'money_unit', 'funds_indicator', 'row_precision', 'grades', 'fields', 'rows'];
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Reads a form mapping from YAML text (or a parsed object); problems as EVL474 messages. */
export function parseFormMapping(source: string | unknown, lang: Lang = DEFAULT_LANG): { mapping?: FormMapping; problems: string[] } {
  const bad = (reason: string) => ({ problems: [formMessage(FORM.BAD_MAPPING, { reason }, lang)] });
  let doc: unknown = source;
  if (typeof source === 'string') {
    try {
      doc = parseYaml(source);
    } catch (e) {
      return bad(e instanceof Error ? (e.message.split('\n')[0] ?? 'YAML') : 'YAML');
    }
  }
  if (doc === null || doc === undefined) return { mapping: defaultFormMapping(), problems: [] };
  if (!isObject(doc)) return bad(FORM_TERMS.notObject[lang]);
  const unknown = Object.keys(doc).find((k) => !KEYS.includes(k));
  if (unknown) return bad(FORM_TERMS.unknownKey[lang].replace('{key}', unknown).replace('{known}', KEYS.join(', ')));
  const m = defaultFormMapping();
  if (doc.labels !== undefined) {
    if (!isObject(doc.labels)) return bad(FORM_TERMS.labelsNotMap[lang]);
    for (const [k, v] of Object.entries(doc.labels)) {
      if (!(k in LABEL_DEFAULTS)) return bad(FORM_TERMS.unknownKey[lang].replace('{key}', k).replace('{known}', Object.keys(LABEL_DEFAULTS).join(', ')));
      const list = typeof v === 'string' ? [v] : Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined;
      if (!list || list.length === 0) return bad(FORM_TERMS.labelsNotMap[lang]);
      m.labels[k as LabelKey] = list.map((x) => x.replace(/[\s\u3000]+/g, ''));
    }
  }
  if (doc.money_unit !== undefined) {
    if (doc.money_unit !== '万元' && doc.money_unit !== '元') return bad('money_unit: 万元 | 元');
    m.moneyUnit = doc.money_unit;
  }
  if (doc.funds_indicator !== undefined) {
    if (typeof doc.funds_indicator !== 'string') return bad('funds_indicator');
    m.fundsIndicator = doc.funds_indicator;
  }
  if (doc.row_precision !== undefined) {
    const p = doc.row_precision;
    if (typeof p !== 'number' || !Number.isInteger(p) || p < 0 || p > 6) return bad('row_precision: 0–6');
    m.rowPrecision = p;
  }
  if (doc.grades !== undefined) {
    if (!isObject(doc.grades) || !Object.values(doc.grades).every((v) => typeof v === 'string')) return bad('grades: { 优秀: 优, … }');
    m.grades = { ...(doc.grades as Record<string, string>) };
  }
  if (doc.fields !== undefined) {
    if (!isObject(doc.fields)) return bad(FORM_TERMS.fieldsNotMap[lang]);
    for (const [k, v] of Object.entries(doc.fields)) {
      if (!(k in LABEL_DEFAULTS) || typeof v !== 'string') return bad(FORM_TERMS.fieldsNotMap[lang]);
      m.fields[k as LabelKey] = v.replace(/^data\./, '');
    }
  }
  if (doc.rows !== undefined) {
    if (!isObject(doc.rows)) return bad(FORM_TERMS.rowsNotMap[lang]);
    for (const [k, v] of Object.entries(doc.rows)) {
      const key = k.replace(/[\s\u3000]+/g, '');
      if (v === null) m.rows[key] = null;
      else if (typeof v === 'string') m.rows[key] = { indicator: v };
      else if (isObject(v) && typeof v.indicator === 'string' && (v.actual === undefined || typeof v.actual === 'string'))
        m.rows[key] = v.actual === undefined ? { indicator: v.indicator } : { indicator: v.indicator, actual: (v.actual as string).replace(/^data\./, '') };
      else return bad(FORM_TERMS.rowsNotMap[lang]);
    }
  }
  return { mapping: m, problems: [] };
}
