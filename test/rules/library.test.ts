/**
 * The shipped indicator library (rules/**) as users get it: every `*.test.yaml` case passes with
 * the recommendation stage (the same run as `jixiao test rules/`), every `.ind` file compiles on
 * its own without a single diagnostic, and `jixiao fmt` would leave every file unchanged — so
 * the files staff copy as models are clean, canonical and their examples true.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile/compile.js';
import type { RuleSetIR } from '../../src/compile/ir.js';
import { formatSource } from '../../src/fmt/format.js';
import { createRecommender, type Recommender } from '../../src/recommend/index.js';
import { runTestFiles } from '../../src/testing/index.js';

const ROOT = fileURLToPath(new URL('../../rules', import.meta.url));

function walk(dir: string, ext: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? walk(p, ext) : n.endsWith(ext) ? [p] : [];
    });
}

const IND_FILES = walk(ROOT, '.ind');

describe('shipped rule library', () => {
  it('has indicator files and test files in every folder', () => {
    expect(IND_FILES.length).toBeGreaterThanOrEqual(14);
    for (const sub of ['common', 'sectors', 'policy']) expect(walk(join(ROOT, sub), '.test.yaml').length).toBeGreaterThan(0);
  });

  it('passes every test case with recommendations', async () => {
    const recommenders = new WeakMap<RuleSetIR, Recommender>();
    const report = await runTestFiles([ROOT], {
      recommend: (ir, result, record, context) => {
        let r = recommenders.get(ir);
        if (!r) recommenders.set(ir, (r = createRecommender(ir)));
        return r.recommend(result, record, context);
      },
    });
    const bad = report.files.flatMap((f) =>
      [...(f.message ? [`${relative(ROOT, f.file)}: ${f.message}`] : [])].concat(
        f.cases
          .filter((c) => c.status !== 'pass')
          .map((c) => `${relative(ROOT, f.file)} › ${c.name}: ${c.status} ${JSON.stringify(c.diffs)} ${c.message ?? ''}`),
      ),
    );
    expect(bad).toEqual([]);
    expect(report.failed + report.errors).toBe(0);
    expect(report.passed).toBeGreaterThanOrEqual(70);
  });

  it.each(IND_FILES.map((f) => [relative(ROOT, f), f]))('%s compiles without diagnostics', (_name, file) => {
    const { ir, diagnostics } = compile([file]);
    expect(diagnostics).toEqual([]);
    // Policy files hold only rule blocks: they compile clean but yield no framework of their own.
    if (!file.includes('/policy/')) expect(ir).toBeDefined();
  });

  it.each(IND_FILES.map((f) => [relative(ROOT, f), f]))('%s is already formatted', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const out = formatSource(text, file);
    expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(out.text).toBe(text);
  });
});
