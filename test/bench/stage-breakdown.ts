/**
 * Where the pipeline's time goes, per record, for the loop bench: each stage of `assess` timed
 * on its own over records generated beforehand, at trace 'none', in the same process and run as
 * the plain-JavaScript limit it is set against. Stages: the safety walk (guard.ts), reading
 * unit-suffixed numbers (numbers.ts), the data check (ajv schema, numbers, labels), the 30
 * indicators alone (plan closures, Num arithmetic), the scorecard assembled around them
 * (sums, rounding, the result object: `buildScorecard` less the indicators), the rules stage,
 * and — not part of the pipeline figure — serialising the result as one NDJSON line. The stage
 * sum comes out near the pipeline figure; the line says what stands between jixiao and the limit.
 * Interleaved per chunk, best of passes per chunk, process CPU time.
 */
import type { RuleSetIR } from '../../src/compile/ir.js';
import { checkRecord } from '../../src/data/guard.js';
import { createNumberCheck } from '../../src/data/numbers.js';
import { createRecordValidator } from '../../src/data/validate.js';
import { createEvaluator, serializeResult } from '../../src/engine/index.js';
import { createState, outcomeOf } from '../../src/engine/indicator.js';
import { buildProgram } from '../../src/engine/plan.js';
import { buildScorecard } from '../../src/engine/scorecard.js';
import { createRecommender } from '../../src/recommend/index.js';
import { loopRecords } from './loop-workload.js';

const CHUNKS = 5;
const PASSES = 3;

/** µs per record of each stage, in pipeline order. */
export function stageBreakdown(ir: RuleSetIR, records: number, seed: number): [string, number][] {
  const program = buildProgram(ir);
  const numbers = createNumberCheck(ir);
  const validate = createRecordValidator(ir);
  const evaluator = createEvaluator(ir, { trace: 'none' });
  const recommender = createRecommender(ir);
  const per = Math.max(1, Math.floor(records / CHUNKS));
  const stages: [string, (rec: Record<string, unknown>, i: number) => unknown][] = [];
  let results: ReturnType<typeof evaluator.evaluate>[] = [];
  stages.push(['safety walk', (rec) => checkRecord(rec, 'r')]);
  stages.push(['unit numbers', (rec) => numbers.normalize(rec)]);
  stages.push(['data check', (rec) => validate(rec, 'r')]);
  stages.push([
    'indicators',
    (rec) => {
      const state = createState(program, rec, undefined, 'none');
      for (const p of program.indicators) outcomeOf(state, p);
    },
  ]);
  stages.push(['indicators + scorecard', (rec) => buildScorecard(program, createState(program, rec, undefined, 'none'), 'r')]);
  stages.push(['rules', (rec, i) => recommender.recommend(results[i]!, rec)]);
  stages.push(['serialise (not in the pipeline)', (_rec, i) => serializeResult(results[i]!, { indent: 0 })]);
  const total = new Map<string, number>();
  let sink = 0;
  for (let c = 0; c < CHUNKS; c++) {
    const recs = [...loopRecords(per, seed + 100 + c)];
    results = recs.map((r) => {
      const out = evaluator.evaluate(r);
      out.recommendations = recommender.recommend(out, r);
      return out;
    });
    const best = new Map<string, number>();
    for (let pass = 0; pass < PASSES; pass++) {
      for (const [name, fn] of stages) {
        const t = process.cpuUsage();
        for (let i = 0; i < recs.length; i++) sink += fn(recs[i]!, i) === undefined ? 0 : 1;
        const d = process.cpuUsage(t);
        best.set(name, Math.min(best.get(name) ?? Number.POSITIVE_INFINITY, d.user + d.system));
      }
    }
    for (const [k, v] of best) total.set(k, (total.get(k) ?? 0) + v);
  }
  if (Number.isNaN(sink)) throw new Error('unreachable');
  const us = (name: string): number => total.get(name)! / (per * CHUNKS);
  const indicators = us('indicators');
  return stages.map(([name]) => [
    name === 'indicators + scorecard' ? 'scorecard around them' : name,
    name === 'indicators + scorecard' ? us(name) - indicators : us(name),
  ]);
}

/** The breakdown as one bench line, each stage also as a multiple of the limit's µs. */
export function breakdownLine(stages: [string, number][], limitUs: number): string {
  const pipeline = stages.filter(([n]) => !n.startsWith('serialise')).reduce((s, [, v]) => s + v, 0);
  const parts = stages.map(([n, v]) => `${n} ${v.toFixed(1)} (${(v / limitUs).toFixed(1)}×)`).join(', ');
  return `  where trace none goes, µs/record (× the plain-JS limit's ${limitUs.toFixed(1)} µs): ${parts}; stages of the pipeline sum to ${pipeline.toFixed(1)}`;
}
