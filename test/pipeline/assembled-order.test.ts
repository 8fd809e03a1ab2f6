/**
 * The batch workers and the service print results with `serializeAssembledResult`, which trusts
 * the engine and the recommendation stage to have built every object in declared key order with
 * no extra keys. This holds that trust to what `serializeResult` (which checks, and reorders
 * when it must) prints: on every golden evaluation and closed-loop case, on unreadable and
 * schema-failing records, and on the bench's scorecard with rules, at every trace level.
 */
import { join, relative, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compile, compileSource } from '../../src/compile/compile.js';
import type { RuleSetIR } from '../../src/compile/ir.js';
import { readRecords } from '../../src/data/index.js';
import { rejectedResult, serializeAssembledResult, serializeResult } from '../../src/engine/index.js';
import type { EvaluationResult, TraceLevel } from '../../src/engine/result.js';
import { createAssessor } from '../../src/pipeline/assess.js';
import type { RecommendContext } from '../../src/recommend/index.js';
import { loopRecords, loopRulesText } from '../bench/loop-workload.js';
import { goldenCases, readCaseFile } from '../golden/golden.js';

const LEVELS: TraceLevel[] = ['none', 'summary', 'full'];

function expectAssembled(results: EvaluationResult[]): void {
  expect(results.length).toBeGreaterThan(0);
  for (const r of results) expect(serializeAssembledResult(r), r.id).toBe(serializeResult(r, { indent: 0 }));
}

async function assessFile(ir: RuleSetIR, data: string, trace: TraceLevel): Promise<EvaluationResult[]> {
  const assessor = createAssessor(ir, { lang: 'en', trace });
  const out: EvaluationResult[] = [];
  for await (const item of readRecords([relative(process.cwd(), data)], { lang: 'en' })) {
    const fallbackId = `${item.source}#${item.index}`;
    out.push(item.error ? rejectedResult(ir, fallbackId, [item.error]) : assessor.assess(item.record, { fallbackId }));
  }
  return out;
}

describe('results straight from the assessor are already in declared key order', () => {
  for (const c of goldenCases('eval')) {
    it(`golden eval ${c.name}`, async () => {
      const ir = compile([join(c.dir, 'rules.ind')]).ir!;
      for (const trace of LEVELS) expectAssembled(await assessFile(ir, join(c.dir, 'data.yaml'), trace));
    });
  }

  for (const c of goldenCases('stages')) {
    it(`golden stages ${c.name}`, () => {
      const spec = parseYaml(readCaseFile(c, 'case.yaml')) as { rules: string; framework: string; policy?: string[] };
      const records = parseYaml(readCaseFile(c, 'records.yaml')) as Record<string, unknown>[];
      const contexts = c.files.includes('context.yaml') ? (parseYaml(readCaseFile(c, 'context.yaml')) as Record<string, RecommendContext>) : {};
      const ir = compile(
        [spec.rules, ...(spec.policy ?? [])].map((f) => resolve(c.dir, f)),
        { framework: spec.framework },
      ).ir!;
      for (const trace of LEVELS) {
        const assessor = createAssessor(ir, { trace });
        expectAssembled(
          records.map((record, i) => {
            const context = contexts[String(record.id ?? `#${i + 1}`)];
            return assessor.assess(record, context ? { context } : {});
          }),
        );
      }
    });
  }

  it('records that fail the safety walk or the data schema, and ones that cannot be read', () => {
    const { ir } = compileSource(loopRulesText(), 'loop.ind');
    const unreadable = rejectedResult(ir!, 'batch.ndjson#3', [{ code: 'DAT001', message: 'line 3 is not JSON', path: '' }]);
    for (const trace of LEVELS) {
      const assessor = createAssessor(ir!, { trace });
      expectAssembled([
        unreadable,
        assessor.assess({ id: 'X', k0: { plan: 'many' } }),
        assessor.assess([1, 2]),
        assessor.assess({ id: 'Y', k0: { plan: Number.POSITIVE_INFINITY } }),
      ]);
    }
  });

  it('the bench scorecard with its ten rules, 300 generated records', () => {
    const { ir } = compileSource(loopRulesText(), 'loop.ind');
    for (const trace of LEVELS) {
      const assessor = createAssessor(ir!, { trace });
      const results = [...loopRecords(300, 11)].map((record) => assessor.assess(record));
      expect(results.some((r) => r.recommendations.length > 0)).toBe(true);
      expectAssembled(results);
    }
  });

  it('a result changed after assembly is one serializeResult still orders', () => {
    const { ir } = compileSource(loopRulesText(), 'loop.ind');
    const r = createAssessor(ir!).assess([...loopRecords(1, 3)][0]);
    const changed = { note: 'added by a caller', ...r } as EvaluationResult;
    expect(serializeAssembledResult(changed)).not.toBe(serializeResult(changed, { indent: 0 }));
    expect(Object.keys(JSON.parse(serializeResult(changed, { indent: 0 }))).at(-1)).toBe('note');
  });
});
