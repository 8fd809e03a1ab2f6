/**
 * How the command line turns diagnostics into what a user reads: checking many indicator files
 * at once (a file imported by several of them reports its problems once, not once per
 * importer) and printing each diagnostic as a code frame with a path relative to the working
 * directory, in the user's language. Every command that shows diagnostics goes through here.
 * A frame is shown only where it cannot mislead: a diagnostic about records rather than a file
 * (`<input>`), a workbook (binary, no lines), a file that cannot be read, or a problem with no
 * known position (NO_RANGE: a frame of line 1 would point at the wrong place) prints its header
 * line and hint only.
 */
import { existsSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { compile } from '../compile/compile.js';
import { formatDiagnostic } from '../compile/code-frame.js';
import { compareDiagnostics, NO_RANGE, type Diagnostic } from '../common/diagnostic.js';
import type { Lang } from '../common/lang.js';
import { displayPath } from './files.js';
import type { Writable } from 'node:stream';
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

/** True when a diagnostic points at a position in a readable text file, so its line is worth showing. */
export function hasSourceLine(d: Diagnostic): boolean {
  const r = d.range;
  const noPosition = r.start.offset === NO_RANGE.start.offset && r.end.offset === NO_RANGE.end.offset && r.start.line === 1 && r.end.column === 1;
  return !noPosition && d.file !== '<input>' && extname(d.file).toLowerCase() !== '.xlsx' && existsSync(d.file);
}

export interface PrintOptions {
  /** Where to print; stderr by default. */
  stream?: Writable;
  /** Which diagnostics get a code frame; default `hasSourceLine`. */
  framed?: (d: Diagnostic) => boolean;
}

/** Prints the diagnostics sorted, each as a code frame where it has a line to show; each source file is read once. */
export function printDiagnostics(diagnostics: readonly Diagnostic[], io: CliIO, lang: Lang, options: PrintOptions = {}): void {
  const framed = options.framed ?? hasSourceLine;
  const stream = options.stream ?? io.stderr;
  const sources = new Map<string, string>();
  for (const d of [...diagnostics].sort(compareDiagnostics)) {
    let source: string | undefined;
    if (framed(d)) {
      if (!sources.has(d.file)) sources.set(d.file, readSource(d.file));
      source = sources.get(d.file);
    }
    const file = d.file === '<input>' ? d.file : displayPath(d.file, io.cwd);
    write(stream, formatDiagnostic({ ...d, file }, source, lang) + '\n');
  }
}

/**
 * Declaration readers name the file as the user typed it (relative to the working directory,
 * which need not be the process's); the printer needs the real path to show the line.
 */
export function locatedAt(diagnostics: readonly Diagnostic[], shown: string, file: string): Diagnostic[] {
  return diagnostics.map((d) => (d.file === shown ? { ...d, file } : d));
}

function readSource(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    // vanished between the check and the read: the frame shows the position only
    return '';
  }
}
