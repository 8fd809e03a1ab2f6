/**
 * An error about one record or one indicator, as results carry it: a stable EVL code, the
 * message in the caller's language and the data or indicator path it is about. Shared by the
 * data loader and the engine, so it lives below both.
 */
export interface EvaluationError {
  code: string;
  message: string;
  /** Data path or indicator path the error is about. */
  path?: string;
}
