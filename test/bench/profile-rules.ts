/**
 * Profiles the rules stage of the loop workload alone (`recommender.recommend` on stored
 * results), for `node --cpu-prof`: `npm run bench -- --only none` builds .bench, then
 * `node --cpu-prof .bench/test/bench/profile-rules.js 200000`.
 */
import { compileSource } from '../../src/compile/compile.js';
import { createRecommender } from '../../src/recommend/index.js';
import { loopRecords, loopRulesText } from './loop-workload.js';
import { assessAt, detectTraceLevels } from './trace-levels.js';

const n = Number(process.argv[2] ?? 100_000);
const ir = compileSource(loopRulesText(), 'loop-bench.ind').ir!;
const sample = loopRecords(1, 1).next().value as Record<string, unknown>;
const none = detectTraceLevels(ir, sample).levels[0]!;
const { assess } = assessAt(ir, none, sample);
const recs = [...loopRecords(2000, 7)];
const results = recs.map((r) => assess(r));
const recommender = createRecommender(ir);
let sink = 0;
const t = process.cpuUsage();
for (let i = 0; i < n; i++) sink += recommender.recommend(results[i % 2000]!, recs[i % 2000]).length;
const d = process.cpuUsage(t);
console.log(`${(((d.user + d.system) / n) | 0) === 0 ? ((d.user + d.system) / n).toFixed(2) : ((d.user + d.system) / n).toFixed(2)} µs/record (${sink})`);
