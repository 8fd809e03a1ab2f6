/**
 * Operator precedence for the visitor. The parser reads binary operators as a flat row
 * `operand (op operand)*`, each operand with its prefixes (`not`, `-`, `+`); `climb` turns
 * that row into the nested `Binary`/`Unary` nodes by precedence climbing, loosest first:
 * `or` · `and` · `not` · comparisons · `+ -` · `* /` · unary minus. All binary operators are
 * left-associative; a comparison directly chained to another (`a < b < c`) is handed to
 * `hooks.chained` and otherwise kept as `(a < b) < c`. A minus on a literal folds into the
 * literal (`-30%` is the number -0.3); `+x` is x. Pure: never throws, never loops forever
 * (every step consumes an operand).
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
}

const COMPARISON = 4;
const PRECEDENCE: Record<string, [number, BinaryOp]> = {
  Or: [1, 'or'], And: [2, 'and'],
  EqEq: [COMPARISON, '=='], NotEq: [COMPARISON, '!='], Lt: [COMPARISON, '<'], LtEq: [COMPARISON, '<='], Gt: [COMPARISON, '>'], GtEq: [COMPARISON, '>='],
  Plus: [5, '+'], Minus: [5, '-'], Star: [6, '*'], Slash: [6, '/'],
};

export function climb(operands: readonly PrefixedOperand[], ops: readonly IToken[], hooks: ClimbHooks): Expr | undefined {
  let next = 0; // index of the operand to read next; ops[next - 1] follows the last one read
  let pre = 0; // prefixes of operands[next] already applied

  const prefixed = (): Expr | undefined => {
    const o = operands[next];
    if (!o) return undefined;
    const p = o.prefixes[pre];
    if (p) {
      pre++;
      const start = hooks.tokRange(p);
      if (p.tokenType.name === 'Not') {
        const inner = expr(COMPARISON);
        return inner && { kind: 'unary', op: 'not', operand: inner, range: hooks.span(start, inner.range) };
      }
      const inner = prefixed();
      return inner && sign(p.tokenType.name === 'Minus', inner, hooks.span(start, inner.range));
    }
    next++;
    pre = 0;
    return o.atom;
  };

  const expr = (minPrec: number): Expr | undefined => {
    let left = prefixed();
    let lastComparison = false;
    while (left && next < operands.length) {
      const op = ops[next - 1];
      const entry = op ? PRECEDENCE[op.tokenType.name] : undefined;
      if (!op || !entry || entry[0] < minPrec) break;
      if (entry[0] === COMPARISON && lastComparison) hooks.chained(op);
      const right = expr(entry[0] + 1);
      if (!right) return left;
      left = { kind: 'binary', op: entry[1], left, right, range: hooks.span(left.range, right.range) };
      lastComparison = entry[0] === COMPARISON;
    }
    return left;
  };

  return expr(0);
}

function sign(minus: boolean, operand: Expr, range: SourceRange): Expr {
  if (operand.kind === 'number') {
    const value = minus ? plain(new Decimal(operand.value).negated()) : operand.value;
    return { ...operand, value, text: `${minus ? '-' : '+'}${operand.text}`, range };
  }
  return minus ? { kind: 'unary', op: '-', operand, range } : { ...operand, range };
}
