/**
 * The per-project half of `jixiao report`: each result, as it comes out of the pipeline, is
 * rendered to `<dir>/<id>.md` and/or `<dir>/<id>.html` (id made file-name safe and unique, see
 * file-names.ts), appended to the results spool for the workbook, and reduced to the few fields
 * the batch summary reads (`summaryInput`). Nothing else of a result is kept, so memory does not
 * grow with the batch. `finish` writes summary.md / summary.html (atomically) and results.xlsx.
 * With the directory `-`, Markdown goes to stdout instead — projects, then the summary — and no
 * workbook is written (used for quick looks and golden tests).
 *
 * A killed run must not leave a folder a reader takes for a result. A new or empty folder is
 * written aside, as `.<dir>.jixiao-tmp-<pid>` next to it, and renamed into place by `finish`;
 * such folders of dead runs are removed when the next run starts. A folder that already holds
 * files is written in place (moving it would replace what the user keeps there), with an
 * `.jixiao-incomplete` marker written first and removed last.
 */
import { mkdirSync, readdirSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { FormMapping } from '../../data/forms/form-mapping.js';
import { writeFormXlsx, type FormInput } from '../../report/form-xlsx.js';
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
import { clearIncomplete, markIncomplete, removeStaleTemps, tempPathFor } from '../temp-files.js';
import { msg } from '../messages.js';
import { withTexts, type ReportTexts } from './narratives.js';

export type { ReportFormat } from './render-jobs.js';

export interface ReportWriterOptions {
  /** Output directory, or '-' for Markdown on stdout. */
  dir: string;
  formats: readonly ReportFormat[];
  summaryOnly: boolean;
  /** Language of the documents. */
  lang: Lang;
  /** Language of what the run tells the user (the incomplete-folder marker); default `lang`. */
  messageLang?: Lang;
  ir: RuleSetIR;
  io: CliIO;
  /** Render threads for the per-project files; 0 renders in this thread. */
  workers: number;
  /** The evaluator's text by id and the 落款 defaults (`--narrative`, `--issuer`, `--date`). */
  texts?: ReportTexts;
  /** Records read as the official 自评表 (`layout: form`): the filled forms go to FORMS_FILE too. */
  form?: FormMapping;
}

export const SUMMARY_STEM = 'summary';
export const RESULTS_FILE = 'results.xlsx';
export const FORMS_FILE = 'forms.xlsx';

export class ReportWriter {
  private readonly names = new FileNames([SUMMARY_STEM, 'results']);
  private readonly summaries: ReportItem[] = [];
  /** Kept for the filled forms: a form batch is a workbook's sheets, small enough to hold. */
  private readonly forms: FormInput[] = [];
  private readonly spool: ResultsSpool | undefined;
  private readonly renderer: Renderer | undefined;
  private readonly toStdout: boolean;
  /** Where files go while the run lasts: the folder itself, or its sibling temp folder. */
  private readonly workDir: string;
  /** True when `workDir` is a temp folder renamed onto `dir` at the end. */
  private readonly aside: boolean;
  /** Files written so far (per-project reports, then summary and workbook). */
  written = 0;

  constructor(private readonly options: ReportWriterOptions) {
    this.toStdout = options.dir === '-';
    this.workDir = options.dir;
    this.aside = false;
    if (!this.toStdout) {
      const { dir, lang } = options;
      removeStaleTemps(dir);
      const existing = entriesOf(dir);
      this.aside = existing === null || existing.length === 0;
      if (this.aside) {
        this.workDir = tempPathFor(dir);
        mkdirSync(this.workDir, { recursive: true });
      } else {
        markIncomplete(dir, msg(options.messageLang ?? lang, 'reportIncomplete'));
      }
      this.spool = new ResultsSpool();
      if (!options.summaryOnly) {
        const { ir, formats, workers } = options;
        this.renderer = createRenderer({ ir, lang, formats, dir: this.workDir, signoff: this.signoff() }, workers);
      }
    }
  }

  /** The 落款 defaults every report and the summary share. */
  private signoff(): { issuer?: string; date?: string } {
    const texts = this.options.texts;
    return { ...(texts?.issuer ? { issuer: texts.issuer } : {}), ...(texts?.date ? { date: texts.date } : {}) };
  }

  /** `json` is the result as serialized by the pipeline; it goes to the spool unchanged. */
  async add(result: EvaluationResult, json: string, recordInfo: ProjectInfo): Promise<void> {
    const { formats, summaryOnly, lang, ir, io } = this.options;
    const info = withTexts(recordInfo, result.id, this.options.texts);
    this.summaries.push(summaryInput({ result, info }));
    if (this.options.form && result.status === 'ok') this.forms.push({ result, info });
    if (this.toStdout) {
      if (!summaryOnly) io.stdout.write(renderProjectMarkdown(result, ir, lang, info, this.signoff()) + '\n---\n\n');
      return;
    }
    await this.spool!.add(json, info);
    if (summaryOnly) return;
    await this.renderer!.render({ stem: this.names.next(result.id), json, info });
    this.written += formats.length;
  }

  /** Writes the summary report(s) and the results workbook. */
  async finish(): Promise<void> {
    const { formats, lang, ir, io } = this.options;
    const dir = this.workDir;
    await this.renderer?.close();
    if (this.toStdout) {
      io.stdout.write(renderSummaryMarkdown(this.summaries, [ir], lang, this.signoff()));
      return;
    }
    if (formats.includes('md')) writeFileAtomic(join(dir, `${SUMMARY_STEM}.md`), renderSummaryMarkdown(this.summaries, [ir], lang, this.signoff()));
    if (formats.includes('html')) writeFileAtomic(join(dir, `${SUMMARY_STEM}.html`), renderSummaryHtml(this.summaries, [ir], lang, this.signoff()));
    this.written += formats.length;
    await this.spool!.writeWorkbook(join(dir, RESULTS_FILE), ir, lang);
    this.written++;
    if (this.options.form) {
      await writeFormXlsx(this.forms, ir, join(dir, FORMS_FILE), lang, { mapping: this.options.form });
      this.written++;
    }
    if (this.aside) {
      // An empty folder in the way (made by the user beforehand) is replaced; rmdir refuses
      // anything else, so files someone put there meanwhile are never deleted.
      if (entriesOf(this.options.dir) !== null) rmdirSync(this.options.dir);
      renameSync(this.workDir, this.options.dir);
    } else {
      clearIncomplete(this.options.dir);
    }
  }

  /**
   * Drops the spool and stops the render threads after a failure. A temp folder goes too; a
   * folder written in place keeps its marker, since it is indeed incomplete.
   */
  async abort(): Promise<void> {
    this.spool?.dispose();
    await this.renderer?.abort();
    if (this.aside && !this.toStdout) rmSync(this.workDir, { recursive: true, force: true });
  }
}

/** The names in a folder, null when there is none (a file in the way throws, as mkdir did). */
function entriesOf(dir: string): string[] | null {
  try {
    return readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
