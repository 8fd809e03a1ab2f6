/**
 * The one place where lexer and parser errors become diagnostics. The parser's message provider
 * does not write prose: it records what was expected as a small JSON payload, and
 * `syntaxDiagnostics` turns payloads, lexer errors and error tokens (unterminated strings and
 * comments, numbers with unknown units) into `Diagnostic`s with stable codes and the wording of
 * `messages.ts`. Recovered tokens carry `NaN` positions; those fall back to the previous real
 * token so every diagnostic points at a real place in the file.
 */
import type { ILexingError, IParserErrorMessageProvider, IRecognitionException, IToken, TokenType } from 'chevrotain';
import type { Diagnostic, Position, SourceRange } from '../common/diagnostic.js';
import type { Lang } from '../common/lang.js';
import * as msg from './messages.js';
import { MAX_NESTING, type NestingGuard } from './nesting.js';
import { AnyWord, BadNumber, Plus, UnterminatedComment, UnterminatedString } from './tokens.js';
import { tokenMatcher } from './chevrotain.js';
import type { LineIndex } from './line-index.js';

interface Payload {
  kind: 'mismatch' | 'noViable' | 'trailing' | 'tooDeep';
  expected?: string;
  rule: string;
  actual?: string;
  previous?: string;
}

function image(token: IToken | undefined): string | undefined {
  if (!token || token.tokenType?.name === 'EOF') return undefined;
  return token.image;
}

const encode = (p: Payload): string => JSON.stringify(p);

export const syntaxErrorProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected, actual, previous, ruleName }) =>
    encode({ kind: 'mismatch', expected: expected.name, rule: ruleName, actual: image(actual), previous: image(previous) }),
  buildNotAllInputParsedMessage: ({ firstRedundant, ruleName }) => encode({ kind: 'trailing', rule: ruleName, actual: image(firstRedundant) }),
  buildNoViableAltMessage: ({ actual, previous, ruleName }) =>
    encode({ kind: 'noViable', rule: ruleName, actual: image(actual[0]), previous: image(previous) }),
  buildEarlyExitMessage: ({ actual, previous, ruleName }) => encode({ kind: 'noViable', rule: ruleName, actual: image(actual[0]), previous: image(previous) }),
};

/** The message of the parser's own too-deep error (recovery.ts). */
export function tooDeepPayload(rule: string, actual: IToken | undefined): string {
  return encode({ kind: 'tooDeep', rule, actual: image(actual) });
}

function decode(message: string): Payload | undefined {
  try {
    const p = JSON.parse(message) as Payload;
    return typeof p === 'object' && p !== null && typeof p.rule === 'string' ? p : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The range of a token read from the file, or undefined for one recovery inserted (or EOF).
 * Tokens carry offsets only (tokens.ts); line and column come from the file's line table, which
 * counts line breaks as chevrotain's lexer does, and a token never spans a line break.
 */
export function tokenRange(t: IToken, lines: LineIndex): SourceRange | undefined {
  if (!Number.isFinite(t.startOffset) || t.tokenType?.name === 'EOF') return undefined;
  const endOffset = Number.isFinite(t.endOffset) ? (t.endOffset as number) : t.startOffset + t.image.length - 1;
  return { start: lines.at(t.startOffset), end: lines.after(endOffset) };
}

/** Position of the end of the last real token before `offset` (or the file start). */
function endBefore(tokens: readonly IToken[], offset: number, lines: LineIndex): Position {
  let lo = 0;
  let hi = tokens.length - 1;
  let best: IToken | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = tokens[mid] as IToken;
    if (t.startOffset < offset) {
      best = t;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const r = best ? tokenRange(best, lines) : undefined;
  return r ? r.end : { line: 1, column: 1, offset: 0 };
}

function lastEnd(tokens: readonly IToken[], lines: LineIndex): Position {
  return endBefore(tokens, Number.MAX_SAFE_INTEGER, lines);
}

function point(p: Position): SourceRange {
  return { start: p, end: p };
}

export interface LexOutput {
  tokens: IToken[];
  errors: ILexingError[];
  groups: Record<string, IToken[]>;
}

/**
 * Converts every lexing and parsing problem to diagnostics (unsorted; the façade sorts). With a
 * `guard`, each stretch it cut out is one DSL109, and parse errors from the cut's edges (the
 * `)` that now closes an empty bracket) are its echo and left out.
 */
export function syntaxDiagnostics(
  text: string,
  lex: LexOutput,
  parseErrors: readonly IRecognitionException[],
  file: string,
  lang: Lang,
  lines: LineIndex,
  guard?: NestingGuard,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const add = (code: string, t: msg.Text, range: SourceRange): void => {
    out.push({ code, severity: 'error', message: t.message, file, range, ...(t.hint ? { hint: t.hint } : {}) });
  };

  for (const e of lex.errors) {
    const chars = text.slice(e.offset, e.offset + e.length);
    const start = lines.at(e.offset);
    const end: Position = { line: start.line, column: start.column + e.length, offset: e.offset + e.length };
    add(msg.DSL.unexpectedChar, msg.unexpectedCharacter(lang, chars), { start, end });
  }
  for (const t of lex.groups.errors ?? []) {
    if (t.tokenType === UnterminatedComment) add(msg.DSL.unterminated, msg.unterminatedComment(lang), headRange(t, 2, lines));
  }
  for (const t of lex.tokens) {
    if (t.tokenType === UnterminatedString) add(msg.DSL.unterminated, msg.unterminatedString(lang), tokenRange(t, lines) ?? point(lastEnd(lex.tokens, lines)));
    else if (t.tokenType === BadNumber) add(msg.DSL.badNumber, msg.badNumber(lang, t.image), tokenRange(t, lines) ?? point(lastEnd(lex.tokens, lines)));
  }

  const echoes = guard ? cutEchoes(guard, lines) : [];
  for (const c of guard?.cuts ?? []) out.push(nestingDiagnostic(c, file, lang, lines));
  for (const e of parseErrors) {
    if (echoes.length > 0 && isEcho(e.token, guard as NestingGuard, echoes, lines)) continue;
    const p = decode(e.message);
    if (!p) {
      add(msg.DSL.unexpectedToken, { message: e.message }, rangeOf(e.token, lex.tokens, lines));
      continue;
    }
    if (p.kind === 'tooDeep') {
      out.push({ ...nestingDiagnostic(undefined, file, lang, lines), range: rangeOf(e.token, lex.tokens, lines) });
      continue;
    }
    const t =
      p.kind === 'mismatch'
        ? msg.expectedToken(lang, p.expected ?? '', p.actual, p.previous, ruleStack(e, p))
        : p.kind === 'trailing'
          ? msg.trailingInput(lang, p.actual)
          : msg.noViableAlternative(lang, p.actual, p.previous, ruleStack(e, p));
    // A missing `}` is best shown where the block's text ends, not at the end of the file.
    const range = t.code === msg.DSL.missingBrace ? point(lastEnd(lex.tokens, lines)) : rangeOf(e.token, lex.tokens, lines);
    const glued = gluedLabel(e.token, lex.tokens);
    add(t.code, glued === undefined ? t : { ...t, hint: msg.quoteLabelHint(lang, glued) }, range);
  }
  return dedupe(out);
}

/**
 * `B+` written bare where a label is read (grades, rating levels): the parser stops at the `+`
 * glued to the name before it. Returns that name so the hint can say to quote it, else undefined.
 */
function gluedLabel(token: IToken, tokens: readonly IToken[]): string | undefined {
  if (token.tokenType !== Plus || !Number.isFinite(token.startOffset)) return undefined;
  const i = tokens.indexOf(token);
  const prev = i > 0 ? tokens[i - 1] : undefined;
  if (!prev || (prev.endOffset ?? -2) + 1 !== token.startOffset || !tokenMatcher(prev, AnyWord)) return undefined;
  return prev.image;
}

/** Offset windows around each cut: from the end of the token kept before it to the end of the token after it. */
function cutEchoes(guard: NestingGuard, lines: LineIndex): [number, number][] {
  return guard.cuts.map((c, i) => {
    const after = guard.resumes[i];
    return [endBefore(guard.tokens, c.startOffset, lines).offset, after && Number.isFinite(after.endOffset) ? (after.endOffset as number) + 1 : Infinity];
  });
}

function isEcho(token: IToken, guard: NestingGuard, echoes: readonly [number, number][], lines: LineIndex): boolean {
  // A recovered (inserted) token has no offset of its own: it sits after the last real one.
  const at = Number.isFinite(token.startOffset) ? token.startOffset : endBefore(guard.tokens, Number.MAX_SAFE_INTEGER, lines).offset;
  return echoes.some(([from, to]) => at >= from && at <= to);
}

/** DSL109 at the token where nesting went too deep (or the file start). */
export function nestingDiagnostic(token: IToken | undefined, file: string, lang: Lang, lines: LineIndex): Diagnostic {
  const t = msg.tooDeep(lang, MAX_NESTING);
  const range = (token && tokenRange(token, lines)) ?? point({ line: 1, column: 1, offset: 0 });
  return { code: msg.DSL.tooDeep, severity: 'error', message: t.message, file, range, ...(t.hint ? { hint: t.hint } : {}) };
}

/** The rules the parser was in (innermost last), as recorded in the exception's context. */
function ruleStack(e: IRecognitionException, p: Payload): string[] {
  const stack = e.context?.ruleStack ?? [];
  return stack.length > 0 ? stack : [p.rule];
}

function rangeOf(token: IToken, tokens: readonly IToken[], lines: LineIndex): SourceRange {
  const r = tokenRange(token, lines);
  if (r) return r;
  // Inserted or EOF token: point just after the previous real token.
  return point(Number.isFinite(token.startOffset) ? endBefore(tokens, token.startOffset, lines) : lastEnd(tokens, lines));
}

/** The first `n` characters of a (possibly multi-line) token: an unterminated comment's `/*`. */
function headRange(t: IToken, n: number, lines: LineIndex): SourceRange {
  const start = lines.at(t.startOffset);
  return { start, end: { line: start.line, column: start.column + n, offset: start.offset + n } };
}

/** Recovery can report the same spot twice (e.g. a mismatch then a re-sync); keep the first. */
function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.range.start.offset}:${d.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export type { TokenType };
