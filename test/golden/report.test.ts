/**
 * Golden suite of the reports: each `test/golden/report/<case>/` holds `input.json` and exactly
 * one expected file, `expected.md` or `expected.html` (its extension picks the renderer). The
 * input names either a fixture of test/report/fixtures.ts (`"fixture": "batch"` for the summary
 * of the whole batch, `"batch#2"` for one project of it) or files in the case folder
 * (`"result": "result.json", "ir": "ir.json", "info": "info.json"`), plus `lang` and optional
 * `generatedAt`. `npm run test:update` rewrites the expected files; review the diff.
 */
import { describe, it } from 'vitest';
import type { RuleSetIR } from '../../src/compile/ir.js';
import type { EvaluationResult } from '../../src/engine/result.js';
import type { Lang } from '../../src/report/i18n/index.js';
import type { ProjectInfo } from '../../src/report/input.js';
import { renderProjectHtml, renderProjectMarkdown } from '../../src/report/project.js';
import { renderSummaryHtml, renderSummaryMarkdown } from '../../src/report/summary-report.js';
import { batch, educationIr } from '../report/fixtures.js';
import { expectGolden, goldenCases, readCaseFile, type GoldenCase } from './golden.js';

interface CaseInput {
  lang: Lang;
  fixture?: string;
  result?: string;
  ir?: string;
  info?: string;
  generatedAt?: string;
}

/** Known failures, each with its reason. Empty: every case must pass. */
const SKIP: Record<string, string> = {};

type Job =
  | { kind: 'project'; result: EvaluationResult; ir: RuleSetIR; info?: ProjectInfo }
  | { kind: 'summary'; items: ReturnType<typeof batch>; ir: RuleSetIR };

function job(c: GoldenCase, input: CaseInput): Job {
  if (input.fixture) {
    const ir = educationIr();
    const items = batch(ir);
    const [name, index] = input.fixture.split('#');
    if (name !== 'batch') throw new Error(`${c.name}: unknown fixture ${name}`);
    if (index === undefined) return { kind: 'summary', items, ir };
    const item = items[Number(index)];
    if (!item) throw new Error(`${c.name}: no item ${index} in batch`);
    return { kind: 'project', result: item.result, ir, info: item.info };
  }
  if (!input.result || !input.ir) throw new Error(`${c.name}: input.json needs a fixture or result + ir files`);
  const read = <T>(file: string): T => JSON.parse(readCaseFile(c, file)) as T;
  const out: Job = { kind: 'project', result: read<EvaluationResult>(input.result), ir: read<RuleSetIR>(input.ir) };
  if (input.info) out.info = read<ProjectInfo>(input.info);
  return out;
}

function render(j: Job, lang: Lang, format: 'md' | 'html', generatedAt: string | undefined): string {
  const options = generatedAt ? { generatedAt } : {};
  if (j.kind === 'summary') {
    return format === 'md' ? renderSummaryMarkdown(j.items, [j.ir], lang, options) : renderSummaryHtml(j.items, [j.ir], lang, options);
  }
  return format === 'md'
    ? renderProjectMarkdown(j.result, j.ir, lang, j.info, options)
    : renderProjectHtml(j.result, j.ir, lang, j.info, options);
}

describe('golden: report', () => {
  const cases = goldenCases('report');
  it('has cases', () => {
    if (cases.length === 0) throw new Error('no cases under test/golden/report');
  });
  for (const c of cases) {
    const expected = c.files.filter((f) => f.startsWith('expected.'));
    const skip = SKIP[c.name];
    (skip ? it.skip : it)(c.name, () => {
      if (expected.length !== 1) throw new Error(`${c.name}: needs exactly one expected.* file, found ${expected.length}`);
      const file = expected[0]!;
      const format = file.endsWith('.html') ? 'html' : 'md';
      const input = JSON.parse(readCaseFile(c, 'input.json')) as CaseInput;
      expectGolden(c, file, render(job(c, input), input.lang, format, input.generatedAt));
    });
  }
});
