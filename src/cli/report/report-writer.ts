/**
 * The per-project half of `jixiao report`: each result, as it comes out of the pipeline, is
 * rendered to `<dir>/<id>.md` and/or `<dir>/<id>.html` (id made file-name safe and unique, see
 * file-names.ts), appended to the results spool for the workbook, and reduced to the few fields
 * the batch summary reads (`summaryInput`). Nothing else of a result is kept, so memory does not
 * grow with the batch. `finish` writes summary.md / summary.html (atomically) and results.xlsx.
 * With the directory `-`, Markdown goes to stdout instead — projects, then the summary — and no
 * workbook is written (used for quick looks and golden tests).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RuleSetIR } from '../../compile/ir.js';
import type { EvaluationResult } from '../../engine/result.js';
import type { Lang } from '../../report/i18n/index.js';
import type { ProjectInfo, ReportItem } from '../../report/input.js';
import { renderProjectMarkdown } from '../../report/project.js';
import { renderSummaryHtml, renderSummaryMarkdown } from '../../report/summary-report.js';
import { summaryInput } from '../../report/summary.js';
import { writeFileAtomic } from '../files.js';
import type { CliIO } from '../io.js';
import { FileNames } from './file-names.js';
import { createRenderer, type Renderer } from './render-pool.js';
import type { ReportFormat } from './render-jobs.js';
import { ResultsSpool } from './results-spool.js';

export type { ReportFormat } from './render-jobs.js';

export interface ReportWriterOptions {
  /** Output directory, or '-' for Markdown on stdout. */
  dir: string;
  formats: readonly ReportFormat[];
  summaryOnly: boolean;
  lang: Lang;
  ir: RuleSetIR;
  io: CliIO;
  /** Render threads for the per-project files; 0 renders in this thread. */
  workers: number;
}

export const SUMMARY_STEM = 'summary';
export const RESULTS_FILE = 'results.xlsx';

export class ReportWriter {
  private readonly names = new FileNames([SUMMARY_STEM, 'results']);
  private readonly summaries: ReportItem[] = [];
  private readonly spool: ResultsSpool | undefined;
  private readonly renderer: Renderer | undefined;
  private readonly toStdout: boolean;
  /** Files written so far (per-project reports, then summary and workbook). */
  written = 0;

  constructor(private readonly options: ReportWriterOptions) {
    this.toStdout = options.dir === '-';
    if (!this.toStdout) {
      mkdirSync(options.dir, { recursive: true });
      this.spool = new ResultsSpool();
      if (!options.summaryOnly) {
        const { ir, lang, formats, dir, workers } = options;
        this.renderer = createRenderer({ ir, lang, formats, dir }, workers);
      }
    }
  }

  /** `json` is the result as serialized by the pipeline; it goes to the spool unchanged. */
  async add(result: EvaluationResult, json: string, info: ProjectInfo): Promise<void> {
    const { formats, summaryOnly, lang, ir, io } = this.options;
    this.summaries.push(summaryInput({ result, info }));
    if (this.toStdout) {
      if (!summaryOnly) io.stdout.write(renderProjectMarkdown(result, ir, lang, info) + '\n---\n\n');
      return;
    }
    await this.spool!.add(json, info);
    if (summaryOnly) return;
    await this.renderer!.render({ stem: this.names.next(result.id), json, info });
    this.written += formats.length;
  }

  /** Writes the summary report(s) and the results workbook. */
  async finish(): Promise<void> {
    const { dir, formats, lang, ir, io } = this.options;
    await this.renderer?.close();
    if (this.toStdout) {
      io.stdout.write(renderSummaryMarkdown(this.summaries, [ir], lang));
      return;
    }
    if (formats.includes('md')) writeFileAtomic(join(dir, `${SUMMARY_STEM}.md`), renderSummaryMarkdown(this.summaries, [ir], lang));
    if (formats.includes('html')) writeFileAtomic(join(dir, `${SUMMARY_STEM}.html`), renderSummaryHtml(this.summaries, [ir], lang));
    this.written += formats.length;
    await this.spool!.writeWorkbook(join(dir, RESULTS_FILE), ir, lang);
    this.written++;
  }

  /** Drops the spool and stops the render threads after a failure. */
  async abort(): Promise<void> {
    this.spool?.dispose();
    await this.renderer?.abort();
  }
}
