/**
 * Behaviour of `formatSource` that the golden cases do not pin down on their own: errors instead
 * of text for broken files, the width rule counting CJK characters as two columns, rule wrapping,
 * comments never swallowing code, the separator-keeping layout, and the shape of the result.
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/dsl/parse.js';
import { jixiaoParser } from '../../src/dsl/parser.js';
import { formatSource } from '../../src/fmt/format.js';
import { printFile } from '../../src/fmt/print.js';
import { lexWithComments, Trivia } from '../../src/fmt/trivia.js';
import { MAX_WIDTH } from '../../src/fmt/writer.js';
import { displayWidth } from '../../src/compile/code-frame.js';

function fmt(text: string): string {
  const result = formatSource(text, 't.ind');
  if (result.text === undefined) throw new Error(JSON.stringify(result.diagnostics));
  return result.text;
}

describe('formatSource', () => {
  it('returns the parse diagnostics and no text for a file with syntax errors', () => {
    const result = formatSource('framework 坏 {\n  grades { 优 >= ; 差 otherwise }\n}\n', 'bad.ind');
    expect(result.text).toBeUndefined();
    expect(result.changed).toBe(false);
    expect(result.diagnostics.map((d) => [d.code, d.file, d.range.start.line, d.range.start.column])).toEqual([['DSL102', 'bad.ind', 2, 17]]);
  });

  it('reports changed only when the layout differs', () => {
    const messy = 'framework 甲{scale 100}';
    const result = formatSource(messy);
    expect(result.changed).toBe(true);
    expect(formatSource(result.text!).changed).toBe(false);
  });

  it('formats an empty file to an empty file and a comment-only file to its comments', () => {
    expect(fmt('')).toBe('');
    expect(fmt('\n\n  // 只有注释  \n\n')).toBe('// 只有注释\n');
  });

  it('reads CRLF line endings and writes LF', () => {
    expect(fmt('framework 甲 {\r\n  scale 100\r\n}\r\n')).toBe('framework 甲 {\n  scale 100\n}\n');
  });

  it('counts a CJK character as two columns when deciding whether a list fits on one line', () => {
    // 40 CJK characters of labels: 84 characters long but over 100 display columns.
    const labels = ['一二三四五六七八九十', '甲乙丙丁戊己庚辛壬癸', '子丑寅卯辰巳午未申酉', '东南西北中前后左右上'];
    const src = `framework 宽 {\n  grades { ${labels[0]} >= 90; ${labels[1]} >= 80; ${labels[2]} >= 60; ${labels[3]} otherwise }\n}\n`;
    const oneLine = src.split('\n')[1]!;
    expect(oneLine.length).toBeLessThanOrEqual(MAX_WIDTH);
    expect(displayWidth(oneLine)).toBeGreaterThan(MAX_WIDTH);
    expect(fmt(src)).toBe(
      `framework 宽 {\n  grades {\n    ${labels[0]} >= 90\n    ${labels[1]} >= 80\n    ${labels[2]} >= 60\n    ${labels[3]} otherwise\n  }\n}\n`,
    );
  });

  it('keeps a list on one line at exactly 100 columns and breaks it at 101', () => {
    const at = (n: number) => `framework 宽 {\n  grades { A >= 90; ${'B'.repeat(n)} otherwise }\n}\n`;
    const width = (n: number) => displayWidth(at(n).split('\n')[1]!);
    const fits = [...Array(120).keys()].find((n) => width(n) === MAX_WIDTH)!;
    expect(fmt(at(fits)).split('\n')).toHaveLength(4);
    expect(fmt(at(fits + 1)).split('\n')).toHaveLength(7);
  });

  it('wraps a long rule after an action comma, continuing one level deeper, reason on its own line', () => {
    const out = fmt(
      'rules 应用 for 框 { rule 差 when grade == 差 then adjust next_budget -30%, rectify within 90 days, interview, warn red, flag "需要关注" reason "评价为差，约谈并限期整改" }',
    );
    expect(out).toBe(
      'rules 应用 for 框 {\n' +
        '  rule 差 when grade == 差 then adjust next_budget -30%, rectify within 90 days, interview,\n' +
        '    warn red, flag "需要关注"\n' +
        '    reason "评价为差，约谈并限期整改"\n' +
        '}\n',
    );
    for (const line of out.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(MAX_WIDTH);
  });

  it('never puts code after a line comment, wherever the comment is', () => {
    const out = fmt('framework 甲 { let x = // why\n 1 + // more\n 2 }');
    expect(out).toBe('framework 甲 {\n  let x = // why\n    1 + // more\n    2\n}\n');
    expect(parse(out).ast).toMatchObject({ kind: 'file' });
  });

  it('keeps own-line comments on their own line with the indentation of the next statement', () => {
    expect(fmt('framework 甲 {\n// 说明\n      scale 100\n   /* 块 */\n}')).toBe('framework 甲 {\n  // 说明\n  scale 100\n  /* 块 */\n}\n');
  });

  it('never changes aliases, names, numbers or strings', () => {
    const out = fmt('框架 甲{满分 100 精度 1 等级{优>=90；差 否则}参数 率=10%"说明"定义 x=数据.a.b×2÷3}');
    expect(out).toBe('框架 甲 {\n  满分 100\n  精度 1\n  等级 { 优 >= 90; 差 否则 }\n  参数 率 = 10% "说明"\n  定义 x = 数据.a.b × 2 ÷ 3\n}\n');
  });

  it('keeps a separator between one-per-line entries where the next entry would continue the previous one', () => {
    const long = 'long_name_of_a_point_'.repeat(3);
    const out = fmt(`framework 甲 { dimension 维 weight 1 { indicator 乙 weight 1 { score linear { 0: ${long}; -5: 0; 1: ${long} } } } }`);
    expect(out).toContain(`0: ${long};\n        -5: 0\n        1: `);
    expect(parse(out).diagnostics).toEqual([]);
  });
});

describe('printFile in keep mode', () => {
  it('prints every separator the user wrote, only changing whitespace', () => {
    const src = 'framework 甲 { scale 100; precision 2, grades { 优 >= 90, 差 otherwise; } ; }';
    const lexed = lexWithComments(src);
    jixiaoParser.input = lexed.tokens;
    const cst = jixiaoParser.file();
    const out = printFile(cst, new Trivia(lexed.comments, lexed.breaksBefore), 'keep');
    expect(out).toBe('framework 甲 {\n  scale 100;\n  precision 2,\n  grades { 优 >= 90, 差 otherwise; };\n}\n');
    expect(lexWithComments(out).tokens.map((t) => t.image)).toEqual(lexed.tokens.map((t) => t.image));
  });
});
