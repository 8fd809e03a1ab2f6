/**
 * Bench section of the recommendation stage: records per second of the compiled path and of
 * json-rules-engine (the reference path) for a realistic result-application block of 11 rules
 * over 10,000 generated scorecards, and their ratio. Both paths are first checked to give
 * identical recommendations on every record; a disagreement aborts the section. Each figure is the
 * whole stage per record (facts, rules, actions, combination); the rules-only figures isolate the
 * evaluator. `npm run bench -- --only recommend` runs it through the registry (test/bench/run.ts).
 * Times are process CPU time (user + system, `process.cpuUsage`), best of several
 * passes, so a machine shared with other work still gives comparable figures.
 * `benchRecommend()` prints; `measureRecommend()` returns the numbers.
 * Run alone: `npx tsx test/bench/recommend-bench.ts`.
 */
import { pathToFileURL } from 'node:url';
import { createRecommender, createReferenceRecommender } from '../../src/recommend/index.js';
import { compileRules } from '../../src/recommend/compiled.js';
import { prepareRuleSet } from '../../src/recommend/prepare.js';
import { createReferenceEngine, runEngine } from '../../src/recommend/reference.js';
import { sampleBatch, sampleRuleSet } from '../recommend/sample-ruleset.js';
import type { BenchSection } from './sections.js';

export interface RecommendBenchResult {
  records: number;
  rules: number;
  compiledUsPerRecord: number;
  referenceUsPerRecord: number;
  ratio: number;
  compiledRulesOnlyUs: number;
  referenceRulesOnlyUs: number;
  recommendations: number;
}

/** CPU milliseconds since `start` (a `process.cpuUsage()` reading). */
function cpuMs(start: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
}
const now = (): NodeJS.CpuUsage => process.cpuUsage();

export async function measureRecommend(records = 10_000): Promise<RecommendBenchResult> {
  const ir = sampleRuleSet();
  const batch = sampleBatch(records, 2026);
  const compiled = createRecommender(ir);
  const reference = createReferenceRecommender(ir);

  let recommendations = 0;
  for (const { result, record } of batch) {
    const a = compiled.recommend(result, record);
    const b = await reference.recommend(result, record);
    if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`recommend bench: paths disagree on ${result.id}`);
    recommendations += a.length;
  }

  // Compiled: best of 5 passes after the warm-up above.
  let compiledBest = Infinity;
  for (let pass = 0; pass < 5; pass++) {
    const t0 = now();
    for (const { result, record } of batch) compiled.recommend(result, record);
    compiledBest = Math.min(compiledBest, cpuMs(t0));
  }
  let referenceBest = Infinity;
  for (let pass = 0; pass < 2; pass++) {
    const t0 = now();
    for (const { result, record } of batch) await reference.recommend(result, record);
    referenceBest = Math.min(referenceBest, cpuMs(t0));
  }

  // Rules only: the same prebuilt facts through each evaluator.
  const prepared = prepareRuleSet(ir);
  const facts = batch.map(({ result, record }) => prepared.scope(result, record).facts as unknown as Record<string, unknown>);
  const rules = compileRules(prepared.rules);
  let t0 = now();
  for (let pass = 0; pass < 5; pass++) for (const f of facts) rules.run(f);
  const compiledRulesOnly = cpuMs(t0) / 5;
  const engine = createReferenceEngine(prepared.rules);
  t0 = now();
  for (const f of facts) await runEngine(engine, f);
  const referenceRulesOnly = cpuMs(t0);

  const us = (ms: number): number => Math.round((ms * 1000 * 100) / records) / 100;
  return {
    records,
    rules: prepared.rules.length,
    compiledUsPerRecord: us(compiledBest),
    referenceUsPerRecord: us(referenceBest),
    ratio: Math.round((referenceBest / compiledBest) * 10) / 10,
    compiledRulesOnlyUs: us(compiledRulesOnly),
    referenceRulesOnlyUs: us(referenceRulesOnly),
    recommendations,
  };
}

export async function benchRecommend(records = 10_000): Promise<void> {
  const r = await measureRecommend(records);
  const perSec = (us: number): string => Math.round(1e6 / us).toLocaleString('en-US');
  console.log(`recommend: ${r.rules} rules × ${r.records} scorecards, paths agree (${r.recommendations} recommendations)`);
  console.log(`  compiled          ${r.compiledUsPerRecord} µs/record  (${perSec(r.compiledUsPerRecord)} records/s)`);
  console.log(`  json-rules-engine ${r.referenceUsPerRecord} µs/record  (${perSec(r.referenceUsPerRecord)} records/s)`);
  console.log(`  ratio             ${r.ratio}×`);
  console.log(`  rules only: compiled ${r.compiledRulesOnlyUs} µs, json-rules-engine ${r.referenceRulesOnlyUs} µs per record`);
}

/** Registered by test/bench/run.ts; both paths run the reference record count (default 10,000). */
export const benchSection: BenchSection = { name: 'recommend', run: (options) => benchRecommend(options.referenceRecords) };

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchRecommend();
}
