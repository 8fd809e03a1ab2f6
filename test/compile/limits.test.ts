/**
 * The size limits seen through `compile`, `evaluate` and `fmt`: a formula at the depth limit goes
 * through every phase (compile, the engine's compiled closures, the IR printer, the formatter),
 * one over it is DSL112 at its operator with the file's other mistakes beside it and never an
 * internal error (CMP299) at 1:1; paths likewise; and a file with more mistakes than are shown
 * gets the first 200 and one DSL115 that counts the rest, semantic checks included.
 */
import { describe, expect, it } from 'vitest';
import { compileSource } from '../../src/compile/compile.js';
import { MAX_DIAGNOSTICS_PER_FILE, MAX_FORMULA_DEPTH, MAX_EXTENDS_DEPTH, MAX_LET_DEPTH, MAX_PATH_SEGMENTS } from '../../src/dsl/limits.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { printExpr } from '../../src/engine/print.js';
import { formatSource } from '../../src/fmt/format.js';

/** A framework whose one indicator's value is `formula` (line 3, from column 13). */
const withValue = (formula: string, extra = ''): string =>
  `framework F {\n  indicator A weight 100 {\n    value = ${formula}\n    target >= 1\n    score proportional\n  }\n${extra}}\n`;
const COL = 13;
const chain = (ops: number): string => Array.from({ length: ops + 1 }, () => 'data.a').join(' + ');
const codes = (text: string): string[] => compileSource(text, 'l.ind').diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.code}`);

describe('formula depth through every phase', () => {
  it('compiles, evaluates, prints and formats a formula at the limit', () => {
    const text = withValue(chain(MAX_FORMULA_DEPTH));
    const r = compileSource(text, 'l.ind');
    expect(r.diagnostics).toEqual([]);
    const ir = r.ir!;
    // 257 terms of 0.01 against a target of 1: 257%, capped at full marks.
    const result = evaluate(ir, { id: 'p1', a: 0.01 });
    expect(result.errors).toEqual([]);
    expect(result.total).toBe(100);
    const value = (ir as unknown as { nodes: { value?: Parameters<typeof printExpr>[0] }[] }).nodes.find((n) => n.value)?.value;
    expect(value).toBeDefined();
    expect(printExpr(value!).split('+')).toHaveLength(MAX_FORMULA_DEPTH + 1);
    const formatted = formatSource(text, 'l.ind');
    expect(formatted.diagnostics).toEqual([]);
  });

  it('refuses one operation more at that operator, with the other mistakes of the file', () => {
    const formula = chain(MAX_FORMULA_DEPTH + 1);
    let plus = -1;
    for (let k = 0; k <= MAX_FORMULA_DEPTH; k++) plus = formula.indexOf('+', plus + 1);
    const found = codes(withValue(formula, '  let unused_typo = 预算执行 + 1\n'));
    expect(found).toContain(`3:${COL + plus} DSL112`);
    expect(found).toContain('7:21 CMP202');
    expect(found.some((c) => c.endsWith('CMP299') || c.endsWith('CMP298'))).toBe(false);
  });

  it('refuses ten thousand terms and a path of twenty thousand segments without an internal error', () => {
    const terms = codes(withValue(Array(10_000).fill('1').join(' + ')));
    expect(terms.filter((c) => c.endsWith('DSL112'))).toHaveLength(1);
    expect(terms.some((c) => c.startsWith('1:1 '))).toBe(false);
    const path = codes(withValue(`data${'.a'.repeat(20_000)}`));
    expect(path).toContain(`3:${COL + 4 + 2 * MAX_PATH_SEGMENTS + 1} DSL113`);
    expect(path.some((c) => c.endsWith('CMP299'))).toBe(false);
  });

  it('formats neither, reporting the limit instead of a stack trace', () => {
    const r = formatSource(withValue(Array(10_000).fill('1').join(' + ')), 'l.ind');
    expect(r.diagnostics.map((d) => d.code)).toContain('DSL112');
  });
});

describe('diagnostics cap', () => {
  it('shows the first 200 of a file and counts the rest, semantic ones included, in one DSL115', () => {
    // Every indicator names an unknown thing: 250 CMP202s from the checker, not the parser.
    const indicators = Array.from({ length: 250 }, (_, i) => `  indicator I${i} weight 1 { value = 未知${i}; target >= 1; score proportional }`);
    const r = compileSource(`framework F {\n${indicators.join('\n')}\n}\n`, 'cap.ind', { lang: 'en' });
    const byFile = r.diagnostics.filter((d) => d.file === 'cap.ind');
    expect(byFile).toHaveLength(MAX_DIAGNOSTICS_PER_FILE + 1);
    const last = byFile[byFile.length - 1]!;
    expect(last.code).toBe('DSL115');
    expect(last.severity).toBe('error');
    // 250 unknown names and the weights that do not add up to the scale (CMP302): 251 in all.
    expect(`${last.range.start.line}:${last.range.start.column}`).toBe('201:37');
    expect(last.message).toMatch(/^51 more .* first 200/);
  });
});

describe('chains of lets', () => {
  const chained = (n: number): string => {
    const lets = ['  let l0 = data.a', ...Array.from({ length: n }, (_, i) => `  let l${i + 1} = l${i} + 1`)];
    return `framework F {\n${lets.join('\n')}\n  indicator A weight 100 { value = l${n}; target >= 1; score proportional }\n}\n`;
  };

  it('evaluates a chain at the limit and refuses one let more, once, at that let (CMP226)', () => {
    const ok = compileSource(chained(MAX_LET_DEPTH), 'l.ind');
    expect(ok.diagnostics).toEqual([]);
    expect(evaluate(ok.ir!, { id: 'p1', a: 0 }).indicators[0]?.value).toBe(MAX_LET_DEPTH);
    // l1025 is the first let 1,025 operations deep (line 2 holds l0).
    expect(codes(chained(MAX_LET_DEPTH + 1))).toEqual([`${MAX_LET_DEPTH + 3}:7 CMP226`]);
  });

  it('checks twenty thousand chained lets without an internal error (cycles and ordering walk without recursion)', () => {
    expect(codes(chained(20_000))).toEqual([`${MAX_LET_DEPTH + 3}:7 CMP226`]);
  });
});

describe('chains of frameworks', () => {
  const chain = (ancestors: number): string => {
    const fws = ['framework F0 { indicator A weight 100 { value = data.a; target >= 1; score proportional } }'];
    for (let i = 1; i <= ancestors; i++) fws.push(`framework F${i} extends F${i - 1} { }`);
    return fws.join('\n');
  };

  it('accepts a framework with the most ancestors allowed and refuses one more at its extends (CMP227)', () => {
    expect(codes(chain(MAX_EXTENDS_DEPTH))).toEqual([]);
    // F33 (line 34) has 33 ancestors; its `extends F32` starts at column 23.
    expect(codes(chain(MAX_EXTENDS_DEPTH + 1))).toEqual([`${MAX_EXTENDS_DEPTH + 2}:23 CMP227`]);
    // Once: the frameworks below the cut are broken with it, not reported again.
    expect(codes(chain(10 * MAX_EXTENDS_DEPTH))).toEqual([`${MAX_EXTENDS_DEPTH + 2}:23 CMP227`]);
  });

  it('stops resolving parents before the call stack runs out when the chain is written child first', () => {
    const fws = ['framework F0 { indicator A weight 100 { value = data.a; target >= 1; score proportional } }'];
    for (let i = 1; i <= 20_000; i++) fws.unshift(`framework F${i} extends F${i - 1} { }`);
    const found = codes(fws.join('\n'));
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((c) => c.endsWith('CMP227') || c.endsWith('DSL115'))).toBe(true);
  });
});
