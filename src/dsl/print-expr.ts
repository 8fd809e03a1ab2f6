/**
 * An expression AST as text, one printer for two readers:
 * - `printExpr(e)`: fully parenthesised, `(1 + (2 * 3))`, so tests can state precedence and
 *   associativity plainly;
 * - `exprText(e)`: compact, `1 + 2 * 3`, for labels and messages (the checker's and compiler's).
 * Numbers print as written, data paths with their `data.` prefix, refs joined by `.`. Not a
 * formatter (src/fmt keeps the user's own layout).
 */
import { assertNever } from '../common/diagnostic.js';
import type { Expr } from './ast.js';

export function printExpr(e: Expr): string {
  return print(e, true);
}

export function exprText(e: Expr): string {
  return print(e, false);
}

function print(e: Expr, parens: boolean): string {
  const p = (x: Expr): string => print(x, parens);
  const group = (text: string): string => (parens ? `(${text})` : text);
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
      return e.parts.map((x) => x.text).join('.');
    case 'binary':
      return group(`${p(e.left)} ${e.op} ${p(e.right)}`);
    case 'unary':
      return group(e.op === 'not' ? `not ${p(e.operand)}` : `-${p(e.operand)}`);
    case 'call':
      return `${e.callee.text}(${e.args.map(p).join(', ')})`;
    case 'if':
      return group(`if ${p(e.condition)} then ${p(e.then)} else ${p(e.otherwise)}`);
    default:
      return assertNever(e, 'expression');
  }
}
