/**
 * Fuzz: records built from each shipped rule set's data schema, every field given a seeded
 * value of a type the staff may type (numbers, numeric and boolean-looking text, 万/% suffixes,
 * huge and negative numbers, nested objects, null), through evaluation and the recommendation
 * rules (`createAssessor`). Asserts no throw, no internal-error code, and that every record ends
 * as `ok` or `rejected`; and, through the shipped result-application rules, one boolean semantics:
 * the scorecard's veto 重大违纪违规 and the rule 重大违规取消 read `audit.major_violation` alike
 * (the issue's `"true"`: veto fired, cancellation did not). Bounded by a fixed seed and run
 * count, never by time.
 */
import fc from 'fast-check';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile/compile.js';
import type { RuleSetIR } from '../../src/compile/ir.js';
import { createAssessor } from '../../src/pipeline/assess.js';
import { firedRules } from '../../src/recommend/index.js';

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

  it('rules/policy/result-application.ind: the veto and the rule on audit.major_violation agree', async () => {
    const compiled = compile([join(ROOT, 'rules/policy/result-application.ind')]);
    const ir = (compiled as { irs?: RuleSetIR[] }).irs?.find((x) => x.name === '项目支出') ?? (compiled as { ir?: RuleSetIR }).ir;
    expect(ir, JSON.stringify(compiled.diagnostics.slice(0, 3))).toBeDefined();
    const assessor = createAssessor(ir!);
    const base = {
      budget: { adjusted: 1000000, next: 1000000 }, spent: 900000, funds: { planned: 100, arrived: 100 },
      decision: { basis: 'A', budgeting: 'A', target: '合理' }, effect: { level: '达成' },
      output: { planned: 10, actual: 10, delay_days: 0, passed: 10, inspected: 10 }, survey: { satisfaction: 0.95 },
    };
    let ok = 0;
    await fc.assert(
      fc.asyncProperty(value, async (flag) => {
        const result = await assessor.assess({ id: 'v', ...base, audit: { major_violation: flag } });
        expect(['ok', 'rejected']).toContain(result.status);
        if (result.status !== 'ok') return;
        ok++;
        const vetoed = result.vetoes.some((v) => v.name === '重大违纪违规');
        expect(firedRules(result.recommendations).includes('重大违规取消'), JSON.stringify(flag)).toBe(vetoed);
      }),
      { seed: 13, numRuns: 200, endOnFailure: true },
    );
    expect(ok).toBeGreaterThan(50);
  }, 60_000);
});
