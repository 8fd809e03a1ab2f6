/**
 * Spacing inside a line: turns a CST subtree into its tokens in source order, each marked with
 * whether it glues to its left or right neighbour. The default is one space between tokens; the
 * exceptions are the ones the layout rules name — no space before `, ; :` or `) ]`, none after
 * `( [`, none around `.` and `..`, none between a function name and its `(` or a data path and
 * its `[]`, none after a unary sign. Context comes from the CST (a `(` in `refOrCall` is a call,
 * a `-` under `prefixes` is unary), never from guessing on token kinds alone.
 *
 * Gluing never changes how the text lexes: glued pairs are punctuation next to words or numbers
 * (`max(`, `-30%`, `a.b`, `80%..100%`), which the lexer splits the same way with or without a
 * space.
 */
import type { CstElement, CstNode, IToken } from 'chevrotain';
import { displayWidth } from '../compile/code-frame.js';
import { AdditiveOp, Colon, Comma, Dot, DotDot, LBracket, LParen, Minus, RBracket, RParen, Semicolon } from '../dsl/tokens.js';

export interface Tok {
  token: IToken;
  text: string;
  glueLeft: boolean;
  glueRight: boolean;
}

export function isToken(e: CstElement): e is IToken {
  return (e as IToken).tokenType !== undefined;
}

export function startOf(e: CstElement): number {
  return isToken(e) ? e.startOffset : (e.location?.startOffset ?? Number.NaN);
}

/** Direct children of a CST node in source order (chevrotain groups them by label). */
export function ordered(node: CstNode): CstElement[] {
  const all: CstElement[] = [];
  for (const list of Object.values(node.children)) if (list) all.push(...list);
  return all.sort((a, b) => startOf(a) - startOf(b));
}

/** Full-width separators carry their own spacing; a space after them only widens the line. */
const FULL_WIDTH_PUNCT = new Set(['，', '、', '；', '：']);

function isSign(t: IToken): boolean {
  return t.tokenType.CATEGORIES?.includes(AdditiveOp) === true || t.tokenType === AdditiveOp;
}

function glue(t: IToken, parent: CstNode): { glueLeft: boolean; glueRight: boolean } {
  const type = t.tokenType;
  if (type === Dot || type === DotDot) return { glueLeft: true, glueRight: true };
  if (type === Comma || type === Semicolon || type === Colon) return { glueLeft: true, glueRight: FULL_WIDTH_PUNCT.has(t.image) };
  if (type === RParen || type === RBracket) return { glueLeft: true, glueRight: false };
  if (type === LParen) return { glueLeft: parent.name === 'refOrCall', glueRight: true };
  if (type === LBracket) return { glueLeft: parent.name === 'dataPath', glueRight: true };
  // `B+` in a scale: the step's `+` belongs to its label.
  if (isSign(t) && parent.name === 'scaleStep') return { glueLeft: true, glueRight: false };
  if (isSign(t)) {
    const unary = parent.name === 'operand' || parent.name === 'arithOperand' || (parent.name === 'signedNumber' && type === Minus);
    return { glueLeft: false, glueRight: unary };
  }
  return { glueLeft: false, glueRight: false };
}

/** The tokens of a subtree in source order with their glue. */
export function flatten(node: CstNode, out: Tok[] = []): Tok[] {
  for (const child of ordered(node)) {
    if (isToken(child)) out.push({ token: child, text: child.image, ...glue(child, node) });
    else flatten(child, out);
  }
  return out;
}

/** The tokens joined as the writer would join them on one line. */
export function inlineText(toks: readonly Tok[]): string {
  let out = '';
  let glueNext = true;
  for (const t of toks) {
    if (!glueNext && !t.glueLeft) out += ' ';
    out += t.text;
    glueNext = t.glueRight;
  }
  return out;
}

export function inlineWidth(toks: readonly Tok[]): number {
  return displayWidth(inlineText(toks));
}
