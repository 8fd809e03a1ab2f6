/**
 * A long batch on worker threads runs in constant memory: `jixiao eval --workers 2` over 60,000
 * generated NDJSON records in a child process whose heap ceiling (`--max-old-space-size`) is far
 * below what the batch's results add up to, so any retention of results on the coordinating
 * thread (the old race against a never-settling promise kept every reply) dies of heap
 * out-of-memory instead of finishing. Output goes through a pipe that the test reads slowly, so
 * the command must also wait for stdout to drain rather than buffer the batch. What is asserted
 * is what a user sees: exit code, one line per record, every id in input order, the summary
 * line. No timings.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RECORDS = 60_000;
// the coordinating thread needs ~40 MB of heap for the toolchain and one window of chunks; the
// results of this batch are several hundred MB, so keeping them is out of reach
const HEAP_MB = 96;

const dir = mkdtempSync(join(tmpdir(), 'jixiao-constant-memory-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// a small scorecard with one rule, so a result is a few KB and the batch stays quick
const RULES = `framework 项目 {
  scale 100
  grades { 优 >= 90; 良 >= 80; 中 >= 60; 差 otherwise }
  dimension 产出 weight 50 {
    indicator 完成率 weight 50 { value = data.done / data.planned  target >= 100%  score proportional }
  }
  dimension 效益 weight 50 {
    indicator 满意度 weight 50 { value = data.satisfaction  score linear { 60%: 0%; 100%: 100% } }
  }
}
rules 应用 for 项目 {
  rule 评价差 when grade == 差 then interview reason "评价为差"
}
`;

async function writeRecords(path: string, count: number): Promise<void> {
  const out = createWriteStream(path);
  for (let i = 0; i < count; i++) {
    // every 7th record is unreadable JSON: rejected results are slotted back in order too
    const line =
      i % 7 === 3 ? `{"id":"r${i}",` : JSON.stringify({ id: `r${i}`, planned: 100 + (i % 13), done: 60 + (i % 50), satisfaction: 0.5 + (i % 51) / 100 });
    if (!out.write(line + '\n')) await new Promise<void>((done) => out.once('drain', () => done()));
  }
  await new Promise<void>((done, fail) => out.end((error?: Error | null) => (error ? fail(error) : done())));
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  lines: number;
  outOfOrder: number;
  rejected: number;
  stderrTail: string;
}

/** Runs the CLI the way a user would, reading its stdout line by line with a pause now and then. */
function runEval(rules: string, data: string): Promise<Run> {
  const child = spawn(
    process.execPath,
    [`--max-old-space-size=${HEAP_MB}`, '--import', 'tsx', 'src/cli/bin.ts', 'eval', '--rules', rules, '--workers', '2', data],
    {
      cwd: ROOT,
      env: { ...process.env, LANG: 'en_US.UTF-8', CI: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let pending = '';
  let lines = 0;
  let outOfOrder = 0;
  let rejected = 0;
  let stderr = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (text: string) => {
    pending += text;
    let end: number;
    while ((end = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, end);
      pending = pending.slice(end + 1);
      const result = JSON.parse(line) as { id: string; status: string };
      // an unreadable line's result is named by its file and line number
      const expected = result.status === 'rejected' ? `#${lines + 1}` : `r${lines}`;
      if (!(result.status === 'rejected' ? result.id.endsWith(expected) : result.id === expected)) outOfOrder++;
      if (result.status === 'rejected') rejected++;
      lines++;
      // a slow reader: the pipe fills, and the writer has to wait for it
      if (lines % 5_000 === 0) {
        child.stdout.pause();
        setTimeout(() => child.stdout.resume(), 20);
      }
    }
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => (stderr = (stderr + text).slice(-4_000)));
  return new Promise((done) => child.on('close', (code, signal) => done({ code, signal, lines, outOfOrder, rejected, stderrTail: stderr })));
}

describe('a long batch on worker threads', () => {
  it('finishes under a low heap ceiling with every result in input order', async () => {
    const rules = join(dir, 'rules.ind');
    const data = join(dir, 'records.ndjson');
    writeFileSync(rules, RULES);
    await writeRecords(data, RECORDS);
    const run = await runEval(rules, data);
    const expectedRejected = Math.floor((RECORDS - 4) / 7) + 1;
    expect({ ...run, stderrTail: run.code === 1 ? '' : run.stderrTail }).toEqual({
      code: 1, // rejected records make the exit code 1, nothing else does
      signal: null,
      lines: RECORDS,
      outOfOrder: 0,
      rejected: expectedRejected,
      stderrTail: '',
    });
    expect(run.stderrTail).toContain(`${RECORDS} record(s): ${RECORDS - expectedRejected} scored, ${expectedRejected} rejected`);
  }, 600_000);
});
