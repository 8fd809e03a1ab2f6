/**
 * Bench section `cli` (issue #12 item 7): the batch door as users run it. It writes the loop
 * workload (loop-workload.ts: 30 indicators + 10 rules) and N generated records as NDJSON to a
 * temporary folder, runs `jixiao eval --workers <cores>` on them in a child process (started as
 * cli-path.ts says: the compiled build when there is one, else tsx), and reports wall time,
 * records/s wall and peak RSS (`/usr/bin/time -v`'s maximum resident set size, else VmHWM polled
 * from /proc). The output is counted line by line so a run that stops early cannot pass for a
 * fast one. Sizes: 100,000 records; 1,000,000 too with BENCH_LARGE=1; BENCH_CLI_RECORDS=n
 * overrides both. The summary trace is asked for with `--trace summary` when the CLI accepts it.
 * Every run is bounded (BENCH_CLI_TIMEOUT seconds, default 900) and killed past it.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { jixiaoCli, REPO_ROOT } from './cli-path.js';
import { loopRecords, loopRulesText } from './loop-workload.js';
import type { BenchSection } from './sections.js';

const TIME = '/usr/bin/time';
const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(0)} MB`;

/** Writes `count` loop records as NDJSON, in batches (one syscall per 1,000 lines). */
function writeRecords(file: string, count: number): void {
  const fd = openSync(file, 'w');
  try {
    let batch: string[] = [];
    for (const rec of loopRecords(count, 7070)) {
      batch.push(JSON.stringify(rec));
      if (batch.length === 1000) {
        writeSync(fd, batch.join('\n') + '\n');
        batch = [];
      }
    }
    if (batch.length > 0) writeSync(fd, batch.join('\n') + '\n');
  } finally {
    closeSync(fd);
  }
}

export interface CliRun {
  code: number | null;
  wallS: number;
  peakRssBytes: number;
  lines: number;
  outBytes: number;
  stderrTail: string;
  timedOut: boolean;
}

function vmHwm(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0; // the process has just exited
  }
}

/** Runs the CLI with `args`, counting output lines; peak RSS from /usr/bin/time or /proc. */
export function runCli(args: string[], timeoutS: number): Promise<CliRun> {
  const cli = jixiaoCli();
  const useTime = existsSync(TIME);
  const [cmd, argv] = useTime ? [TIME, ['-v', cli.command, ...cli.args, ...args]] : [cli.command, [...cli.args, ...args]];
  const t0 = performance.now();
  const child = spawn(cmd, argv, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: '1' } });
  let lines = 0,
    outBytes = 0,
    stderr = '',
    peak = 0,
    timedOut = false;
  child.stdout.on('data', (chunk: Buffer) => {
    outBytes += chunk.length;
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-8000);
  });
  // without /usr/bin/time, the CLI is the child itself: poll its high-water mark
  const poll = useTime ? undefined : setInterval(() => (peak = Math.max(peak, vmHwm(child.pid!))), 200);
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, timeoutS * 1000);
  return new Promise((resolveRun) => {
    child.on('close', (code) => {
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      const wallS = (performance.now() - t0) / 1000;
      const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      if (m) peak = Number(m[1]) * 1024;
      const tail = stderr.replace(/\n\s*Command being timed:[\s\S]*$/, '').trim();
      resolveRun({ code, wallS, peakRssBytes: peak, lines, outBytes, stderrTail: tail.split('\n').slice(-3).join(' | '), timedOut });
    });
  });
}

async function benchCli(): Promise<void> {
  const sizes = process.env.BENCH_CLI_RECORDS ? [Number(process.env.BENCH_CLI_RECORDS)] : process.env.BENCH_LARGE === '1' ? [100_000, 1_000_000] : [100_000];
  const timeoutS = Number(process.env.BENCH_CLI_TIMEOUT ?? 900);
  const workers = availableParallelism();
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-cli-bench-'));
  try {
    const rules = join(dir, 'loop.ind');
    writeFileSync(rules, loopRulesText());
    // does this CLI take a trace level? Ask it on one record; also its start-up cost.
    const one = join(dir, 'one.ndjson');
    writeRecords(one, 1);
    const probe = await runCli(['eval', '--rules', rules, '--workers', '0', '--trace', 'summary', one], 120);
    const trace = probe.code === 0 && probe.lines > 0 ? ['--trace', 'summary'] : [];
    const start = trace.length > 0 ? probe : await runCli(['eval', '--rules', rules, '--workers', '0', one], 120);
    if (start.code !== 0) throw new Error(`cli bench: jixiao eval of one record exited ${start.code}: ${start.stderrTail}`);
    console.log(
      `jixiao eval through ${jixiaoCli().label}, --workers ${workers}, ${trace.length > 0 ? '--trace summary' : "no --trace option (full trace, today's default)"}; loop workload (30 indicators + 10 rules)`,
    );
    console.log(`  start-up: one record ${start.wallS.toFixed(2)} s wall, peak RSS ${mb(start.peakRssBytes)}`);
    const peaks: number[] = [];
    for (const n of sizes) {
      const data = join(dir, `records-${n}.ndjson`);
      const g0 = performance.now();
      writeRecords(data, n);
      const genS = (performance.now() - g0) / 1000;
      const inputBytes = statSync(data).size;
      const r = await runCli(['eval', '--rules', rules, '--workers', String(workers), ...trace, data], timeoutS);
      rmSync(data, { force: true });
      const complete = !r.timedOut && r.code === 0 && r.lines === n;
      const status = complete ? 'complete' : r.timedOut ? `KILLED after ${timeoutS} s` : `exit ${r.code}, ${r.lines} of ${n} lines: ${r.stderrTail}`;
      console.log(
        `  ${String(n).padStart(9)} records: ${r.wallS.toFixed(1).padStart(6)} s wall, ${(r.lines / r.wallS).toFixed(0).padStart(6)} records/s wall, ` +
          `peak RSS ${mb(r.peakRssBytes).padStart(7)}, ${r.lines ? Math.round(r.outBytes / r.lines) : 0} bytes/result — ${status} (input ${mb(inputBytes)}, written in ${genS.toFixed(1)} s)`,
      );
      if (complete) peaks.push(r.peakRssBytes);
    }
    if (peaks.length === 2) console.log(`  peak RSS 1M ÷ 100k = ${(peaks[1]! / peaks[0]!).toFixed(2)} (target ≤ 1.3, and < 600 MB)`);
    console.log(
      `  (wall time from spawn to exit, start-up included; peak RSS of the CLI process, worker threads included${existsSync(TIME) ? ', by /usr/bin/time -v' : ', VmHWM polled'})`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const benchSection: BenchSection = { name: 'cli', run: benchCli };
