/**
 * `parse(text, file, { lang })`: the façade of the syntax phase. Lexes with the shared lexer, parses with
 * the one reused parser (recovery on, so every syntax error of the file is reported), builds
 * the AST with the one CST visitor, and returns the AST together with all diagnostics, sorted, worded in `lang` (default Chinese).
 * Never throws on any input string; a broken file still yields the AST of what could be read.
 * Input beyond the limits of limits.ts is refused where it goes over (stretches nested too
 * deeply are cut out before parsing, DSL109) and the rest is still read; a file too large is
 * not read at all (DSL114); past `maxDiagnostics` the rest are counted in one DSL115.
 */
import { compareDiagnostics, type Diagnostic } from '../common/diagnostic.js';
import { DEFAULT_LANG, type Lang } from '../common/lang.js';
import type { FileAst } from './ast.js';
import { capDiagnostics, fileTooLarge, MAX_DIAGNOSTICS_PER_FILE, MAX_FILE_CHARS } from './limits.js';
import { lineIndex } from './line-index.js';
import { guardNesting } from './nesting.js';
import { jixiaoParser } from './parser.js';
import { nestingDiagnostic, syntaxDiagnostics } from './syntax-errors.js';
import { toAst } from './to-ast.js';
import { jixiaoLexer } from './tokens.js';

export interface ParseResult {
  ast: FileAst;
  diagnostics: Diagnostic[];
}

export interface ParseOptions {
  /** Language of the diagnostics (default Chinese). */
  lang?: Lang;
  /** Diagnostics returned before the rest are counted in one DSL115 (default 200; `compile` caps the whole instead). */
  maxDiagnostics?: number;
}

export function parse(text: string, file = '<input>', options: ParseOptions = {}): ParseResult {
  const lang = options.lang ?? DEFAULT_LANG;
  const whole = { start: { line: 1, column: 1, offset: 0 }, end: endOf(text) };
  const empty: FileAst = { kind: 'file', file, imports: [], declarations: [], range: whole };
  if (text.length > MAX_FILE_CHARS) return { ast: empty, diagnostics: [fileTooLarge(text, file, lang)] };
  const lex = jixiaoLexer.tokenize(text);
  const lines = lineIndex(text);
  const guard = guardNesting(lex.tokens);
  const capped = (list: Diagnostic[]): Diagnostic[] => capDiagnostics(list.sort(compareDiagnostics), lang, options.maxDiagnostics ?? MAX_DIAGNOSTICS_PER_FILE);
  try {
    jixiaoParser.input = guard.tokens;
    const cst = jixiaoParser.file();
    const diagnostics = syntaxDiagnostics(text, lex, jixiaoParser.errors, file, lang, lines, guard);
    const built = toAst(cst, file, lang, lines);
    diagnostics.push(...built.diagnostics);
    // The file node spans the whole text, whatever the first and last tokens are.
    return { ast: { ...built.ast, range: whole }, diagnostics: capped(diagnostics) };
  } catch (e) {
    // Last resort for nesting the guard did not foresee: the call stack ran out.
    if (!(e instanceof RangeError)) throw e;
    return { ast: empty, diagnostics: capped([...syntaxDiagnostics(text, lex, [], file, lang, lines), nestingDiagnostic(lex.tokens[0], file, lang, lines)]) };
  }
}

function endOf(text: string): FileAst['range']['end'] {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) line++;
  return { line, column: text.length - text.lastIndexOf('\n'), offset: text.length };
}
