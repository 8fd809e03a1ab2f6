/**
 * Golden suite of the checker: each folder under test/golden/check/ holds `main.ind` (plus any
 * files it imports) and exactly one of `diagnostics.json` — every diagnostic as {code, severity,
 * file, line, column, endLine, endColumn}, sorted — or `ir.json`, the selected IR of a file that
 * must compile without any diagnostic (and whose IR must pass the IR's JSON Schema and hash
 * check). A new case without an expected file gets one on `npm run test:update`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile/compile.js';
import { joinImport } from '../../src/compile/load.js';
import { loadIR } from '../../src/compile/load-ir.js';
import { UPDATING, expectGolden, goldenCases, goldenJson } from './golden.js';

const cases = goldenCases('check');

describe('golden: check', () => {
  it('has the promised number of cases', () => {
    const broken = cases.filter((c) => c.files.includes('diagnostics.json')).length;
    const valid = cases.filter((c) => c.files.includes('ir.json')).length;
    if (!UPDATING) {
      expect(broken).toBeGreaterThanOrEqual(40);
      expect(valid).toBeGreaterThanOrEqual(15);
    }
  });

  for (const c of cases) {
    it(c.name, () => {
      const host = {
        readFile: (p: string) => (existsSync(join(c.dir, p)) ? readFileSync(join(c.dir, p), 'utf8') : undefined),
        resolve: joinImport,
      };
      const result = compile(['main.ind'], { fs: host });
      const diagnostics = result.diagnostics.map((d) => ({
        code: d.code,
        severity: d.severity,
        file: d.file,
        line: d.range.start.line,
        column: d.range.start.column,
        endLine: d.range.end.line,
        endColumn: d.range.end.column,
      }));
      const wantsIr = c.files.includes('ir.json') || (!c.files.includes('diagnostics.json') && result.diagnostics.length === 0);
      if (wantsIr) {
        expect(diagnostics, 'a valid case compiles without diagnostics').toEqual([]);
        expect(result.ir).toBeDefined();
        const loaded = loadIR(JSON.parse(JSON.stringify(result.ir)));
        expect(loaded.diagnostics).toEqual([]);
        expectGolden(c, 'ir.json', goldenJson(result.ir));
      } else {
        expectGolden(c, 'diagnostics.json', goldenJson(diagnostics));
      }
    });
  }
});
