/**
 * The rule-only context roots and the budget line of recall/withhold/suspend, as policy staff
 * write them: `previous.grade` / `上年.grade`, `rectification.status` / `整改情况.status` (with
 * `整改` still the rectify action), a bare root reported with a hint (DSL111), and every shape
 * of `recall|withhold|suspend [line] [amount]` in English and Chinese. Assertions are on tokens,
 * AST shape, codes and ranges.
 */
import { describe, expect, it } from 'vitest';
import type { ActionDecl } from '../../src/dsl/ast.js';
import { parse } from '../../src/dsl/parse.js';
import { printExpr } from '../../src/dsl/print-expr.js';
import { jixiaoLexer } from '../../src/dsl/tokens.js';
import { expr, parseClean, rulesBlock } from './helpers.js';

function kinds(text: string): string[] {
  return jixiaoLexer.tokenize(text).tokens.map((t) => `${t.tokenType.name}:${t.image}`);
}

/** The actions of the one rule `r` written after `then`. */
function actions(then: string): ActionDecl[] {
  const ast = parseClean(`rules R for F {\n  rule r when true then ${then}\n  line x base data.x\n}`);
  return rulesBlock(ast).rules[0]!.actions;
}

/** Each action as `verb line amount` (absent parts left out). */
function shapes(then: string): string[] {
  return actions(then).map((a) => [a.verb, a.line?.text, a.amount && printExpr(a.amount)].filter((x) => x !== undefined).join(' '));
}

describe('context roots', () => {
  it('lexes previous/上年 and rectification/整改情况 as roots; 整改 stays the rectify action', () => {
    expect(kinds('previous 上年 rectification 整改情况')).toEqual([
      'Previous:previous',
      'Previous:上年',
      'Rectification:rectification',
      'Rectification:整改情况',
    ]);
    expect(kinds('整改 限期 90天')).toEqual(['Rectify:整改', 'Within:限期', 'Number:90天']);
    // Longer names that merely start with a root stay names.
    expect(kinds('上年度预算 整改情况说明 previously')).toEqual(['Identifier:上年度预算', 'Identifier:整改情况说明', 'Identifier:previously']);
  });

  it('reads paths under both roots, Chinese spellings and quoted segments included', () => {
    expect(expr('previous.grade')).toMatchObject({ kind: 'context', root: 'previous', segments: ['grade'] });
    expect(expr('上年.total')).toMatchObject({ kind: 'context', root: 'previous', segments: ['total'] });
    expect(expr('整改情况.status')).toMatchObject({ kind: 'context', root: 'rectification', segments: ['status'] });
    expect(expr('rectification."整改 说明".value')).toMatchObject({ kind: 'context', root: 'rectification', segments: ['整改 说明', 'value'] });
    expect(printExpr(expr('coalesce(previous.grade, "") == "差" and 整改情况.status != "已整改"'))).toBe(
      '((coalesce(previous.grade, "") == "差") and (rectification.status != "已整改"))',
    );
  });

  it('a data path may still have a segment spelled like a root', () => {
    expect(expr('data.three_public.previous')).toMatchObject({ kind: 'path', segments: ['three_public', 'previous'] });
    expect(expr('data.三公.上年')).toMatchObject({ kind: 'path', segments: ['三公', '上年'] });
  });

  it('the range of a context path covers root to last segment', () => {
    const e = expr('上年.grade');
    expect([e.range.start.column, e.range.end.column]).toEqual([11, 19]);
  });

  it('a bare root is DSL111 at the root, with a hint naming a field', () => {
    const { diagnostics } = parse('rules R for F {\n  rule r when previous == 差 then flag "x"\n}', 't.ind');
    expect(diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.column, d.range.end.column])).toEqual([['DSL111', 2, 15, 23]]);
    expect(diagnostics[0]!.hint).toContain('previous.grade');
    const zh = parse('rules R for F {\n  rule r when 整改情况 == "未整改" then flag "x"\n}', 't.ind');
    expect(zh.diagnostics.map((d) => d.code)).toEqual(['DSL111']);
  });

  it('整改 限期 after 整改情况 in one rule: condition root, then the action', () => {
    const ast = parseClean('规则集 R 适用于 F {\n  规则 r 当 整改情况.status == "未整改" 则 整改 限期 90天, 暂缓\n}');
    const rule = rulesBlock(ast).rules[0]!;
    expect(rule.when).toMatchObject({ kind: 'binary', left: { kind: 'context', root: 'rectification' } });
    expect(rule.actions.map((a) => [a.verb, a.withinDays?.kind === 'number' ? a.withinDays.value : undefined])).toEqual([
      ['rectify', '90'],
      ['suspend', undefined],
    ]);
  });
});

describe('recall / withhold / suspend with a budget line', () => {
  it('reads a line when a name is followed by an amount', () => {
    expect(shapes('withhold transfer_payment 50%')).toEqual(['withhold transfer_payment 50%']);
    expect(shapes('suspend special_fund 30%')).toEqual(['suspend special_fund 30%']);
    expect(shapes('recall next_budget 20%')).toEqual(['recall next_budget 20%']);
    expect(shapes('withhold transfer_payment 50万')).toEqual(['withhold transfer_payment 50万']);
    expect(shapes('withhold transfer_payment 暂扣比例')).toEqual(['withhold transfer_payment 暂扣比例']);
    expect(shapes('recall special_fund data.fund.unused')).toEqual(['recall special_fund data.fund.unused']);
    expect(shapes('withhold transfer_payment 暂扣比例 * 2')).toEqual(['withhold transfer_payment (暂扣比例 * 2)']);
  });

  it('keeps the shapes without a line: an expression, or nothing', () => {
    expect(shapes('recall unspent')).toEqual(['recall unspent']);
    expect(shapes('recall unspent * 50%')).toEqual(['recall (unspent * 50%)']);
    expect(shapes('recall min(unspent, 10万)')).toEqual(['recall min(unspent, 10万)']);
    expect(shapes('recall 30%')).toEqual(['recall 30%']);
    expect(shapes('withhold')).toEqual(['withhold']);
    expect(shapes('withhold, warn red')).toEqual(['withhold', 'warn']);
    expect(shapes('suspend 50%, interview')).toEqual(['suspend 50%', 'interview']);
    // A bare name parses as the amount; compile decides whether it is a declared line.
    expect(shapes('withhold transfer_payment')).toEqual(['withhold transfer_payment']);
  });

  it('does not read a statement keyword of the block as an amount after a line-like name', () => {
    const ast = parseClean('rules R for F {\n  rule r when true then withhold transfer_payment\n  let a = 1\n  line transfer_payment base data.x\n}');
    const rb = rulesBlock(ast);
    expect(rb.rules[0]!.actions.map((a) => [a.line?.text, a.amount && printExpr(a.amount)])).toEqual([[undefined, 'transfer_payment']]);
    expect(rb.lets.map((l) => l.name.text)).toEqual(['a']);
  });

  it('reads the same shapes in Chinese', () => {
    expect(shapes('暂扣 转移支付 50%')).toEqual(['withhold 转移支付 50%']);
    expect(shapes('暂缓 专项资金 30%')).toEqual(['suspend 专项资金 30%']);
    expect(shapes('收回 下年预算 20%')).toEqual(['recall 下年预算 20%']);
    expect(shapes('收回 结余')).toEqual(['recall unspent']);
    expect(shapes('暂扣，预警 red')).toEqual(['withhold', 'warn']);
    expect(shapes('暂缓 专项资金')).toEqual(['suspend 专项资金']);
  });

  it('the line name keeps its range', () => {
    const a = actions('withhold transfer_payment 50%')[0]!;
    expect([a.line?.range.start.column, a.line?.range.end.column]).toEqual([34, 50]);
  });
});
