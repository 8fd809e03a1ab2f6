/**
 * The whole per-record pipeline as one verb: score the record (engine), then apply the rule
 * set's recommendation rules to the scorecard (recommend). The CLI, the demo, batch workers and
 * the service all go through here, so a record means the same thing at every door.
 * Never throws on user data; a record that cannot be read or fails the data schema comes back
 * as a rejected result and the batch goes on.
 */
import type { RuleSetIR } from '../compile/ir.js';
import { DEFAULT_LANG, type Lang } from '../common/lang.js';
import { recordId } from '../data/guard.js';
import { SourcedRecord } from '../data/sourced-record.js';
import { createEvaluator, rejectedResult, withYear, type EvaluateOptions, type EvaluatorOptions } from '../engine/index.js';
import type { EvaluationResult } from '../engine/result.js';
import { createRecommender } from '../recommend/index.js';
import type { RecommendContext } from '../recommend/index.js';

export interface Assessor {
  readonly ir: RuleSetIR;
  assess(record: unknown, options?: EvaluateOptions & { context?: RecommendContext }): EvaluationResult;
}

export interface AssessorOptions {
  /** Language of error messages (codes never change). Default DEFAULT_LANG. */
  lang?: Lang;
  /** How much explanation each result carries (TraceLevel); recommendations never depend on it. Default 'full'. */
  trace?: EvaluatorOptions['trace'];
}

/** Builds the evaluator and the recommender once for a rule set. */
export function createAssessor(ir: RuleSetIR, options: AssessorOptions = {}): Assessor {
  const evaluator = createEvaluator(ir, { lang: options.lang ?? DEFAULT_LANG, ...(options.trace === undefined ? {} : { trace: options.trace }) });
  const recommender = createRecommender(ir, { lang: options.lang ?? DEFAULT_LANG });
  return {
    ir,
    assess(record, options = {}) {
      const { context, ...evaluateOptions } = options;
      // the rules read the record as scoring did ("89.974万" as 899740), in the year scoring used
      const data = evaluator.read(evaluateOptions.year === undefined ? record : withYear(record, evaluateOptions.year));
      const result = evaluator.evaluate(data, evaluateOptions);
      // `--stage` is the stage of the whole evaluation: rules read it as the scorecard does
      const withStage = evaluateOptions.stage !== undefined && context?.stage === undefined ? { ...context, stage: evaluateOptions.stage } : context;
      if (result.status === 'ok') result.recommendations = recommender.recommend(result, data, withStage);
      return result;
    },
  };
}

export interface AssessManyOptions {
  stage?: string;
  /** The fiscal year params by year are chosen for (default each record's `fiscal_year`). */
  year?: number;
  /**
   * The context of a record by its result id (the record's `id`, else its `source#index`):
   * last year's result, rectification status. Undefined → the record gets no context.
   */
  contextFor?: (id: string) => RecommendContext | undefined;
}

/** The context options of one record: looked up by the id its result will carry. */
export function contextOptions(record: unknown, fallbackId: string, contextFor: AssessManyOptions['contextFor']): { context?: RecommendContext } {
  const context = contextFor?.(recordId(record, fallbackId));
  return context ? { context } : {};
}

/** Assesses a stream of records or reader entries one at a time, in input order, in constant memory. */
export async function* assessMany(
  assessor: Assessor,
  items: Iterable<unknown> | AsyncIterable<unknown>,
  options: AssessManyOptions = {},
): AsyncIterable<EvaluationResult> {
  const stage = { ...(options.stage ? { stage: options.stage } : {}), ...(options.year === undefined ? {} : { year: options.year }) };
  let index = 0;
  for await (const item of items as AsyncIterable<unknown>) {
    index++;
    if (item instanceof SourcedRecord) {
      const fallbackId = `${item.source}#${item.index}`;
      yield item.error
        ? rejectedResult(assessor.ir, fallbackId, [item.error])
        : assessor.assess(item.record, { fallbackId, ...stage, ...contextOptions(item.record, fallbackId, options.contextFor) });
    } else {
      const fallbackId = `#${index}`;
      yield assessor.assess(item, { fallbackId, ...stage, ...contextOptions(item, fallbackId, options.contextFor) });
    }
  }
}
