/**
 * The demo's closed loop after scoring (结果应用): what the finance bureau does with the scored
 * stages, all through the library. `readLoopContext` loads last year's results and the
 * rectification status as the ex-post recommendation context; `runLoop` then carries each
 * project's monitoring warning (its most severe `warn` recommendation) forward onto its ex-post
 * record by id, draws the re-check sample (抽查) with a fixed seed, re-checks the sampled
 * projects' self-evaluations (自评复核), rolls departments and towns up with their projects
 * (两纳入三挂钩) and splits the special fund across towns by factors and their roll-up grade
 * (因素法). Only the records handed to `sample` carry the joined warning; files on disk are never
 * touched. Every output is a pure function of the demo data and the seed, so the JSON written
 * from it is byte-identical run after run. Problems come back as diagnostics, never thrown.
 */
import { resolve } from 'node:path';
import { Decimal } from 'decimal.js';
import { compile } from '../../compile/compile.js';
import { hasErrors, type Diagnostic } from '../../common/diagnostic.js';
import { DEFAULT_LANG, type Lang } from '../../common/lang.js';
import type { EvaluationResult } from '../../engine/result.js';
import { createAssessor } from '../../pipeline/assess.js';
import { createContextJoin, loadContextTable, type ContextJoin } from '../../pipeline/context-sources.js';
import { allocate, createRecommender, type AllocationResult } from '../../recommend/index.js';
import {
  allocationInput,
  parseAmount,
  parseFactorFile,
  parseRollupDeclaration,
  parseSampleDeclaration,
  rollup,
  sample,
  type RollupResult,
  type SampleResult,
  type Scored,
} from '../../rollup/index.js';
import { readAllRecords, readDeclarationFile } from '../../rollup/load.js';

/** The `loop:` block of examples/demo-city/index.yaml (paths relative to the repository root). */
export interface DemoLoopIndex {
  previous: string;
  rectification: string;
  self_evaluation: { data: string; rules: string; framework: string; policy?: string[] };
  sample: { rules: string; seed: number };
  rollups: { department: string; town: string };
  allocation: { factors: string; pool: number | string };
}

/** The scored records of one loop stage, record beside its result (records are plain data). */
export type StageScores = Scored[];

export interface SelfCheck {
  /** The sampled projects' self-evaluations, re-scored by the bureau. */
  results: EvaluationResult[];
  /** 自评不实: self-reported total and re-checked total differ by more than the tolerance. */
  flagged: { id: string; name?: string; selfScore: string; review: string; deviation: string }[];
  /** Sampled projects with no self-evaluation form. */
  missing: string[];
}

export interface DemoLoop {
  /** The monitoring warning carried onto each ex-post project, by id. */
  carried: { id: string; warning: string }[];
  context: { previous: number; grades: Record<string, number>; rectification: Record<string, number> };
  sample?: SampleResult;
  selfCheck?: SelfCheck;
  department?: RollupResult;
  town?: RollupResult;
  /** Departments and towns whose own evaluation hit a veto (the veto still caps the combined grade). */
  vetoed: string[];
  allocation?: { fund: string; grades: Record<string, string | null>; result: AllocationResult };
  diagnostics: Diagnostic[];
}

const SEVERITY: Record<string, number> = { red: 3, yellow: 2, green: 1 };
const idOf = (record: unknown): string | undefined => {
  const id = (record as { id?: unknown } | null)?.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
};

/**
 * Last year's grade and total and the rectification status, through the same loader as
 * `jixiao eval --previous/--rectification` (src/pipeline/context-sources.ts), with the counts
 * the summary shows. Loader problems become loop diagnostics.
 */
export async function readLoopContext(
  root: string,
  loop: DemoLoopIndex,
  diagnostics: Diagnostic[] = [],
): Promise<{ join: ContextJoin; count: DemoLoop['context'] }> {
  const previous = await loadContextTable('previous', [resolve(root, loop.previous)]);
  const rectification = await loadContextTable('rectification', [resolve(root, loop.rectification)]);
  diagnostics.push(...previous.diagnostics, ...rectification.diagnostics);
  const count: DemoLoop['context'] = { previous: previous.rows.size, grades: {}, rectification: {} };
  const tally = (into: Record<string, number>, key: unknown) => {
    if (typeof key === 'string') into[key] = (into[key] ?? 0) + 1;
  };
  for (const row of previous.rows.values()) tally(count.grades, row.fields.grade);
  for (const row of rectification.rows.values()) tally(count.rectification, row.fields.status);
  return { join: createContextJoin({ previous, rectification }), count };
}

/** Each monitored project's most severe warning level (red > yellow > green), by id. */
export function monitoringWarnings(monitoring: StageScores): Map<string, string> {
  const out = new Map<string, string>();
  for (const { result } of monitoring) {
    if (result.status !== 'ok') continue;
    for (const r of result.recommendations) {
      if (r.action !== 'warn' || !r.level) continue;
      const had = out.get(result.id);
      if (had === undefined || (SEVERITY[r.level] ?? 0) > (SEVERITY[had] ?? 0)) out.set(result.id, r.level);
    }
  }
  return out;
}

export interface LoopInput {
  root: string;
  loop: DemoLoopIndex;
  context: DemoLoop['context'];
  monitoring: StageScores;
  exPost: StageScores;
  departments: StageScores;
  towns: StageScores;
  /**
   * The language of the loop's ROL diagnostics (sampling, roll-ups, allocation); default Chinese.
   * The self-evaluation re-check still scores in the library default, as before.
   */
  lang?: Lang;
}

export async function runLoop(input: LoopInput): Promise<DemoLoop> {
  const { root, loop } = input;
  const lang = input.lang ?? DEFAULT_LANG;
  const diagnostics: Diagnostic[] = [];
  const warnings = monitoringWarnings(input.monitoring);
  const carried: DemoLoop['carried'] = [];
  // The join: results flow forward — the ex-post record gets the monitoring stage's conclusion.
  const joined = input.exPost.map(({ record }) => {
    const id = idOf(record);
    const warning = id === undefined ? undefined : warnings.get(id);
    if (id === undefined || warning === undefined) return record;
    carried.push({ id, warning });
    const previous = (record as { monitoring?: unknown }).monitoring;
    return { ...(record as object), monitoring: { ...(typeof previous === 'object' && previous ? previous : {}), warning } };
  });
  carried.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const vetoed = [...input.departments, ...input.towns].filter((s) => s.result.vetoes.length > 0).map((s) => s.result.id);
  const out: DemoLoop = { carried, context: input.context, vetoed, diagnostics };

  const sampleFile = resolve(root, loop.sample.rules);
  const read = readDeclarationFile(sampleFile, loop.sample.rules, lang);
  const parsed = read.value === undefined ? read : parseSampleDeclaration(read.value, loop.sample.rules, lang);
  diagnostics.push(...parsed.diagnostics);
  if ('declaration' in parsed && parsed.declaration) {
    out.sample = sample(parsed.declaration, joined, { seed: loop.sample.seed, lang });
    diagnostics.push(...out.sample.diagnostics);
    out.selfCheck = await recheck(root, loop, out.sample, diagnostics, lang);
  }

  out.department = rollupOf(resolve(root, loop.rollups.department), input.departments, input.exPost, diagnostics, lang);
  out.town = rollupOf(resolve(root, loop.rollups.town), input.towns, input.exPost, diagnostics, lang);
  if (out.town) out.allocation = allocateFund(root, loop, input.towns, out.town, diagnostics, lang);
  return out;
}

/** 自评复核: the sampled projects' self-evaluation forms through the self-evaluation rules. */
async function recheck(root: string, loop: DemoLoopIndex, picked: SampleResult, diagnostics: Diagnostic[], lang: Lang): Promise<SelfCheck | undefined> {
  const set = loop.self_evaluation;
  const compiled = compile(
    [set.rules, ...(set.policy ?? [])].map((p) => resolve(root, p)),
    { framework: set.framework, lang },
  );
  if (!compiled.ir || hasErrors(compiled.diagnostics)) {
    diagnostics.push(...compiled.diagnostics.filter((d) => d.severity === 'error'));
    return undefined;
  }
  const assessor = createAssessor(compiled.ir, { lang });
  const forms = new Map<string, unknown>();
  for (const r of (await readAllRecords([resolve(root, set.data)])).records) {
    const id = idOf(r);
    if (id !== undefined) forms.set(id, r);
  }
  const check: SelfCheck = { results: [], flagged: [], missing: [] };
  for (const { id, name } of picked.picked) {
    const form = forms.get(id);
    if (form === undefined) {
      check.missing.push(id);
      continue;
    }
    const result = assessor.assess(form, { fallbackId: id });
    check.results.push(result);
    if (!result.recommendations.some((r) => r.rule === '自评不实')) continue;
    const self = new Decimal(String((form as { self_score?: unknown }).self_score ?? 0));
    const reviewRaw = (form as { review_score?: unknown }).review_score;
    const review = new Decimal(typeof reviewRaw === 'number' ? reviewRaw : (result.total ?? 0));
    check.flagged.push({ id, ...(name ? { name } : {}), selfScore: self.toString(), review: review.toFixed(2), deviation: self.minus(review).toFixed(2) });
  }
  return check;
}

function rollupOf(file: string, entities: StageScores, members: StageScores, diagnostics: Diagnostic[], lang: Lang): RollupResult | undefined {
  const read = readDeclarationFile(file, file, lang);
  const parsed = read.value === undefined ? read : parseRollupDeclaration(read.value, file, lang);
  diagnostics.push(...parsed.diagnostics);
  if (!('declaration' in parsed) || !parsed.declaration) return undefined;
  const decl = parsed.declaration;
  const compiled = compile([decl.entity.rules, ...decl.entity.policy], { lang, ...(decl.entity.framework ? { framework: decl.entity.framework } : {}) });
  if (!compiled.ir || hasErrors(compiled.diagnostics)) {
    diagnostics.push(...compiled.diagnostics.filter((d) => d.severity === 'error'));
    return undefined;
  }
  // The demo already scored every department, town and project: roll up those very results.
  const result = rollup(decl, compiled.ir, entities, members, { recommender: createRecommender(compiled.ir), lang });
  diagnostics.push(...result.diagnostics);
  return result;
}

/** 因素法: the pool split across towns, each town's coefficient from its roll-up grade. */
function allocateFund(
  root: string,
  loop: DemoLoopIndex,
  towns: StageScores,
  rolled: RollupResult,
  diagnostics: Diagnostic[],
  lang: Lang,
): DemoLoop['allocation'] {
  const read = readDeclarationFile(resolve(root, loop.allocation.factors), loop.allocation.factors, lang);
  const parsed = read.value === undefined ? read : parseFactorFile(read.value, loop.allocation.factors, lang);
  diagnostics.push(...parsed.diagnostics);
  const pool = parseAmount(loop.allocation.pool);
  if (!('factors' in parsed) || !parsed.factors || !pool) return undefined;
  const gradeOf = new Map(rolled.entities.map((e) => [e.id, e.grade]));
  const graded = towns.map(({ record, result }) => ({ ...(record as object), grade: gradeOf.get(result.id) ?? null }));
  const built = allocationInput(parsed.factors, pool.toFixed(2), graded, lang);
  diagnostics.push(...built.diagnostics);
  if (!built.input) return undefined;
  const result = allocate(built.input);
  diagnostics.push(...result.diagnostics);
  return { fund: parsed.factors.fund, grades: built.grades, result };
}
