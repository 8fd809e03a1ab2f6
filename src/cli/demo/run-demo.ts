/**
 * The demo city, end to end: check the shipped indicator library, then run every data set listed
 * in examples/demo-city/index.yaml through its rule set and policy files (ex-ante review,
 * monitoring, year-end evaluation, departments, towns), and write what a finance bureau would
 * get: per-record results, per-project disclosure reports, a summary report and a workbook per
 * rule set. Returns the numbers the command prints; everything here is library calls.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { compile } from '../../compile/compile.js';
import type { RuleSetIR } from '../../compile/ir.js';
import type { Diagnostic } from '../../common/diagnostic.js';
import { readRecords } from '../../data/index.js';
import { rejectedResult, serializeResult } from '../../engine/index.js';
import type { EvaluationResult } from '../../engine/result.js';
import { createAssessor } from '../../pipeline/assess.js';
import {
  infoFromRecord,
  renderProjectHtml,
  renderProjectMarkdown,
  renderSummaryHtml,
  renderSummaryMarkdown,
  summarize,
  writeResultsXlsx,
  type BatchSummary,
  type ReportItem,
} from '../../report/index.js';
import { checkIndicatorFiles } from '../diagnostics.js';
import { collectFiles, writeFileAtomic } from '../files.js';
import type { Lang } from '../messages.js';

export interface DemoDataSet {
  data: string;
  rules: string;
  framework: string;
  policy: string[];
  records: number;
}

export interface DemoRun {
  library: { files: number; diagnostics: Diagnostic[] };
  sets: { set: DemoDataSet; ir?: RuleSetIR; items: ReportItem[]; diagnostics: Diagnostic[] }[];
  summary: BatchSummary;
  outDir: string;
  written: number;
}

export interface DemoOptions {
  root: string;
  outDir: string;
  lang: Lang;
  onRecord?: () => void;
}

export function readDemoIndex(root: string): { city: string; datasets: DemoDataSet[] } {
  const text = readFileSync(join(root, 'examples/demo-city/index.yaml'), 'utf8');
  return parseYaml(text) as { city: string; datasets: DemoDataSet[] };
}

export function checkLibrary(root: string, lang: Lang): { files: number; diagnostics: Diagnostic[] } {
  const { files } = collectFiles([join(root, 'rules')], root, (name) => name.endsWith('.ind'));
  return { files: files.length, diagnostics: checkIndicatorFiles(files, lang) };
}

export async function runDemo(options: DemoOptions): Promise<DemoRun> {
  const { root, outDir, lang } = options;
  const library = checkLibrary(root, lang);
  const index = readDemoIndex(root);
  const sets: DemoRun['sets'] = [];
  let written = 0;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileAtomic(path, text);
    written++;
  };

  for (const set of index.datasets) {
    const entries = [set.rules, ...set.policy].map((p) => resolve(root, p));
    const { ir, diagnostics } = compile(entries, { framework: set.framework });
    const items: ReportItem[] = [];
    sets.push({ set, ...(ir ? { ir } : {}), items, diagnostics });
    if (!ir) continue;
    const assessor = createAssessor(ir, { lang });
    const resultLines: string[] = [];
    const dataPath = resolve(root, set.data);
    const name = relative(join(root, 'examples/demo-city'), dataPath).replace(/\.(ya?ml|json|ndjson)$/, '');
    for await (const entry of readRecords([dataPath], { lang })) {
      const fallbackId = `${basename(set.data)}#${entry.index}`;
      const result: EvaluationResult = entry.error
        ? rejectedResult(ir, fallbackId, [entry.error])
        : assessor.assess(entry.record, { fallbackId });
      const info = infoFromRecord(entry.record);
      items.push({ result, info });
      resultLines.push(serializeResult(result, { indent: 0 }));
      if (result.status === 'ok') {
        write(join(outDir, 'reports', name, `${result.id}.md`), renderProjectMarkdown(result, ir, lang, info));
        write(join(outDir, 'reports', name, `${result.id}.html`), renderProjectHtml(result, ir, lang, info));
      }
      options.onRecord?.();
    }
    write(join(outDir, 'results', `${name}.ndjson`), resultLines.join('\n') + '\n');
    const workbook = join(outDir, 'workbooks', `${name}.xlsx`);
    mkdirSync(dirname(workbook), { recursive: true });
    await writeResultsXlsx(items, ir, workbook, lang);
    written++;
  }

  const allItems = sets.flatMap((s) => s.items);
  const irs = sets.flatMap((s) => (s.ir ? [s.ir] : []));
  write(join(outDir, 'summary.md'), renderSummaryMarkdown(allItems, irs, lang));
  write(join(outDir, 'summary.html'), renderSummaryHtml(allItems, irs, lang));
  return { library, sets, summary: summarize(allItems, irs), outDir, written };
}
