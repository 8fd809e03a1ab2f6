/**
 * A steady per-record loop to put under a profiler, not a benchmark (no baselines, no
 * agreement check): the loop workload through the pipeline, or through the rules stage alone
 * over scorecards evaluated beforehand, after a warm-up. Compile with the bench and run
 * `node --cpu-prof .bench/test/bench/profile.js [pipeline|recommend] [none|summary|full] [records]`;
 * the printed µs/record is process CPU time of the timed loop.
 */
import { compileSource } from '../../src/compile/compile.js';
import { createEvaluator } from '../../src/engine/index.js';
import type { TraceLevel } from '../../src/engine/result.js';
import { createAssessor } from '../../src/pipeline/assess.js';
import { createRecommender } from '../../src/recommend/index.js';
import { loopRecords, loopRulesText } from './loop-workload.js';

const [stage = 'pipeline', level = 'none', count = '20000'] = process.argv.slice(2);
const ir = compileSource(loopRulesText(), 'loop-profile.ind').ir!;
const records = [...loopRecords(Number(count), 4040)];
const trace = level as TraceLevel;
let run: (i: number) => unknown;
if (stage === 'recommend') {
  const evaluator = createEvaluator(ir, { trace });
  const results = records.map((r) => evaluator.evaluate(r));
  const recommender = createRecommender(ir);
  run = (i) => recommender.recommend(results[i]!, records[i]!);
} else {
  const assessor = createAssessor(ir, { trace });
  run = (i) => assessor.assess(records[i]!);
}
for (let i = 0; i < Math.min(2000, records.length); i++) run(i);
const start = process.cpuUsage();
for (let i = 0; i < records.length; i++) run(i);
const used = process.cpuUsage(start);
console.log(`${stage}, trace ${level}: ${((used.user + used.system) / records.length).toFixed(1)} µs/record over ${records.length} records`);
