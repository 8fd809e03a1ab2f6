/**
 * Lexing as users see it: Chinese aliases are the same tokens, keywords never eat longer names, units and money are exact, soft keywords stay names.
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/dsl/parse.js';
import { jixiaoLexer } from '../../src/dsl/tokens.js';
import { expr, indicatorBody, parseClean, framework } from './helpers.js';

function kinds(text: string): string[] {
  return jixiaoLexer.tokenize(text).tokens.map((t) => `${t.tokenType.name}:${t.image}`);
}

describe('lexer', () => {
  it('reads Chinese aliases as the same keyword tokens as English', () => {
    expect(kinds('指标 权重 维度 框架 评分 计分')).toEqual(['Indicator:指标', 'Weight:权重', 'Dimension:维度', 'Framework:框架', 'Score:评分', 'Score:计分']);
    expect(kinds('indicator weight')).toEqual(['Indicator:indicator', 'Weight:weight']);
  });

  it('never lets a keyword eat the prefix of a longer name', () => {
    expect(kinds('维度名称 值班人数 当年预算 value1 scaled')).toEqual([
      'Identifier:维度名称',
      'Identifier:值班人数',
      'Identifier:当年预算',
      'Identifier:value1',
      'Identifier:scaled',
    ]);
  });

  it('prefers the longer of two keywords sharing a prefix', () => {
    expect(kinds('否则 否 按比例 按 是否 是 适用于 适用 规则集 规则 并且 且 或者 或')).toEqual([
      'Otherwise:否则',
      'False:否',
      'Fractional:按比例',
      'By:按',
      'YesNo:是否',
      'True:是',
      'For:适用于',
      'Applicable:适用',
      'Rules:规则集',
      'Rule:规则',
      'And:并且',
      'And:且',
      'Or:或者',
      'Or:或',
    ]);
  });

  it('reads numbers with unit suffixes as one token, and "30 days" as a number then a word', () => {
    expect(
      kinds('90% 500万 500万元 1.6亿 100元 20m² 20平方米 3km 3公里 30天 120人 5人次 3个 2项 4次 5户 2所 3家 10份').every((k) => k.startsWith('Number:')),
    ).toBe(true);
    expect(kinds('30 days')).toEqual(['Number:30', 'Days:days']);
    expect(kinds('80%..100%')).toEqual(['Number:80%', 'DotDot:..', 'Number:100%']);
  });

  it('accepts straight and Chinese quotes with escapes', () => {
    const ast = parseClean('framework F "a \\"b\\" \\\\ c" { title “中文 标题” }');
    expect(framework(ast).label).toBe('a "b" \\ c');
    expect(framework(ast).meta.title).toBe('中文 标题');
  });

  it('treats full-width punctuation as the ASCII tokens', () => {
    expect(kinds('（a，b；c：d）')).toEqual([
      'LParen:（',
      'Identifier:a',
      'Comma:，',
      'Identifier:b',
      'Semicolon:；',
      'Identifier:c',
      'Colon:：',
      'Identifier:d',
      'RParen:）',
    ]);
  });

  it('skips comments', () => {
    expect(kinds('a // line\n/* block\n */ b')).toEqual(['Identifier:a', 'Identifier:b']);
  });
});

describe('number literals', () => {
  const num = (src: string) => {
    const e = expr(src);
    if (e.kind !== 'number') throw new Error(e.kind);
    return [e.value, e.unit, e.text];
  };

  it('normalises money to 元 exactly', () => {
    expect(num('1.6亿')).toEqual(['160000000', '元', '1.6亿']);
    expect(num('1.6亿元')).toEqual(['160000000', '元', '1.6亿元']);
    expect(num('500万')).toEqual(['5000000', '元', '500万']);
    expect(num('1114.26万元')).toEqual(['11142600', '元', '1114.26万元']);
    expect(num('0.1亿')).toEqual(['10000000', '元', '0.1亿']);
    expect(num('12345678.91元')).toEqual(['12345678.91', '元', '12345678.91元']);
  });

  it('turns percentages into exact fractions', () => {
    expect(num('90%')).toEqual(['0.9', '%', '90%']);
    expect(num('0.1%')).toEqual(['0.001', '%', '0.1%']);
    expect(num('100%')).toEqual(['1', '%', '100%']);
    expect(num('-30%')).toEqual(['-0.3', '%', '-30%']);
  });

  it('maps the other units', () => {
    expect(num('20平方米')[1]).toBe('m²');
    expect(num('3公里')[1]).toBe('km');
    expect(num('30 days')).toEqual(['30', 'days', '30 days']);
    expect(num('30天')[1]).toBe('days');
    expect(num('5人次')[1]).toBe('people');
    expect(num('3家')[1]).toBe('count');
    expect(num('12')).toEqual(['12', null, '12']);
  });

  it('reports a number glued to an unknown unit as DSL105', () => {
    const { diagnostics } = parse('framework F { let x = 10分 }');
    expect(diagnostics.map((d) => [d.code, d.range.start.column, d.range.end.column])).toEqual([['DSL105', 23, 26]]);
  });
});

describe('soft keywords stay usable as names', () => {
  it('in calls, refs and members', () => {
    const e = expr('max(value, target) + 预算执行率.value + 决策.score + min(weight, 1)');
    expect(JSON.stringify(e)).toContain('"callee":{"text":"max"');
    const refs = JSON.stringify(e).match(/"text":"[^"]+"/g);
    expect(refs).toEqual(expect.arrayContaining(['"text":"value"', '"text":"target"', '"text":"score"', '"text":"weight"']));
  });

  it('as declaration names and data path segments', () => {
    const ast = parseClean('framework F { let days = 1; param unit = data.value.score.rule + data.if; indicator max weight 1 { score yesno } }');
    expect(framework(ast).lets[0]?.name.text).toBe('days');
    expect(framework(ast).params[0]?.name.text).toBe('unit');
    const members = framework(ast).members;
    expect(members[0]?.kind === 'indicator' && members[0].name.text).toBe('max');
  });

  it('Chinese built-in words in expressions mean the built-ins', () => {
    const ind = indicatorBody('value = data.a\n score formula 值 / 目标 * 100%');
    expect(ind.score?.method === 'formula' && JSON.stringify(ind.score.expr)).toContain('"text":"value"');
  });
});
