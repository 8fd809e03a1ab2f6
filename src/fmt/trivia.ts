/**
 * The formatter's view of the source below the grammar: the same tokens the parser reads, plus
 * the comments and the line breaks between them, which the parser never sees. Comments are
 * skipped tokens in the dsl lexer, so this file builds a second `Lexer` over the same token
 * vocabulary in which the two comment types are replaced by copies in the named group
 * `comments`; every other token type is the very object the parser expects, so the token list
 * can be handed to the shared parser unchanged.
 *
 * `Trivia` hands comments out in source order to whoever prints the token after them, and
 * answers how many line breaks preceded any token or comment (a blank line is two or more).
 */
import type { IToken, TokenType } from 'chevrotain';
import { createToken, Lexer } from '../dsl/chevrotain.js';
import { allTokens, BlockComment, LineComment } from '../dsl/tokens.js';

const LineCommentKept = createToken({ name: 'LineComment', pattern: LineComment.PATTERN as RegExp, group: 'comments' });
const BlockCommentKept = createToken({ name: 'BlockComment', pattern: BlockComment.PATTERN as RegExp, group: 'comments', line_breaks: true });

const vocabulary: TokenType[] = allTokens.map((t) => (t === LineComment ? LineCommentKept : t === BlockComment ? BlockCommentKept : t));

/** Lexes like the dsl lexer but keeps comments in `groups.comments`. */
export const commentLexer = new Lexer(vocabulary, { positionTracking: 'full', ensureOptimizations: true });

export interface Comment {
  /** The comment as written; a line comment without its trailing blanks (they are whitespace). */
  text: string;
  start: number;
  end: number;
  isLine: boolean;
  /** Line breaks between the previous token or comment (or the file start) and this comment. */
  nlBefore: number;
  /** Line breaks between this comment and the next token or comment (or the end of the file). */
  nlAfter: number;
}

export interface Lexed {
  tokens: IToken[];
  comments: Comment[];
  /** Line breaks before each token or comment, by start offset. */
  breaksBefore: Map<number, number>;
}

function countBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

export function lexWithComments(text: string): Lexed {
  const lex = commentLexer.tokenize(text);
  const raw = (lex.groups['comments'] ?? []) as IToken[];
  const elements = [...lex.tokens, ...raw].sort((a, b) => a.startOffset - b.startOffset);
  const breaksBefore = new Map<number, number>();
  let prevEnd = 0;
  for (const e of elements) {
    breaksBefore.set(e.startOffset, e === elements[0] ? Math.max(1, countBreaks(text, 0, e.startOffset)) : countBreaks(text, prevEnd, e.startOffset));
    prevEnd = (e.endOffset ?? e.startOffset) + 1;
  }
  const nextStart = new Map<number, number>();
  for (let i = 0; i < elements.length; i++) nextStart.set(elements[i]!.startOffset, elements[i + 1]?.startOffset ?? text.length);
  const comments = raw.map((t): Comment => {
    const end = (t.endOffset ?? t.startOffset) + 1;
    const isLine = t.tokenType === LineCommentKept;
    return {
      text: isLine ? t.image.trimEnd() : t.image,
      start: t.startOffset,
      end,
      isLine,
      nlBefore: breaksBefore.get(t.startOffset)!,
      nlAfter: countBreaks(text, end, nextStart.get(t.startOffset)!),
    };
  });
  return { tokens: lex.tokens, comments, breaksBefore };
}

/** Comments in source order, consumed as the printer passes them. */
export class Trivia {
  private next = 0;

  constructor(
    private readonly comments: readonly Comment[],
    private readonly breaks: ReadonlyMap<number, number>,
  ) {}

  /** Calls `emit` for every not yet printed comment that starts before `offset`. */
  flushBefore(offset: number, emit: (c: Comment) => void): void {
    while (this.next < this.comments.length && this.comments[this.next]!.start < offset) emit(this.comments[this.next++]!);
  }

  /** Whether any comment starts inside `[from, to)`. */
  within(from: number, to: number): boolean {
    return this.comments.some((c) => c.start >= from && c.start < to);
  }

  breaksBefore(offset: number): number {
    return this.breaks.get(offset) ?? 0;
  }
}
