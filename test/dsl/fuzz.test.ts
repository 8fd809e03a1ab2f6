/**
 * Property tests: `parse` never throws, terminates, and keeps every range inside the text for arbitrary strings and mutated fixture files.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/dsl/parse.js';
import { jixiaoLexer } from '../../src/dsl/tokens.js';
import { fixtureNames, readFixture } from './helpers.js';

/** Every range anywhere in the AST is finite and inside the text (recovered nodes included). */
function checkRanges(node: unknown, length: number): void {
  if (Array.isArray(node)) {
    for (const x of node) checkRanges(x, length);
  } else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'range') {
        const r = v as { start: { offset: number; line: number }; end: { offset: number } };
        if (!(Number.isInteger(r.start.offset) && r.start.offset >= 0 && r.end.offset <= length && r.start.offset <= r.end.offset && r.start.line >= 1)) {
          throw new Error(`bad range ${JSON.stringify(r)}`);
        }
      } else checkRanges(v, length);
    }
  }
}

/** Every diagnostic must be well formed and point inside the text. */
function checkResult(text: string): void {
  const { ast, diagnostics } = parse(text, 'fuzz.ind');
  expect(ast.kind).toBe('file');
  checkRanges(ast, text.length);
  for (const d of diagnostics) {
    expect(d.code).toMatch(/^DSL1\d\d$/);
    expect(Number.isInteger(d.range.start.offset) && d.range.start.offset >= 0 && d.range.end.offset <= text.length).toBe(true);
    expect(d.range.start.line >= 1 && d.range.start.column >= 1).toBe(true);
  }
}

const fixtures = fixtureNames().map(readFixture);
const ALPHABET = [
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  ';',
  ',',
  ':',
  '.',
  '..',
  '->',
  '=',
  '==',
  '>=',
  '<',
  '+',
  '-',
  '*',
  '/',
  '%',
  '"',
  '“',
  '/*',
  '//',
  '\n',
  ' ',
  'framework',
  'indicator',
  'dimension',
  'weight',
  'score',
  'bands',
  'rating',
  'if',
  'then',
  'else',
  'data',
  'rule',
  'when',
  '指标',
  '权重',
  '否则',
  '否',
  '维度名称',
  '90%',
  '1.6亿',
  '10分',
  '3',
  'x',
  '预算',
  '\u0000',
  '😀',
  '\u200b',
];

describe('parse never throws and always terminates', () => {
  it('on arbitrary strings, including unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => checkResult(s)),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => checkResult(s)),
      { numRuns: 200 },
    );
  });

  it('on random sequences of language fragments', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ALPHABET), { maxLength: 120 }), (parts) => checkResult(parts.join(' '))),
      { numRuns: 300 },
    );
  });

  it('on character mutations of valid files (delete, insert, duplicate)', () => {
    const mutation = fc.record({
      file: fc.nat({ max: fixtures.length - 1 }),
      edits: fc.array(
        fc.record({
          at: fc.double({ min: 0, max: 1, noNaN: true }),
          op: fc.constantFrom('delete', 'insert', 'duplicate'),
          len: fc.integer({ min: 1, max: 12 }),
          ins: fc.constantFrom(...ALPHABET),
        }),
        { minLength: 1, maxLength: 6 },
      ),
    });
    fc.assert(
      fc.property(mutation, ({ file, edits }) => {
        let text = fixtures[file] as string;
        for (const e of edits) {
          const i = Math.floor(e.at * text.length);
          if (e.op === 'delete') text = text.slice(0, i) + text.slice(i + e.len);
          else if (e.op === 'insert') text = text.slice(0, i) + e.ins + text.slice(i);
          else text = text.slice(0, i) + text.slice(i, i + e.len) + text.slice(i);
        }
        checkResult(text);
      }),
      { numRuns: 300 },
    );
  });

  it('on token mutations of valid files (delete, insert, duplicate)', () => {
    const tokenised = fixtures.map((f) => jixiaoLexer.tokenize(f).tokens.map((t) => t.image));
    const mutation = fc.record({
      file: fc.nat({ max: tokenised.length - 1 }),
      edits: fc.array(
        fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), op: fc.constantFrom('delete', 'insert', 'duplicate'), ins: fc.constantFrom(...ALPHABET) }),
        { minLength: 1, maxLength: 8 },
      ),
    });
    fc.assert(
      fc.property(mutation, ({ file, edits }) => {
        const toks = [...(tokenised[file] as string[])];
        for (const e of edits) {
          const i = Math.floor(e.at * toks.length);
          if (e.op === 'delete') toks.splice(i, 1);
          else if (e.op === 'insert') toks.splice(i, 0, e.ins);
          else toks.splice(i, 0, toks[i] ?? '}');
        }
        checkResult(toks.join(' '));
      }),
      { numRuns: 300 },
    );
  });
});
