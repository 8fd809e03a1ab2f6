/**
 * The engine's façade. `createEvaluator(ir)` walks the IR once into closures (see plan.ts) and
 * returns an evaluator reused for every record; `evaluate` scores one record, `evaluateMany`
 * streams a batch in constant memory. Neither ever throws on user data: a record that is not a
 * safe plain object, or that fails the rule set's data schema, comes back as a result with
 * status 'rejected' and its errors, and the batch goes on. Numbers typed with a unit
 * (`"89.974万"`, `"95%"`) are read as the language reads them before anything scores them
 * (`read`, src/data/numbers.ts); callers that pass the record on (the rules) pass `read(record)`.
 */
import { FISCAL_YEAR_FIELD } from '../common/fiscal-year.js';
import type { RuleSetIR } from '../compile/ir.js';
import { DEFAULT_LANG, type Lang } from '../common/lang.js';
import type { EvaluationError, EvaluationResult, TraceLevel } from './result.js';
import { checkRecord, recordId } from '../data/guard.js';
import { SourcedRecord } from '../data/sourced-record.js';
import { createNumberCheck } from '../data/numbers.js';
import { createRecordValidator, type RecordValidator } from '../data/validate.js';
import { createState } from './indicator.js';
import { buildProgram, type Program } from './plan.js';
import { buildScorecard } from './scorecard.js';

export interface EvaluatorOptions {
  /** Validate records against the IR's data schema (ajv, compiled once). Default true. */
  validate?: boolean;
  /**
   * How much explanation each result carries; only what is asked for is built (TraceLevel).
   * Default 'full'. `true` is 'full'; `false` is 'summary' (what `false` always meant).
   */
  trace?: boolean | TraceLevel;
  /** Language of error messages (codes never change). Default DEFAULT_LANG. */
  lang?: Lang;
}

export type { TraceLevel };

export function traceLevel(trace: boolean | TraceLevel | undefined): TraceLevel {
  return trace === undefined || trace === true ? 'full' : trace === false ? 'summary' : trace;
}

export interface EvaluateOptions {
  /** Result id; default the record's own `id`, else `fallbackId`. */
  id?: string;
  fallbackId?: string;
  /** The stage (`stage` in expressions): ex_ante, monitoring, ex_post… Default `record.stage`. */
  stage?: string;
  /**
   * The fiscal year params by year are chosen for; default the record's own `fiscal_year`. Given,
   * it replaces that field in the record the engine reads (so the data check and the trace see it).
   */
  year?: number;
}

export interface Evaluator {
  readonly ir: RuleSetIR;
  evaluate(record: unknown, options?: EvaluateOptions): EvaluationResult;
  /**
   * The record as scoring reads it: unit-suffixed numbers replaced by their value (a copy along
   * the changed paths; the same object when nothing changes). Give this to the rules.
   */
  read<T>(record: T): T;
}

export function createEvaluator(ir: RuleSetIR, options: EvaluatorOptions = {}): Evaluator {
  const program = buildProgram(ir);
  const lang = options.lang ?? DEFAULT_LANG;
  const validator = options.validate === false ? undefined : createRecordValidator(ir, lang);
  const trace = traceLevel(options.trace);
  const numbers = createNumberCheck(ir, lang);
  const read = <T>(record: T): T => numbers.normalize(record);
  return { ir, read, evaluate: (record, opts = {}) => run(program, validator, read, record, opts, trace, lang) };
}

function run(
  program: Program,
  validator: RecordValidator | undefined,
  read: (r: unknown) => unknown,
  record: unknown,
  opts: EvaluateOptions,
  trace: TraceLevel,
  lang: Lang,
): EvaluationResult {
  const id = opts.id ?? recordId(record, opts.fallbackId ?? '');
  if (opts.year !== undefined) record = withYear(record, opts.year);
  const unsafe = checkRecord(record, id, lang);
  if (unsafe.length) return rejectedResult(program.ir, id, unsafe);
  const data = read(record) as Record<string, unknown>;
  const invalid = validator ? validator(data, id) : [];
  if (invalid.length) return rejectedResult(program.ir, id, invalid);
  const stage = opts.stage ?? (typeof data.stage === 'string' && Object.hasOwn(data, 'stage') ? data.stage : undefined);
  return buildScorecard(program, createState(program, data, stage, trace, lang), id);
}

/** The record with its fiscal year set by the caller (a copy; anything but an object is left as is). */
export function withYear(record: unknown, year: number): unknown {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return record;
  return { ...(record as Record<string, unknown>), [FISCAL_YEAR_FIELD]: year };
}

/** The result of a record that was never evaluated. */
export function rejectedResult(ir: RuleSetIR, id: string, errors: EvaluationError[]): EvaluationResult {
  return {
    ruleset: { name: ir.name, version: ir.version, hash: ir.hash },
    id,
    status: 'rejected',
    total: null,
    grade: null,
    scale: Number(ir.settings.scale),
    dimensions: [],
    indicators: [],
    vetoes: [],
    lostPoints: [],
    nextGrade: null,
    recommendations: [],
    errors,
    trace: { rawTotal: '', applicableWeight: '0', steps: [] },
  };
}

/** One cached evaluator per IR and language, so calls in different languages never share text. */
const cache: Record<Lang, WeakMap<RuleSetIR, Evaluator>> = { zh: new WeakMap(), en: new WeakMap() };

function cached(ir: RuleSetIR, lang: Lang): Evaluator {
  let ev = cache[lang].get(ir);
  if (!ev) {
    ev = createEvaluator(ir, { lang });
    cache[lang].set(ir, ev);
  }
  return ev;
}

/** Scores one record. The evaluator for `ir` is built on first use and kept while `ir` lives. */
export function evaluate(ir: RuleSetIR, record: unknown, options?: EvaluateOptions & { lang?: Lang }): EvaluationResult {
  return cached(ir, options?.lang ?? DEFAULT_LANG).evaluate(record, options);
}

/**
 * Scores a stream of records one at a time (constant memory). Items may be plain records or
 * the entries `readRecords` yields; an entry that could not be read becomes a rejected result.
 */
export async function* evaluateMany(
  ir: RuleSetIR,
  records: Iterable<unknown> | AsyncIterable<unknown>,
  options: EvaluatorOptions & { stage?: string; year?: number } = {},
): AsyncIterable<EvaluationResult> {
  const ev = options.validate === undefined && options.trace === undefined ? cached(ir, options.lang ?? DEFAULT_LANG) : createEvaluator(ir, options);
  let index = 0;
  for await (const item of records as AsyncIterable<unknown>) {
    index++;
    if (item instanceof SourcedRecord) {
      const fallbackId = `${item.source}#${item.index}`;
      if (item.error) yield rejectedResult(ir, fallbackId, [item.error]);
      else
        yield ev.evaluate(item.record, {
          fallbackId,
          ...(options.stage ? { stage: options.stage } : {}),
          ...(options.year === undefined ? {} : { year: options.year }),
        });
      continue;
    }
    yield ev.evaluate(item, {
      fallbackId: `#${index}`,
      ...(options.stage ? { stage: options.stage } : {}),
      ...(options.year === undefined ? {} : { year: options.year }),
    });
  }
}
