/**
 * Diagnostics about data and YAML declaration files, printed through the shared printer
 * (src/cli/diagnostics.ts: sorted, paths relative to the working directory, code frames, the
 * user's language) — except where a frame would mislead: a diagnostic about records rather than
 * a file position (`<input>`, or no such file), a workbook (binary, no lines), a declaration problem with no
 * known position (NO_RANGE: a frame of line 1 would point at the wrong place), or one its caller
 * marks as position-less. Those print as the header line (and hint) only.
 */
import { existsSync } from 'node:fs';
import { extname } from 'node:path';
import { formatDiagnostic } from '../compile/code-frame.js';
import { compareDiagnostics, NO_RANGE, type Diagnostic } from '../common/diagnostic.js';
import type { Lang } from '../common/lang.js';
import { printDiagnostics } from './diagnostics.js';
import { displayPath } from './files.js';
import { type CliIO, write } from './io.js';

/** True when a diagnostic points at a position in a text file, so its line is worth showing. */
export function hasSourceLine(d: Diagnostic): boolean {
  const noPosition = d.range.start.offset === NO_RANGE.start.offset && d.range.end.offset === NO_RANGE.end.offset && d.range.start.line === 1 && d.range.end.column === 1;
  return !noPosition && d.file !== '<input>' && extname(d.file).toLowerCase() !== '.xlsx' && existsSync(d.file);
}

export function printDataDiagnostics(diagnostics: readonly Diagnostic[], io: CliIO, lang: Lang, framed: (d: Diagnostic) => boolean = hasSourceLine): void {
  const sorted = [...diagnostics].sort(compareDiagnostics);
  printDiagnostics(sorted.filter(framed), io, lang);
  for (const d of sorted.filter((x) => !framed(x))) {
    write(io.stderr, formatDiagnostic({ ...d, file: d.file === '<input>' ? d.file : displayPath(d.file, io.cwd) }, undefined, lang));
  }
}

/**
 * Declaration readers name the file as the user typed it (relative to the working directory,
 * which need not be the process's); the printer needs the real path to show the line.
 */
export function locatedAt(diagnostics: readonly Diagnostic[], shown: string, file: string): Diagnostic[] {
  return diagnostics.map((d) => (d.file === shown ? { ...d, file } : d));
}
