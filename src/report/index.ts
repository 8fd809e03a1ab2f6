/**
 * The `jixiao/report` entry: the per-project public-disclosure report (Markdown, HTML with
 * inline SVG charts), the batch summary (as data, as Markdown, as HTML), the language helpers and
 * the input types. The results workbook is the separate `jixiao/sheets` entry (xlsx.ts), so
 * neither entry loads the other's optional package.
 * Every renderer takes `lang: 'zh' | 'en'`, reads no clock and returns the same bytes for the
 * same input; the evaluator's own text travels in `ProjectInfo.narrative`, the 落款 in
 * `issuer`/`date` (info or render options).
 */
export { renderProjectHtml, renderProjectHtmlBody, renderProjectMarkdown, type RenderOptions } from './project.js';
export { renderSummaryHtml, renderSummaryMarkdown, type SummaryRenderOptions, type SummarySection } from './summary-report.js';
export { summarize, summaryInput, signedAmount, type AdjustmentGroup, type BatchSummary, type GradeCount, type KindSummary, type ReviewSummary, type WarningCount } from './summary.js';
export { detectLang, t, type Lang, type MessageKey } from './i18n/index.js';
export { entityOf, ENTITY_SHAPES, infoFromRecord, INFO_PATHS, narrativeFrom, toReportItem, type Entity, type Narrative, type ProjectInfo, type ReportInput, type ReportItem } from './input.js';
export { stageLabel } from './public-text.js';
export { formatMoney, formatScore } from './format.js';
export { table, type Align, type Table } from './layout.js';
