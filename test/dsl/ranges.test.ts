/**
 * Source ranges of AST nodes and diagnostics: exact text covered, 1-based line/column, 0-based offsets, end exclusive.
 */
import { describe, expect, it } from 'vitest';
import type { SourceRange } from '../../src/common/diagnostic.js';
import { parse } from '../../src/dsl/parse.js';
import { framework, indicator, parseClean, rulesBlock } from './helpers.js';

/** The source text a range covers, checked against line/column too. */
function cover(text: string, r: SourceRange): string {
  const lines = text.split('\n');
  const fromLine = lines.slice(0, r.start.line - 1).reduce((n, l) => n + l.length + 1, 0) + r.start.column - 1;
  const toLine = lines.slice(0, r.end.line - 1).reduce((n, l) => n + l.length + 1, 0) + r.end.column - 1;
  expect([fromLine, toLine]).toEqual([r.start.offset, r.end.offset]);
  return text.slice(r.start.offset, r.end.offset);
}

const SRC = `framework 项目支出 {
  dimension 过程 weight 20 {
    indicator 预算执行率 weight 10 {
      value = data.spent / data.budget.adjusted
      target >= 100%
      score bands { >= 95%: 100%; else: 0 }
    }
  }
}
rules 结果应用 for 项目支出 {
  rule 评价差 when grade == 差 then adjust next_budget -30%, interview
}
`;

describe('source ranges (1-based line/column, 0-based offset, end exclusive)', () => {
  const ast = parseClean(SRC);
  const fw = framework(ast);
  const ind = indicator(ast, '预算执行率');

  it('covers whole declarations', () => {
    expect(cover(SRC, fw.range).startsWith('framework 项目支出 {')).toBe(true);
    expect(cover(SRC, fw.range).endsWith('}')).toBe(true);
    expect(cover(SRC, ind.range)).toMatch(/^indicator 预算执行率 weight 10 \{[\s\S]*\}$/);
    expect(ast.range.end.offset).toBe(SRC.length);
  });

  it('covers names, numbers and expressions exactly', () => {
    expect(cover(SRC, ind.name.range)).toBe('预算执行率');
    expect(ind.name.range.start).toEqual({ line: 3, column: 15, offset: SRC.indexOf('预算执行率') });
    expect(cover(SRC, ind.weight!.range)).toBe('10');
    expect(cover(SRC, ind.value!.range)).toBe('data.spent / data.budget.adjusted');
    expect(ind.value!.kind === 'binary' && cover(SRC, ind.value!.right.range)).toBe('data.budget.adjusted');
    expect(cover(SRC, ind.target!.range)).toBe('target >= 100%');
    expect(cover(SRC, ind.score!.range)).toBe('score bands { >= 95%: 100%; else: 0 }');
    expect(ind.score!.method === 'bands' && cover(SRC, ind.score!.bands[0]!.range)).toBe('>= 95%: 100%');
  });

  it('covers rules and actions', () => {
    const rule = rulesBlock(ast).rules[0]!;
    expect(cover(SRC, rule.range)).toBe('rule 评价差 when grade == 差 then adjust next_budget -30%, interview');
    expect(cover(SRC, rule.when.range)).toBe('grade == 差');
    expect(rule.actions.map((a) => cover(SRC, a.range))).toEqual(['adjust next_budget -30%', 'interview']);
    expect(cover(SRC, rule.actions[0]!.amount!.range)).toBe('-30%');
  });

  it('includes brackets of a parenthesised expression', () => {
    const text = 'framework F { let x = (a + b) * 2 }';
    const e = framework(parseClean(text)).lets[0]!.value;
    expect(cover(text, e.range)).toBe('(a + b) * 2');
    expect(e.kind === 'binary' && cover(text, e.left.range)).toBe('(a + b)');
  });

  it('places diagnostics of inserted tokens after the previous real token', () => {
    const text = 'framework F {\n  indicator I weight 10 {\n    value = \n  }\n}';
    const { diagnostics } = parse(text);
    expect(diagnostics).toHaveLength(1);
    const d = diagnostics[0]!;
    expect(Number.isFinite(d.range.start.offset)).toBe(true);
    expect(d.range.start.line).toBeGreaterThanOrEqual(3);
  });

  it('counts lines the same with CRLF line ends and a byte-order mark', () => {
    const text = '\uFEFFframework F {\r\n  scale 100\r\n  indicator I weight { }\r\n}\r\n';
    const { ast, diagnostics } = parse(text);
    expect(diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.code}`)).toEqual(['3:22 DSL102']);
    expect(cover(text, framework(ast).settings[0]!.range)).toBe('scale 100');
  });
});
