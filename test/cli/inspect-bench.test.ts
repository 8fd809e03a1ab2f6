/**
 * `jixiao inspect` and `jixiao bench` as users read them. inspect's hash is the one `jixiao
 * compile` writes into the IR for the same files (so a decision can be traced to its files),
 * and a saved IR inspects the same as its sources. bench is checked without timing anything:
 * the table's shape from a real run (numbers masked), and its arithmetic from a fake clock.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatBench, runBench } from '../../src/cli/bench.js';
import { compile } from '../../src/compile/compile.js';
import { runCapturedCli } from './run-captured.js';

const cwd = join(import.meta.dirname, '../golden/cli/explain-en');
const files = ['rules/common/project.ind', 'rules/policy/result-application.ind'].map((f) => join(cwd, f));

describe('inspect', () => {
  it('prints the hash compile writes, for the same files', async () => {
    const compiled = await runCapturedCli(['compile', 'rules/common/project.ind', 'rules/policy/result-application.ind'], cwd);
    const hash = (JSON.parse(compiled.stdout) as { hash: string }).hash;
    const inspected = await runCapturedCli(['inspect', 'rules/common/project.ind', '--policy', 'rules/policy/result-application.ind', '--format', 'json'], cwd);
    expect(inspected.code).toBe(0);
    const info = JSON.parse(inspected.stdout) as { hash: string; params: { name: string; referencedBy: string[] }[] };
    expect(info.hash).toBe(hash);
    expect(info.params.find((p) => p.name === '执行率收回线')?.referencedBy).toEqual(['rule 结果应用/执行偏慢收回']);
  });
});

describe('bench', () => {
  it('prints one row per trace level with records/s and µs/record', async () => {
    const { code, stdout } = await runCapturedCli(['bench', 'rules/common/project.ind', 'record.yaml', '--trace', 'none', '--lang', 'en'], cwd);
    expect(code).toBe(0);
    const masked = stdout.replace(/sha256:[0-9a-f]+/, 'HASH').replace(/\d[\d,.]*/g, 'N');
    const lines = masked.split('\n');
    expect(lines[0]).toBe('项目支出 N (HASH): N record(s), N timed passes per level');
    expect(lines.slice(3, 5).map((l) => l.split(/\s+/))).toEqual([
      ['trace', 'records/s', 'µs/record'],
      ['none', 'N', 'N'],
    ]);
    expect(lines.slice(5)).toEqual(['']);
  });

  it('computes records/s and µs/record from the clock, at every level', () => {
    const { ir } = compile(files, { lang: 'en' });
    let clock = 0;
    // each reading of the clock advances it 40 ms: one timed span of 40 ms per level
    const rows = runBench(ir!, [{ record: { id: 'a' }, fallbackId: 'x#1' }], {
      levels: ['none', 'summary', 'full'],
      rounds: 4,
      lang: 'en',
      now: () => (clock += 40),
      warmUpRecords: 1,
      timedRecords: 1,
    });
    expect(rows.map((r) => [r.trace, r.records, r.rounds, r.elapsedMs])).toEqual([
      ['none', 1, 4, 40],
      ['summary', 1, 4, 40],
      ['full', 1, 4, 40],
    ]);
    const text = formatBench(ir!, rows, 'zh');
    // 4 records in 40 ms: 100 records/s, 10,000 µs each
    expect(text.split('\n').slice(3, 7)).toEqual([
      '计算过程  记录/秒  微秒/记录',
      'none          100    10000.0',
      'summary       100    10000.0',
      'full          100    10000.0',
    ]);
  });
});
