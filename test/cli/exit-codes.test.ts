/**
 * The exit codes as README documents them: its table lists exactly the codes `jixiao --help`
 * prints, with the same words; a usage error is 2, a missing input file is 2 with no result on
 * stdout, and an exception nobody expected (a bug) is 3 with the internal-error sentence — a
 * script can tell "fix your call" from "report this".
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/commands/index.js';
import { EXIT_CODES, EXIT_INTERNAL } from '../../src/cli/io.js';
import { type CliWord, cliWord } from '../../src/cli/messages.js';
import { runCapturedCli } from './run-captured.js';

const cwd = mkdtempSync(join(tmpdir(), 'jixiao-exit-'));

describe('exit codes', () => {
  afterEach(() => {
    delete commands['explode'];
  });

  it('README lists the codes of --help, with the same meaning', async () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const rows = [...readme.matchAll(/^\| (\d) \| (.+) \|$/gm)].map((m) => [Number(m[1]), m[2]]);
    expect(rows).toEqual(EXIT_CODES.map((code) => [code, cliWord('en', `exit${code}` as CliWord)]));
    const help = (await runCapturedCli(['--help'], cwd)).stdout;
    for (const code of EXIT_CODES) expect(help).toContain(`  ${code}  ${cliWord('en', `exit${code}` as CliWord).slice(0, 30)}`);
  });

  it('an unexpected exception is an internal error, exit 3, not a usage error', async () => {
    commands['explode'] = async () => async () => {
      throw new TypeError('a bug');
    };
    const { code, stdout, stderr } = await runCapturedCli(['explode'], cwd);
    expect(code).toBe(EXIT_INTERNAL);
    expect(stdout).toBe('');
    expect(stderr).toContain('jixiao explode: internal error');
    expect(stderr).toContain('TypeError: a bug');
  });

  it('a missing data file is exit 2 with its path and no result', async () => {
    const { code, stdout, stderr } = await runCapturedCli(['--lang', 'zh', 'sample', '--rules', 'nope.yaml', '--seed', '1', 'gone.yaml'], cwd);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('无法读取 nope.yaml：文件或目录不存在\n无法读取 gone.yaml：文件或目录不存在\n');
  });
});
