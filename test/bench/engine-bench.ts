/**
 * Bench section of the evaluation engine. On the same deterministic stream of records it
 * measures `evaluateMany` (compiled closures, full trace), the plain-JS exact scorer of the same
 * scorecard (plain-scorer.ts, the limit), a hand-written TypeScript scorer of it on the same
 * decimal library and the naive json-rules-engine encoding (on a
 * smaller subset; rates are per record). All four must agree on every total before any time is
 * printed. Memory: RSS sampled every 1,000 records during the engine run, and heap used after
 * 10% and 100% of the records, to show it stays flat while streaming.
 */
import { compileSource } from '../../src/compile/compile.js';
import { createEvaluator, evaluateMany } from '../../src/engine/index.js';
import { D } from '../../src/engine/decimal.js';
import { SourcedRecord } from '../../src/data/sourced-record.js';
import { assessParallel } from '../../src/pipeline/parallel.js';
import type { RuleSetIR } from '../../src/compile/ir.js';
import { jreEngine, jreScore } from './jre-fixture.js';
import { plainCard } from './plain-scorer.js';
import { benchIndicators, benchRecords, benchRulesText, handScore } from './scorecard-fixture.js';
import type { BenchOptions, BenchSection } from './sections.js';

const round2 = (d: InstanceType<typeof D>): number => Number(d.toFixed(2, D.ROUND_HALF_UP));
const mb = (n: number): string => `${(n / 1048576).toFixed(1)} MB`;
/** CPU seconds of this process since `start`: fairer than wall time on a shared machine. */
const cpu = (start: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1e6;
};
const CHUNKS = 10;
const SEED = 2026;

/** The whole stream: CHUNKS chunks, each its own seed, so a chunk can be replayed alone. */
function* stream(total: number): Generator<Record<string, unknown>> {
  for (let c = 0; c < CHUNKS; c++) yield* benchRecords(Math.floor(total / CHUNKS), SEED + c);
}

async function benchEngine(opts: BenchOptions): Promise<void> {
  const compiled = compileSource(benchRulesText(), 'bench.ind');
  if (!compiled.ir) throw new Error(`bench framework does not compile: ${compiled.diagnostics.map((d) => d.message).join('; ')}`);
  const ir = compiled.ir;
  const inds = benchIndicators();
  const weights = new Map(inds.map((i) => [i.key, i.weight]));
  const per = Math.floor(opts.records / CHUNKS);
  const N = per * CHUNKS;
  const perRef = Math.max(1, Math.floor(Math.min(opts.referenceRecords, N) / CHUNKS));
  const M = perRef * CHUNKS;
  const ev = createEvaluator(ir);
  const jre = jreEngine(inds);

  // 1. Agreement on every total before any timing (also warms up all three paths).
  for (let c = 0; c < CHUNKS; c++) {
    let i = 0;
    for (const rec of benchRecords(per, SEED + c)) {
      const e = ev.evaluate(rec);
      const h = round2(handScore(rec, inds));
      if (e.status !== 'ok' || e.total !== h) throw new Error(`engine and hand-written disagree on ${String(rec.id)}: ${e.total} vs ${h}`);
      const p = plainCard(rec).total;
      if (p !== h) throw new Error(`plain JS and hand-written disagree on ${String(rec.id)}: ${p} vs ${h}`);
      if (i++ < perRef) {
        const j = round2(await jreScore(jre, rec, weights));
        if (j !== h) throw new Error(`json-rules-engine and hand-written disagree on ${String(rec.id)}: ${j} vs ${h}`);
      }
    }
  }
  console.log(
    `${inds.length} indicators (proportional, bands, rating, deduct, yes/no, linear); totals agree on all records: engine = plain JS = hand-written on ${N}, = json-rules-engine on ${M}`,
  );

  // 2. One streamed evaluateMany over all N records: throughput and memory.
  let peakRss = process.memoryUsage().rss;
  let heapAt10 = 0;
  let count = 0;
  let t = process.cpuUsage();
  for await (const r of evaluateMany(ir, stream(N))) {
    count++;
    if (r.status !== 'ok') throw new Error('unexpected rejection');
    if (count % 1000 === 0) {
      const m = process.memoryUsage();
      if (m.rss > peakRss) peakRss = m.rss;
      if (count === N / 10) heapAt10 = m.heapUsed;
    }
  }
  const streamS = cpu(t);
  const heapAtEnd = process.memoryUsage().heapUsed;

  // 3. Interleaved per chunk, so load changes on the machine hit all paths alike.
  let genS = 0,
    genRefS = 0,
    engineS = 0,
    quietS = 0,
    handS = 0,
    plainS = 0,
    jreS = 0;
  for (let c = 0; c < CHUNKS; c++) {
    t = process.cpuUsage();
    for (const rec of benchRecords(per, SEED + c)) if (!rec.id) throw new Error('unreachable');
    genS += cpu(t);
    t = process.cpuUsage();
    for (const rec of benchRecords(perRef, SEED + c)) if (!rec.id) throw new Error('unreachable');
    genRefS += cpu(t);
    t = process.cpuUsage();
    for await (const r of evaluateMany(ir, benchRecords(per, SEED + c))) if (r.total === null) throw new Error('unreachable');
    engineS += cpu(t);
    t = process.cpuUsage();
    for await (const r of evaluateMany(ir, benchRecords(per, SEED + c), { trace: false })) if (r.total === null) throw new Error('unreachable');
    quietS += cpu(t);
    t = process.cpuUsage();
    for (const rec of benchRecords(per, SEED + c)) handScore(rec, inds);
    handS += cpu(t);
    t = process.cpuUsage();
    let sink = 0; // keeps the plain scorer's result live, so it cannot be optimised away
    for (const rec of benchRecords(per, SEED + c)) sink += plainCard(rec).total;
    plainS += cpu(t);
    if (Number.isNaN(sink)) throw new Error('unreachable');
    t = process.cpuUsage();
    for (const rec of benchRecords(perRef, SEED + c)) await jreScore(jre, rec, weights);
    jreS += cpu(t);
  }
  engineS -= genS;
  quietS -= genS;
  handS -= genS;
  plainS -= genS;
  jreS -= genRefS;
  const engineRate = N / engineS,
    handRate = N / handS,
    plainRate = N / plainS,
    jreRate = M / jreS;
  const line = (label: string, rate: number) =>
    console.log(`  ${label.padEnd(44)}${rate.toFixed(0).padStart(9)} records/s  ${(1e6 / rate).toFixed(1).padStart(8)} µs/record`);
  line(`engine, evaluateMany, full trace (${N})`, engineRate);
  line(`engine, evaluateMany, trace off (${N})`, N / quietS);
  line(`engine, one stream of ${N} (memory run)`, N / (streamS - genS));
  line(`plain JavaScript, exact half-up (${N})`, plainRate);
  line(`hand-written TypeScript, decimal.js (${N})`, handRate);
  line(`json-rules-engine, naive rules (${M})`, jreRate);
  console.log(
    `  ratios (full trace): engine / plain JS = ${(engineRate / plainRate).toFixed(3)}×   engine / decimal.js hand-written = ${(engineRate / handRate).toFixed(2)}×   engine / json-rules-engine = ${(engineRate / jreRate).toFixed(1)}×`,
  );
  console.log(
    `  ratios (trace off):  engine / plain JS = ${(N / quietS / plainRate).toFixed(3)}×   engine / decimal.js hand-written = ${(N / quietS / handRate).toFixed(2)}×   engine / json-rules-engine = ${(N / quietS / jreRate).toFixed(1)}×`,
  );
  console.log(`  memory while streaming ${N}: peak RSS ${mb(peakRss)}; heap used after ${N / 10} records ${mb(heapAt10)}, after ${N} ${mb(heapAtEnd)}`);
  console.log(`  (CPU time of this process; record generation, ${genS.toFixed(2)} s for ${N}, subtracted from each path)`);
  await benchParallel(ir, Math.min(N, 20_000));
}

async function* sourced(n: number): AsyncGenerator<SourcedRecord> {
  let i = 0;
  for (const rec of stream(n)) yield new SourcedRecord('bench', ++i, rec);
}

/**
 * The batch pipeline (assess + serialise) in this thread and on 2 worker threads, same records.
 * Wall time here, since the point of threads is elapsed time; the outputs must match line for
 * line. Best of 3 runs each, to damp the load of a shared machine.
 */
async function benchParallel(ir: RuleSetIR, n: number): Promise<void> {
  const run = async (workers: number): Promise<{ wall: number; out: string[] }> => {
    const out: string[] = [];
    const t0 = performance.now();
    for await (const r of assessParallel(ir, sourced(n), { workers })) out.push(r.json);
    return { wall: (performance.now() - t0) / 1000, out };
  };
  let inThread = Infinity,
    threaded = Infinity;
  let reference: string[] = [];
  for (let k = 0; k < 3; k++) {
    const a = await run(0);
    inThread = Math.min(inThread, a.wall);
    reference = a.out;
    const b = await run(2);
    threaded = Math.min(threaded, b.wall);
    if (b.out.length !== n || b.out.some((line, i) => line !== reference[i])) throw new Error('parallel and in-thread outputs differ');
  }
  const rate = (s: number) => `${(n / s).toFixed(0).padStart(7)} records/s`;
  console.log(
    `  pipeline (assess + serialise, ${n} records, wall time, best of 3): in-thread ${rate(inThread)}, 2 workers ${rate(threaded)}; speed-up ${(inThread / threaded).toFixed(2)}×`,
  );
}

export const benchSection: BenchSection = { name: 'engine', run: benchEngine };
