/**
 * Service benchmark: starts `jixiao serve` in a child process on 127.0.0.1 (port 0) over the
 * shipped rules folder, then drives `POST /rulesets/项目支出/evaluate` with one real record (the first
 * case of rules/common/project.test.yaml) using autocannon for a bounded duration (default 5 s).
 * Reports requests per second and p50 / p99 latency, and counts non-2xx answers so a fast run
 * of errors cannot pass for a fast run of evaluations. The `service` section runs 1 and 16
 * connections on one server, the batch endpoint, and the in-process rate of the same work in the
 * same run (issue #12 item 7); `runServiceBench` is one load run on its own, and `npx tsx
 * test/bench/service-bench.ts [seconds]` prints one.
 */
import { spawn } from 'node:child_process';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { createRealToolchain } from '../../src/service/real-toolchain.js';
import { EMPTY_SNAPSHOT, loadSnapshot } from '../../src/service/loader.js';
import { startServer } from '../../src/service/server.js';
import { REPO_ROOT } from './cli-path.js';
import type { BenchSection } from './sections.js';

/** The slice of autocannon's API used here (the package ships no types). */
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export interface ServiceBenchOptions {
  /** Seconds to run (bounded to 1–60). Default 5. */
  durationSec?: number;
  connections?: number;
  rulesDir?: string;
  ruleset?: string;
  record?: Record<string, unknown>;
  /** Also append every decision to a (temporary) log, as production would. Default true. */
  decisionLog?: boolean;
}

export interface ServiceBenchResult {
  name: string;
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  averageMs: number;
  requests: number;
  non2xx: number;
  errors: number;
  connections: number;
  durationSec: number;
}

const ROOT = REPO_ROOT;

function defaultRecord(): Record<string, unknown> {
  const suite = parseYaml(readFileSync(join(ROOT, 'rules/common/project.test.yaml'), 'utf8')) as { cases: { data: Record<string, unknown> }[] };
  const first = suite.cases[0];
  if (first === undefined) throw new Error('rules/common/project.test.yaml has no cases');
  return first.data;
}

interface Child {
  url: string;
  stop(): Promise<void>;
}

/**
 * The server runs in its own process (this file with `--child`), so autocannon's load
 * generation does not compete with it for one event loop and the numbers are the server's.
 */
async function startChild(rulesDir: string, ruleset: string, decisionLog: string | null): Promise<Child> {
  const self = fileURLToPath(import.meta.url);
  const args = [...(self.endsWith('.ts') ? ['--import', 'tsx'] : []), self, '--child', rulesDir, ruleset, decisionLog ?? ''];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolveUrl, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('bench server did not start within 60 s')), 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const line = out.split('\n').find((l) => l.startsWith('READY '));
      if (line !== undefined) {
        clearTimeout(timer);
        resolveUrl(line.slice('READY '.length).trim());
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`bench server exited early with code ${code}`));
    });
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolveStop) => {
        if (child.exitCode !== null) return resolveStop();
        child.once('exit', () => resolveStop());
        child.kill('SIGTERM'); // the server drains and exits on SIGTERM
      }),
  };
}

/** One bounded autocannon run against a started server, after a warm-up. */
async function loadTest(url: string, record: Record<string, unknown>, connections: number, durationSec: number): Promise<ServiceBenchResult> {
  const body = JSON.stringify(record);
  // Warm-up: the first evaluations pay for lazy module loading and JIT compilation.
  for (let i = 0; i < 50; i++) {
    const warm = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    if (warm.status !== 200) throw new Error(`warm-up request failed with ${warm.status}: ${await warm.text()}`);
    await warm.arrayBuffer();
  }
  const result = await autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections, duration: durationSec });
  return {
    name: `service: POST ${decodeURIComponent(url.split('/rulesets/')[1] ?? url)}`,
    requestsPerSec: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    averageMs: result.latency.average,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    connections,
    durationSec,
  };
}

export async function runServiceBench(options: ServiceBenchOptions = {}): Promise<ServiceBenchResult> {
  const durationSec = Math.min(60, Math.max(1, options.durationSec ?? 5));
  const connections = Math.min(256, Math.max(1, options.connections ?? 16));
  const rulesDir = options.rulesDir ?? join(ROOT, 'rules');
  const ruleset = options.ruleset ?? '项目支出';
  const record = options.record ?? defaultRecord();
  const logDir = options.decisionLog === false ? null : mkdtempSync(join(tmpdir(), 'jixiao-bench-'));
  const child = await startChild(rulesDir, ruleset, logDir === null ? null : join(logDir, 'decisions.ndjson'));
  try {
    return await loadTest(`${child.url}/rulesets/${encodeURIComponent(ruleset)}/evaluate`, record, connections, durationSec);
  } finally {
    await child.stop();
    if (logDir !== null) rmSync(logDir, { recursive: true, force: true });
  }
}

/** Child mode: serve the rules on 127.0.0.1, print `READY <url>`, drain on SIGTERM. */
async function childMain(rulesDir: string, ruleset: string, decisionLog: string): Promise<void> {
  const server = await startServer({
    rulesDir,
    toolchain: createRealToolchain(rulesDir),
    port: 0,
    host: '127.0.0.1',
    watch: false,
    ...(decisionLog !== '' ? { decisionLog } : {}),
  });
  if (!server.app.jixiao.registry.snapshot.rulesets.has(ruleset)) {
    console.error(`rule set ${ruleset} did not load from ${rulesDir}; see GET /ready`);
    await server.close();
    process.exitCode = 1;
    return;
  }
  process.stdout.write(`READY ${server.url}\n`);
  await new Promise<void>((r) => process.once('SIGTERM', () => r()));
  await server.close();
}

export function formatServiceBench(r: ServiceBenchResult): string {
  return (
    `${r.name}: ${r.requestsPerSec.toFixed(0)} req/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms ` +
    `(${r.requests} requests, ${r.connections} connections, ${r.durationSec} s, non-2xx ${r.non2xx}, errors ${r.errors})`
  );
}

/**
 * The rate the service could reach per core: the same per-request work (validate, evaluate with
 * recommendations at the full trace — what both endpoints use by default — and serialise) on the
 * same record in this process, no HTTP, for `seconds` of wall time. Measured in the same run as
 * the load test so the two share the machine's load. The warm-up is as long as the server's
 * (thousands of evaluations before its batch is timed): after 200 the engine is still being
 * optimised (about 2,600/s at first, 6,000–8,000/s after 3,000 here), which flattered every ratio.
 */
export async function measureInProcess(
  rulesDir: string,
  ruleset: string,
  record: Record<string, unknown>,
  seconds = 3,
): Promise<{ perSec: number; bytes: number; evaluate: () => Promise<number> }> {
  const toolchain = createRealToolchain(rulesDir);
  const snapshot = await loadSnapshot({ toolchain, dir: rulesDir, previous: EMPTY_SNAPSHOT, now: () => new Date() });
  const rs = snapshot.rulesets.get(ruleset);
  if (rs === undefined) throw new Error(`rule set ${ruleset} did not load from ${rulesDir}`);
  const once = async (): Promise<number> => {
    if (rs.prepared.validate(record).length > 0) throw new Error('bench record fails validation');
    return Buffer.byteLength(toolchain.serializeResult(await rs.prepared.evaluate(record)));
  };
  for (let i = 0; i < 3000; i++) await once(); // warm-up
  let n = 0,
    bytes = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < seconds * 1000) {
    for (let i = 0; i < 20; i++) bytes = await once();
    n += 20;
  }
  return { perSec: n / ((performance.now() - t0) / 1000), bytes, evaluate: once };
}

/**
 * One POST /evaluate-batch of `body` (NDJSON in and out): seconds of wall time, bytes and lines
 * of the answer. The answer is read as bytes and its newlines counted, not decoded and split:
 * the load generator shares the machine with the server and should cost it as little as
 * autocannon does for /evaluate.
 */
async function postBatch(url: string, body: string): Promise<{ seconds: number; bytes: number; lines: number }> {
  const t0 = performance.now();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-ndjson', accept: 'application/x-ndjson' }, body });
  const answer = Buffer.from(await res.arrayBuffer());
  const seconds = (performance.now() - t0) / 1000;
  if (res.status !== 200) throw new Error(`batch request failed with ${res.status}: ${answer.subarray(0, 300).toString('utf8')}`);
  let lines = 0;
  for (let at = answer.indexOf(10); at >= 0; at = answer.indexOf(10, at + 1)) lines++;
  return { seconds, bytes: answer.length, lines };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/**
 * The batch endpoint against in-process evaluation, like with like: `rounds` rounds, each one
 * batch of `count` copies of the record and then the same `count` evaluations in this process,
 * back to back, so both see the same moment of a shared machine's load. Reports records/s of
 * each (median and best over the rounds) and the median of the rounds' own ratios, which a
 * burst of load elsewhere moves far less than a ratio of two separately timed figures.
 */
async function measureBatch(
  url: string,
  record: Record<string, unknown>,
  inProcess: () => Promise<number>,
  count: number,
  rounds: number,
): Promise<{ batch: number[]; inProcess: number[]; ratios: number[]; bytesPerRecord: number; items: number }> {
  const body = Array.from({ length: count }, (_, i) => JSON.stringify({ ...record, id: `B${i}` })).join('\n') + '\n';
  await postBatch(url, body); // the batch path's own warm-up (the load runs warmed /evaluate)
  const batch: number[] = [];
  const local: number[] = [];
  const ratios: number[] = [];
  let bytes = 0,
    items = 0;
  for (let r = 0; r < rounds; r++) {
    const b = await postBatch(url, body);
    const t0 = performance.now();
    for (let i = 0; i < count; i++) await inProcess();
    const localRate = count / ((performance.now() - t0) / 1000);
    batch.push(count / b.seconds);
    local.push(localRate);
    ratios.push(count / b.seconds / localRate);
    bytes = b.bytes;
    items = b.lines;
  }
  return { batch, inProcess: local, ratios, bytesPerRecord: Math.round(bytes / count), items };
}

/**
 * The section `npm run bench` runs (test/bench/run.ts picks up `*-bench.ts` exports): the
 * in-process rate, then one server under autocannon at 1 and at 16 connections, then its batch
 * endpoint; BENCH_SERVICE_SECONDS (default 5) bounds each load run.
 */
export const benchSection: BenchSection = {
  name: 'service',
  async run() {
    const seconds = Math.min(60, Math.max(1, Number(process.env.BENCH_SERVICE_SECONDS ?? 5)));
    const rulesDir = join(ROOT, 'rules');
    const ruleset = '项目支出';
    const record = defaultRecord();
    const inProcess = await measureInProcess(rulesDir, ruleset, record);
    console.log(
      `in-process (validate + evaluate at the full trace + serialise, same record, no HTTP): ${inProcess.perSec.toFixed(0)} evaluations/s, ${inProcess.bytes} bytes/result (UTF-8)`,
    );
    const logDir = mkdtempSync(join(tmpdir(), 'jixiao-bench-'));
    const child = await startChild(rulesDir, ruleset, join(logDir, 'decisions.ndjson'));
    try {
      const base = `${child.url}/rulesets/${encodeURIComponent(ruleset)}`;
      for (const connections of [1, 16]) {
        const r = await loadTest(`${base}/evaluate`, record, connections, seconds);
        console.log(`  ${formatServiceBench(r)}; ÷ in-process ${(r.requestsPerSec / inProcess.perSec).toFixed(2)}`);
      }
      const b = await measureBatch(`${base}/evaluate-batch`, record, inProcess.evaluate, 500, 5);
      if (b.items !== 500) throw new Error(`batch answered ${b.items} items for 500 records`);
      console.log(
        `  service: POST ${ruleset}/evaluate-batch (500 records, NDJSON, trace full; 5 rounds, each beside 500 in-process evaluations): ` +
          `${median(b.batch).toFixed(0)} records/s median (best ${Math.max(...b.batch).toFixed(0)}) vs in-process ${median(b.inProcess).toFixed(0)}/s ` +
          `(best ${Math.max(...b.inProcess).toFixed(0)}), ${b.bytesPerRecord} bytes/record; ÷ in-process ${median(b.ratios).toFixed(2)} median of rounds (target ≥ 0.5)`,
      );
      console.log(`  (server in its own process on 127.0.0.1, decision log on; load generator in this process; ${seconds} s per load run)`);
    } finally {
      await child.stop();
      rmSync(logDir, { recursive: true, force: true });
    }
  },
};

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1] && process.argv[2] === '--child') {
  await childMain(process.argv[3] ?? '', process.argv[4] ?? '', process.argv[5] ?? '');
} else if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const seconds = Number(process.argv[2] ?? '5');
  console.log(formatServiceBench(await runServiceBench({ durationSec: Number.isFinite(seconds) ? seconds : 5 })));
}
