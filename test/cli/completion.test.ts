/**
 * Shell completion as a user gets it: the bash script `jixiao completion bash` prints is sourced
 * in a real bash, in a folder with files of several kinds, and COMPREPLY is read for typed
 * prefixes — commands, an option, an option's declared values, files filtered by the option's
 * extensions. zsh and fish are not installed on every machine (not on the one this was written
 * on): their scripts are checked for syntax by the shell itself only where it exists; their
 * text is pinned by the golden cases test/golden/cli/completion-*.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCapturedCli } from './run-captured.js';

const has = (shell: string): boolean => spawnSync(shell, ['-c', 'exit 0']).status === 0;

async function script(shell: string): Promise<string> {
  const { code, stdout } = await runCapturedCli(['completion', shell], tmpdir());
  expect(code).toBe(0);
  return stdout;
}

/** The words bash would offer after `words` (the last one being the word under the cursor). */
function bashComplete(dir: string, words: string[]): string[] {
  const quoted = words.map((w) => `'${w}'`).join(' ');
  const run = `source ./completion.bash; COMP_WORDS=(${quoted}); COMP_CWORD=${words.length - 1}; _jixiao; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const result = spawnSync('bash', ['-c', run], { cwd: dir, encoding: 'utf8' });
  expect(result.stderr).toBe('');
  return result.stdout
    .split('\n')
    .filter((l) => l !== '')
    .sort();
}

describe.skipIf(!has('bash'))('bash completion, sourced in bash', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-completion-'));
  mkdirSync(join(dir, 'rules'));
  for (const f of ['project.ind', 'policy.ind', 'ir.json', 'data.yaml', 'notes.txt']) writeFileSync(join(dir, f), '');

  it('completes commands, options, option values and files by extension', async () => {
    writeFileSync(join(dir, 'completion.bash'), await script('bash'));
    expect(bashComplete(dir, ['jixiao', 'ex'])).toEqual(['explain']);
    expect(bashComplete(dir, ['jixiao', 'co'])).toEqual(['compile', 'completion']);
    expect(bashComplete(dir, ['jixiao', 'serve', '--no'])).toEqual(['--no-watch']);
    expect(bashComplete(dir, ['jixiao', 'eval', '--trace', ''])).toEqual(['full', 'none', 'summary']);
    expect(bashComplete(dir, ['jixiao', 'eval', '--trace', '=', 's'])).toEqual(['summary']);
    expect(bashComplete(dir, ['jixiao', 'eval', '--rules', ''])).toEqual(['ir.json', 'policy.ind', 'project.ind', 'rules']);
    expect(bashComplete(dir, ['jixiao', 'eval', '--policy', 'p'])).toEqual(['policy.ind', 'project.ind']);
    expect(bashComplete(dir, ['jixiao', '--lang', 'zh', 'check', ''])).toEqual(['policy.ind', 'project.ind', 'rules']);
    expect(bashComplete(dir, ['jixiao', 'completion', ''])).toEqual(['bash', 'fish', 'zsh']);
  });
});

describe('zsh and fish scripts, where the shell is installed', () => {
  it.skipIf(!has('zsh'))('zsh parses its script', async () => {
    const result = spawnSync('zsh', ['-n'], { input: await script('zsh'), encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it.skipIf(!has('fish'))('fish parses its script', async () => {
    const result = spawnSync('fish', ['--no-execute'], { input: await script('fish'), encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
