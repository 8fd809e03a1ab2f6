/**
 * The `--previous FILE…` and `--rectification FILE…` options of `jixiao eval` and `jixiao
 * report`: loads the context files through src/pipeline/context-sources.ts, prints their
 * diagnostics (code frames for rows of text files; a workbook row or a file-level warning has no
 * line to show, so only its header line) and hands back the join the batch looks records up in.
 * An error in a context file (unreadable, duplicate id, bad value) stops the command before any
 * record is assessed: a wrong join would silently change recommendations. Rows that matched no
 * record are reported after the run as one warning per file and do not change the exit code.
 */
import { resolve } from 'node:path';
import { hasErrors, type Diagnostic } from '../common/diagnostic.js';
import type { Lang } from '../common/lang.js';
import { CTX } from '../pipeline/context-messages.js';
import { loadContextSources, type ContextJoin } from '../pipeline/context-sources.js';
import { hasSourceLine, printDiagnostics } from './diagnostics.js';
import { displayPath } from './files.js';
import type { CliIO } from './io.js';

export interface ContextValues {
  previous?: string[] | undefined;
  rectification?: string[] | undefined;
}

/** Loads the context files; `ok: false` when they have errors (already printed). */
export async function loadCliContext(values: ContextValues, io: CliIO, lang: Lang): Promise<{ ok: boolean; join?: ContextJoin }> {
  const at = (files: string[] | undefined) => (files ?? []).map((f) => resolve(io.cwd, f));
  const previous = at(values.previous);
  const rectification = at(values.rectification);
  if (previous.length === 0 && rectification.length === 0) return { ok: true };
  const { join, diagnostics } = await loadContextSources({ previous, rectification }, { lang, display: (s) => displayPath(s, io.cwd) });
  printContextDiagnostics(diagnostics, io, lang);
  if (hasErrors(diagnostics)) return { ok: false };
  return join ? { ok: true, join } : { ok: true };
}

/** After the run: one warning per context file whose rows matched no record. */
export function reportUnmatched(join: ContextJoin | undefined, io: CliIO, lang: Lang): void {
  if (join) printContextDiagnostics(join.unmatched(), io, lang);
}

export function printContextDiagnostics(diagnostics: readonly Diagnostic[], io: CliIO, lang: Lang): void {
  // a read error has no row to show (an unparseable NDJSON line is named in its message)
  printDiagnostics(diagnostics, io, lang, { framed: (d) => hasSourceLine(d) && d.code !== CTX.UNREADABLE });
}
