/**
 * One item read from a data source: where it came from (file and 1-based position in it) and
 * either the parsed record or the error that kept it from being read. A class, not a plain
 * object, so `evaluateMany` can tell reader entries from records that merely have similar keys.
 */
import type { EvaluationError } from '../common/evaluation-error.js';

export class SourcedRecord {
  constructor(
    readonly source: string,
    readonly index: number,
    readonly record?: unknown,
    readonly error?: EvaluationError,
  ) {}
}
