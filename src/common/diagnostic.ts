/**
 * The one shape every phase uses to report a problem. Diagnostics are data: phases collect them
 * and return them beside their value; nothing user-caused is ever thrown.
 *
 * Codes are stable and grouped by phase: DSL1xx syntax, CMP2xx names and types, CMP3xx weights,
 * thresholds and structure, EVL4xx evaluation and data, REC5xx recommendation rules, CLI6xx
 * command line and files. Tests assert codes and ranges, never wording.
 */

export type Severity = 'error' | 'warning' | 'info';

/** 1-based line and column, as editors show them. `end` is exclusive. */
export interface Position {
  line: number;
  column: number;
  offset: number;
}

export interface SourceRange {
  start: Position;
  end: Position;
}

export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  /** Path as the user gave it (relative where possible), or '<input>' for in-memory text. */
  file: string;
  range: SourceRange;
  hint?: string;
}

export const NO_RANGE: SourceRange = {
  start: { line: 1, column: 1, offset: 0 },
  end: { line: 1, column: 1, offset: 0 },
};

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Stable order for output: file, then position, then code. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.range.start.offset !== b.range.start.offset) return a.range.start.offset - b.range.start.offset;
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unhandled ${what}: ${JSON.stringify(value)}`);
}
