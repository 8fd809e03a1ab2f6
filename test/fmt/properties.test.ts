/**
 * Properties of `formatSource` over every valid shipped and fixture file: formatting is
 * idempotent; it preserves meaning (the same non-separator tokens with the same kinds and images,
 * the same comment texts, the same AST apart from source ranges, and no diagnostics on the
 * result); and a file whose whitespace is randomly perturbed — keeping what the layout is allowed
 * to depend on: whether a comment shares a line with its neighbours, and blank lines — formats
 * to the same text as the original; comments sprinkled before random tokens all survive, keep
 * their trailing or own-line placement, and the result is a fixed point.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasErrors } from '../../src/common/diagnostic.js';
import { parse } from '../../src/dsl/parse.js';
import { Comma, Semicolon } from '../../src/dsl/tokens.js';
import { formatSource } from '../../src/fmt/format.js';
import { lexWithComments } from '../../src/fmt/trivia.js';
import { validCorpus } from './corpus.js';
import { seededFloats } from '../../src/common/seeded-random.js';

const corpus = validCorpus();

const cache = new Map<string, string>();

function format(text: string, name: string): string {
  const cached = cache.get(text);
  if (cached !== undefined) return cached;
  const result = formatSource(text, name);
  if (result.text === undefined) throw new Error(`${name}: ${JSON.stringify(result.diagnostics)}`);
  cache.set(text, result.text);
  return result.text;
}

function tokensWithoutSeparators(text: string): string[] {
  return lexWithComments(text)
    .tokens.filter((t) => t.tokenType !== Semicolon && t.tokenType !== Comma)
    .map((t) => `${t.tokenType.name} ${t.image}`);
}

function astWithoutRanges(text: string): unknown {
  return JSON.parse(JSON.stringify(parse(text).ast, (key, value: unknown) => (key === 'range' ? undefined : value)));
}

/** Rewrites every gap between tokens and comments with other whitespace of the same layout class. */
function perturb(text: string, seed: number): string {
  const rnd = seededFloats(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const spaces = () => pick(['', ' ', '  ', '\t', ' \t ', '    ']);
  const lexed = lexWithComments(text);
  const commentStarts = new Set(lexed.comments.map((c) => c.start));
  const elements = [...lexed.tokens.map((t) => ({ start: t.startOffset, end: t.endOffset! + 1 })), ...lexed.comments].sort((a, b) => a.start - b.start);
  let out = '';
  let prevEnd = 0;
  let prevIsComment = false;
  for (const e of elements) {
    const gap = text.slice(prevEnd, e.start);
    const breaks = (gap.match(/\n/g) ?? []).length;
    const nearComment = prevIsComment || commentStarts.has(e.start);
    let ws: string;
    if (breaks >= 2) ws = Array.from({ length: 3 + Math.floor(rnd() * 3) }, spaces).join('\n');
    else if (breaks === 1 || (!nearComment && rnd() < 0.2)) ws = nearComment || breaks === 0 || rnd() < 0.5 ? spaces() + '\n' + spaces() : ' ' + spaces();
    else ws = gap === '' && rnd() < 0.5 ? '' : ' ' + spaces();
    if (breaks === 1 && nearComment) ws = spaces() + '\n' + spaces();
    out += ws + text.slice(e.start, e.end);
    prevEnd = e.end;
    prevIsComment = commentStarts.has(e.start);
  }
  return out + pick(['', '\n', '\n\n', '  \n']);
}

describe('fmt properties over shipped and fixture files', () => {
  it('has a corpus', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(10);
  });

  it('is idempotent: fmt(fmt(x)) == fmt(x)', () => {
    for (const file of corpus) {
      const once = format(file.text, file.name);
      expect(formatSource(once, file.name).text, file.name).toBe(once);
    }
  });

  it('preserves meaning: tokens, comments and AST unchanged, no diagnostics', () => {
    for (const file of corpus) {
      const out = format(file.text, file.name);
      expect(tokensWithoutSeparators(out), file.name).toEqual(tokensWithoutSeparators(file.text));
      expect(
        lexWithComments(out).comments.map((c) => c.text),
        file.name,
      ).toEqual(lexWithComments(file.text).comments.map((c) => c.text));
      expect(astWithoutRanges(out), file.name).toEqual(astWithoutRanges(file.text));
      expect(hasErrors(parse(out, file.name).diagnostics), file.name).toBe(false);
    }
  });

  it('produces the canonical text shape: one final newline, no trailing blanks, no double blank lines, 2-space indents', () => {
    for (const file of corpus) {
      const out = format(file.text, file.name);
      expect(out.endsWith('\n') && !out.endsWith('\n\n'), file.name).toBe(true);
      expect(out, file.name).not.toMatch(/[ \t]\n/);
      expect(out, file.name).not.toMatch(/\n\n\n/);
      expect(out, file.name).not.toMatch(/\{\n\n|\n\n[ ]*\}/);
      // Inside a block comment the user's own lines are kept verbatim.
      for (const line of out.replace(/\/\*[\s\S]*?\*\//g, '/**/').split('\n')) expect(/^ */.exec(line)![0].length % 2, `${file.name}: ${line}`).toBe(0);
    }
  });

  it('formats whitespace perturbations of a file to the same text', () => {
    fc.assert(
      fc.property(fc.constantFrom(...corpus), fc.integer(), (file, seed) => {
        const perturbed = perturb(file.text, seed);
        expect(tokensWithoutSeparators(perturbed)).toEqual(tokensWithoutSeparators(file.text));
        expect(format(perturbed, file.name)).toBe(format(file.text, file.name));
      }),
      { numRuns: 80 },
    );
  });

  it('keeps comments inserted anywhere: same texts, trailing ones trailing, own-line ones on their own line, idempotent', () => {
    fc.assert(
      fc.property(fc.constantFrom(...corpus), fc.integer(), (file, seed) => {
        const withComments = sprinkleComments(file.text, seed);
        const out = format(withComments, file.name);
        const before = lexWithComments(withComments).comments;
        const after = lexWithComments(out).comments;
        expect(after.map((c) => c.text)).toEqual(before.map((c) => c.text));
        expect(after.map((c) => c.nlBefore > 0)).toEqual(before.map((c) => c.nlBefore > 0));
        expect(tokensWithoutSeparators(out)).toEqual(tokensWithoutSeparators(file.text));
        expect(formatSource(out, file.name).text).toBe(out);
      }),
      { numRuns: 60 },
    );
  });
});

/** Puts line, inline block and own-line block comments before random tokens. */
function sprinkleComments(text: string, seed: number): string {
  const rnd = seededFloats(seed);
  let out = '';
  let prev = 0;
  for (const [i, t] of lexWithComments(text).tokens.entries()) {
    out += text.slice(prev, t.startOffset);
    const r = rnd();
    if (r < 0.03) out += ` // 注释${i}\n`;
    else if (r < 0.06) out += ` /* 块${i} */ `;
    else if (r < 0.07) out += `\n/* 独占\n   一行 ${i} */\n`;
    out += t.image;
    prev = t.endOffset! + 1;
  }
  return out + text.slice(prev);
}
