/**
 * Public surface of the evaluation engine, exported by name for src/index.ts: the façade
 * (createEvaluator, evaluate, evaluateMany, serializeResult), the result types, and the EVL
 * code catalogue so callers can match on codes.
 */
export { createEvaluator, evaluate, evaluateMany, rejectedResult, traceLevel, withYear } from './evaluate.js';
export type { Evaluator, EvaluatorOptions, EvaluateOptions, TraceLevel } from './evaluate.js';
export { serializeAssembledResult, serializeResult } from './serialize.js';
export { EVL, message as evaluationMessage } from './messages.js';
export type { EvlCode } from './messages.js';
export type {
  DimensionResult,
  EvaluationError,
  EvaluationResult,
  IndicatorResult,
  IndicatorStatus,
  IndicatorTrace,
  LostPoints,
  NextGrade,
  Recommendation,
  RuleSetRef,
  TraceStep,
  VetoResult,
} from './result.js';
