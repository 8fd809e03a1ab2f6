/**
 * The recommendation stage's decimal evaluator and canonical printer: exact decimal arithmetic
 * (0.1 + 0.2 is 0.3), missing values and division by zero give null (so a derived-fact condition
 * is false, never a wrong number), aggregates over `[]` paths, grade ordering, and the canonical
 * text that names derived facts.
 */
import { describe, expect, it } from 'vitest';
import type { ExprIR } from '../../src/compile/ir.js';
import { Dec, evalExpr, printExpr, toFact, type ExprEnv } from '../../src/recommend/expr-eval.js';
import { bin, data, grade, neg, not, num, pct, str } from './fixtures.js';

function env(record: unknown, g: string | null = '良'): ExprEnv {
  const ranks = new Map([
    ['优', 4],
    ['良', 3],
    ['中', 2],
    ['差', 1],
  ]);
  return {
    data: record,
    node: () => undefined,
    scorecard: (m) => (m === 'grade' ? g : null),
    name: () => null,
    gradeRank: (l) => ranks.get(l),
  };
}

const call = (fn: Extract<ExprIR, { kind: 'call' }>['fn'], ...args: ExprIR[]): ExprIR => ({ kind: 'call', fn, args });

describe('evalExpr', () => {
  it('adds decimals exactly and keeps nulls out of arithmetic', () => {
    expect(toFact(evalExpr(bin('+', num('0.1'), num('0.2')), env({})))).toBe(0.3);
    expect(evalExpr(bin('/', data('a'), data('b')), env({ a: 1, b: 0 }))).toBeNull();
    expect(evalExpr(bin('-', data('missing'), num('1')), env({}))).toBeNull();
    expect(evalExpr(bin('<', data('missing'), num('1')), env({}))).toBeNull();
  });

  it('aggregates over [] paths and skips missing elements', () => {
    const items = { items: [{ x: 1.5 }, { x: 2.25 }, {}] };
    expect((evalExpr(call('sum', data('items', '[]', 'x')), env(items)) as InstanceType<typeof Dec>).toString()).toBe('3.75');
    expect((evalExpr(call('count', data('items', '[]', 'x')), env(items)) as InstanceType<typeof Dec>).toString()).toBe('2');
    expect(evalExpr(call('coalesce', data('none'), str('x')), env({}))).toBe('x');
  });

  it('orders grades by rank and compares labels for equality', () => {
    expect(evalExpr(bin('>=', grade, str('中')), env({}, '良'))).toBe(true);
    expect(evalExpr(bin('<', grade, str('中')), env({}, '良'))).toBe(false);
    expect(evalExpr(bin('==', grade, str('良')), env({}, '良'))).toBe(true);
    expect(evalExpr(not(bin('==', grade, str('良'))), env({}, '良'))).toBe(false);
  });

  it('never reads inherited properties of the record', () => {
    expect(evalExpr(data('constructor'), env({}))).toBeNull();
    expect(evalExpr(data('__proto__'), env({}))).toBeNull();
  });
});

describe('printExpr', () => {
  it('prints canonically with the parentheses precedence needs', () => {
    expect(printExpr(bin('/', bin('-', data('a'), data('b')), data('c')))).toBe('(data.a - data.b) / data.c');
    expect(printExpr(bin('-', data('a'), bin('-', data('b'), data('c'))))).toBe('data.a - (data.b - data.c)');
    expect(printExpr(bin('<', neg(pct('0.05')), num('500', '元')))).toBe('-(5%) < 500元');
  });
});
