/**
 * `jixiao serve` as users run it: argument parsing and usage errors (exit 2), and a real child
 * process started with the shipped rules that serves on 127.0.0.1, evaluates, and on SIGTERM
 * drains, flushes its decision log and exits 0; the logged decision replays from the record.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { RuleSetIR } from '../../src/compile/ir.js';
import { replayDecision } from '../../src/service/decision-log.js';
import { prepareRuleSet } from '../../src/service/real-toolchain.js';
import { parseServeArgs, parseSize, serveCommand } from '../../src/service/serve-command.js';
import { fakeToolchain } from './fake-toolchain.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RULES = join(ROOT, 'rules');

describe('serve arguments', () => {
  it('reads every option', () => {
    const o = parseServeArgs(
      [
        '--rules',
        RULES,
        '--port',
        '0',
        '--host',
        '127.0.0.1',
        '--token',
        't',
        '--decision-log',
        'd.ndjson',
        '--max-body',
        '2mb',
        '--max-records',
        '50',
        '--timeout-ms',
        '1500',
        '--no-watch',
      ],
      {},
    );
    expect(o).toMatchObject({
      rulesDir: RULES,
      port: 0,
      host: '127.0.0.1',
      token: 't',
      decisionLog: 'd.ndjson',
      maxBodyBytes: 2 * 1024 * 1024,
      maxRecords: 50,
      timeoutMs: 1500,
      watch: false,
    });
    expect(parseServeArgs(['--rules', RULES], { JIXIAO_TOKEN: 'env' }).token).toBe('env');
    expect(parseServeArgs(['--rules', RULES], {})).toMatchObject({ port: 8080, host: '127.0.0.1', watch: true });
  });

  it('sizes', () => {
    expect([parseSize('512kb'), parseSize('10MB'), parseSize('100'), parseSize('1.5k')]).toEqual([524288, 10485760, 100, 1536]);
    expect(() => parseSize('lots')).toThrow();
  });

  it('usage errors exit 2 with the usage text on stderr', async () => {
    for (const argv of [
      [],
      ['--rules', join(RULES, 'nope')],
      ['--rules', RULES, '--port', 'x'],
      ['--rules', RULES, '--bogus'],
      ['--rules', RULES, '--max-records', '0'],
    ]) {
      let err = '';
      const code = await serveCommand(argv, { stderr: (t) => (err += t), stdout: () => undefined, toolchain: fakeToolchain() });
      expect([argv.join(' '), code]).toEqual([argv.join(' '), 2]);
      expect(err).toContain('Usage: jixiao serve');
    }
  });

  it('--help prints usage and exits 0', async () => {
    let out = '';
    expect(await serveCommand(['--help'], { stdout: (t) => (out += t) })).toBe(0);
    expect(out).toContain('--decision-log');
  });
});

describe('serve process', () => {
  it('serves, then drains on SIGTERM, flushes the decision log and exits 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-serve-'));
    const log = join(dir, 'decisions.ndjson');
    const script = `import { serveCommand } from ${JSON.stringify(join(ROOT, 'src/service/serve-command.ts'))};
process.exitCode = await serveCommand(process.argv.slice(1));`;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script, '--', '--rules', RULES, '--port', '0', '--decision-log', log, '--no-watch'],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    try {
      // Bounded wait for the listening line.
      let url: string | undefined;
      for (let i = 0; i < 1200 && url === undefined; i++) {
        await new Promise((r) => setTimeout(r, 50));
        url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      }
      expect(url).toBeDefined();
      const record = (parseYaml(readFileSync(join(RULES, 'common/project.test.yaml'), 'utf8')) as { cases: { data: unknown }[] }).cases[0]!.data;
      const res = await fetch(`${url}/rulesets/${encodeURIComponent('项目支出')}/evaluate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(record),
      });
      const body = (await res.json()) as { decisionId: string };
      expect(res.status).toBe(200);
      const ir = (await (await fetch(`${url}/rulesets/${encodeURIComponent('项目支出')}`)).json()) as RuleSetIR;
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(out).toContain('stopped');
      const lines = readFileSync(log, 'utf8').trim().split('\n');
      expect(lines.map((l) => (JSON.parse(l) as { decisionId: string }).decisionId)).toEqual([body.decisionId]);
      // Replay: the logged decision is reproduced from the record and the IR served at that hash.
      const replay = await replayDecision(lines[0]!, record as Record<string, unknown>, prepareRuleSet(ir));
      expect(replay).toMatchObject({ reproduced: true, inputMatches: true, rulesetMatches: true });
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000); // a cold start compiles every shipped rule file under tsx, slow on a busy machine
});
