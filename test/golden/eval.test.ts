/**
 * The golden evaluation suite: each `test/golden/eval/<case>/` holds `rules.ind` (one
 * framework), `data.yaml` (one or more records) and `expected.json`, the serialised results of
 * every record in order (data is read by a path relative to the repository root, so fallback ids
 * are the same on every machine). The case compiles the rules with the real compiler, reads the data with
 * `readRecords`, scores with `evaluateMany` and compares the text byte for byte
 * (`npm run test:update` rewrites the expected files; review them before committing).
 */
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile/compile.js';
import { readRecords } from '../../src/data/index.js';
import { evaluateMany, serializeResult } from '../../src/engine/index.js';
import { expectGolden, goldenCases } from './golden.js';

/** Cases that cannot pass yet, each with its reason. Empty means every case runs. */
const SKIP: Record<string, string> = {};

const cases = goldenCases('eval');

describe('golden evaluation suite', () => {
  it('has at least 30 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });
  for (const c of cases) {
    it.skipIf(c.name in SKIP)(c.name, async () => {
      const compiled = compile([join(c.dir, 'rules.ind')]);
      const errors = compiled.diagnostics.filter((d) => d.severity === 'error');
      expect(errors.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.column} ${d.message}`)).toEqual([]);
      const ir = compiled.ir!;
      const parts: string[] = [];
      for await (const r of evaluateMany(ir, readRecords([relative(process.cwd(), join(c.dir, 'data.yaml'))], { lang: 'en' }), { lang: 'en' })) {
        // The rule-set hash is the compiler's business and changes with any IR detail; golden
        // files pin the engine's output, so the hash is masked.
        parts.push(serializeResult(r).replace(/"hash": "sha256:[0-9a-f]+"/, '"hash": "sha256:…"').replace(/^/gm, '  '));
      }
      expectGolden(c, 'expected.json', `[\n${parts.join(',\n')}\n]\n`);
    });
  }
});
