/**
 * Public surface of the recommendation stage, exported by name: the façade (compiled and
 * reference paths), rule emission for `jixiao compile --emit rules`, the compiled evaluator of
 * rule JSON, and special-fund allocation by the factor method.
 */
export { createRecommender, firedRules, recommendWithReference, type Recommender } from './recommend.js';
export { emitRules, planRules, type JreRule, type JreCondition, type RecommendEventParams } from './to-rules-engine.js';
export { compileRules, compileCondition, type CompiledRules } from './compiled.js';
export { createReferenceRecommender, createReferenceEngine, type ReferenceRecommender } from './reference.js';
export type { RecommendContext } from './facts.js';
export { allocate, type AllocationInput, type AllocationResult, type AllocationShare } from './allocate.js';
export { REC_MESSAGES } from './messages.js';
export { resolvePointer } from './path.js';
