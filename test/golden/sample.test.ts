/**
 * Golden suite of `jixiao sample`: each `test/golden/sample/<case>/` holds `args` (one argument
 * per line, the command name first), the files it reads, and `expected.txt` — exit code, stdout
 * and stderr. Cases with the same data and different seeds must pick different random projects
 * while the threshold and high-risk picks stay the same; a run repeated gives identical output.
 */
import { describe, expect, it } from 'vitest';
import { runCapturedCli } from '../cli/run-captured.js';
import { expectGolden, goldenCases, readCaseFile } from './golden.js';

const argsOf = (c: { dir: string }): string[] =>
  readCaseFile(c as never, 'args')
    .split('\n')
    .map((a) => a.trim())
    .filter((a) => a.length > 0);

describe('golden: sample', () => {
  for (const c of goldenCases('sample')) {
    it(c.name, async () => {
      const { code, stdout, stderr } = await runCapturedCli(argsOf(c), c.dir);
      expectGolden(c, 'expected.txt', `exit ${code}\n--- stdout\n${stdout}--- stderr\n${stderr}`);
      const again = await runCapturedCli(argsOf(c), c.dir);
      expect(again.stdout).toBe(stdout);
    });
  }

  it('different seeds keep the rule-based picks and change only the random ones', async () => {
    const [one, two] = ['demo-seed-1', 'demo-seed-2'].map((n) => goldenCases('sample').find((c) => c.name === n)!);
    const picks = async (c: NonNullable<typeof one>) => {
      const out = JSON.parse((await runCapturedCli(argsOf(c), c.dir)).stdout) as { picked: { id: string; reasons: { kind: string }[] }[] };
      const by = (k: string) => out.picked.filter((p) => p.reasons.some((r) => r.kind === k)).map((p) => p.id);
      return { fixed: [...by('threshold'), ...by('high_risk')].sort(), random: by('random') };
    };
    const a = await picks(one!);
    const b = await picks(two!);
    expect(a.fixed).toEqual(b.fixed);
    expect(a.random.length).toBe(b.random.length);
    expect(a.random).not.toEqual(b.random);
  });
});
