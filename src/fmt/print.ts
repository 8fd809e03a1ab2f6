/**
 * The canonical layout of an indicator file, printed from its CST and comments. Blocks
 * (framework, dimension, indicator, rules) put `{` at the end of their header line, each
 * statement on its own line one level deeper, and `}` on a line of its own (`{ }` when empty).
 * List blocks (grades, scales, lookup tables, bands, rating levels, tiers, linear points, checklist) go on one line
 * `{ a; b; c }` when the whole statement fits in `MAX_WIDTH` display columns and holds no
 * comment, otherwise one entry per line. A rule keeps its actions on its own line and wraps, when
 * too long, after an action's `,` or before `reason`, continuing one level deeper. Blank lines
 * between statements are kept (at most one); comments keep their place, see `writer.ts`.
 *
 * Separators: in `canonical` mode the statement separators `;`/`,` are dropped (every statement
 * has its own line) and list entries are joined by `; ` on one line or by line breaks — keeping a
 * `;` at a line break only where the next entry could otherwise continue the previous one
 * (`100%` then `-5: 0`). In `keep` mode every separator token the user wrote is printed where it
 * was; `format.ts` falls back to it if the canonical form would not read back to the same file.
 */
import type { CstNode, IToken } from 'chevrotain';
import { tokenMatcher } from '../dsl/chevrotain.js';
import { assertNever } from '../common/diagnostic.js';
import { AdditiveOp, AnyWord, Dot, DotDot, kw, LBracket, LParen, MultiplicativeOp, RBracket } from '../dsl/tokens.js';
import { flatten, inlineWidth, isToken, ordered, startOf, type Tok } from './spacing.js';
import type { Trivia } from './trivia.js';
import { INDENT, MAX_WIDTH, Writer } from './writer.js';

export type SeparatorMode = 'canonical' | 'keep';

const BLOCKS = new Set(['frameworkDecl', 'rulesDecl', 'dimensionDecl', 'indicatorDecl']);
const LIST_METHODS = new Set(['bandsMethod', 'ratingMethod', 'tiersMethod', 'linearMethod', 'checklistMethod']);

/** How a statement is laid out. */
type Shape = { kind: 'separator'; token: IToken } | { kind: 'block'; decl: CstNode } | { kind: 'list'; list: CstNode } | { kind: 'rule' } | { kind: 'inline' };

function child(node: CstNode, name: string): CstNode | undefined {
  const c = node.children[name]?.[0];
  return c && !isToken(c) ? c : undefined;
}

function tokenOf(node: CstNode, name: string): IToken {
  const t = node.children[name]?.[0];
  if (!t || !isToken(t)) throw new Error(`fmt: ${node.name} has no ${name}`);
  return t;
}

function shapeOf(node: CstNode): Shape {
  if (node.name === 'separator') return { kind: 'separator', token: ordered(node)[0] as IToken };
  if (BLOCKS.has(node.name)) return { kind: 'block', decl: node };
  // `modify x weight 10` has no body and stays on one line; with `{ … }` it is a block.
  if (node.name === 'modifyDecl' && node.children.LCurly) return { kind: 'block', decl: node };
  if (node.name === 'overrideDecl') return { kind: 'block', decl: child(node, 'dimensionDecl') ?? child(node, 'indicatorDecl')! };
  // Grades, ordinal scales and lookup tables are lists: one line when short, else one entry a line.
  if (node.name === 'gradesDecl' || node.name === 'scaleDecl' || node.name === 'tableDecl') return { kind: 'list', list: node };
  if (node.name === 'scoreClause') {
    const method = ordered(node).find((c): c is CstNode => !isToken(c) && LIST_METHODS.has(c.name));
    // Bands and ratings hold their `{ … }` in a list rule of their own, shared with the named
    // tables; by a table's name (`bands 满意度档`) they have no list and print inline.
    const list = method && (child(method, 'bandList') ?? child(method, 'ratingList') ?? (method.children.LCurly ? method : undefined));
    return list ? { kind: 'list', list } : { kind: 'inline' };
  }
  if (node.name === 'sharedMethodDecl') {
    const list = child(node, 'bandList') ?? child(node, 'ratingList');
    return list ? { kind: 'list', list } : { kind: 'inline' };
  }
  if (node.name === 'ruleDecl') return { kind: 'rule' };
  return { kind: 'inline' };
}

export function printFile(cst: CstNode, trivia: Trivia, mode: SeparatorMode): string {
  const w = new Writer();
  new Printer(w, trivia, mode).file(cst);
  return w.finish();
}

class Printer {
  constructor(
    private readonly w: Writer,
    private readonly trivia: Trivia,
    private readonly mode: SeparatorMode,
  ) {}

  file(cst: CstNode): void {
    for (const item of ordered(cst)) if (!isToken(item)) this.statement(item, 0);
    this.trivia.flushBefore(Infinity, (c) => this.w.comment(c, 0, true));
  }

  /** Writes one token, first placing the comments before it inside the current statement. */
  private emit(t: Tok): void {
    this.trivia.flushBefore(t.token.startOffset, (c) => this.w.comment(c, this.w.cont, false));
    this.w.token(t.text, t.glueLeft, t.glueRight);
  }

  /** Starts a statement on its own line: comments before it first, then the line (blank kept). */
  private begin(first: IToken, indent: number): void {
    this.trivia.flushBefore(first.startOffset, (c) => this.w.comment(c, indent, true));
    this.w.line(indent, this.trivia.breaksBefore(first.startOffset) >= 2);
    this.w.cont = indent + 1;
  }

  /** The closing `}` of a body printed one entry per line: comments before it stay inside. */
  private close(rcurly: IToken, indent: number): void {
    this.trivia.flushBefore(rcurly.startOffset, (c) => this.w.comment(c, indent + 1, true));
    this.w.line(indent, false);
    this.w.cont = indent + 1;
    this.w.token(rcurly.image);
  }

  private statement(node: CstNode, indent: number): void {
    if (node.name === 'nodeMember') return this.statement(ordered(node)[0] as CstNode, indent);
    const shape = shapeOf(node);
    switch (shape.kind) {
      case 'separator':
        if (this.mode === 'keep') this.emit({ token: shape.token, text: shape.token.image, glueLeft: true, glueRight: false });
        return;
      case 'block':
        return this.block(node, shape.decl, indent);
      case 'list':
        return this.list(node, shape.list, indent);
      case 'rule':
        return this.rule(node, indent);
      case 'inline': {
        const toks = flatten(node);
        this.begin(toks[0]!.token, indent);
        toks.forEach((t) => this.emit(t));
        return;
      }
      default:
        return assertNever(shape, 'statement shape');
    }
  }

  private block(stmt: CstNode, decl: CstNode, indent: number): void {
    const lcurly = tokenOf(decl, 'LCurly');
    const rcurly = tokenOf(decl, 'RCurly');
    const header = flatten(stmt).filter((t) => t.token.startOffset < lcurly.startOffset);
    this.begin(header[0]!.token, indent);
    header.forEach((t) => this.emit(t));
    this.emit(tok(lcurly));
    const body = ordered(decl).filter((c): c is CstNode => !isToken(c) && startOf(c) > lcurly.startOffset);
    const empty = body.every((c) => c.name === 'separator') && !this.trivia.within(lcurly.startOffset, rcurly.startOffset);
    if (empty && (this.mode === 'canonical' || body.length === 0)) {
      this.emit(tok(rcurly));
      return;
    }
    this.w.opened();
    for (const item of body) this.statement(item, indent + 1);
    this.close(rcurly, indent);
  }

  private list(stmt: CstNode, list: CstNode, indent: number): void {
    const lcurly = tokenOf(list, 'LCurly');
    const rcurly = tokenOf(list, 'RCurly');
    const all = flatten(stmt);
    const head = all.filter((t) => t.token.startOffset < lcurly.startOffset);
    const items = ordered(list).filter((c): c is CstNode => !isToken(c) && startOf(c) > lcurly.startOffset);
    const keep = this.mode === 'keep';
    const entries = items.filter((c) => keep || c.name !== 'separator').map((c) => ({ separator: c.name === 'separator', toks: flatten(c) }));
    this.begin(head[0]!.token, indent);

    if (!this.trivia.within(head[0]!.token.startOffset, rcurly.startOffset)) {
      const line = oneLine(head, entries, keep);
      if (entries.length === 0 || INDENT.length * indent + inlineWidth(line) <= MAX_WIDTH) {
        line.forEach((t) => this.w.token(t.text, t.glueLeft, t.glueRight));
        return;
      }
    }
    head.forEach((t) => this.emit(t));
    this.emit(tok(lcurly));
    this.w.opened();
    for (const [i, entry] of entries.entries()) {
      if (entry.separator) {
        this.emit(entry.toks[0]!);
        continue;
      }
      this.begin(entry.toks[0]!.token, indent + 1);
      entry.toks.forEach((t) => this.emit(t));
      const next = entries[i + 1];
      if (!keep && next && continues(entry.toks[entry.toks.length - 1]!.token, next.toks[0]!.token)) this.w.token(';', true);
    }
    this.close(rcurly, indent);
  }

  private rule(node: CstNode, indent: number): void {
    const toks = flatten(node);
    this.begin(toks[0]!.token, indent);
    const last = toks[toks.length - 1]!.token;
    if (this.trivia.within(toks[0]!.token.startOffset, last.startOffset)) {
      toks.forEach((t) => this.emit(t));
      return;
    }
    // Break opportunities: after a `,` between actions and before `reason`.
    const commas = new Set(node.children['Comma'] ?? []);
    const reason = node.children['Reason']?.[0];
    const pieces: Tok[][] = [[]];
    for (const [i, t] of toks.entries()) {
      if (i > 0 && (commas.has(toks[i - 1]!.token) || t.token === reason)) pieces.push([]);
      pieces[pieces.length - 1]!.push(t);
    }
    const fits = INDENT.length * indent + inlineWidth(toks) <= MAX_WIDTH;
    for (const [i, piece] of pieces.entries()) {
      // Once a rule is wrapped, its reason gets a continuation line of its own.
      const wrap = !fits && (piece[0]!.token === reason || this.w.width() + 1 + inlineWidth(piece) > MAX_WIDTH);
      if (i > 0 && wrap) this.w.line(indent + 1, false);
      piece.forEach((t) => this.w.token(t.text, t.glueLeft, t.glueRight));
    }
  }
}

/**
 * Whether an entry starting with `next` could be read as the continuation of one ending with
 * `last` if no separator stood between them (`100%` then `-5: 0`, `f` then `(0, 1): 2`, `5`
 * then `天: 1`); such a boundary keeps a `;` even when entries are one per line.
 */
function continues(last: IToken, next: IToken): boolean {
  const type = next.tokenType;
  if (tokenMatcher(next, AdditiveOp) || tokenMatcher(next, MultiplicativeOp)) return true;
  if (type === Dot || type === DotDot || type === kw.Days) return true;
  if (type === LParen || type === LBracket) return tokenMatcher(last, AnyWord) || last.tokenType === RBracket;
  return false;
}

function tok(t: IToken): Tok {
  return { token: t, text: t.image, glueLeft: false, glueRight: false };
}

/** `head { a; b; c }` as tokens; `;` between entries is synthesised in canonical mode. */
function oneLine(head: Tok[], entries: { toks: Tok[] }[], keep: boolean): Tok[] {
  const out: Tok[] = [...head, { ...tok(head[0]!.token), text: '{' }];
  for (const [i, entry] of entries.entries()) {
    if (i > 0 && !keep) out.push({ ...tok(entry.toks[0]!.token), text: ';', glueLeft: true });
    out.push(...entry.toks);
  }
  out.push({ ...tok(head[0]!.token), text: '}' });
  return out;
}
