/**
 * Property: whatever random damage is done to a shipped indicator file — characters flipped,
 * runs deleted, duplicated or repeated, brackets and operators sprayed in — `compile` answers
 * with diagnostics: it never throws, never reports an internal error (CMP298/CMP299/DSL100),
 * puts every diagnostic at a real place in the text, and never shows more than the per-file cap
 * plus its one DSL115. Inputs stay bounded (the shipped file repeated up to eight times) so the
 * property runs in the ordinary test time; the seeded generator keeps failures reproducible.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileSource } from '../../src/compile/compile.js';
import { SeededRandom } from '../../src/common/seeded-random.js';
import { MAX_DIAGNOSTICS_PER_FILE } from '../../src/dsl/limits.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SHIPPED = ['rules/common/project.ind', 'rules/common/department.ind'].map((p) => readFileSync(join(ROOT, p), 'utf8'));
const SPRAY = [
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  ';',
  ':',
  ',',
  '.',
  '=',
  '<',
  '>',
  '+',
  '-',
  '*',
  '/',
  '%',
  '"',
  '#',
  '\n',
  ' ',
  '\u0000',
  '如果',
  'if',
  'not',
  'data.',
  '优',
  '1',
];

interface Damage {
  file: number;
  seed: number;
  flips: number;
  repeat: number;
  ops: { kind: 'delete' | 'duplicate' | 'repeat'; at: number; len: number }[];
}

/** Applies the damage with the project's seeded generator, so a reported counterexample replays exactly. */
function damaged(d: Damage): string {
  let text = (SHIPPED[d.file] as string).repeat(d.repeat);
  for (const op of d.ops) {
    const at = Math.floor(op.at * text.length);
    const piece = text.slice(at, at + op.len);
    if (op.kind === 'delete') text = text.slice(0, at) + text.slice(at + op.len);
    else if (op.kind === 'duplicate') text = text.slice(0, at) + piece + text.slice(at);
    else text = text.slice(0, at) + piece.repeat(40) + text.slice(at);
  }
  const r = new SeededRandom(d.seed);
  const chars = Array.from(text);
  for (let i = 0; i < d.flips; i++) chars[r.below(chars.length)] = SPRAY[r.below(SPRAY.length)] as string;
  return chars.join('');
}

const damage: fc.Arbitrary<Damage> = fc.record({
  file: fc.nat({ max: SHIPPED.length - 1 }),
  seed: fc.nat(),
  flips: fc.integer({ min: 1, max: 400 }),
  repeat: fc.integer({ min: 1, max: 8 }),
  ops: fc.array(
    fc.record({
      kind: fc.constantFrom('delete' as const, 'duplicate' as const, 'repeat' as const),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      len: fc.integer({ min: 1, max: 200 }),
    }),
    { maxLength: 4 },
  ),
});

describe('compile on damaged shipped files', () => {
  it('always answers with located diagnostics, never an internal error, within the cap', () => {
    fc.assert(
      fc.property(damage, (d) => {
        const text = damaged(d);
        const { diagnostics } = compileSource(text, 'damaged.ind');
        expect(diagnostics.length).toBeGreaterThan(0);
        for (const x of diagnostics) {
          expect(['CMP298', 'CMP299', 'DSL100']).not.toContain(x.code);
          expect(x.range.start.offset).toBeGreaterThanOrEqual(0);
          expect(x.range.end.offset).toBeLessThanOrEqual(text.length);
          expect(x.range.start.line).toBeGreaterThanOrEqual(1);
          expect(x.message).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
        }
        expect(diagnostics.filter((x) => x.file === 'damaged.ind').length).toBeLessThanOrEqual(MAX_DIAGNOSTICS_PER_FILE + 1);
      }),
      { numRuns: 60, seed: 20261207 },
    );
  });
});
