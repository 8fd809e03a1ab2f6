/**
 * Operator precedence for the visitor. The parser reads binary operators as a flat row
 * `operand (op operand)*`, each operand with its prefixes (`not`, `-`, `+`); `climb` turns
 * that row into the nested `Binary`/`Unary` nodes by precedence climbing, loosest first:
 * `or` · `and` · `not` · comparisons · `+ -` · `* /` · unary minus. All binary operators are
 * left-associative; a comparison directly chained to another (`a < b < c`) is handed to
 * `hooks.chained` and otherwise kept as `(a < b) < c`. A minus on a literal folds into the
 * literal (`-30%` is the number -0.3); `+x` is x. Pure: never throws, never loops forever
 * (every step consumes an operand). Bounded: every node built goes through `hooks.built`, which
 * may refuse it (a formula deeper than the limit), and the climb stops descending after
 * `maxDepth` operations open inside one another (`a * not b * not c …` descends once per `not`
 * before building anything); either way the whole row is refused (undefined), reported once.
 */
import type { IToken } from 'chevrotain';
import { Decimal } from 'decimal.js';
import type { SourceRange } from '../common/diagnostic.js';
import type { BinaryOp, Expr } from './ast.js';
import { plain } from './literals.js';

export interface PrefixedOperand {
  prefixes: readonly IToken[];
  atom: Expr | undefined;
}

export interface ClimbHooks {
  tokRange(t: IToken): SourceRange;
  span(a: SourceRange, b: SourceRange): SourceRange;
  chained(op: IToken): void;
  /** Every node built, with its operator; undefined refuses it (already reported). */
  built(e: Expr, op: IToken): Expr | undefined;
  /** The climb went `maxDepth` operations deep at `op`: report it; the row is refused. */
  tooDeep(op: IToken): void;
  maxDepth: number;
}

const COMPARISON = 4;
const PRECEDENCE: Record<string, [number, BinaryOp]> = {
  Or: [1, 'or'],
  And: [2, 'and'],
  EqEq: [COMPARISON, '=='],
  NotEq: [COMPARISON, '!='],
  Lt: [COMPARISON, '<'],
  LtEq: [COMPARISON, '<='],
  Gt: [COMPARISON, '>'],
  GtEq: [COMPARISON, '>='],
  Plus: [5, '+'],
  Minus: [5, '-'],
  Star: [6, '*'],
  Slash: [6, '/'],
};

export function climb(operands: readonly PrefixedOperand[], ops: readonly IToken[], hooks: ClimbHooks): Expr | undefined {
  return new Climber(operands, ops, hooks).run();
}

/**
 * The state of one climb. A class rather than closures inside `climb`: the front end runs under
 * tsx, whose keep-names transform wraps every named inner closure in a `defineProperty` call on
 * each invocation, which cost more than the climbing itself on large files.
 */
class Climber {
  /** Index of the operand to read next; ops[next - 1] follows the last one read. */
  private next = 0;
  /** Prefixes of operands[next] already applied. */
  private pre = 0;
  /** Operations open inside one another on the way down. */
  private level = 0;
  /** Set once a node was refused or the climb went too deep: everything unwinds to undefined. */
  private failed = false;

  constructor(
    private readonly operands: readonly PrefixedOperand[],
    private readonly ops: readonly IToken[],
    private readonly hooks: ClimbHooks,
  ) {}

  /** The whole row, or undefined when it was refused. */
  run(): Expr | undefined {
    const e = this.expr(0);
    return this.failed ? undefined : e;
  }

  private prefixed(): Expr | undefined {
    const o = this.operands[this.next];
    if (!o) return undefined;
    const p = o.prefixes[this.pre];
    if (p) {
      this.pre++;
      const start = this.hooks.tokRange(p);
      if (p.tokenType.name === 'Not') {
        const inner = this.deeper(p, COMPARISON);
        return inner && this.build({ kind: 'unary', op: 'not', operand: inner, range: this.hooks.span(start, inner.range) }, p);
      }
      const inner = this.prefixed();
      return inner && this.build(sign(p.tokenType.name === 'Minus', inner, this.hooks.span(start, inner.range)), p);
    }
    this.next++;
    this.pre = 0;
    return o.atom;
  }

  expr(minPrec: number): Expr | undefined {
    let left = this.prefixed();
    let lastComparison = false;
    while (left && !this.failed && this.next < this.operands.length) {
      const op = this.ops[this.next - 1];
      const entry = op ? PRECEDENCE[op.tokenType.name] : undefined;
      if (!op || !entry || entry[0] < minPrec) break;
      if (entry[0] === COMPARISON && lastComparison) this.hooks.chained(op);
      const right = this.deeper(op, entry[0] + 1);
      if (!right) return this.failed ? undefined : left;
      left = this.build({ kind: 'binary', op: entry[1], left, right, range: this.hooks.span(left.range, right.range) }, op);
      lastComparison = entry[0] === COMPARISON;
    }
    return this.failed ? undefined : left;
  }

  /** `expr(minPrec)` one operation further down, refused past the limit. */
  private deeper(op: IToken, minPrec: number): Expr | undefined {
    if (this.failed) return undefined;
    if (this.level >= this.hooks.maxDepth) {
      this.failed = true;
      this.hooks.tooDeep(op);
      return undefined;
    }
    this.level++;
    try {
      return this.expr(minPrec);
    } finally {
      this.level--;
    }
  }

  private build(e: Expr, op: IToken): Expr | undefined {
    if (this.failed) return undefined;
    const ok = this.hooks.built(e, op);
    if (!ok) this.failed = true;
    return ok;
  }
}

function sign(minus: boolean, operand: Expr, range: SourceRange): Expr {
  if (operand.kind === 'number') {
    const value = minus ? plain(new Decimal(operand.value).negated()) : operand.value;
    return { ...operand, value, text: `${minus ? '-' : '+'}${operand.text}`, range };
  }
  return minus ? { kind: 'unary', op: '-', operand, range } : { ...operand, range };
}
