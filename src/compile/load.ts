/**
 * Loading: reads the entry files and everything they `import`, each file parsed exactly once,
 * in load order (entries first, each followed by its imports, depth first). Import paths are
 * resolved relative to the importing file through a `SourceHost`, so the service can compile
 * posted text and tests can use an in-memory tree. Missing files are reported at the import's
 * range (CMP200), import cycles at the import that closes the cycle, with the whole path (CMP201).
 * Never throws for user input.
 */
import { readFileSync } from 'node:fs';
import { posix, sep } from 'node:path';
import type { Diagnostic, SourceRange } from '../common/diagnostic.js';
import { NO_RANGE } from '../common/diagnostic.js';
import type { FileAst } from '../dsl/ast.js';
import { makeDiagnostic } from './messages.js';
import { DEFAULT_LANG, type Lang } from '../common/lang.js';

export interface SourceHost {
  /** The file's text, or undefined when it cannot be read. */
  readFile(path: string): string | undefined;
  /** The path `spec` (as written in an import) refers to, seen from the file `from`. */
  resolve(from: string, spec: string): string;
}

export type ParseFn = (text: string, file: string) => { ast: FileAst; diagnostics: Diagnostic[] };

export interface LoadedFile {
  /** The host path, also used as the file name in diagnostics. */
  path: string;
  text: string;
  ast: FileAst;
  entry: boolean;
}

/** Joins `spec` onto the directory of `from`, keeping relative paths relative (posix separators). */
export function joinImport(from: string, spec: string): string {
  const f = from.split(sep).join('/');
  const s = spec.split(sep).join('/');
  if (posix.isAbsolute(s)) return posix.normalize(s);
  return posix.normalize(posix.join(posix.dirname(f), s));
}

/** The default host: the local file system, paths relative to the working directory. */
export const nodeSourceHost: SourceHost = {
  readFile(path) {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  },
  resolve: joinImport,
};

/** An in-memory host over a map of path → text (for the service and for tests). */
export function memorySourceHost(files: Record<string, string>): SourceHost {
  return { readFile: (p) => files[p], resolve: joinImport };
}

export function loadFiles(entries: readonly string[], host: SourceHost, parse: ParseFn, diagnostics: Diagnostic[], lang: Lang = DEFAULT_LANG): LoadedFile[] {
  const loaded = new Map<string, LoadedFile>();
  const order: LoadedFile[] = [];
  const stack: string[] = [];

  const visit = (path: string, entry: boolean, importer?: { file: string; range: SourceRange; spec: string }): void => {
    const onStack = stack.indexOf(path);
    if (onStack >= 0) {
      const cycle = [...stack.slice(onStack), path].join(' → ');
      diagnostics.push(makeDiagnostic('CMP201', importer!.file, importer!.range, { cycle }, lang));
      return;
    }
    const seen = loaded.get(path);
    if (seen) {
      if (entry) seen.entry = true;
      return;
    }
    const text = host.readFile(path);
    if (text === undefined) {
      diagnostics.push(
        importer
          ? makeDiagnostic('CMP200', importer.file, importer.range, { path: importer.spec }, lang)
          : makeDiagnostic('CMP200', path, NO_RANGE, { path }, lang),
      );
      return;
    }
    const parsed = safeParse(parse, text, path);
    diagnostics.push(...parsed.diagnostics);
    const file: LoadedFile = { path, text, ast: parsed.ast, entry };
    loaded.set(path, file);
    order.push(file);
    stack.push(path);
    for (const imp of parsed.ast.imports) {
      visit(host.resolve(path, imp.path), false, { file: path, range: imp.range, spec: imp.path });
    }
    stack.pop();
  };

  for (const e of entries) visit(e, true);
  return order;
}

/** A parser bug must not take the compiler down with it: report it as a diagnostic instead. */
function safeParse(parse: ParseFn, text: string, file: string): { ast: FileAst; diagnostics: Diagnostic[] } {
  try {
    return parse(text, file);
  } catch (err) {
    const end = { line: 1, column: 1, offset: 0 };
    return {
      ast: { kind: 'file', file, imports: [], declarations: [], range: { start: end, end } },
      diagnostics: [
        {
          code: 'DSL100',
          severity: 'error',
          message: `internal parser error: ${err instanceof Error ? err.message : String(err)}`,
          file,
          range: NO_RANGE,
        },
      ],
    };
  }
}
