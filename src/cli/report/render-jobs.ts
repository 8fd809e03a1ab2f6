/**
 * One per-project report to render and write, and the function that does it — shared by the
 * in-thread renderer and the render worker threads, so both write the same bytes. A job carries
 * the result as the pipeline serialized it (cheap to pass between threads) and the file stem
 * already chosen by the main thread (names must be unique across the whole batch).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RuleSetIR } from '../../compile/ir.js';
import type { EvaluationResult } from '../../engine/result.js';
import type { Lang } from '../../report/i18n/index.js';
import type { ProjectInfo } from '../../report/input.js';
import { renderProjectHtml, renderProjectMarkdown } from '../../report/project.js';

export type ReportFormat = 'md' | 'html';

export interface RenderJob {
  stem: string;
  json: string;
  info: ProjectInfo;
}

export interface RenderSettings {
  ir: RuleSetIR;
  lang: Lang;
  formats: readonly ReportFormat[];
  dir: string;
  /** The 落款 used when a record names no issuer or date. */
  signoff?: { issuer?: string; date?: string };
}

export interface RenderRequest {
  seq: number;
  jobs: RenderJob[];
}

export interface RenderReply {
  seq: number;
  /** Set when writing failed (disk full, permissions): the batch stops with this message. */
  error?: string;
}

/**
 * Plain writes, not temp-and-rename: a half-written project report is replaced by the next run,
 * and a rename per file would double the file-system work of a thousand-report batch.
 */
export function renderJob(job: RenderJob, settings: RenderSettings): void {
  const result = JSON.parse(job.json) as EvaluationResult;
  const { ir, lang, formats, dir } = settings;
  const options = settings.signoff ?? {};
  if (formats.includes('md')) writeFileSync(join(dir, `${job.stem}.md`), renderProjectMarkdown(result, ir, lang, job.info, options));
  if (formats.includes('html')) writeFileSync(join(dir, `${job.stem}.html`), renderProjectHtml(result, ir, lang, job.info, options));
}
