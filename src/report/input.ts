/**
 * What a report knows about a project besides its scorecard: the `ProjectInfo` of the record
 * (name, department, town, budget, stage, and the requested/approved amounts of a budget review),
 * and the `ReportInput` a batch report takes — a bare `EvaluationResult`, or a result paired with
 * its info. `infoFromRecord` reads the usual fields of a data record so callers holding the
 * records need not build the info by hand; amounts are kept as decimal strings in 元.
 * A record's `name` is the project's name, except for a department's or a town's own record:
 * those (an explicit `entity: department|town`, or, without one, the shape of the demo city's
 * department / town records — see ENTITY_SHAPES) report their `name` as the department / town,
 * and are labelled as what they are (`entity`). The evaluator's own text (`narrative`: work,
 * experience, problems, causes per indicator, suggestions) and the 落款's issuing body come from
 * the record's `narrative` / `评价说明` and `issuer` / `评价机构` fields, or from a side file.
 */
import type { EvaluationResult } from '../engine/result.js';
import { toDecimal } from './format.js';

export interface ProjectInfo {
  name?: string;
  department?: string;
  town?: string;
  /** Budget in 元 as a decimal string. */
  budget?: string;
  stage?: string;
  year?: string;
  /** Budget review (预算评审): amount requested and approved, in 元. */
  requested?: string;
  approved?: string;
  /** Evaluation date as the caller wants it shown; reports print no clock time of their own. */
  date?: string;
  /** What the record is about; absent means a project. */
  entity?: Entity;
  /** The evaluating body signing the report (落款). */
  issuer?: string;
  /** The evaluator's own words, placed in the outline's sections. */
  narrative?: Narrative;
  /** The funds row a form states (`reported.funds`), in the form's unit, for the filled 自评表. */
  funds?: { initial?: string; budget?: string; spent?: string };
}

/**
 * Text the evaluator writes, not the rules: each part goes to its place in the 财预〔2020〕10号
 * outline; `causes` explains an indicator's lost points (indicator name → cause).
 */
export interface Narrative {
  overview?: string;
  work?: string;
  experience?: string;
  problems?: string;
  causes?: Record<string, string>;
  suggestions?: string;
}

/** Field names of a narrative, English first, then the Chinese the forms use. */
export const NARRATIVE_FIELDS: Record<Exclude<keyof Narrative, 'causes'>, readonly string[]> & { causes: readonly string[] } = {
  overview: ['overview', '项目概况'],
  work: ['work', '工作开展情况'],
  experience: ['experience', '主要经验及做法'],
  problems: ['problems', '存在的问题'],
  causes: ['causes', '偏差原因'],
  suggestions: ['suggestions', '有关建议'],
};

/** A narrative from a plain object with English or Chinese keys; undefined when it has no text. */
export function narrativeFrom(value: unknown): Narrative | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const obj = value as Record<string, unknown>;
  const out: Narrative = {};
  for (const [key, names] of Object.entries(NARRATIVE_FIELDS) as [keyof Narrative, readonly string[]][]) {
    for (const name of names) {
      const v = obj[name];
      if (key === 'causes') {
        if (v && typeof v === 'object' && !Array.isArray(v)) {
          const causes = Object.fromEntries(
            Object.entries(v)
              .filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== '')
              .map(([k, c]) => [k, c.trim()]),
          );
          if (Object.keys(causes).length > 0) out.causes = causes;
        }
      } else if (typeof v === 'string' && v.trim() !== '') out[key] = v.trim();
      if (out[key] !== undefined) break;
    }
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

export type ReportInput = EvaluationResult | { result: EvaluationResult; info?: ProjectInfo };

export interface ReportItem {
  result: EvaluationResult;
  info: ProjectInfo;
}

export function toReportItem(input: ReportInput): ReportItem {
  if ('result' in input) return { result: input.result, info: input.info ?? {} };
  return { result: input, info: {} };
}

/** Reads a dotted path of a plain record. */
function pick(record: unknown, path: string): unknown {
  let current: unknown = record;
  for (const segment of path.split('.')) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

function firstText(record: unknown, paths: readonly string[]): string | undefined {
  for (const path of paths) {
    const value = pick(record, path);
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  }
  return undefined;
}

function firstAmount(record: unknown, paths: readonly string[]): string | undefined {
  for (const path of paths) {
    const d = toDecimal(pick(record, path));
    if (d !== null) return d.toFixed();
  }
  return undefined;
}

/** The field paths `infoFromRecord` looks at, first match wins. */
export const INFO_PATHS = {
  name: ['name', 'project.name', '项目名称'],
  department: ['department', 'dept', 'project.department', '主管部门'],
  town: ['town', 'project.town', '乡镇'],
  budget: ['budget.adjusted', 'budget.total', 'budget.initial', 'budget', '预算金额'],
  stage: ['stage', '评价阶段'],
  year: ['year', '年度'],
  requested: ['review.requested', 'budget.requested', 'requested', '申报金额'],
  approved: ['review.approved', 'budget.approved', 'approved', '审定金额'],
  date: ['date', 'evaluated_on', '评价日期'],
  issuer: ['issuer', '评价机构'],
  narrative: ['narrative', 'commentary', '评价说明'],
  /** What the record is about: `project` (default), `department` or `town`. */
  entity: ['entity', '评价对象'],
} as const;

/**
 * Without an `entity` field, a record that has none of the department/town fields and at least
 * two of these top-level fields is a department's (overall spending) or a town's (fiscal
 * operation) own record — the fields the shipped department and town frameworks read.
 */
export const ENTITY_SHAPES = {
  department: ['staff', 'three_public', 'key_spending'],
  town: ['revenue', 'debt', 'transfer'],
} as const;

export type Entity = 'project' | 'department' | 'town';

/** Whether the record is about a project, or is a department's or town's own record. */
export function entityOf(record: unknown): Entity {
  const declared = firstText(record, INFO_PATHS.entity)?.toLowerCase();
  if (declared === 'department' || declared === '部门') return 'department';
  if (declared === 'town' || declared === '乡镇' || declared === '镇街') return 'town';
  if (declared !== undefined) return 'project';
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return 'project';
  const has = (key: string) => (record as Record<string, unknown>)[key] !== undefined;
  for (const entity of ['department', 'town'] as const) {
    if (INFO_PATHS[entity].some((p) => pick(record, p) !== undefined)) continue;
    if (ENTITY_SHAPES[entity].filter(has).length >= 2) return entity;
  }
  return 'project';
}

export function infoFromRecord(record: unknown): ProjectInfo {
  const info: ProjectInfo = {};
  for (const key of ['name', 'department', 'town', 'stage', 'year', 'date', 'issuer'] as const) {
    const value = firstText(record, INFO_PATHS[key]);
    if (value !== undefined) info[key] = value;
  }
  for (const key of ['budget', 'requested', 'approved'] as const) {
    const value = firstAmount(record, INFO_PATHS[key]);
    if (value !== undefined) info[key] = value;
  }
  // A department's or town's own record: its name is the unit itself, so it groups by it.
  const entity = entityOf(record);
  if (entity !== 'project') info.entity = entity;
  if (entity !== 'project' && info.name !== undefined && info[entity] === undefined) info[entity] = info.name;
  const funds = pick(record, 'reported.funds');
  if (funds !== null && typeof funds === 'object' && !Array.isArray(funds)) {
    const out: NonNullable<ProjectInfo['funds']> = {};
    for (const key of ['initial', 'budget', 'spent'] as const) {
      const v = (funds as Record<string, unknown>)[key];
      if (typeof v === 'number' || typeof v === 'string') out[key] = String(v);
    }
    if (Object.keys(out).length > 0) info.funds = out;
  }
  for (const path of INFO_PATHS.narrative) {
    const narrative = narrativeFrom(pick(record, path));
    if (narrative) {
      info.narrative = narrative;
      break;
    }
  }
  return info;
}
