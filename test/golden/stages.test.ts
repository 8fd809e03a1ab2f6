/**
 * Golden suite of the closed loop's stages, run on the shipped rule library: each
 * `test/golden/stages/<case>/` holds `case.yaml` (the rule files under rules/, framework, policy
 * files, all relative to the case folder), `records.yaml` (the records, in order) and optionally
 * `context.yaml` (recommendation context by record id: last year's result, rectification
 * status, stage). `expected.json` is what an auditor checks per record: total, grade, vetoes,
 * dimension points and every recommendation with its exact amount, rule and facts.
 * The suite as a whole must reach every stage of the loop and every action kind of the language,
 * so a rule change that stops exercising one shows up here.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile/compile.js';
import type { ActionVerb } from '../../src/dsl/ast.js';
import { createAssessor } from '../../src/pipeline/assess.js';
import type { RecommendContext } from '../../src/recommend/index.js';
import { expectGolden, GOLDEN_ROOT, goldenCases, goldenJson, readCaseFile } from './golden.js';

interface CaseFile {
  title: string;
  rules: string;
  framework: string;
  policy?: string[];
}

const EVERY_VERB: ActionVerb[] = ['adjust', 'recall', 'withhold', 'suspend', 'stop', 'cancel', 'rectify', 'interview', 'commend', 'warn', 'flag'];
/** Case-name prefixes that stand for the stages of the loop (事前, 事中, 事后, and linkage). */
const STAGES = ['ex-ante-', 'monitoring-', 'ex-post-', 'department-', 'town-'];

const seenVerbs = new Set<string>();

describe('golden: stages of the closed loop on the shipped rules', () => {
  for (const c of goldenCases('stages')) {
    it(c.name, () => {
      const spec = parseYaml(readCaseFile(c, 'case.yaml')) as CaseFile;
      const records = parseYaml(readCaseFile(c, 'records.yaml')) as Record<string, unknown>[];
      const contexts = c.files.includes('context.yaml') ? (parseYaml(readCaseFile(c, 'context.yaml')) as Record<string, RecommendContext>) : {};
      const files = [spec.rules, ...(spec.policy ?? [])].map((f) => resolve(c.dir, f));
      const compiled = compile(files, { framework: spec.framework });
      expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const assessor = createAssessor(compiled.ir!);
      const results = records.map((record, i) => {
        const id = String(record.id ?? `#${i + 1}`);
        const context = contexts[id];
        const r = assessor.assess(record, context ? { context } : {});
        for (const rec of r.recommendations) seenVerbs.add(rec.action);
        return {
          id: r.id,
          status: r.status,
          total: r.total,
          grade: r.grade,
          ...(r.gradeBeforeVeto ? { gradeBeforeVeto: r.gradeBeforeVeto } : {}),
          vetoes: r.vetoes.map((v) => `${v.name} → ${v.effect}`),
          dimensions: Object.fromEntries(r.dimensions.filter((d) => !d.path.includes('.')).map((d) => [d.name, d.points])),
          errors: r.errors.map((e) => e.code),
          ...(context ? { context } : {}),
          recommendations: r.recommendations,
        };
      });
      expectGolden(c, 'expected.json', goldenJson({ title: spec.title, ruleset: compiled.ir!.name, records: results }));
    });
  }

  it('reaches every stage of the loop', () => {
    const names = readdirSync(join(GOLDEN_ROOT, 'stages'));
    for (const prefix of STAGES) expect(names.some((n) => n.startsWith(prefix)), `a case named ${prefix}…`).toBe(true);
  });

  it('exercises every action kind of the language', () => {
    // Runs after the cases above (vitest keeps declaration order within a file).
    expect([...seenVerbs].sort()).toEqual([...EVERY_VERB].sort());
  });
});
