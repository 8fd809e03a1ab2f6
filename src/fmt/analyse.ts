/**
 * Reads one text the way the formatter needs it: the parser's diagnostics and AST (through the
 * `parse` façade), the tokens with comments and line breaks (`trivia.ts`), and the CST built from
 * those same tokens by the shared parser instance. `sameMeaning` compares two analyses: the
 * tokens other than list and statement separators (kinds and images, so no alias, name, number or
 * string can change), the comment texts, and the AST without source ranges. `format.ts` accepts a
 * layout only when it has the same meaning as the input.
 */
import type { CstNode, IToken } from 'chevrotain';
import { hasErrors, type Diagnostic } from '../common/diagnostic.js';
import { DEFAULT_LANG, type Lang } from '../common/lang.js';
import { parse } from '../dsl/parse.js';
import { jixiaoParser } from '../dsl/parser.js';
import { isToken, ordered } from './spacing.js';
import { lexWithComments, type Lexed } from './trivia.js';

export interface Analysis {
  diagnostics: Diagnostic[];
  /** Present only when the text has no syntax errors. */
  cst?: CstNode;
  lexed: Lexed;
  /** The AST as JSON without ranges. */
  meaning: string;
  /** Tokens that only separate statements or list entries (the `separator` rule). */
  separators: Set<IToken>;
}

export function analyse(text: string, file: string, lang: Lang = DEFAULT_LANG): Analysis {
  const { ast, diagnostics } = parse(text, file, { lang });
  const lexed = lexWithComments(text);
  const meaning = JSON.stringify(ast, (key, value: unknown) => (key === 'range' ? undefined : value));
  const separators = new Set<IToken>();
  if (hasErrors(diagnostics)) return { diagnostics, lexed, meaning, separators };
  jixiaoParser.input = lexed.tokens;
  const cst = jixiaoParser.file();
  if (jixiaoParser.errors.length > 0) throw new Error('fmt: the parser disagrees with parse() on the same tokens');
  collectSeparators(cst, separators);
  return { diagnostics, cst, lexed, meaning, separators };
}

function collectSeparators(node: CstNode, into: Set<IToken>): void {
  for (const c of ordered(node)) {
    if (isToken(c)) {
      if (node.name === 'separator') into.add(c);
    } else collectSeparators(c, into);
  }
}

function signature(a: Analysis, withSeparators: boolean): string[] {
  return a.lexed.tokens.filter((t) => withSeparators || !a.separators.has(t)).map((t) => `${t.tokenType.name}\u0000${t.image}`);
}

/**
 * Whether `after` says exactly what `before` says. In `keep` mode separators must match too; in
 * `canonical` mode they may differ (they are insignificant where the parser reads them).
 */
export function sameMeaning(before: Analysis, after: Analysis, withSeparators: boolean): boolean {
  if (hasErrors(after.diagnostics) || after.meaning !== before.meaning) return false;
  const a = signature(before, withSeparators);
  const b = signature(after, withSeparators);
  if (a.length !== b.length || a.some((x, i) => x !== b[i])) return false;
  const ca = before.lexed.comments.map((c) => c.text);
  const cb = after.lexed.comments.map((c) => c.text);
  return ca.length === cb.length && ca.every((x, i) => x === cb[i]);
}
