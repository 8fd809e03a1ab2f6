/**
 * Golden suite for the command line: each case folder holds `args` (one argument per line), the
 * files the command reads, and `expected.txt` — the exit code, stdout and stderr exactly as a
 * user sees them. The CLI runs in-process with the case folder as its working directory.
 */
import { describe, it } from 'vitest';
import { goldenCases, readCaseFile, expectGolden } from './golden.js';
import { runCapturedCli } from '../cli/run-captured.js';

describe('cli golden cases', () => {
  for (const c of goldenCases('cli')) {
    it(c.name, async () => {
      const args = readCaseFile(c, 'args').split('\n').map((a) => a.trim()).filter((a) => a.length > 0);
      const { code, stdout, stderr } = await runCapturedCli(args, c.dir);
      expectGolden(c, 'expected.txt', `exit ${code}\n--- stdout\n${stdout}--- stderr\n${stderr}`);
    });
  }
});
