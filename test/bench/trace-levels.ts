/**
 * Which trace levels the engine offers, found by asking it rather than assumed, so the bench runs
 * against the engine of today (`trace: true | false`) and of tomorrow (`trace: 'none' | 'summary'
 * | 'full'`) without edits. A level counts as offered when the engine honours it: string levels
 * are used when `{ trace: 'none' }` gives a smaller result than `{ trace: 'full' }`; otherwise
 * the boolean switch stands in for none (false) and full (true) and summary is reported as not
 * offered. `assessAt` prefers the pipeline's own door (`createAssessor`) when it takes the same
 * trace option and honours it, else composes the evaluator and recommender exactly as
 * src/pipeline/assess.ts does.
 */
import type { RuleSetIR } from '../../src/compile/ir.js';
import { createEvaluator, serializeResult, type EvaluatorOptions } from '../../src/engine/index.js';
import type { EvaluationResult } from '../../src/engine/result.js';
import { createAssessor, type AssessorOptions } from '../../src/pipeline/assess.js';
import { createRecommender } from '../../src/recommend/index.js';

export type LevelName = 'none' | 'summary' | 'full';

export interface TraceLevel {
  name: LevelName;
  /** The value passed as `trace` (a level name, or the boolean it falls back to). */
  option: LevelName | boolean;
}

export interface TraceLevels {
  levels: TraceLevel[];
  /** What was found, for the bench's output. */
  note: string;
}

/** UTF-8 bytes of one result serialised as the batch writes it (one NDJSON line). */
export function resultBytes(result: EvaluationResult): number {
  return Buffer.byteLength(serializeResult(result, { indent: 0 }));
}

function bytesWith(ir: RuleSetIR, option: unknown, sample: Record<string, unknown>): number | undefined {
  try {
    // the option's type is widened on purpose: today's engine types `trace` as a boolean
    return resultBytes(createEvaluator(ir, { trace: option } as unknown as EvaluatorOptions).evaluate(sample));
  } catch {
    return undefined;
  }
}

export function detectTraceLevels(ir: RuleSetIR, sample: Record<string, unknown>): TraceLevels {
  const none = bytesWith(ir, 'none', sample);
  const summary = bytesWith(ir, 'summary', sample);
  const full = bytesWith(ir, 'full', sample);
  if (none !== undefined && summary !== undefined && full !== undefined && none < full) {
    return {
      levels: [
        { name: 'none', option: 'none' },
        { name: 'summary', option: 'summary' },
        { name: 'full', option: 'full' },
      ],
      note: "engine takes trace levels 'none' | 'summary' | 'full'",
    };
  }
  return {
    levels: [
      { name: 'none', option: false },
      { name: 'full', option: true },
    ],
    note: "engine has only the trace on/off switch: none = { trace: false }, full = { trace: true }; 'summary' not offered",
  };
}

/** A per-record assess function at one trace level (score + recommendations). */
export function assessAt(
  ir: RuleSetIR,
  level: TraceLevel,
  sample: Record<string, unknown>,
): { assess: (rec: Record<string, unknown>) => EvaluationResult; door: string } {
  const evaluator = createEvaluator(ir, { trace: level.option } as unknown as EvaluatorOptions);
  const recommender = createRecommender(ir);
  const composed = (rec: Record<string, unknown>): EvaluationResult => {
    const r = evaluator.evaluate(rec);
    if (r.status === 'ok') r.recommendations = recommender.recommend(r, rec);
    return r;
  };
  try {
    const assessor = createAssessor(ir, { trace: level.option } as unknown as AssessorOptions);
    if (serializeResult(assessor.assess(sample)) === serializeResult(composed(sample))) {
      return { assess: (rec) => assessor.assess(rec), door: 'createAssessor' };
    }
  } catch {
    // an assessor that rejects the option: compose below
  }
  return { assess: composed, door: 'createEvaluator + createRecommender' };
}
