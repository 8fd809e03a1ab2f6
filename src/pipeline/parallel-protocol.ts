/**
 * Messages between the batch coordinator and its worker threads. Results cross the thread
 * boundary already serialized (the text the CLI writes anyway) plus a small summary, which is
 * far cheaper to copy than the full result object.
 */
import type { EvaluationError, EvaluationResult } from '../engine/result.js';
import type { RecommendContext } from '../recommend/index.js';

export interface ChunkRequest {
  seq: number;
  /** A record's context travels with it: the join stays on the main thread. */
  records: { record: unknown; fallbackId: string; context?: RecommendContext }[];
}

export interface ResultSummary {
  id: string;
  status: EvaluationResult['status'];
  total: number | null;
  grade: string | null;
  errors: EvaluationError[];
  recommendations: { action: string; line?: string; amount?: string; level?: string }[];
  /** Indicators of a scored record that could not be scored, with their reasons. */
  unavailable: { path: string; code: string; message: string }[];
}

export interface SerializedResult {
  json: string;
  summary: ResultSummary;
}

export interface ChunkReply {
  seq: number;
  results: SerializedResult[];
}

export function summarizeResult(result: EvaluationResult): ResultSummary {
  const unavailable: ResultSummary['unavailable'] = [];
  for (const i of result.indicators) if (i.status === 'unavailable') unavailable.push({ path: i.path, code: i.error?.code ?? '', message: i.error?.message ?? '' });
  return {
    unavailable,
    id: result.id,
    status: result.status,
    total: result.total,
    grade: result.grade,
    errors: result.errors,
    recommendations: result.recommendations.map((r) => ({
      action: r.action,
      ...(r.line ? { line: r.line } : {}),
      ...(r.amount ? { amount: r.amount } : {}),
      ...(r.level ? { level: r.level } : {}),
    })),
  };
}
