/**
 * The usage errors of `jixiao sample` and `jixiao allocate` follow `--lang` like every other
 * sentence the CLI prints (issue 13: they stayed English under `--lang zh`); exit code 2.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCapturedCli } from './run-captured.js';

const cases: [string[], string, string][] = [
  [['sample', '--seed', '1', 'x'], '需要 --rules', '--rules <sample.yaml> is required'],
  [['sample', '--rules', 's.yaml', '--seed', 'x', 'd'], '--seed 必须是', '--seed must be a whole number'],
  [['sample', '--rules', 's.yaml', '--seed', '1'], '请给出要抽查的数据文件', 'give the data files'],
  [['sample', '--rules', 's.yaml', '--seed', '1', '--threshold', 'abc', 'd'], '不是金额', 'is not an amount'],
  [['sample', '--rules', 's.yaml', '--seed', '1', '--share', '150%', 'd'], '不是 0% 到 100%', 'is not a percentage'],
  [['allocate', '--pool', '1万'], '需要 --pool', 'are required'],
  [['allocate', '--pool', '1万', '--factors', 'f.yaml'], '请给出受分配对象', 'give the result or data files'],
  [['allocate', '--pool=1.234元', '--factors', 'f.yaml', 'r'], '精确到分', 'to the cent'],
];

const cwd = mkdtempSync(join(tmpdir(), 'jixiao-usage-'));

describe('sample and allocate usage errors in both languages', () => {
  for (const [args, zh, en] of cases) {
    it(args.join(' '), async () => {
      const z = await runCapturedCli([...args, '--lang', 'zh'], cwd);
      expect(z.code).toBe(2);
      expect(z.stderr).toContain(zh);
      const e = await runCapturedCli([...args, '--lang', 'en'], cwd);
      expect(e.code).toBe(2);
      expect(e.stderr).toContain(en);
    });
  }
});
