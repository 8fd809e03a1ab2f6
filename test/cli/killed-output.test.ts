/**
 * `kill -9` in the middle of writing output: the real executable runs in a child process that
 * is held mid-run (its input is a pipe or FIFO the test never finishes), the test waits until
 * the temporary output exists and SIGKILLs it. What is left must be recognisable — a hidden
 * `.<name>.jixiao-tmp-<pid>` beside the target, never the target itself, or, for a report
 * folder that already had files, an `.jixiao-incomplete` marker — and the next run removes the
 * dead run's temp (not a live process's) and finishes the output; a workbook's spool in the temp
 * dir carries the pid in its name and the next run removes a dead run's. No time is asserted.
 */
import { spawn, execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { removeStaleTemps, tempPathFor } from '../../src/cli/temp-files.js';
import { runCapturedCli } from './run-captured.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CASE = join(ROOT, 'test/golden/cli/eval-batch-in-thread');
/** tsx by file URL: `--import tsx` would resolve from the child's working directory, a temp dir. */
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-killed-'));
  copyFileSync(join(CASE, 'project.ind'), join(dir, 'project.ind'));
  copyFileSync(join(CASE, 'batch.ndjson'), join(dir, 'batch.ndjson'));
  return dir;
}

/** Starts the CLI, waits until `ready(pid)` holds, SIGKILLs it; resolves with its pid. */
function killWhen(args: string[], cwd: string, ready: (pid: number) => boolean, env: Record<string, string> = {}): Promise<{ pid: number; signal: NodeJS.Signals | null }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', TSX, join(ROOT, 'src/cli/bin.ts'), ...args], { cwd, env: { ...process.env, LANG: 'en_US.UTF-8', ...env }, stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (c) => (stderr += String(c)));
    const pid = child.pid!;
    const poll = (): void => {
      if (child.exitCode !== null) return fail(new Error(`exited before it could be killed: ${stderr}`));
      if (ready(pid)) child.kill('SIGKILL');
      else setTimeout(poll, 20);
    };
    child.on('close', (_code, signal) => done({ pid, signal }));
    poll();
  });
}

const skipFifo = process.platform === 'win32';

describe('eval --out killed with SIGKILL', () => {
  it('leaves only a hidden temp the next run removes; the target appears only when complete', async () => {
    const dir = workspace();
    const target = join(dir, 'out.ndjson');
    // stdin stays open: the run has opened its output and waits for records
    const { pid, signal } = await killWhen(['eval', '--rules', 'project.ind', '--workers', '0', '--out', 'out.ndjson', '-'], dir, (p) => existsSync(tempPathFor(target, p)));
    expect(signal).toBe('SIGKILL');
    expect(readdirSync(dir).sort()).toEqual([`.out.ndjson.jixiao-tmp-${pid}`, 'batch.ndjson', 'project.ind']);
    // a temp of a process that is still alive (here: the test runner's parent) is not touched
    const live = tempPathFor(target, process.ppid);
    writeFileSync(live, 'someone else writing');
    const run = await runCapturedCli(['eval', '--rules', 'project.ind', '--workers', '0', '--out', 'out.ndjson', 'batch.ndjson'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([`.out.ndjson.jixiao-tmp-${process.ppid}`, 'batch.ndjson', 'out.ndjson', 'project.ind']);
    expect(readFileSync(target, 'utf8').trim().split('\n')).toHaveLength(4);
  }, 60_000);
});

describe('eval --out results.xlsx killed with SIGKILL', () => {
  it('leaves a spool named by its pid in the temp dir, which the next run removes', async () => {
    const dir = workspace();
    const tmp = join(dir, 'tmp');
    mkdirSync(tmp);
    const spools = () => readdirSync(tmp).filter((f) => f.startsWith('jixiao-spool-'));
    // stdin stays open: the run has made its spool and waits for records
    const { pid, signal } = await killWhen(['eval', '--rules', 'project.ind', '--workers', '0', '--out', 'results.xlsx', '-'], dir, () => spools().length > 0, { TMPDIR: tmp });
    expect(signal).toBe('SIGKILL');
    expect(spools()).toEqual([expect.stringMatching(new RegExp(`^jixiao-spool-${pid}-`))]);
    // a spool of a live process (the test runner's parent) stays
    mkdirSync(join(tmp, `jixiao-spool-${process.ppid}-abcdef`));
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      const run = await runCapturedCli(['eval', '--rules', 'project.ind', '--workers', '0', '--out', 'results.xlsx', 'batch.ndjson'], dir);
      expect(run.code, run.stderr).toBe(0);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
    expect(spools()).toEqual([`jixiao-spool-${process.ppid}-abcdef`]);
    expect(existsSync(join(dir, 'results.xlsx'))).toBe(true);
  }, 60_000);
});

describe.skipIf(skipFifo)('report --out DIR killed with SIGKILL', () => {
  it('a new folder is written aside: nothing at DIR, and the next run removes the dead temp folder', async () => {
    const dir = workspace();
    execFileSync('mkfifo', [join(dir, 'held.ndjson')]);
    const out = join(dir, 'reports');
    const { pid } = await killWhen(['report', '--rules', 'project.ind', '--workers', '0', '--out', 'reports', 'held.ndjson'], dir, (p) => existsSync(tempPathFor(out, p)));
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toContain(`.reports.jixiao-tmp-${pid}`);
    const run = await runCapturedCli(['report', '--rules', 'project.ind', '--workers', '0', '--out', 'reports', 'batch.ndjson'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(dir).filter((f) => f.includes('jixiao-tmp'))).toEqual([]);
    expect(readdirSync(out)).toEqual(expect.arrayContaining(['summary.md', 'summary.html', 'results.xlsx']));
  }, 60_000);

  it('a folder that already has files gets an incomplete marker, removed only when a run finishes', async () => {
    const dir = workspace();
    execFileSync('mkfifo', [join(dir, 'held.ndjson')]);
    const out = join(dir, 'reports');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.txt'), 'kept by the user');
    await killWhen(['report', '--rules', 'project.ind', '--workers', '0', '--out', 'reports', 'held.ndjson'], dir, () => existsSync(join(out, '.jixiao-incomplete')));
    expect(readdirSync(out).sort()).toEqual(['.jixiao-incomplete', 'notes.txt']);
    expect(readFileSync(join(out, '.jixiao-incomplete'), 'utf8')).toMatch(/folder is incomplete/);
    const run = await runCapturedCli(['report', '--rules', 'project.ind', '--workers', '0', '--out', 'reports', 'batch.ndjson'], dir);
    expect(run.code, run.stderr).toBe(0);
    const files = readdirSync(out);
    expect(files).toEqual(expect.arrayContaining(['notes.txt', 'summary.md', 'results.xlsx']));
    expect(files).not.toContain('.jixiao-incomplete');
  }, 60_000);
});

describe('removeStaleTemps', () => {
  it('removes only temps of this target whose pid is gone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-stale-'));
    const target = join(dir, 'out.ndjson');
    for (const name of ['.out.ndjson.jixiao-tmp-11', '.out.ndjson.jixiao-tmp-22', '.other.ndjson.jixiao-tmp-11', '.out.ndjson.jixiao-tmp-x1', 'out.ndjson']) writeFileSync(join(dir, name), '');
    mkdirSync(join(dir, '.out.ndjson.jixiao-tmp-33'));
    const removed = removeStaleTemps(target, (pid) => pid === 22);
    expect(removed.sort()).toEqual(['.out.ndjson.jixiao-tmp-11', '.out.ndjson.jixiao-tmp-33']);
    expect(readdirSync(dir).sort()).toEqual(['.other.ndjson.jixiao-tmp-11', '.out.ndjson.jixiao-tmp-22', '.out.ndjson.jixiao-tmp-x1', 'out.ndjson']);
  });
});
