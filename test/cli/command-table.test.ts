/**
 * The command table is the one declaration of commands and options: the dispatcher loads
 * exactly the commands it lists, every option it lists for `serve` is one the service itself
 * accepts (serve parses its argv again in src/service), every help text fits 100 columns in
 * both languages, `jixiao help X` is `jixiao X --help`, README's command list names every
 * command, and `--version` is package.json's.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/commands/index.js';
import type { OptionTable } from '../../src/common/command-spec.js';
import { COMMAND_SPECS, SERVE } from '../../src/cli/command-table.js';
import { displayWidth } from '../../src/compile/code-frame.js';
import { parseServeArgs } from '../../src/service/index.js';
import { runCapturedCli } from './run-captured.js';

const cwd = mkdtempSync(join(tmpdir(), 'jixiao-table-'));

describe('the command table', () => {
  it('lists exactly the commands the dispatcher loads (help is main’s own)', () => {
    expect(Object.keys(commands).sort()).toEqual(
      COMMAND_SPECS.map((c) => c.name)
        .filter((n) => n !== 'help')
        .sort(),
    );
  });

  it('lists for serve only options the service accepts', () => {
    const options: OptionTable = SERVE.options;
    for (const [name, option] of Object.entries(options)) {
      const value = option.choices?.[0] ?? (name.includes('size') || name === 'max-body' ? '1mb' : name === 'rules' ? cwd : '1');
      const argv = ['--rules', cwd, ...(option.type === 'boolean' ? [`--${name}`] : [`--${name}`, value])];
      if (name.startsWith('decision-log-')) argv.push('--decision-log', join(cwd, 'log.ndjson'));
      expect(() => parseServeArgs(argv, {}), `--${name}`).not.toThrow();
    }
  });

  it('gives every command a help that fits 100 columns, the same by `help X`, in both languages', async () => {
    for (const lang of ['zh', 'en']) {
      for (const spec of COMMAND_SPECS) {
        const byFlag = await runCapturedCli([spec.name, '--help', '--lang', lang], cwd);
        expect(byFlag.code, spec.name).toBe(0);
        expect(byFlag.stdout).toContain(`jixiao ${spec.name} — `);
        for (const line of byFlag.stdout.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(100);
        if (spec.name !== 'help') expect((await runCapturedCli(['help', spec.name, '--lang', lang], cwd)).stdout).toBe(byFlag.stdout);
      }
      const global = await runCapturedCli(['--help', '--lang', lang], cwd);
      for (const spec of COMMAND_SPECS) expect(global.stdout).toMatch(new RegExp(`^  ${spec.name} `, 'm'));
    }
  });

  it('has every command in README’s command list', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const list = readme.slice(readme.indexOf('## Commands'), readme.indexOf('\n## ', readme.indexOf('## Commands') + 1));
    for (const spec of COMMAND_SPECS) if (spec.name !== 'help') expect(list, spec.name).toContain(`jixiao ${spec.name} `);
  });

  it('prints the version of package.json', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect((await runCapturedCli(['--version'], cwd)).stdout).toBe(`${version}\n`);
  });
});
