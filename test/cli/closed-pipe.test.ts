/**
 * `jixiao eval … | head -1`: the reader closes the pipe after the first line. The real executable
 * runs in a child process whose stdout is closed by the test after the first chunk; the command
 * must end with the closed-pipe exit code (141) and print nothing on stderr — no stack trace, in
 * this thread or with workers.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CASE = join(ROOT, 'test/golden/cli/eval-batch-in-thread');

function bigBatch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-pipe-'));
  const line = readFileSync(join(CASE, 'batch.ndjson'), 'utf8').split('\n')[0]!;
  // far more output than a pipe buffer holds, so writes are still pending when the reader leaves
  writeFileSync(join(dir, 'big.ndjson'), Array.from({ length: 4000 }, () => line).join('\n') + '\n');
  return join(dir, 'big.ndjson');
}

function runAndCloseAfterFirstChunk(args: string[]): Promise<{ code: number | null; stderr: string; got: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/bin.ts'), ...args], {
      cwd: CASE,
      env: { ...process.env, LANG: 'en_US.UTF-8' },
    });
    let stderr = '';
    let got = '';
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    child.stdout.once('data', (chunk) => {
      got = String(chunk);
      child.stdout.destroy();
    });
    child.on('close', (code) => done({ code, stderr, got }));
  });
}

describe('a closed stdout', () => {
  const batch = bigBatch();
  for (const workers of ['0', '2']) {
    it(`ends eval quietly with --workers ${workers}`, async () => {
      const { code, stderr, got } = await runAndCloseAfterFirstChunk(['eval', '--rules', 'project.ind', '--workers', workers, batch]);
      expect(got).toContain('"ruleset"');
      expect(stderr).toBe('');
      expect(code).toBe(141);
    }, 60_000);
  }
});
