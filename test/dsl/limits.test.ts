/**
 * The size limits of limits.ts, each at its edge: just under is read as usual, just over gets its
 * code at the line and column where the text goes over, and the rest of the file is still read
 * (its other mistakes still arrive). Also the messages that show source text: control characters
 * come out as U+XXXX.
 */
import { describe, expect, it } from 'vitest';
import type { Expr } from '../../src/dsl/ast.js';
import { MAX_DIAGNOSTICS_PER_FILE, MAX_FILE_CHARS, MAX_FORMULA_DEPTH, MAX_NESTING, MAX_PATH_SEGMENTS } from '../../src/dsl/limits.js';
import { parse } from '../../src/dsl/parse.js';
import { framework } from './helpers.js';

const at = (text: string): string[] => parse(text, 'l.ind').diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.code}`);

/** `let x = <formula>` inside a framework, on line 2 starting at column 11, then a later mistake on line 3. */
const inLet = (formula: string, later = ''): string => `framework F {\n  let x = ${formula}\n${later}}`;
const COL = 11;

/** Column of the `n`-th (1-based) occurrence of `needle` on line 2 of `inLet(formula)`. */
function columnOf(formula: string, needle: string, n: number): number {
  let i = -1;
  for (let k = 0; k < n; k++) i = formula.indexOf(needle, i + 1);
  return COL + i;
}

function depth(e: Expr | undefined): number {
  if (!e) return 0;
  switch (e.kind) {
    case 'binary':
      return 1 + Math.max(depth(e.left), depth(e.right));
    case 'unary':
      return 1 + depth(e.operand);
    case 'call':
      return 1 + Math.max(0, ...e.args.map(depth));
    case 'if':
      return 1 + Math.max(depth(e.condition), depth(e.then), depth(e.otherwise));
    default:
      return 0;
  }
}

function letValue(text: string): Expr | undefined {
  const fw = framework(parse(text, 'l.ind').ast);
  return fw.lets[0]?.value;
}

describe('DSL109 nesting: brackets, ifs and prefixes', () => {
  it('reads brackets up to the limit and cuts the first one past it, keeping the rest of the file', () => {
    // The framework brace is level 1, so MAX_NESTING - 1 brackets fit.
    const ok = `${'('.repeat(MAX_NESTING - 1)}1${')'.repeat(MAX_NESTING - 1)}`;
    expect(at(inLet(ok))).toEqual([]);
    const over = `${'('.repeat(MAX_NESTING)}1${')'.repeat(MAX_NESTING)}`;
    // A later, unrelated mistake (a missing weight number) is still reported.
    expect(at(inLet(over, '  indicator I weight { }\n'))).toEqual([`2:${COL + MAX_NESTING - 1} DSL109`, '3:22 DSL102']);
  });

  it('counts an else-if ladder as nesting', () => {
    const ladder = (n: number): string => `${'if data.a then 1 else '.repeat(n)}0`;
    expect(at(inLet(ladder(MAX_NESTING - 1)))).toEqual([]);
    const over = ladder(MAX_NESTING);
    expect(at(inLet(over, '  indicator I weight { }\n'))).toEqual([`2:${columnOf(over, 'if', MAX_NESTING)} DSL109`, '3:22 DSL102']);
  });

  it('does not count ifs of separate statements as nested', () => {
    const many = Array.from({ length: MAX_NESTING * 2 }, (_, i) => `  let x${i} = if data.a then 1 else 2`).join('\n');
    expect(at(`framework F {\n${many}\n}`)).toEqual([]);
  });

  it('keeps a run of prefixes up to the limit and reports the first one past it once', () => {
    expect(at(inLet(`${'- '.repeat(MAX_NESTING)}data.a`))).toEqual([]);
    const over = `${'- '.repeat(MAX_NESTING + 10)}data.a`;
    expect(at(inLet(over))).toEqual([`2:${COL + 2 * MAX_NESTING} DSL109`]);
  });
});

describe('DSL112 formula depth', () => {
  const chain = (n: number): string => Array.from({ length: n + 1 }, () => 'data.a').join(' + ');

  it('accepts a chain of exactly the limit and refuses one operation more at that operator', () => {
    const ok = inLet(chain(MAX_FORMULA_DEPTH));
    expect(at(ok)).toEqual([]);
    expect(depth(letValue(ok))).toBe(MAX_FORMULA_DEPTH);
    const over = chain(MAX_FORMULA_DEPTH + 1);
    expect(at(inLet(over, '  let y = \n'))).toEqual([`2:${columnOf(over, '+', MAX_FORMULA_DEPTH + 1)} DSL112`, '4:1 DSL102']);
    // The refused formula is left out, not shortened.
    expect(letValue(inLet(over))).toBeUndefined();
  });

  it('adds up the depth across brackets, calls and ifs', () => {
    const half = chain(MAX_FORMULA_DEPTH / 2);
    // (half) + (half) nests half + 1 operations: fine. max(if … then (half + … ) …) goes over.
    expect(at(inLet(`(${half}) * (${half})`))).toEqual([]);
    const inner = chain(MAX_FORMULA_DEPTH - 1);
    const over = `abs(if data.b then (${inner}) else 0)`;
    // 255 + if + abs = 257: refused at the outermost node, the call.
    expect(at(inLet(over))).toEqual([`2:${COL} DSL112`]);
    expect(at(inLet(`if data.b then (${inner}) else 0`))).toEqual([]);
  });

  it('refuses a `not` ladder before descending past the limit', () => {
    // Each `* not` opens one more operation before anything is built.
    const ladder = (n: number): string => `data.a${' * not data.a'.repeat(n)}`;
    expect(at(inLet(ladder(MAX_FORMULA_DEPTH / 2)))).toEqual([]);
    const codes = at(inLet(ladder(MAX_FORMULA_DEPTH * 4)));
    expect(codes).toHaveLength(1);
    expect(codes[0]).toMatch(/^2:\d+ DSL112$/);
  });

  it('refuses ten thousand terms instead of exhausting the call stack', () => {
    const { diagnostics } = parse(inLet(Array(10_000).fill('1').join(' + ')), 'l.ind', { lang: 'en' });
    expect(diagnostics.map((d) => d.code)).toEqual(['DSL112']);
    expect(diagnostics[0]?.hint).toContain('let');
  });
});

describe('DSL113 path segments', () => {
  const path = (n: number): string => `data${'.a'.repeat(n)}`;

  it('accepts a data path of exactly the limit and refuses one segment more at that segment', () => {
    expect(at(inLet(path(MAX_PATH_SEGMENTS)))).toEqual([]);
    expect(at(inLet(path(MAX_PATH_SEGMENTS + 1)))).toEqual([`2:${COL + 4 + 2 * MAX_PATH_SEGMENTS + 1} DSL113`]);
    expect(at(inLet(path(20_000)))).toEqual([`2:${COL + 4 + 2 * MAX_PATH_SEGMENTS + 1} DSL113`]);
  });

  it('limits names with members and rule context paths the same way', () => {
    const ref = (n: number): string => Array.from({ length: n }, () => 'a').join('.');
    expect(at(inLet(ref(MAX_PATH_SEGMENTS)))).toEqual([]);
    expect(at(inLet(ref(MAX_PATH_SEGMENTS + 1)))).toEqual([`2:${COL + 2 * MAX_PATH_SEGMENTS} DSL113`]);
    const rule = (n: number): string => `rules R for F {\n  rule r when previous${'.a'.repeat(n)} == 1 then stop\n}`;
    expect(at(rule(MAX_PATH_SEGMENTS))).toEqual([]);
    // `previous` ends at column 22; segment k is at 22 + 2k.
    expect(at(rule(MAX_PATH_SEGMENTS + 1))).toEqual([`2:${22 + 2 * (MAX_PATH_SEGMENTS + 1)} DSL113`]);
  });
});

describe('DSL114 file size and DSL115 diagnostics count', () => {
  it('reads a file of exactly the size limit and refuses one character more where it goes over', () => {
    const head = 'framework F {}\n';
    const ok = head + ' '.repeat(MAX_FILE_CHARS - head.length);
    expect(at(ok)).toEqual([]);
    const { diagnostics, ast } = parse(`${ok} `, 'big.ind');
    expect(diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.code}`)).toEqual([`2:${MAX_FILE_CHARS - head.length + 1} DSL114`]);
    expect(ast.declarations).toEqual([]);
  });

  it('shows the first diagnostics of a file and counts the rest in one, as severe as the worst', () => {
    // One missing weight number per indicator: n independent mistakes, one per line from line 2.
    const bad = (n: number): string => `framework F {\n${Array.from({ length: n }, (_, i) => `  indicator I${i} weight { }`).join('\n')}\n}`;
    expect(at(bad(MAX_DIAGNOSTICS_PER_FILE))).toHaveLength(MAX_DIAGNOSTICS_PER_FILE);
    const { diagnostics } = parse(bad(MAX_DIAGNOSTICS_PER_FILE + 50), 'many.ind', { lang: 'en' });
    expect(diagnostics).toHaveLength(MAX_DIAGNOSTICS_PER_FILE + 1);
    const last = diagnostics[diagnostics.length - 1];
    expect(`${last?.range.start.line}:${last?.range.start.column} ${last?.code} ${last?.severity}`).toBe(
      `${MAX_DIAGNOSTICS_PER_FILE + 2}:${'  indicator I200 weight '.length + 1} DSL115 error`,
    );
    expect(last?.message).toMatch(/^50 more .* first 200/);
    // Asking for all gives all.
    expect(parse(bad(MAX_DIAGNOSTICS_PER_FILE + 50), 'many.ind', { maxDiagnostics: Infinity }).diagnostics).toHaveLength(MAX_DIAGNOSTICS_PER_FILE + 50);
  });
});

describe('source text in messages', () => {
  it('shows control and invisible characters as U+XXXX (DSL101)', () => {
    const [d] = parse('framework F {\u0000\u0007}', 'c.ind', { lang: 'en' }).diagnostics;
    expect(d?.code).toBe('DSL101');
    expect(d?.message).toContain('`U+0000 U+0007`');
    expect(d?.message).not.toMatch(/[\u0000-\u001f]/);
    const [z] = parse('framework F { # }').diagnostics;
    expect(z?.message).toContain('`#`');
  });
});
