/**
 * Operator precedence and associativity, stated as fully parenthesised prints of the AST.
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/dsl/parse.js';
import { printed } from './helpers.js';

describe('expression precedence, printed fully parenthesised', () => {
  it.each([
    ['1 + 2 * 3', '(1 + (2 * 3))'],
    ['1 * 2 + 3', '((1 * 2) + 3)'],
    ['1 - 2 - 3', '((1 - 2) - 3)'],
    ['8 / 4 / 2', '((8 / 4) / 2)'],
    ['(1 + 2) * 3', '((1 + 2) * 3)'],
    ['-a * b', '((-a) * b)'],
    ['- -a', '(-(-a))'],
    ['a + b >= c * d', '((a + b) >= (c * d))'],
    ['a == 1 and b != 2 or c < 3', '(((a == 1) and (b != 2)) or (c < 3))'],
    ['a or b and c', '(a or (b and c))'],
    ['not a and b', '((not a) and b)'],
    ['not a == b', '(not (a == b))'],
    ['not not a', '(not (not a))'],
    ['if a > 1 then b + 1 else c or d', '(if (a > 1) then (b + 1) else (c or d))'],
    ['if a then if b then 1 else 2 else 3', '(if a then (if b then 1 else 2) else 3)'],
    ['max(a, b + 1) * 2', '(max(a, (b + 1)) * 2)'],
    ['data.spent / data.budget.adjusted >= 60%', '((data.spent / data.budget.adjusted) >= 60%)'],
    ['sum(data.items[].amount) - 1.6亿', '(sum(data.items[].amount) - 1.6亿)'],
    ['a 且 b 或 非 c', '((a and b) or (not c))'],
    ['如果 a 则 1 否则 2', '(if a then 1 else 2)'],
    ['预算执行率.value < 60%', '(预算执行率.value < 60%)'],
    ['x × 2 ÷ 3', '((x * 2) / 3)'],
    ['a ≥ b', '(a >= b)'],
  ])('%s', (src, expected) => {
    expect(printed(src)).toBe(expected);
  });

  it('does not chain comparisons', () => {
    const { diagnostics } = parse('framework F { let x = a < b < c }');
    expect(diagnostics.map((d) => d.code)).toContain('DSL102');
  });
});
