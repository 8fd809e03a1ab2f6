/**
 * Golden suite of special-fund allocation (因素法): each `test/golden/allocate/<case>/` holds
 * `input.json` (an `AllocationInput`) and `expected.json` (the allocation with diagnostics reduced
 * to code and severity). Every case that allocates must sum exactly to its pool.
 * Cases with an `args` file instead run `jixiao allocate` in-process (one argument per line, in
 * the case folder) and store exit code, stdout and stderr in `expected.txt`.
 */
import { describe, expect, it } from 'vitest';
import { allocate, type AllocationInput } from '../../src/recommend/index.js';
import { Dec } from '../../src/recommend/decimal.js';
import { expectGolden, goldenCases, goldenJson, readCaseFile } from './golden.js';
import { runCapturedCli } from '../cli/run-captured.js';

describe('golden: allocate', () => {
  for (const c of goldenCases('allocate')) {
    if (c.files.includes('args')) {
      it(c.name, async () => {
        const args = readCaseFile(c, 'args').split('\n').map((a) => a.trim()).filter((a) => a.length > 0);
        const { code, stdout, stderr } = await runCapturedCli(args, c.dir);
        if (code === 0) {
          const out = JSON.parse(stdout) as { pool: string; shares: { amount: string }[] };
          expect(out.shares.reduce((a, s) => a.plus(s.amount), new Dec(0)).toFixed(2)).toBe(out.pool);
        }
        expectGolden(c, 'expected.txt', `exit ${code}\n--- stdout\n${stdout}--- stderr\n${stderr}`);
      });
      continue;
    }
    it(c.name, () => {
      const input = JSON.parse(readCaseFile(c, 'input.json')) as AllocationInput;
      const result = allocate(input);
      if (result.diagnostics.length === 0) {
        expect(result.shares.reduce((a, s) => a.plus(s.amount), new Dec(0)).toFixed(2)).toBe(result.pool);
      }
      const diagnostics = result.diagnostics.map((d) => ({ code: d.code, severity: d.severity }));
      expectGolden(c, 'expected.json', goldenJson({ ...result, diagnostics }));
    });
  }
});
