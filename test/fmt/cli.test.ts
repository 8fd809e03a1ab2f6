/**
 * `jixiao fmt` as a user runs it, in-process on a temporary folder: rewriting in place (and
 * only changed files), `--check` listing without writing, `--stdout`, syntax errors shown as code
 * frames while the other files are still formatted, and the exit codes 0 / 1 / 2.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fmtCommand } from '../../src/cli/commands/fmt.js';
import { UsageError } from '../../src/cli/io.js';

const MESSY = 'framework 甲{scale 100;grades{优>=90;差 otherwise}}\n';
const CLEAN = 'framework 乙 {\n  scale 100\n}\n';
const BROKEN = 'framework 丙 {\n  grades { 优 >= ; 差 otherwise }\n}\n';
const MESSY_FORMATTED = 'framework 甲 {\n  scale 100\n  grades { 优 >= 90; 差 otherwise }\n}\n';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'jixiao-fmt-'));
  writeFileSync(join(dir, 'messy.ind'), MESSY);
  writeFileSync(join(dir, 'clean.ind'), CLEAN);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const sink = (into: string[]) => new Writable({ write: (chunk, _enc, done) => (into.push(String(chunk)), done()) });
  const code = await fmtCommand(args, { stdout: sink(out), stderr: sink(err), stdin: new PassThrough(), cwd: dir, env: {} }, 'en');
  return { code, stdout: out.join(''), stderr: err.join('') };
}

const read = (name: string) => readFileSync(join(dir, name), 'utf8');

describe('jixiao fmt', () => {
  it('rewrites changed files in place, leaves formatted ones alone and no temp file behind', async () => {
    const r = await run('.');
    expect(r.code).toBe(0);
    expect(read('messy.ind')).toBe(MESSY_FORMATTED);
    expect(read('clean.ind')).toBe(CLEAN);
    expect(r.stdout).toBe('formatted messy.ind\n');
    expect(readdirSync(dir).sort()).toEqual(['clean.ind', 'messy.ind']);
  });

  it('--check lists files that would change, writes nothing and exits 1', async () => {
    const r = await run('--check', 'messy.ind', 'clean.ind');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('messy.ind would be reformatted\n');
    expect(read('messy.ind')).toBe(MESSY);
    expect((await run('--check', 'clean.ind')).code).toBe(0);
  });

  it('--stdout prints the formatted text and writes nothing', async () => {
    const r = await run('--stdout', 'messy.ind');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(MESSY_FORMATTED);
    expect(read('messy.ind')).toBe(MESSY);
  });

  it('prints syntax errors as code frames, exits 2 and still formats the other files', async () => {
    writeFileSync(join(dir, 'broken.ind'), BROKEN);
    const r = await run('.');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('broken.ind:2:17 DSL102');
    expect(r.stderr).toContain('  grades { 优 >= ; 差 otherwise }');
    expect(read('broken.ind')).toBe(BROKEN);
    expect(read('messy.ind')).toBe(MESSY_FORMATTED);
  });

  it('exits 2 for a missing path and for a folder without .ind files', async () => {
    expect((await run('nope.ind')).code).toBe(2);
    rmSync(join(dir, 'messy.ind'));
    rmSync(join(dir, 'clean.ind'));
    expect((await run('.')).code).toBe(2);
  });

  it('rejects a call without files and --check with --stdout as usage errors', async () => {
    await expect(run()).rejects.toBeInstanceOf(UsageError);
    await expect(run('--check', '--stdout', 'messy.ind')).rejects.toBeInstanceOf(UsageError);
  });
});
