/**
 * Prints IR expressions back in the surface syntax of indicator files, for traces and messages
 * ("value = data.spent / data.budget.adjusted"). Nested binary operations are parenthesised so
 * the printed text reads unambiguously without precedence rules; percentages print as written
 * (0.9 with unit % → 90%).
 */
import type { AwardIR, BandConditionIR, ExprIR } from '../compile/ir.js';
import { assertNever } from '../common/diagnostic.js';
import { D } from './decimal.js';

function dataPath(path: readonly string[]): string {
  return (
    'data.' +
    path
      .map((s) => (/^[\p{L}_][\p{L}\p{N}_]*$/u.test(s) || s === '[]' ? s : JSON.stringify(s)))
      .join('.')
      .replace(/\.\[\]/g, '[]')
  );
}

export function printNumber(value: string, unit: string | null): string {
  if (unit === '%') return `${new D(value).times(100).toString()}%`;
  if (!unit || unit === 'count' || unit === 'score' || unit === '元') return value;
  return `${value}${unit}`;
}

export function printExpr(e: ExprIR): string {
  switch (e.kind) {
    case 'number':
      return printNumber(e.value, e.unit);
    case 'string':
      return JSON.stringify(e.value);
    case 'boolean':
      return String(e.value);
    case 'data':
      return dataPath(e.path);
    case 'param':
    case 'let':
      return e.name;
    case 'node':
      return `${e.path.replace(/\//g, '.')}.${e.member}`;
    case 'self':
      return e.member;
    case 'scorecard':
      return e.member;
    case 'context':
      return [e.root, ...e.path].join('.');
    case 'binary':
      return `${wrap(e.left)} ${e.op} ${wrap(e.right)}`;
    case 'unary':
      return e.op === '-' ? `-${wrap(e.operand)}` : `not ${wrap(e.operand)}`;
    case 'call':
      return `${e.fn}(${e.args.map(printExpr).join(', ')})`;
    case 'if':
      return `if ${printExpr(e.condition)} then ${printExpr(e.then)} else ${printExpr(e.otherwise)}`;
    default:
      return assertNever(e, 'expression kind');
  }
}

function wrap(e: ExprIR): string {
  return e.kind === 'binary' || e.kind === 'if' ? `(${printExpr(e)})` : printExpr(e);
}

export function printAward(a: AwardIR): string {
  return a.kind === 'fraction' && !(a.value.kind === 'number' && a.value.unit === '%') ? `${printExpr(a.value)} of weight` : printExpr(a.value);
}

export function printBand(c: BandConditionIR): string {
  switch (c.kind) {
    case 'compare':
      return `${c.op} ${printExpr(c.bound)}`;
    case 'interval':
      return `${c.lowInclusive ? '[' : '('}${printExpr(c.low)}, ${printExpr(c.high)}${c.highInclusive ? ']' : ')'}`;
    case 'else':
      return 'else';
    default:
      return assertNever(c, 'band condition');
  }
}
