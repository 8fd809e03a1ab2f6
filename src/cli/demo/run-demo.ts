/**
 * The demo city, end to end: check the shipped indicator library, then run every data set listed
 * in examples/demo-city/index.yaml through its rule set and policy files (ex-ante review,
 * monitoring, year-end evaluation, departments, towns), and write what a finance bureau would
 * get: per-record results, per-project disclosure reports, a summary report and a workbook per
 * rule set. The ex-post stage is assessed with last year's results and rectification as its
 * recommendation context, and the scored stages then go round the rest of the loop (loop.ts:
 * monitoring carried forward, re-check sample, self-evaluation re-check, roll-ups, special-fund
 * allocation), written as JSON under loop/ and as sections of the summary. Returns the numbers
 * the command prints; everything here is library calls.
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
  type BatchSummary,
  type ReportItem,
} from '../../report/index.js';
import { writeResultsXlsx } from '../../report/xlsx.js';
import { checkIndicatorFiles } from '../diagnostics.js';
import { loopSections } from './loop-summary.js';
import { readLoopContext, runLoop, type DemoLoop, type DemoLoopIndex, type StageScores } from './loop.js';
import { collectFiles, writeFileAtomic } from '../files.js';
import type { Lang } from '../messages.js';

export interface DemoDataSet {
  data: string;
  /** town, department, ex-ante, monitoring or ex-post: how the loop joins the sets. */
  stage?: string;
  rules: string;
  framework: string;
  policy: string[];
  records: number;
}

export interface DemoRun {
  library: { files: number; diagnostics: Diagnostic[] };
  sets: { set: DemoDataSet; ir?: RuleSetIR; items: ReportItem[]; diagnostics: Diagnostic[] }[];
  summary: BatchSummary;
  /** Scored records by stage (town, department, ex-ante, monitoring, ex-post): what the loop joins. */
  stages: Map<string, StageScores>;
  /** The loop beyond scoring; absent when index.yaml has no `loop:` block. */
  loop?: DemoLoop;
  outDir: string;
  written: number;
}

export interface DemoOptions {
  root: string;
  outDir: string;
  lang: Lang;
  /** Language of the written reports and summary (default `lang`). */
  docLang?: Lang;
  onRecord?: () => void;
}

export interface DemoIndex {
  city: string;
  datasets: DemoDataSet[];
  loop?: DemoLoopIndex;
}

export function readDemoIndex(root: string): DemoIndex {
  const text = readFileSync(join(root, 'examples/demo-city/index.yaml'), 'utf8');
  return parseYaml(text) as DemoIndex;
}

export function checkLibrary(root: string, lang: Lang): { files: number; diagnostics: Diagnostic[] } {
  const { files } = collectFiles([join(root, 'rules')], root, (name) => name.endsWith('.ind'));
  return { files: files.length, diagnostics: checkIndicatorFiles(files, lang) };
}

export async function runDemo(options: DemoOptions): Promise<DemoRun> {
  const { root, outDir, lang } = options;
  const docLang = options.docLang ?? lang;
  const library = checkLibrary(root, lang);
  const index = readDemoIndex(root);
  const sets: DemoRun['sets'] = [];
  const contextDiagnostics: Diagnostic[] = [];
  const context = index.loop ? await readLoopContext(root, index.loop, contextDiagnostics) : undefined;
  const scored = new Map<string, StageScores>();
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
    // Result messages end up in the reports, so they speak the reports' language.
    const assessor = createAssessor(ir, { lang: docLang });
    const stageScores = scored.get(set.stage ?? '') ?? scored.set(set.stage ?? '', []).get(set.stage ?? '')!;
    const resultLines: string[] = [];
    const dataPath = resolve(root, set.data);
    const name = relative(join(root, 'examples/demo-city'), dataPath).replace(/\.(ya?ml|json|ndjson)$/, '');
    for await (const entry of readRecords([dataPath], { lang })) {
      const fallbackId = `${basename(set.data)}#${entry.index}`;
      // Ex-post rules may read last year's result and the rectification status (context.*).
      const ctx = set.stage === 'ex-post' ? context?.join.contextFor(String((entry.record as { id?: unknown } | undefined)?.id)) : undefined;
      const result: EvaluationResult = entry.error
        ? rejectedResult(ir, fallbackId, [entry.error])
        : assessor.assess(entry.record, { fallbackId, ...(ctx ? { context: ctx } : {}) });
      const info = infoFromRecord(entry.record);
      items.push({ result, info });
      if (!entry.error) stageScores.push({ record: entry.record, result });
      resultLines.push(serializeResult(result, { indent: 0 }));
      if (result.status === 'ok') {
        write(join(outDir, 'reports', name, `${result.id}.md`), renderProjectMarkdown(result, ir, docLang, info));
        write(join(outDir, 'reports', name, `${result.id}.html`), renderProjectHtml(result, ir, docLang, info));
      }
      options.onRecord?.();
    }
    write(join(outDir, 'results', `${name}.ndjson`), resultLines.join('\n') + '\n');
    const workbook = join(outDir, 'workbooks', `${name}.xlsx`);
    mkdirSync(dirname(workbook), { recursive: true });
    await writeResultsXlsx(items, ir, workbook, docLang);
    written++;
  }

  let loop: DemoLoop | undefined;
  if (index.loop && context) {
    const stage = (name: string): StageScores => scored.get(name) ?? [];
    loop = await runLoop({
      root,
      loop: index.loop,
      context: context.count,
      monitoring: stage('monitoring'),
      exPost: stage('ex-post'),
      departments: stage('department'),
      towns: stage('town'),
      lang,
    });
    loop.diagnostics.unshift(...contextDiagnostics);
    for (const [file, value] of loopFiles(loop)) write(join(outDir, 'loop', file), value);
  }

  const allItems = sets.flatMap((s) => s.items);
  const irs = sets.flatMap((s) => (s.ir ? [s.ir] : []));
  const sections = loop ? loopSections(loop, docLang) : [];
  write(join(outDir, 'summary.md'), renderSummaryMarkdown(allItems, irs, docLang, { sections }));
  write(join(outDir, 'summary.html'), renderSummaryHtml(allItems, irs, docLang, { sections }));
  return { library, sets, summary: summarize(allItems, irs), stages: scored, ...(loop ? { loop } : {}), outDir, written };
}

/** Diagnostics in written JSON keep code, severity and message: positions mean nothing in data. */
const plain = (ds: readonly Diagnostic[]) => ds.map(({ code, severity, message }) => ({ code, severity, message }));
const json = (value: unknown): string => JSON.stringify(value, null, 2) + '\n';

/** The loop's outputs as files under loop/: file name → text. */
function loopFiles(loop: DemoLoop): [string, string][] {
  const files: [string, string][] = [['monitoring-carried.json', json({ carried: loop.carried })]];
  if (loop.sample) files.push(['sample.json', json({ ...loop.sample, diagnostics: plain(loop.sample.diagnostics) })]);
  if (loop.selfCheck) {
    const lines = loop.selfCheck.results.map((r) => serializeResult(r, { indent: 0 }));
    files.push(['self-evaluation.ndjson', lines.join('\n') + '\n']);
    files.push(['self-evaluation-flagged.json', json({ flagged: loop.selfCheck.flagged, missing: loop.selfCheck.missing })]);
  }
  if (loop.department) files.push(['rollup-department.json', json({ ...loop.department, diagnostics: plain(loop.department.diagnostics) })]);
  if (loop.town) files.push(['rollup-town.json', json({ ...loop.town, diagnostics: plain(loop.town.diagnostics) })]);
  if (loop.allocation) {
    const { fund, grades, result } = loop.allocation;
    files.push(['allocation.json', json({ fund, grades, ...result, diagnostics: plain(result.diagnostics) })]);
  }
  return files;
}
