/**
 * How the command line turns diagnostics into what a user reads: checking many indicator files
 * at once (a file imported by several of them reports its problems once, not once per
 * importer) and printing each diagnostic as a code frame with a path relative to the working
 * directory, in the user's language. Every command that shows diagnostics goes through here.
 */
import { readFileSync } from 'node:fs';
import { compile } from '../compile/compile.js';
import { formatDiagnostic } from '../compile/code-frame.js';
import { compareDiagnostics, type Diagnostic } from '../common/diagnostic.js';
import type { Lang } from '../common/lang.js';
import { displayPath } from './files.js';
import { type CliIO, write } from './io.js';

/** Compiles each file on its own and returns every problem once, in stable order. */
export function checkIndicatorFiles(files: readonly string[], lang: Lang): Diagnostic[] {
  return uniqueDiagnostics(files.flatMap((file) => compile([file], { lang }).diagnostics));
}

export function uniqueDiagnostics(all: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const unique: Diagnostic[] = [];
  for (const d of all) {
    const key = `${d.file}\0${d.range.start.offset}\0${d.range.end.offset}\0${d.code}\0${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(d);
  }
  return unique.sort(compareDiagnostics);
}

/** Prints code frames (sorted) to `stream`, stderr by default; each source file is read once. */
export function printDiagnostics(diagnostics: readonly Diagnostic[], io: CliIO, lang: Lang, stream = io.stderr): void {
  const sources = new Map<string, string>();
  for (const d of [...diagnostics].sort(compareDiagnostics)) {
    if (!sources.has(d.file)) sources.set(d.file, readSource(d.file));
    write(stream, formatDiagnostic({ ...d, file: displayPath(d.file, io.cwd) }, sources.get(d.file), lang) + '\n');
  }
}

function readSource(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    // in-memory or vanished file: the frame shows the position only
    return '';
  }
}
