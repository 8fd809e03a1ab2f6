/**
 * Syntax diagnostics by stable code and position (never wording), including a file with five independent mistakes reported in one run.
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/dsl/parse.js';
import { framework, readFixture } from './helpers.js';

const at = (text: string) => parse(text, 'e.ind').diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.code}`);

describe('syntax diagnostics', () => {
  it('reports all five independent mistakes of a file at their line:col', () => {
    const { diagnostics, ast } = parse(readFixture('five-mistakes.ind'), 'five-mistakes.ind');
    expect(diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.code}`)).toEqual([
      '3:26 DSL102', // 良 >= ;        (number missing)
      '5:30 DSL102', // weight {       (weight number missing)
      '9:28 DSL102', // / * data…      (operand missing)
      '14:40 DSL102', // deduct 2 data (per missing)
      '15:37 DSL102', // score sometimes
    ]);
    expect(diagnostics.every((d) => d.file === 'five-mistakes.ind' && d.severity === 'error' && d.hint)).toBe(true);
    // Recovery keeps the rest of the file: both dimensions and the good indicators survive.
    expect(framework(ast).members.map((m) => m.kind === 'dimension' && m.name.text)).toEqual(['决策', '过程']);
  });

  it('says what was expected in words, not token names', () => {
    const [d] = parse('framework F { indicator I weight { } }', '<input>', { lang: 'en' }).diagnostics;
    expect(d?.message).toContain('weight number');
    expect(d?.message).not.toMatch(/NumberLiteral|-->/);
    const [z] = parse('framework F { indicator I weight { } }').diagnostics;
    expect(z?.message).toContain('权重数字');
    expect(z?.message).not.toMatch(/NumberLiteral|-->|weight number/);
  });

  it('DSL101 unexpected character', () => {
    expect(at('framework F {\n  scale 100 $\n}')).toEqual(['2:13 DSL101']);
  });

  it('DSL103 unterminated string and comment', () => {
    expect(at('framework F {\n  title "abc\n}')).toEqual(['2:9 DSL103']);
    expect(at('framework F { }\n/* never closed')).toEqual(['2:1 DSL103']);
  });

  it('DSL104 missing closing brace, at the end of the text', () => {
    expect(at('framework F {\n  dimension D {\n    indicator I { score yesno }\n')).toEqual(['3:32 DSL104']);
  });

  it('DSL105 number with an unknown unit', () => {
    expect(at('framework F { scale 100分 }')).toEqual(['1:21 DSL105']);
  });

  it('DSL106 unknown option words', () => {
    expect(at('framework F {\n  rounding sideways\n  missing maybe\n  not_applicable drop\n}')).toEqual(['2:12 DSL106', '3:11 DSL106', '4:18 DSL106']);
    expect(at('framework F { input data.x colour }')).toEqual(['1:28 DSL106']);
    expect(at('framework F { indicator I { tiers data.q pick top { A: 0..1 } } }')).toEqual(['1:47 DSL106']);
    expect(at('rules R for F { combine x by average }')).toEqual(['1:30 DSL106']);
    expect(at('framework F { veto V when true -> banish }')).toEqual(['1:35 DSL106']);
  });

  it('DSL107 a clause given twice in one indicator', () => {
    expect(at('framework F { indicator I {\n value = 1\n value = 2\n} }')).toEqual(['3:2 DSL107']);
  });

  it('DSL108 precision and priority must be whole numbers', () => {
    expect(at('framework F { precision 1.5 }')).toEqual(['1:25 DSL108']);
    expect(at('rules R for F { rule r priority 2.5 when true then stop }')).toEqual(['1:33 DSL108']);
  });

  it('DSL109 instead of a crash for input nested beyond any real file', () => {
    expect(at(`framework F { let x = ${'('.repeat(5000)}1${')'.repeat(5000)} }`)).toEqual(['1:86 DSL109']);
    expect(at(`framework F { let x = ${'- '.repeat(5000)}1 }`)).toEqual(['1:151 DSL109']);
    expect(at(`framework F { let x = ${'if a then '.repeat(5000)}1${' else 2'.repeat(5000)} }`).map((d) => d.split(' ')[1])).toEqual(['DSL109']);
    // Ordinary deep-ish nesting is fine, and the parser is healthy afterwards.
    expect(at(`framework F { let x = ${'('.repeat(60)}1${')'.repeat(60)} }`)).toEqual([]);
    expect(at('framework F { let x = 1 + 2 }')).toEqual([]);
  });

  it('reports stray text outside blocks and unknown block content', () => {
    expect(at('framework F { }\n}')).toEqual(['2:1 DSL102']);
    expect(at('framework F {\n  colour red\n}')).toEqual(['2:3 DSL102']);
  });

  it('returns an empty file for empty or blank input', () => {
    for (const t of ['', '   \n', '// only a comment']) {
      const r = parse(t);
      expect(r.diagnostics).toEqual([]);
      expect(r.ast.declarations).toEqual([]);
    }
  });
});
