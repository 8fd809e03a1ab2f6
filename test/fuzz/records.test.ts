/**
 * Fuzz: records built from each shipped rule set's data schema, every field given a seeded
 * value of a type the staff may type (numbers, numeric and boolean-looking text, 万/% suffixes,
 * huge and negative numbers, nested objects, null), through evaluation and the recommendation
 * rules (`createAssessor`). Asserts no throw, no internal-error code, and that every record ends
 * as `ok` or `rejected`. Bounded by a fixed seed and run count, never by time.
 */
import fc from 'fast-check';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile/compile.js';
import type { RuleSetIR } from '../../src/compile/ir.js';
import { createAssessor } from '../../src/pipeline/assess.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FILES = ['rules/common/project.ind', 'rules/common/ex-ante.ind'];

function leafPaths(schema: unknown, prefix: string[] = []): string[][] {
  const s = schema as { properties?: Record<string, unknown> } | null;
  if (!s || typeof s !== 'object' || !s.properties) return prefix.length ? [prefix] : [];
  return Object.entries(s.properties).flatMap(([k, v]) => leafPaths(v, [...prefix, k]));
}

const value = fc.oneof(
  fc.double({ noNaN: false }), fc.integer(), fc.constantFrom('true', 'yes', '是', ' true', 'false', '否', '95%', '89.974万', '-99999999999999999999999999', '1e309', '', '=1+1'),
  fc.string({ maxLength: 20 }), fc.boolean(), fc.constant(null), fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
);

function setPath(target: Record<string, unknown>, path: string[], v: unknown): void {
  let node = target;
  path.forEach((seg, i) => {
    if (i === path.length - 1) node[seg] = v;
    else node = (node[seg] ??= {}) as Record<string, unknown>;
  });
}

describe('fuzz: records through evaluation and rules', () => {
  for (const rel of FILES) {
    it(`${rel}: no throw, no internal error, every record ok or rejected`, async () => {
      const compiled = compile([join(ROOT, rel)]);
      const ir = (compiled as { ir?: RuleSetIR; irs?: RuleSetIR[] }).ir ?? (compiled as { irs?: RuleSetIR[] }).irs?.[0];
      expect(ir, JSON.stringify(compiled.diagnostics.slice(0, 3))).toBeDefined();
      const paths = leafPaths(ir!.dataSchema);
      expect(paths.length).toBeGreaterThan(0);
      const assessor = createAssessor(ir!);
      let runs = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(value, { minLength: paths.length, maxLength: paths.length }), fc.string({ maxLength: 8 }), async (values, id) => {
          const record: Record<string, unknown> = { id };
          paths.forEach((p, i) => setPath(record, p, values[i]));
          runs++;
          const result = await assessor.assess(record);
          expect(['ok', 'rejected']).toContain(result.status);
          for (const e of result.errors) expect(e.code, e.message).not.toMatch(/^(CMP29[89]|EVL49\d)$/);
        }),
        { seed: 13, numRuns: 200, endOnFailure: true },
      );
      expect(runs).toBe(200);
    }, 60_000);
  }
});
