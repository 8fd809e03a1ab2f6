/**
 * Golden suite of `jixiao fmt`: each `test/golden/fmt/<case>/input.ind` is formatted and compared
 * with `expected.ind`, or — for a file with syntax errors — its diagnostics (codes and ranges) with
 * `diagnostics.json`. Every expected layout must also be a fixed point (formatting it again
 * changes nothing), so a golden file can never record a layout fmt would not keep.
 */
import { describe, expect, it } from 'vitest';
import { formatSource } from '../../src/fmt/format.js';
import { expectGolden, goldenCases, goldenJson, readCaseFile } from './golden.js';

const cases = goldenCases('fmt');

describe('golden: fmt', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
  });

  for (const c of cases) {
    it(c.name, () => {
      const expectedFiles = c.files.filter((f) => f.startsWith('expected.') || f.startsWith('diagnostics.'));
      expect(expectedFiles.length, 'exactly one expected file').toBeLessThanOrEqual(1);
      const result = formatSource(readCaseFile(c, 'input.ind'), 'input.ind');
      if (result.text === undefined) {
        expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
        const shown = result.diagnostics.map((d) => ({ code: d.code, severity: d.severity, range: d.range }));
        expectGolden(c, 'diagnostics.json', goldenJson(shown));
        return;
      }
      expectGolden(c, 'expected.ind', result.text);
      const again = formatSource(result.text, 'expected.ind');
      expect(again.text).toBe(result.text);
      expect(again.changed).toBe(false);
    });
  }
});
