/**
 * Fuzz: the shipped indicator files (rules/**\/*.ind), mutated by a seeded generator (fast-check,
 * fixed seed, bounded run count), through compile and fmt. Asserts no throw, no internal-error
 * code (CMP298/CMP299), and every diagnostic located (file and a finite range from line 1,
 * column 1). Super-linear work is caught by counting, not timing: a mutant's diagnostics may
 * not outnumber its characters (each needs at least one character to point at). Imports the
 * other files of the folder as they are, so a mutant is compiled against its real neighbours.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileSource } from '../../src/compile/compile.js';
import { formatSource } from '../../src/fmt/format.js';
import type { Diagnostic } from '../../src/common/diagnostic.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const INTERNAL = new Set(['CMP298', 'CMP299']);

function indFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) return indFiles(full);
      return name.endsWith('.ind') ? [full] : [];
    });
}

const shipped = indFiles(join(ROOT, 'rules')).map((file) => ({ file, text: readFileSync(file, 'utf8') }));
const PIECES = [
  '{',
  '}',
  '(',
  ')',
  ';',
  ',',
  ':',
  '"',
  '\n',
  ' ',
  '0',
  '1e309',
  '-',
  '+',
  '/',
  '%',
  '万',
  '..',
  '=',
  '==',
  'if',
  'then',
  'else',
  'data.',
  'indicator',
  'weight',
  'score',
  '\u0000',
  '\uFEFF',
  '\u202E',
];

/** A mutation: delete, duplicate or insert at a position given as a fraction of the text. */
const mutation = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.integer({ min: 0, max: 40 }),
  op: fc.constantFrom('delete', 'duplicate', 'insert'),
  piece: fc.constantFrom(...PIECES),
});

function mutate(text: string, ms: { at: number; length: number; op: string; piece: string }[]): string {
  let out = text;
  for (const m of ms) {
    const i = Math.floor(m.at * out.length);
    if (m.op === 'delete') out = out.slice(0, i) + out.slice(i + m.length);
    else if (m.op === 'duplicate') out = out.slice(0, i) + out.slice(i, i + m.length).repeat(3) + out.slice(i);
    else out = out.slice(0, i) + m.piece.repeat(1 + (m.length % 4)) + out.slice(i);
  }
  return out;
}

function checkLocated(ds: readonly Diagnostic[], text: string, where: string): void {
  for (const d of ds) {
    expect(INTERNAL.has(d.code), `${where}: ${d.code} ${d.message}`).toBe(false);
    expect(typeof d.file === 'string' && d.file.length > 0, `${where}: ${d.code} has no file`).toBe(true);
    const { start, end } = d.range;
    expect(
      Number.isInteger(start.line) && start.line >= 1 && Number.isInteger(start.column) && start.column >= 1,
      `${where}: ${d.code} at ${JSON.stringify(d.range)}`,
    ).toBe(true);
    expect(Number.isInteger(end.line) && end.line >= start.line, `${where}: ${d.code} end`).toBe(true);
  }
  expect(ds.length, `${where}: diagnostics outnumber characters`).toBeLessThanOrEqual(text.length + 1);
}

// biome-ignore lint/suspicious/noExportsInTest: the fuzz tests of records read how many runs this file made
export const FUZZ_COUNTS = { runs: 0 };

describe('fuzz: mutated shipped indicator files through compile and fmt', () => {
  it('never throws, never reports an internal error, locates every diagnostic', () => {
    expect(shipped.length).toBeGreaterThan(5);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: shipped.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), (which, ms) => {
        const { file, text } = shipped[which]!;
        const mutant = mutate(text, ms);
        const where = relative(ROOT, file);
        FUZZ_COUNTS.runs++;
        const compiled = compileSource(mutant, file);
        checkLocated(compiled.diagnostics, mutant, where);
        const formatted = formatSource(mutant, file);
        checkLocated(formatted.diagnostics, mutant, where + ' (fmt)');
      }),
      // Fixed seed and count: the same 300 mutants every run, in a few seconds on two cores.
      { seed: 13, numRuns: 300, endOnFailure: true },
    );
    expect(FUZZ_COUNTS.runs).toBeGreaterThanOrEqual(300);
  }, 60_000);
});
