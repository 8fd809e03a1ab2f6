/**
 * The compile phase's one verb. `compile(entries, { lang })` reads the entry files and their imports
 * (through a `SourceHost`, the file system by default), parses each once, resolves `extends`,
 * checks everything and returns one IR per framework declared in the entry files, the selected
 * one (option `framework`, else the last framework of the last entry) and all diagnostics,
 * sorted. `compileSource(text)` does the same for text posted to the service. Never throws for
 * any input; `ir` is undefined when there is an error.
 */
import type { Diagnostic } from '../common/diagnostic.js';
import { DEFAULT_LANG, type Lang } from '../common/lang.js';
import { parse } from '../dsl/parse.js';
import type { SourceHost } from './load.js';
import { loadFiles, nodeSourceHost } from './load.js';
import type { CompileResult } from './program.js';
import { compileLoaded } from './program.js';

export type { CompileResult } from './program.js';
export type { SourceHost } from './load.js';
export { memorySourceHost, nodeSourceHost } from './load.js';

export interface CompileOptions {
  fs?: SourceHost;
  framework?: string;
  /** Language of the diagnostics (default Chinese). */
  lang?: Lang;
}

export function compile(entries: string[], options: CompileOptions = {}): CompileResult {
  const diagnostics: Diagnostic[] = [];
  try {
    const lang = options.lang ?? DEFAULT_LANG;
    const files = loadFiles(entries, options.fs ?? nodeSourceHost, (text, file) => parse(text, file, { lang }), diagnostics, lang);
    return compileLoaded(files, diagnostics, options);
  } catch (err) {
    return internalError(err, entries[0] ?? '<input>', diagnostics);
  }
}

/** Compiles in-memory text; its imports are read through `options.fs` (default: the file system). */
export function compileSource(text: string, file = '<input>', options: CompileOptions = {}): CompileResult {
  const base = options.fs ?? nodeSourceHost;
  const host: SourceHost = { readFile: (p) => (p === file ? text : base.readFile(p)), resolve: (f, s) => base.resolve(f, s) };
  return compile([file], { ...options, fs: host });
}

/** A compiler bug is reported as a diagnostic rather than thrown at the caller. */
function internalError(err: unknown, file: string, diagnostics: Diagnostic[]): CompileResult {
  const message = `internal compiler error: ${err instanceof Error ? err.message : String(err)}`;
  const at = { line: 1, column: 1, offset: 0 };
  return { rulesets: [], diagnostics: [...diagnostics, { code: 'CMP299', severity: 'error', message, file, range: { start: at, end: at } }] };
}
