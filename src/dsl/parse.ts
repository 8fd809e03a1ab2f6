/**
 * `parse(text, file, { lang })`: the façade of the syntax phase. Lexes with the shared lexer, parses with
 * the one reused parser (recovery on, so every syntax error of the file is reported), builds
 * the AST with the one CST visitor, and returns the AST together with all diagnostics, sorted, worded in `lang` (default Chinese).
 * Never throws on any input string; a broken file still yields the AST of what could be read,
 * and input nested too deeply to parse safely yields an empty AST with DSL109.
 */
import { compareDiagnostics, type Diagnostic } from '../common/diagnostic.js';
import { DEFAULT_LANG, type Lang } from '../common/lang.js';
import type { FileAst } from './ast.js';
import { tooDeep } from './nesting.js';
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
}

export function parse(text: string, file = '<input>', options: ParseOptions = {}): ParseResult {
  const lang = options.lang ?? DEFAULT_LANG;
  const lex = jixiaoLexer.tokenize(text);
  const whole = { start: { line: 1, column: 1, offset: 0 }, end: endOf(text) };
  const empty: FileAst = { kind: 'file', file, imports: [], declarations: [], range: whole };
  const deep = tooDeep(lex.tokens);
  if (deep) return { ast: empty, diagnostics: [...syntaxDiagnostics(text, lex, [], file, lang), nestingDiagnostic(deep, file, lang)].sort(compareDiagnostics) };
  try {
    jixiaoParser.input = lex.tokens;
    const cst = jixiaoParser.file();
    const diagnostics = syntaxDiagnostics(text, lex, jixiaoParser.errors, file, lang);
    const built = toAst(cst, file, lang);
    diagnostics.push(...built.diagnostics);
    // The file node spans the whole text, whatever the first and last tokens are.
    return { ast: { ...built.ast, range: whole }, diagnostics: diagnostics.sort(compareDiagnostics) };
  } catch (e) {
    // Last resort for nesting the guard did not foresee: the call stack ran out.
    if (!(e instanceof RangeError)) throw e;
    return { ast: empty, diagnostics: [nestingDiagnostic(lex.tokens[0], file, lang)] };
  }
}

function endOf(text: string): FileAst['range']['end'] {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) line++;
  return { line, column: text.length - text.lastIndexOf('\n'), offset: text.length };
}
