/**
 * Measuring script (not a test) for issue 12 items 1–2: records/s of
 * `createEvaluator(ir, { trace }).evaluate` on the bench's 30-indicator scorecard
 * (test/bench/scorecard-fixture.ts) at each trace level, and the bytes of one serialised result
 * (`serializeResult(r, { indent: 0 })`) per level. `--root DIR` loads the engine from another
 * checkout (the base commit in /work/main, whose only switch is `trace: true | false`), so the
 * before and after figures come from the same machine in the same minute. Pre-generates the
 * records so generation is not timed; CPU time of this process, best of PASSES.
 * Run: `npx tsx test/engine/perf/trace-level-bench.ts [--root /work/main] [--records 20000]`.
 */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { compileSource } from '../../../src/compile/compile.js';
import { benchRecords, benchRulesText } from '../../bench/scorecard-fixture.js';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : dflt;
};
const root = resolve(opt('--root', new URL('../../..', import.meta.url).pathname));
const N = Number(opt('--records', '20000'));
const PASSES = Number(opt('--passes', '3'));
const levels = opt('--levels', 'none,summary,full').split(',');

const engine = await import(pathToFileURL(`${root}/src/engine/index.ts`).href);
const compiled = compileSource(benchRulesText(), 'bench.ind');
if (!compiled.ir) throw new Error('bench framework does not compile');
const ir = compiled.ir;
const records = [...benchRecords(N, 2026)];
const cpu = (start: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1e6;
};
const base = root !== resolve(new URL('../../..', import.meta.url).pathname);
const out: Record<string, unknown> = {
  root,
  records: N,
  load: (await import('node:os'))
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' '),
};
for (const level of levels) {
  // The base commit only knows true/false; 'summary' does not exist there.
  const trace = base ? (level === 'none' ? false : level === 'full' ? true : undefined) : level;
  if (trace === undefined) continue;
  const ev = engine.createEvaluator(ir, { trace });
  let sink = 0;
  for (const r of records.slice(0, 2000)) sink += ev.evaluate(r).total ?? 0; // warm-up
  let best = Infinity;
  for (let p = 0; p < PASSES; p++) {
    const t = process.cpuUsage();
    for (const r of records) sink += ev.evaluate(r).total ?? 0;
    best = Math.min(best, cpu(t));
  }
  let bytes = 0;
  let tSer = 0;
  const sample = records.slice(0, 2000);
  const t = process.cpuUsage();
  for (const r of sample) bytes += engine.serializeResult(ev.evaluate(r), { indent: 0 }).length;
  tSer = cpu(t);
  out[level] = {
    recordsPerSec: Math.round(N / best),
    usPerRecord: +((1e6 * best) / N).toFixed(1),
    bytesPerResult: Math.round(bytes / sample.length),
    evalPlusSerializePerSec: Math.round(sample.length / tSer),
    sink: sink > 0,
  };
}
console.log(JSON.stringify(out, null, 1));
