/**
 * The batch summary report: `renderSummaryMarkdown(inputs, irs, lang)` and
 * `renderSummaryHtml(inputs, irs, lang)` lay out `summarize()`'s numbers — overview, grade
 * distribution, budget-review cuts, budget adjustments by department and by town (exact sums
 * per budget line, in 元), monitoring warnings by level — as tables, and in HTML also as inline
 * SVG charts (pie of grades and warning levels, bars of money per department); a caller may
 * append its own sections (`options.sections`, e.g. the demo's closed loop). Deterministic:
 * the only time printed is a `generatedAt` the caller passes.
 */
import type { RuleSetIR } from '../compile/ir.js';
import { lineLabel } from './actions.js';
import { barChartSvg, pieChartSvg } from './charts.js';
import { escapeHtml, escapeMarkdown, formatMoney, formatPercent, formatYuan, joinList, paren, toDecimal } from './format.js';
import { htmlPage, htmlParagraphs, htmlTable, markdownTable, table, type Table } from './layout.js';
import { hasMessage, t, type Lang } from './i18n/index.js';
import { toReportItem, type ReportInput } from './input.js';
import type { RenderOptions } from './project.js';
import { summarize, type AdjustmentGroup, type BatchSummary } from './summary.js';

const GRADE_COLORS: Record<string, string> = { 优: '#3f9b5b', 良: '#3b6fb6', 中: '#e0a42c', 差: '#c8443b' };
const WARNING_COLORS: Record<string, string> = { red: '#c8443b', yellow: '#e0a42c', green: '#3f9b5b' };

interface SummaryBlock {
  title: string;
  paragraphs: string[];
  tables: Table[];
  chart?: () => string;
  /** Narrow tables (few short columns) are not stretched to the page width. */
  compact?: boolean;
}

/** A section the caller adds after the batch's own (the demo's closed-loop steps): plain text, escaped here. */
export interface SummarySection {
  title: string;
  paragraphs: string[];
  tables: Table[];
}

export interface SummaryRenderOptions extends RenderOptions {
  /** Appended, numbered on from the batch's sections. */
  sections?: readonly SummarySection[];
}

function levelLabel(lang: Lang, level: string): string {
  const key = `level.${level}`;
  return hasMessage(key) ? t(lang, key) : level || t(lang, 'value.none');
}

function adjustmentTable(lang: Lang, keyHeader: string, groups: readonly AdjustmentGroup[], lines: readonly string[], irs: readonly RuleSetIR[]): Table {
  const unit = paren(lang, t(lang, 'unit.yuan'));
  const head = [keyHeader, t(lang, 'col.count'), ...lines.map((l) => lineLabel(lang, l, irs) + unit), t(lang, 'col.subtotal') + unit];
  const rows = groups.map((g) => [
    g.key || t(lang, 'summary.unassigned'),
    String(g.projects),
    ...lines.map((l) => (g.lines[l] === undefined ? '' : formatYuan(toDecimal(g.lines[l])!))),
    formatYuan(toDecimal(g.total)!),
  ]);
  return table(head, ['left', 'right', ...lines.map(() => 'right' as const), 'right'], rows);
}

function blocks(inputs: readonly ReportInput[], irs: readonly RuleSetIR[], lang: Lang, s: BatchSummary, prefix: string): SummaryBlock[] {
  const items = inputs.map(toReportItem);
  const nameOf = new Map(items.map(({ result, info }) => [result.id, info.name ? `${result.id} ${info.name}` : result.id]));
  const out: SummaryBlock[] = [];

  const gradeTable = table(
    [t(lang, 'col.grade'), t(lang, 'col.count'), t(lang, 'col.share')],
    ['left', 'right', 'right'],
    s.grades.map((g) => [g.grade, String(g.count), formatPercent(toDecimal(g.count)!.div(s.scored), 1)]),
    [t(lang, 'col.subtotal'), String(s.scored), s.scored > 0 ? '100%' : ''],
  );
  out.push({
    title: t(lang, 'summary.grades'),
    compact: true,
    paragraphs: [],
    tables: [gradeTable],
    chart: s.grades.length === 0 ? undefined : () => pieChartSvg({
      title: t(lang, 'summary.chart.grades'),
      items: s.grades.map((g) => ({ name: g.grade, value: g.count, color: GRADE_COLORS[g.grade] })),
    }, `${prefix}-grades`),
  });

  const reviewRows = items.flatMap(({ result, info }) => {
    const requested = toDecimal(info.requested);
    const approved = toDecimal(info.approved);
    if (requested === null || approved === null) return [];
    const cut = requested.minus(approved);
    return [[nameOf.get(result.id) ?? result.id, formatYuan(requested), formatYuan(approved), formatYuan(cut), requested.isZero() ? '' : formatPercent(cut.div(requested))]];
  });
  const yuan = paren(lang, t(lang, 'unit.yuan'));
  out.push({
    title: t(lang, 'summary.reviewCuts'),
    paragraphs: [s.review === null ? t(lang, 'summary.noReview') : t(lang, 'summary.reviewTotal', {
      count: s.review.count,
      requested: formatMoney(lang, s.review.requested),
      approved: formatMoney(lang, s.review.approved),
      cut: formatMoney(lang, s.review.cut),
      rate: s.review.rate === null ? t(lang, 'value.none') : formatPercent(s.review.rate),
    })],
    tables: s.review === null ? [] : [table(
      [t(lang, 'col.project'), t(lang, 'col.requested') + yuan, t(lang, 'col.approved') + yuan, t(lang, 'col.cut') + yuan, t(lang, 'col.cutRate')],
      ['left', 'right', 'right', 'right', 'right'],
      reviewRows,
      [t(lang, 'col.subtotal'), formatYuan(toDecimal(s.review.requested)!), formatYuan(toDecimal(s.review.approved)!), formatYuan(toDecimal(s.review.cut)!), s.review.rate === null ? '' : formatPercent(s.review.rate)],
    )],
  });

  const noAdjust = s.lines.length === 0;
  out.push({
    title: t(lang, 'summary.adjustByDepartment'),
    paragraphs: noAdjust ? [t(lang, 'summary.noAdjust')] : [],
    tables: noAdjust ? [] : [adjustmentTable(lang, t(lang, 'col.department'), s.byDepartment, s.lines, irs)],
    chart: noAdjust ? undefined : () => barChartSvg({
      title: t(lang, 'summary.chart.adjust'),
      categories: s.byDepartment.map((g) => g.key || t(lang, 'summary.unassigned')),
      series: s.lines.map((l, i) => ({
        name: lineLabel(lang, l, irs),
        data: s.byDepartment.map((g) => (g.lines[l] === undefined ? null : toDecimal(g.lines[l])!.div(10000).toNumber())),
        color: ['#3b6fb6', '#e08a2c', '#3f9b5b', '#7b5ea7'][i % 4],
      })),
      width: 640,
      height: 300,
      stacked: true,
    }, `${prefix}-adjust`),
  });
  out.push({
    title: t(lang, 'summary.adjustByTown'),
    paragraphs: noAdjust ? [t(lang, 'summary.noAdjust')] : [],
    tables: noAdjust ? [] : [adjustmentTable(lang, t(lang, 'col.town'), s.byTown, s.lines, irs)],
  });

  out.push({
    title: t(lang, 'summary.warnings'),
    paragraphs: s.warnings.length === 0 ? [t(lang, 'summary.noWarnings')] : [],
    tables: s.warnings.length === 0 ? [] : [table(
      [t(lang, 'col.level'), t(lang, 'col.count'), t(lang, 'col.project')],
      ['left', 'right', 'left'],
      s.warnings.map((w) => [levelLabel(lang, w.level), String(w.count), joinList(lang, w.projects.map((p) => nameOf.get(p) ?? p))]),
    )],
    chart: s.warnings.length === 0 ? undefined : () => pieChartSvg({
      title: t(lang, 'summary.chart.warnings'),
      items: s.warnings.map((w) => ({ name: levelLabel(lang, w.level), value: w.count, color: WARNING_COLORS[w.level] })),
    }, `${prefix}-warnings`),
  });
  return out;
}

function sectionNumber(lang: Lang, index: number): string {
  const digits = '一二三四五六七八九十';
  if (lang !== 'zh') return String(index + 1);
  // 一 … 十, then 十一 … 十九 (a summary with the demo's loop sections runs past ten).
  if (index < 10) return digits[index]!;
  return index < 19 ? `十${digits[index - 10]}` : String(index + 1);
}

function overview(lang: Lang, s: BatchSummary): string[] {
  return [
    t(lang, 'summary.overview', { count: s.count, scored: s.scored, rejected: s.rejected, average: s.average ?? t(lang, 'value.none') }),
    t(lang, 'summary.ruleset', { list: joinList(lang, s.rulesets.map((r) => `${r.name} ${r.version}` + paren(lang, t(lang, 'summary.rulesetCount', { count: r.count })))) }),
  ];
}

export function renderSummaryMarkdown(inputs: readonly ReportInput[], irs: readonly RuleSetIR[], lang: Lang, options: SummaryRenderOptions = {}): string {
  const s = summarize(inputs, irs);
  const out: string[] = [`# ${escapeMarkdown(t(lang, 'doc.summary.title'))}`, ''];
  if (options.generatedAt) out.push(escapeMarkdown(t(lang, 'doc.generatedAt', { at: options.generatedAt })), '');
  for (const p of overview(lang, s)) out.push(escapeMarkdown(p), '');
  [...blocks(inputs, irs, lang, s, 'md'), ...(options.sections ?? [])].forEach((b: SummaryBlock, i) => {
    // The number is ours, the title is escaped: "1." must stay a heading number, not be escaped.
    out.push(`## ${t(lang, 'section.numbered', { n: sectionNumber(lang, i), title: escapeMarkdown(b.title) })}`, '');
    for (const p of b.paragraphs) out.push(escapeMarkdown(p), '');
    for (const tbl of b.tables) out.push(markdownTable(tbl), '');
  });
  return out.join('\n');
}

export function renderSummaryHtml(inputs: readonly ReportInput[], irs: readonly RuleSetIR[], lang: Lang, options: SummaryRenderOptions = {}): string {
  const s = summarize(inputs, irs);
  const prefix = options.idPrefix ?? 'sum';
  const title = t(lang, 'doc.summary.title');
  const out: string[] = [`<h1>${escapeHtml(title)}</h1>`];
  if (options.generatedAt) out.push(`<div class="meta">${escapeHtml(t(lang, 'doc.generatedAt', { at: options.generatedAt }))}</div>`);
  out.push(htmlParagraphs(overview(lang, s)));
  [...blocks(inputs, irs, lang, s, prefix), ...(options.sections ?? [])].forEach((b: SummaryBlock, i) => {
    out.push(`<section><h2>${escapeHtml(t(lang, 'section.numbered', { n: sectionNumber(lang, i), title: b.title }))}</h2>`);
    out.push(htmlParagraphs(b.paragraphs));
    for (const tbl of b.tables) out.push(htmlTable(tbl, b.compact ? 'compact' : ''));
    if (b.chart) out.push(`<figure class="chart">${b.chart()}</figure>`);
    out.push('</section>');
  });
  return htmlPage(lang, title, out.join('\n'));
}
