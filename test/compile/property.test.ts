/**
 * Robustness: compile never throws and always terminates on random mutations of the valid
 * golden files (characters deleted, tokens inserted, lines duplicated or swapped), with their
 * imports available. Also prints the time to compile (parse + check + IR) a generated file of
 * 2,000 indicators — measured, not asserted.
 */
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, compileSource, memorySourceHost } from '../../src/compile/compile.js';
import { GOLDEN_ROOT } from '../golden/golden.js';

const root = join(GOLDEN_ROOT, 'check');
const valid = readdirSync(root)
  .filter((c) => c.startsWith('valid-'))
  .map((c) =>
    Object.fromEntries(
      readdirSync(join(root, c))
        .filter((f) => f.endsWith('.ind'))
        .map((f) => [f, readFileSync(join(root, c, f), 'utf8')]),
    ),
  );

const TOKENS = [
  '{',
  '}',
  '(',
  ')',
  ';',
  ':',
  ',',
  '.',
  '%',
  '100%',
  '-',
  '*',
  '/',
  '==',
  '>=',
  '<',
  'weight',
  'indicator',
  'dimension',
  'override',
  'remove',
  'extends',
  'score',
  'bands',
  'else',
  'grade',
  'value',
  'target',
  'data.x',
  'data.items[].y',
  '维度',
  '指标',
  '权重',
  '优',
  'let a = b',
  'param p = 1',
  'import "main.ind"',
  '"',
  '\n',
  '万元',
  'min(',
  ')',
];

type Mutation =
  | { kind: 'delete'; at: number; len: number }
  | { kind: 'insert'; at: number; token: string }
  | { kind: 'dup'; line: number }
  | { kind: 'swap'; a: number; b: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), token: fc.constantFrom(...TOKENS) }),
  fc.record({ kind: fc.constant('dup' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
);

function apply(text: string, m: Mutation): string {
  if (text.length === 0) return text;
  switch (m.kind) {
    case 'delete': {
      const at = m.at % text.length;
      return text.slice(0, at) + text.slice(at + m.len);
    }
    case 'insert': {
      const at = m.at % (text.length + 1);
      return `${text.slice(0, at)} ${m.token} ${text.slice(at)}`;
    }
    case 'dup':
    case 'swap': {
      const lines = text.split('\n');
      if (m.kind === 'dup') {
        const i = m.line % lines.length;
        lines.splice(i, 0, lines[i]!);
      } else {
        const a = m.a % lines.length;
        const b = m.b % lines.length;
        [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      }
      return lines.join('\n');
    }
  }
}

describe('compile on mutated files', () => {
  it('never throws and always returns diagnostics or an IR', () => {
    fc.assert(
      fc.property(fc.nat({ max: valid.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }), (which, ms) => {
        const files = { ...valid[which]! };
        files['main.ind'] = ms.reduce(apply, files['main.ind']!);
        const r = compile(['main.ind'], { fs: memorySourceHost(files) });
        expect(Array.isArray(r.diagnostics)).toBe(true);
        expect(r.diagnostics.every((d) => !d.code.endsWith('299') && d.code !== 'DSL100')).toBe(true);
        if (r.ir) expect(r.diagnostics.every((d) => d.severity !== 'error')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

function generated(indicators: number): string {
  const dims = 40;
  const per = indicators / dims;
  const out = ['framework 大型框架 {', '  grades { 优 >= 90; 良 >= 80; 中 >= 60; 差 otherwise }', '  param 目标完成率 = 100%'];
  for (let d = 0; d < dims; d++) {
    out.push(`  dimension 维度${d} weight 2.5 {`);
    for (let i = 0; i < per; i++) {
      const name = `指标${d}_${i}`;
      const body = [
        `value = data.d${d}.spent${i} / data.d${d}.budget${i}; target >= 目标完成率; score proportional`,
        `value = data.d${d}.rate${i}; score bands { >= 95%: 100%; >= 80%: 80%; >= 60%: 50%; else: 0 }`,
        `score rating data.d${d}.level${i} { A: 100%; B: 80%; C: 50%; D: 0% }`,
        `score deduct 0.01 per data.d${d}.issues${i} max 0.05`,
      ][i % 4];
      out.push(`    indicator ${name} weight 0.05 { ${body} }`);
    }
    out.push('  }');
  }
  out.push('}');
  return out.join('\n') + '\n';
}

describe('compile speed', () => {
  it('compiles a 2,000-indicator file (printed, not asserted)', () => {
    const text = generated(2000);
    compileSource(text); // warm up the parser and the JIT
    const runs = 3;
    const t0 = performance.now();
    let r = compileSource(text);
    for (let i = 1; i < runs; i++) r = compileSource(text);
    const ms = (performance.now() - t0) / runs;
    const mb = Buffer.byteLength(text) / 1e6;
    expect(r.diagnostics).toEqual([]);
    expect(r.ir?.nodes.length).toBe(40);
    console.log(`compile of 2,000 indicators: ${ms.toFixed(1)} ms per run, ${mb.toFixed(2)} MB, ${(mb / (ms / 1000)).toFixed(2)} MB/s`);
  });
});
