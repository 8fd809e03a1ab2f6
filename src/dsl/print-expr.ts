/**
 * `printExpr(e)`: an expression as fully parenthesised text, `(1 + (2 * 3))`, so tests can
 * state precedence and associativity plainly. Numbers print as written, data paths with their
 * `data.` prefix, refs joined by `.`, `if` as `(if c then a else b)`. Not a formatter.
 */
import { assertNever } from '../common/diagnostic.js';
import type { Expr } from './ast.js';

export function printExpr(e: Expr): string {
  switch (e.kind) {
    case 'number':
      return e.text;
    case 'string':
      return JSON.stringify(e.value);
    case 'boolean':
      return e.value ? 'true' : 'false';
    case 'path':
      return ['data', ...e.segments].join('.').replace(/\.\[\]/g, '[]');
    case 'context':
      return [e.root, ...e.segments].join('.');
    case 'ref':
      return e.parts.map((p) => p.text).join('.');
    case 'binary':
      return `(${printExpr(e.left)} ${e.op} ${printExpr(e.right)})`;
    case 'unary':
      return e.op === 'not' ? `(not ${printExpr(e.operand)})` : `(-${printExpr(e.operand)})`;
    case 'call':
      return `${e.callee.text}(${e.args.map(printExpr).join(', ')})`;
    case 'if':
      return `(if ${printExpr(e.condition)} then ${printExpr(e.then)} else ${printExpr(e.otherwise)})`;
    default:
      return assertNever(e, 'expression');
  }
}
