/**
 * The bottom layer of the one CST visitor: source ranges, names, labels, numbers and
 * expressions (precedence itself lives in `precedence.ts`). `to-ast-score.ts` and then
 * `to-ast.ts` extend this class, and the whole visitor is checked once with `validateVisitor()`. Every method tolerates the holes recovery leaves in the CST: an
 * expression that cannot be built is `undefined` and callers leave it out rather than invent
 * one. Nothing here throws on user input.
 */
import type { CstNode, IToken } from 'chevrotain';
import type { Diagnostic, Position, SourceRange } from '../common/diagnostic.js';
import { DEFAULT_LANG, type Lang } from '../common/lang.js';
import type { ContextRoot, DataPath, Expr, Name, NumberLit, NumberSlot } from './ast.js';
import type {
  ArithCstChildren,
  ArithOperandCstChildren,
  BinaryExprCstChildren,
  ContextPathCstChildren,
  DataPathCstChildren,
  ExpressionCstChildren,
  IfExprCstChildren,
  LabelCstChildren,
  NameCstChildren,
  OperandCstChildren,
  PrimaryCstChildren,
  QualifiedNameCstChildren,
  RefOrCallCstChildren,
  NumberOrParamCstChildren,
  SignedNumberCstChildren,
  WordCstChildren,
} from './cst-types.js';
import { climb, type ClimbHooks, type PrefixedOperand } from './precedence.js';
import { MAX_FORMULA_DEPTH, MAX_PATH_SEGMENTS } from './limits.js';
import { type ParsedNumber, parseNumberText, unquote } from './literals.js';
import * as msg from './messages.js';
import { lineIndex, type LineIndex } from './line-index.js';
import { jixiaoParser } from './parser.js';
import { tokenRange } from './syntax-errors.js';
import { KEYWORD_SPELLINGS, kw } from './tokens.js';

const BaseVisitor = jixiaoParser.getBaseCstVisitorConstructor();

/** Soft keywords that, used as a name in an expression, mean a built-in: `值` is `value`. */
const BUILTIN_WORDS = new Map([kw.Value, kw.Target, kw.Weight, kw.Score, kw.Max, kw.Unspent].map((t) => [t, t.name.toLowerCase()]));

/**
 * Spellings that a formula reads as a built-in other than `unspent` (`目标` → `target`, `最多` →
 * `max`, …): such a word cannot name a param or let, since no formula could refer to it.
 */
const RESERVED: ReadonlyMap<string, string> = new Map(
  (['Value', 'Target', 'Weight', 'Score', 'Max'] as const).flatMap((k) =>
    KEYWORD_SPELLINGS[k].map((s): [string, string] => [s, KEYWORD_SPELLINGS[k][0] as string]),
  ),
);

/** The built-in a declared name would mean in formulas, or undefined when it is free to use. */
export function reservedBuiltin(name: string): string | undefined {
  return RESERVED.get(name);
}

export function first<T>(list: readonly T[] | undefined): T | undefined {
  return list?.[0];
}

export class ExprVisitor extends BaseVisitor {
  protected diagnostics: Diagnostic[] = [];
  protected sourceFile = '<input>';
  /** Language of the diagnostics of the current `build`. */
  protected lang: Lang = DEFAULT_LANG;
  /** End of the last real range seen: where recovered (NaN) nodes are placed. */
  private last: Position = { line: 1, column: 1, offset: 0 };
  /**
   * Depth of every composite expression built (operations inside one another; a leaf is 0),
   * so a node's depth is known from its children's without walking them again.
   */
  private depths = new WeakMap<Expr, number>();
  /** Formulas refused for their depth so far: an enclosing formula of a refused one is dropped silently. */
  private refusals = 0;
  /** Positions of CST node offsets in the file being built. */
  private lines: LineIndex = lineIndex('');
  /**
   * Number texts already read in this file, by sign and image: a file repeats a handful of
   * literals (`100%`, `80%`, `0`) thousands of times, and reading one exactly goes through
   * decimal.js. The entries are only read, never changed.
   */
  private numbers = new Map<string, ParsedNumber | undefined>();

  /**
   * Chevrotain's own `visit`, minus its two library calls per node (`isArray`, `isUndefined`):
   * it runs once for each of the ~75,000 CST nodes of a 2,000-indicator file.
   */
  // biome-ignore lint/suspicious/noExplicitAny: the base visitor's signature, whose result is any
  override visit(node: CstNode | CstNode[] | undefined, param?: unknown): any {
    const n = Array.isArray(node) ? node[0] : node;
    return n === undefined ? undefined : (this as unknown as Record<string, (c: unknown, p: unknown) => unknown>)[n.name]!(n.children, param);
  }

  protected reset(file: string, lang: Lang, lines: LineIndex): void {
    this.lines = lines;
    this.diagnostics = [];
    this.sourceFile = file;
    this.lang = lang;
    this.last = { line: 1, column: 1, offset: 0 };
    this.depths = new WeakMap();
    this.refusals = 0;
    this.numbers = new Map();
  }

  /**
   * `e`, with its depth recorded, or undefined (reported as DSL112 at `at`) when it nests more
   * than `MAX_FORMULA_DEPTH` operations: later phases walk formulas recursively, so no deeper
   * tree may leave the parser.
   */
  private measured(e: Expr, at: SourceRange): Expr | undefined {
    const d = this.depthOf(e);
    if (d > MAX_FORMULA_DEPTH) {
      this.refuseFormula(at);
      return undefined;
    }
    if (d > 0) this.depths.set(e, d);
    return e;
  }

  private refuseFormula(at: SourceRange): void {
    this.refusals++;
    this.report(msg.DSL.formulaTooDeep, msg.formulaTooDeep(this.lang, MAX_FORMULA_DEPTH), at);
  }

  private depthOf(e: Expr): number {
    const d = (x: Expr): number => this.depths.get(x) ?? 0;
    switch (e.kind) {
      case 'binary':
        return 1 + Math.max(d(e.left), d(e.right));
      case 'unary':
        return 1 + d(e.operand);
      case 'call':
        return 1 + e.args.reduce((m, a) => Math.max(m, d(a)), 0);
      case 'if':
        return 1 + Math.max(d(e.condition), d(e.then), d(e.otherwise));
      default:
        return 0;
    }
  }

  /** Path segments or name parts past the limit are DSL113 at the first one too many; the path is dropped. */
  private tooManySegments(count: number, at: () => SourceRange): boolean {
    if (count <= MAX_PATH_SEGMENTS) return false;
    this.report(msg.DSL.pathTooLong, msg.pathTooLong(this.lang, MAX_PATH_SEGMENTS), at());
    return true;
  }

  protected report(code: string, t: msg.Text, range: SourceRange, severity: Diagnostic['severity'] = 'error'): void {
    this.diagnostics.push({ code, severity, message: t.message, file: this.sourceFile, range, ...(t.hint ? { hint: t.hint } : {}) });
  }

  // ── ranges ──────────────────────────────────────────────────────────────────────────────
  protected tokRange(t: IToken | undefined): SourceRange {
    const r = t ? tokenRange(t, this.lines) : undefined;
    if (!r) return { start: this.last, end: this.last };
    this.last = r.end;
    return r;
  }

  protected nodeRange(node: CstNode | undefined): SourceRange {
    const l = node?.location;
    if (!l || !Number.isFinite(l.startOffset) || !Number.isFinite(l.endOffset)) return { start: this.last, end: this.last };
    const r: SourceRange = { start: this.lines.at(l.startOffset), end: this.lines.after(l.endOffset as number) };
    this.last = r.end;
    return r;
  }

  protected span(a: SourceRange, b: SourceRange): SourceRange {
    return b.end.offset >= a.start.offset ? { start: a.start, end: b.end } : a;
  }

  // ── names and numbers ───────────────────────────────────────────────────────────────────
  name(ctx: NameCstChildren): Name | undefined {
    const t = first(ctx.Identifier) ?? first(ctx.SoftKeyword) ?? first(ctx.StringLiteral);
    if (!t || !Number.isFinite(t.startOffset)) return undefined;
    const text = ctx.StringLiteral ? unquote(t.image) : t.tokenType === kw.Unspent ? 'unspent' : t.image;
    return { text, range: this.tokRange(t) };
  }

  label(ctx: LabelCstChildren): Name | undefined {
    const t = first(ctx.True) ?? first(ctx.False);
    if (!t) return this.nameOf(first(ctx.name));
    return Number.isFinite(t.startOffset) ? { text: t.image, range: this.tokRange(t) } : undefined;
  }

  protected nameOf(node: CstNode | undefined): Name | undefined {
    return node ? (this.visit(node) as Name | undefined) : undefined;
  }

  /** `过程.资金使用合规性` → the parts; `qualifiedNameOf` joins them with `.`. */
  qualifiedName(ctx: QualifiedNameCstChildren): Name[] {
    const names = ctx.name ?? [];
    if (this.tooManySegments(names.length, () => this.nodeRange(names[MAX_PATH_SEGMENTS]))) return [];
    return names.map((n) => this.nameOf(n)).filter((n): n is Name => n !== undefined);
  }

  protected qualifiedNameOf(node: CstNode | undefined): Name | undefined {
    const parts = node ? (this.visit(node) as Name[]) : [];
    const head = parts[0];
    const tail = parts[parts.length - 1];
    if (!head || !tail) return undefined;
    // Most names are one part: its text as it is, without a list of texts to join.
    return { text: parts.length === 1 ? head.text : parts.map((p) => p.text).join('.'), range: this.span(head.range, tail.range) };
  }

  /** A number token (+ optional `days` word) → NumberLit; bad units were reported by the lexer pass. */
  protected numberFrom(t: IToken | undefined, days: IToken | undefined, negative: IToken | undefined): NumberLit | undefined {
    if (!t || !Number.isFinite(t.startOffset)) return undefined;
    const startRange = negative ? this.tokRange(negative) : undefined;
    let range = this.tokRange(t);
    const parsed = this.numberText(t.image, negative !== undefined);
    if (!parsed) return undefined;
    let text = (negative ? '-' : '') + t.image;
    let unit = parsed.unit;
    if (days && Number.isFinite(days.startOffset)) {
      range = this.span(range, this.tokRange(days));
      text += ` ${days.image}`;
      if (unit === null) unit = 'days';
    }
    return { kind: 'number', value: parsed.value, unit, text, range: startRange ? this.span(startRange, range) : range };
  }

  /** `image` read as a number (its leading digits when the suffix is no unit), once per file. */
  private numberText(image: string, negative: boolean): ParsedNumber | undefined {
    const key = negative ? `-${image}` : image;
    if (this.numbers.has(key)) return this.numbers.get(key);
    const parsed = parseNumberText(image, negative) ?? parseNumberText((/^\d+(?:\.\d+)?/.exec(image) ?? ['0'])[0], negative);
    this.numbers.set(key, parsed);
    return parsed;
  }

  signedNumber(ctx: SignedNumberCstChildren): NumberLit | undefined {
    return this.numberFrom(first(ctx.NumberLiteral), first(ctx.Days), first(ctx.Minus));
  }

  protected numberOf(node: CstNode | undefined): NumberLit | undefined {
    return node ? (this.visit(node) as NumberLit | undefined) : undefined;
  }

  /** A literal, or a param's name as a one-part `ref` that compile resolves to its constant. */
  numberOrParam(ctx: NumberOrParamCstChildren): NumberSlot | undefined {
    const param = this.nameOf(first(ctx.param));
    if (param) return { kind: 'ref', parts: [param], range: param.range };
    return this.numberOf(first(ctx.signedNumber));
  }

  protected slotOf(node: CstNode | undefined): NumberSlot | undefined {
    return node ? (this.visit(node) as NumberSlot | undefined) : undefined;
  }

  // ── expressions ─────────────────────────────────────────────────────────────────────────
  protected exprOf(node: CstNode | undefined): Expr | undefined {
    return node ? (this.visit(node) as Expr | undefined) : undefined;
  }

  expression(ctx: ExpressionCstChildren): Expr | undefined {
    return this.exprOf(first(ctx.ifExpr) ?? first(ctx.binaryExpr));
  }

  ifExpr(ctx: IfExprCstChildren): Expr | undefined {
    const start = this.tokRange(first(ctx.If));
    const condition = this.exprOf(first(ctx.condition));
    const then = this.exprOf(first(ctx.then));
    const otherwise = this.exprOf(first(ctx.otherwise));
    if (!condition || !then || !otherwise) return undefined;
    return this.measured({ kind: 'if', condition, then, otherwise, range: this.span(start, otherwise.range) }, start);
  }

  binaryExpr(ctx: BinaryExprCstChildren): Expr | undefined {
    return this.climbRow(ctx.operands, ctx.ops);
  }

  arith(ctx: ArithCstChildren): Expr | undefined {
    return this.climbRow(ctx.operands, ctx.ops);
  }

  operand(ctx: OperandCstChildren): PrefixedOperand {
    return { prefixes: ctx.prefixes ?? [], atom: this.exprOf(first(ctx.primary)) };
  }

  arithOperand(ctx: ArithOperandCstChildren): PrefixedOperand {
    return { prefixes: ctx.prefixes ?? [], atom: this.exprOf(first(ctx.primary)) };
  }

  private climbRow(operandNodes: readonly CstNode[] | undefined, ops: readonly IToken[] | undefined): Expr | undefined {
    const refused = this.refusals;
    // Most rows are one operand without prefixes (a number, a path): its value is read straight
    // from the operand's primary, without the operand object and the row array around it.
    const only = operandNodes?.length === 1 ? (operandNodes[0] as CstNode).children : undefined;
    if (only && only.prefixes === undefined) {
      const atom = this.exprOf(first(only.primary as CstNode[] | undefined));
      return this.refusals !== refused ? undefined : atom;
    }
    const operands = (operandNodes ?? []).map((n) => this.visit(n) as PrefixedOperand);
    // A refused operand refuses the row: `1 + (deep)` must not become `1`.
    if (this.refusals !== refused) return undefined;
    if (operands.length === 1 && operands[0]?.prefixes.length === 0) return operands[0].atom;
    return climb(operands, ops ?? [], this.climbHooks);
  }

  private readonly climbHooks: ClimbHooks = {
    tokRange: (t) => this.tokRange(t),
    span: (a, b) => this.span(a, b),
    chained: (op) => this.report(msg.DSL.unexpectedToken, msg.chainedComparison(this.lang, op.image), this.tokRange(op)),
    built: (e, op) => this.measured(e, this.tokRange(op)),
    tooDeep: (op) => this.refuseFormula(this.tokRange(op)),
    maxDepth: MAX_FORMULA_DEPTH,
  };

  primary(ctx: PrimaryCstChildren): Expr | undefined {
    if (ctx.NumberLiteral) return this.numberFrom(first(ctx.NumberLiteral), first(ctx.Days), undefined);
    const str = first(ctx.StringLiteral);
    if (str) return { kind: 'string', value: unquote(str.image), range: this.tokRange(str) };
    const bool = first(ctx.True) ?? first(ctx.False);
    if (bool) return { kind: 'boolean', value: ctx.True !== undefined, range: this.tokRange(bool) };
    if (ctx.dataPath) return this.exprOf(first(ctx.dataPath));
    if (ctx.contextPath) return this.exprOf(first(ctx.contextPath));
    if (ctx.LParen) {
      const open = this.tokRange(first(ctx.LParen));
      const inner = this.exprOf(first(ctx.expression));
      const close = first(ctx.RParen);
      // The bracketed expression keeps its own node; its range grows to cover the brackets.
      return inner ? this.measured({ ...inner, range: this.span(open, close ? this.tokRange(close) : inner.range) }, open) : undefined;
    }
    return this.exprOf(first(ctx.refOrCall));
  }

  dataPath(ctx: DataPathCstChildren): DataPath | undefined {
    const start = this.tokRange(first(ctx.Data));
    // Without `[]` the segments are already in source order (recovery's inserted tokens have no
    // offset and are left out), so the usual path needs no merging and sorting.
    const brackets = ctx.LBracket !== undefined || ctx.RBracket !== undefined;
    const parts = brackets
      ? [...(ctx.segment ?? []), ...(ctx.LBracket ?? [])].filter((t) => Number.isFinite(t.startOffset)).sort((a, b) => a.startOffset - b.startOffset)
      : (ctx.segment ?? []).filter((t) => Number.isFinite(t.startOffset));
    if (this.tooManySegments(parts.length, () => this.tokRange(parts[MAX_PATH_SEGMENTS]))) return undefined;
    const segments = parts.map((t) =>
      t.tokenType.name === 'LBracket' ? '[]' : t.tokenType.name === 'StringToken' || t.tokenType.name === 'UnterminatedString' ? unquote(t.image) : t.image,
    );
    const lastTok = brackets
      ? [...parts, ...(ctx.RBracket ?? [])].filter((t) => Number.isFinite(t.startOffset)).sort((a, b) => b.startOffset - a.startOffset)[0]
      : parts[parts.length - 1];
    const range = lastTok ? this.span(start, this.tokRange(lastTok)) : start;
    return { kind: 'path', segments, range };
  }

  /** `previous.grade` → root 'previous', segments ['grade']; a bare root is reported (DSL111). */
  contextPath(ctx: ContextPathCstChildren): Expr | undefined {
    const rootTok = first(ctx.root);
    if (!rootTok || !Number.isFinite(rootTok.startOffset)) return undefined;
    const root: ContextRoot = rootTok.tokenType === kw.Previous ? 'previous' : 'rectification';
    const start = this.tokRange(rootTok);
    const parts = (ctx.segment ?? []).filter((t) => Number.isFinite(t.startOffset));
    if (parts.length === 0) {
      this.report(msg.DSL.contextMember, msg.contextMember(this.lang, rootTok.image, root), start);
      return undefined;
    }
    if (this.tooManySegments(parts.length, () => this.tokRange(parts[MAX_PATH_SEGMENTS]))) return undefined;
    const segments = parts.map((t) => (t.tokenType.name === 'StringToken' || t.tokenType.name === 'UnterminatedString' ? unquote(t.image) : t.image));
    return { kind: 'context', root, segments, range: this.span(start, this.tokRange(parts[parts.length - 1])) };
  }

  refOrCall(ctx: RefOrCallCstChildren): Expr | undefined {
    const head = this.wordOf(first(ctx.head));
    if (!head) return undefined;
    if (ctx.LParen) {
      const refused = this.refusals;
      const args = (ctx.args ?? []).map((a) => this.exprOf(a)).filter((a): a is Expr => a !== undefined);
      // A refused argument refuses the call rather than leaving it one argument short.
      if (this.refusals !== refused) return undefined;
      const close = first(ctx.RParen);
      const end = close && Number.isFinite(close.startOffset) ? this.tokRange(close) : (args[args.length - 1]?.range ?? head.range);
      return this.measured({ kind: 'call', callee: head, args, range: this.span(head.range, end) }, head.range);
    }
    const members = ctx.members ?? [];
    if (this.tooManySegments(members.length + 1, () => this.nodeRange(members[MAX_PATH_SEGMENTS - 1]))) return undefined;
    const parts = [head, ...members.map((m) => this.wordOf(m)).filter((n): n is Name => n !== undefined)];
    return { kind: 'ref', parts, range: this.span(head.range, (parts[parts.length - 1] as Name).range) };
  }

  word(ctx: WordCstChildren): Name | undefined {
    const t = first(ctx.Identifier) ?? first(ctx.SoftKeyword);
    if (!t || !Number.isFinite(t.startOffset)) return undefined;
    return { text: BUILTIN_WORDS.get(t.tokenType) ?? t.image, range: this.tokRange(t) };
  }

  protected wordOf(node: CstNode | undefined): Name | undefined {
    return node ? (this.visit(node) as Name | undefined) : undefined;
  }
}
