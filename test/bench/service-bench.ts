/**
 * Service benchmark: starts `jixiao serve` in a child process on 127.0.0.1 (port 0) over the
 * shipped rules folder, then drives `POST /rulesets/项目支出/evaluate` with one real record (the first
 * case of rules/common/project.test.yaml) using autocannon for a bounded duration (default 5 s).
 * Reports requests per second and p50 / p99 latency, and counts non-2xx answers so a fast run
 * of errors cannot pass for a fast run of evaluations. `runServiceBench` is what the bench
 * runner calls (also as `benchSection`, for `npm run bench`); `npx tsx
 * test/bench/service-bench.ts [seconds]` prints the numbers.
 */
import { spawn } from 'node:child_process';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { createRealToolchain } from '../../src/service/real-toolchain.js';
import { startServer } from '../../src/service/server.js';
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

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

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
  const args = ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', rulesDir, ruleset, decisionLog ?? ''];
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

export async function runServiceBench(options: ServiceBenchOptions = {}): Promise<ServiceBenchResult> {
  const durationSec = Math.min(60, Math.max(1, options.durationSec ?? 5));
  const connections = Math.min(256, Math.max(1, options.connections ?? 16));
  const rulesDir = options.rulesDir ?? join(ROOT, 'rules');
  const ruleset = options.ruleset ?? '项目支出';
  const record = options.record ?? defaultRecord();
  const logDir = options.decisionLog === false ? null : mkdtempSync(join(tmpdir(), 'jixiao-bench-'));
  const child = await startChild(rulesDir, ruleset, logDir === null ? null : join(logDir, 'decisions.ndjson'));
  try {
    const url = `${child.url}/rulesets/${encodeURIComponent(ruleset)}/evaluate`;
    const body = JSON.stringify(record);
    // Warm-up: the first evaluations pay for lazy module loading and JIT compilation.
    for (let i = 0; i < 50; i++) {
      const warm = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      if (warm.status !== 200) throw new Error(`warm-up request failed with ${warm.status}: ${await warm.text()}`);
      await warm.arrayBuffer();
    }
    const result = await autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections, duration: durationSec });
    return {
      name: `service: POST ${ruleset}/evaluate`,
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

/** The section `npm run bench` runs (test/bench/run.ts picks up `*-bench.ts` exports). */
export const benchSection: BenchSection = {
  name: 'service',
  async run() {
    console.log(formatServiceBench(await runServiceBench({ durationSec: 5 })));
  },
};

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1] && process.argv[2] === '--child') {
  await childMain(process.argv[3] ?? '', process.argv[4] ?? '', process.argv[5] ?? '');
} else if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const seconds = Number(process.argv[2] ?? '5');
  console.log(formatServiceBench(await runServiceBench({ durationSec: Number.isFinite(seconds) ? seconds : 5 })));
}
