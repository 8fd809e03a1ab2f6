/**
 * The size limits of an indicator file, in one place (grammar/reference.md §7 lists them): far
 * above anything a person writes or a generator produces for a real scorecard, low enough that
 * every phase after the parser may walk a tree recursively and every check stays within a few
 * seconds. Input beyond a limit is refused where it goes over, with its own code, and the rest
 * of the file is still read:
 * - DSL109 brackets and `if`s nested more than `MAX_NESTING` deep, or that many prefixes in a row
 *   (nesting.ts, before the parser), or more than `MAX_PARSER_DEPTH` rules open in the parser;
 * - DSL112 a formula whose tree is deeper than `MAX_FORMULA_DEPTH` (operations inside one another,
 *   `1 + 1 + … + 1` included), refused by the visitor;
 * - DSL113 a data or context path of more than `MAX_PATH_SEGMENTS` segments;
 * - CMP226 (compile) a let deeper than `MAX_LET_DEPTH` counting the lets it reads;
 * - CMP227 (compile) a framework with more than `MAX_EXTENDS_DEPTH` ancestors;
 * - DSL114 a file of more than `MAX_FILE_CHARS` characters (not read at all);
 * - DSL115 stands for the diagnostics of a file past the first `MAX_DIAGNOSTICS_PER_FILE`
 *   (`capDiagnostics`).
 */
import { compareDiagnostics, type Diagnostic, type SourceRange } from '../common/diagnostic.js';
import type { Lang } from '../common/lang.js';
import * as msg from './messages.js';

export const MAX_NESTING = 64;
/**
 * Grammar rules open at once in the parser: a backstop behind `MAX_NESTING` (which keeps real
 * nesting under ~280) and below where the call stack runs out (~650 under tsx).
 */
export const MAX_PARSER_DEPTH = 400;
/** A formula of 256 operations in a chain is ten times the longest in the shipped rules. */
export const MAX_FORMULA_DEPTH = 256;
export const MAX_PATH_SEGMENTS = 32;
/**
 * Operations nested in a `let` counted through the lets it reads (CMP226, checked by compile):
 * the engine evaluates a let when first read, so a chain of lets is one deep evaluation.
 */
export const MAX_LET_DEPTH = 1024;
/** Ancestors of a framework through `extends` (CMP227); the shipped sector frameworks have two. */
export const MAX_EXTENDS_DEPTH = 32;
/** Two million characters: four times the 3,000-indicator scale test file. */
export const MAX_FILE_CHARS = 2_000_000;
export const MAX_DIAGNOSTICS_PER_FILE = 200;

function diagnostic(code: string, t: msg.Text, file: string, range: SourceRange, severity: Diagnostic['severity'] = 'error'): Diagnostic {
  return { code, severity, message: t.message, file, range, ...(t.hint ? { hint: t.hint } : {}) };
}

/** DSL114 for a file too large to read: pointed at the first character past the limit. */
export function fileTooLarge(text: string, file: string, lang: Lang): Diagnostic {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < MAX_FILE_CHARS; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  const start = { line, column: MAX_FILE_CHARS - lineStart + 1, offset: MAX_FILE_CHARS };
  return diagnostic(msg.DSL.fileTooLarge, msg.fileTooLarge(lang, text.length, MAX_FILE_CHARS), file, { start, end: start });
}

/**
 * The first `max` diagnostics of each file (the list is sorted, so these are the first in the
 * file), then one DSL115 per file that lost some, where the first one left out was. Its severity
 * is that of the worst one left out, so a file never looks cleaner than it is. Applied once, to
 * the final list: `parse` caps its own result, `compile` asks `parse` for all and caps the whole.
 */
export function capDiagnostics(sorted: readonly Diagnostic[], lang: Lang, max = MAX_DIAGNOSTICS_PER_FILE): Diagnostic[] {
  const perFile = new Map<string, { kept: number; hidden: number; first?: Diagnostic; worst: Diagnostic['severity'] }>();
  const out: Diagnostic[] = [];
  for (const d of sorted) {
    let f = perFile.get(d.file);
    if (!f) perFile.set(d.file, (f = { kept: 0, hidden: 0, worst: 'info' }));
    if (f.kept < max) {
      f.kept++;
      out.push(d);
      continue;
    }
    f.hidden++;
    f.first ??= d;
    f.worst = worse(f.worst, d.severity);
  }
  if (out.length === sorted.length) return out;
  for (const [file, f] of perFile) {
    if (f.first) out.push(diagnostic(msg.DSL.moreDiagnostics, msg.moreDiagnostics(lang, f.hidden, max), file, f.first.range, f.worst));
  }
  return out.sort(compareDiagnostics);
}

function worse(a: Diagnostic['severity'], b: Diagnostic['severity']): Diagnostic['severity'] {
  const rank = { info: 0, warning: 1, error: 2 } as const;
  return rank[b] > rank[a] ? b : a;
}
