/**
 * The compile phase's one verb. `compile(entries, { lang })` reads the entry files and their imports
 * (through a `SourceHost`, the file system by default), parses each once, resolves `extends`,
 * checks everything and returns one IR per framework declared in the entry files, the selected
 * one (option `framework`, else the last framework of the last entry) and all diagnostics,
 * sorted. `compileSource(text)` does the same for text posted to the service. Never throws for
 * any input; `ir` is undefined when there is an error.
 */
import { NO_RANGE, type Diagnostic } from '../common/diagnostic.js';
import { DEFAULT_LANG, type Lang } from '../common/lang.js';
import { parse } from '../dsl/parse.js';
import type { SourceHost } from './load.js';
import { loadFiles, nodeSourceHost } from './load.js';
import type { CompileResult } from './program.js';
import { makeDiagnostic } from './messages.js';
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
    const files = loadFiles(entries, options.fs ?? nodeSourceHost, (text, file) => parse(text, file, { lang, maxDiagnostics: Infinity }), diagnostics, lang);
    return compileLoaded(files, diagnostics, options);
  } catch (err) {
    return internalError(err, entries[0] ?? '<input>', diagnostics, options.lang ?? DEFAULT_LANG);
  }
}

/** Compiles in-memory text; its imports are read through `options.fs` (default: the file system). */
export function compileSource(text: string, file = '<input>', options: CompileOptions = {}): CompileResult {
  const base = options.fs ?? nodeSourceHost;
  const host: SourceHost = { readFile: (p) => (p === file ? text : base.readFile(p)), resolve: (f, s) => base.resolve(f, s) };
  return compile([file], { ...options, fs: host });
}

/**
 * A compiler bug outside the checks (which are isolated one by one, CMP298) is reported as a
 * diagnostic in the caller's language rather than thrown at the caller; it has no better place
 * than the start of the entry file.
 */
function internalError(err: unknown, file: string, diagnostics: Diagnostic[], lang: Lang): CompileResult {
  return {
    rulesets: [],
    diagnostics: [...diagnostics, makeDiagnostic('CMP299', file, NO_RANGE, { error: err instanceof Error ? err.message : String(err) }, lang)],
  };
}
