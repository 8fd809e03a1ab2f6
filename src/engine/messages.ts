/**
 * The engine's view of the evaluation-and-data catalogue (EVL4xx). The catalogue itself lives in
 * src/common/evaluation-messages.ts because the data loader, which runs before the engine,
 * reports with the same codes; this re-export keeps the engine's imports local.
 */
export * from '../common/evaluation-messages.js';
