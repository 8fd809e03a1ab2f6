/**
 * The batch summary report: `renderSummaryMarkdown(inputs, irs, lang)` and
 * `renderSummaryHtml(inputs, irs, lang)` lay out `summarize()`'s numbers — overview with the
 * count and average per kind of evaluation, then one section per kind (ex-ante 予以支持…,
 * monitoring 红黄绿, ex-post 优良中差, departments, towns) with its own grade table and pie,
 * budget-review cuts, budget adjustments by department and by town (sums per budget line in 万元
 * to the cent), monitoring warnings by level — and in HTML inline SVG charts whose colours mean
 * what the words say (红 red, 黄 amber, 绿 green, 不予支持 red …). Tables with many columns are
 * marked `wide` and print on a landscape page. A caller may append its own sections
 * (`options.sections`, e.g. the demo's closed loop). Deterministic: the only time printed is a
 * `generatedAt` the caller passes, and the 落款 shows only the issuer and date it is given.
 */
import type { RuleSetIR } from '../compile/ir.js';
import { lineLabel } from './actions.js';
import { barChartSvg, pieChartSvg } from './charts.js';
import { escapeHtml, escapeMarkdown, formatMoney, formatPercent, formatScore, formatWan, formatYuan, joinList, paren, toDecimal } from './format.js';
import { htmlPage, htmlParagraphs, htmlTable, markdownTable, table, type Table } from './layout.js';
import { hasMessage, t, type Lang } from './i18n/index.js';
import { toReportItem, type ReportInput } from './input.js';
import type { RenderOptions } from './project.js';
import { signoffLines } from './project-model.js';
import { summarize, type AdjustmentGroup, type BatchSummary } from './summary.js';

const RED = '#c8443b';
const AMBER = '#e0a42c';
const GREEN = '#3f9b5b';
const BLUE = '#3b6fb6';
/** Each label's colour says what the label says; 良 (good, not best) is the one blue. */
export const GRADE_COLORS: Record<string, string> = {
  优: GREEN, 良: BLUE, 中: AMBER, 差: RED,
  予以支持: GREEN, 部分支持: AMBER, 不予支持: RED,
  绿色: GREEN, 黄色: AMBER, 红色: RED, 绿: GREEN, 黄: AMBER, 红: RED,
  green: GREEN, yellow: AMBER, red: RED,
};
const WARNING_COLORS: Record<string, string> = { red: RED, yellow: AMBER, green: GREEN };
/** More columns than this and a table's section is printed on a landscape page. */
export const PORTRAIT_COLUMNS = 7;

interface SummaryBlock {
  title: string;
  paragraphs: string[];
  tables: Table[];
  chart?: () => string;
  /** Narrow tables (few short columns) are not stretched to the page width. */
  compact?: boolean;
  /** Too many columns for A4 portrait: the section prints landscape. */
  wide?: boolean;
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
  const key = `level/${level}`;
  return hasMessage(key) ? t(lang, key) : level || t(lang, 'value/none');
}

/** Sums per budget line in 万元 to two decimals: 元 to the cent would not fit twelve columns on a page. */
function adjustmentTable(lang: Lang, keyHeader: string, groups: readonly AdjustmentGroup[], lines: readonly string[], irs: readonly RuleSetIR[]): Table {
  const unit = paren(lang, t(lang, 'unit/wan'));
  const head = [keyHeader, t(lang, 'col/count'), ...lines.map((l) => lineLabel(lang, l, irs)), t(lang, 'col/subtotal') + unit];
  const rows = groups.map((g) => [
    g.key || t(lang, 'summary/unassigned'),
    String(g.projects),
    ...lines.map((l) => (g.lines[l] === undefined ? '' : formatWan(toDecimal(g.lines[l])!))),
    formatWan(toDecimal(g.total)!),
  ]);
  return table(head, ['left', 'right', ...lines.map(() => 'right' as const), 'right'], rows);
}

/** A kind's name: the stage's or unit's words, or the title of the rule set it was scored by. */
function kindLabel(lang: Lang, kind: string, irs: readonly RuleSetIR[]): string {
  if (kind.startsWith('rules:')) {
    const name = kind.slice('rules:'.length);
    const ir = irs.find((i) => i.name === name);
    return ir?.label ?? name;
  }
  const key = `stage/${kind}`;
  return hasMessage(key) ? t(lang, key) : kind;
}

function kindBlocks(lang: Lang, s: BatchSummary, irs: readonly RuleSetIR[], prefix: string): SummaryBlock[] {
  return s.kinds.map((k, i) => {
    const label = kindLabel(lang, k.kind, irs);
    const paragraph = k.scored === 0
      ? t(lang, 'summary/kindOverviewNoScore', { count: k.count })
      : t(lang, 'summary/kindOverview', { count: k.count, scored: k.scored, average: k.average ?? t(lang, 'value/none'), scale: formatScore(k.scale, 0) });
    const gradeTable = table(
      [t(lang, 'col/grade'), t(lang, 'col/count'), t(lang, 'col/share')],
      ['left', 'right', 'right'],
      k.grades.map((g) => [g.grade, String(g.count), formatPercent(toDecimal(g.count)!.div(k.scored), 1)]),
      [t(lang, 'col/subtotal'), String(k.scored), k.scored > 0 ? '100%' : ''],
    );
    return {
      title: t(lang, 'summary/kindTitle', { kind: label }),
      compact: true,
      paragraphs: [paragraph],
      tables: k.grades.length === 0 ? [] : [gradeTable],
      chart: k.grades.length === 0 ? undefined : () => pieChartSvg({
        title: t(lang, 'summary/kindChart', { kind: label }),
        items: k.grades.map((g) => ({ name: g.grade, value: g.count, color: GRADE_COLORS[g.grade] })),
        // Room for "予以支持: 110" beside the ring.
        width: 440,
      }, `${prefix}-kind${i}`),
    };
  });
}

function blocks(inputs: readonly ReportInput[], irs: readonly RuleSetIR[], lang: Lang, s: BatchSummary, prefix: string): SummaryBlock[] {
  const items = inputs.map(toReportItem);
  const nameOf = new Map(items.map(({ result, info }) => [result.id, info.name ? `${result.id} ${info.name}` : result.id]));
  const out: SummaryBlock[] = [];
  out.push(...kindBlocks(lang, s, irs, prefix));

  const reviewRows = items.flatMap(({ result, info }) => {
    const requested = toDecimal(info.requested);
    const approved = toDecimal(info.approved);
    if (requested === null || approved === null) return [];
    const cut = requested.minus(approved);
    return [[nameOf.get(result.id) ?? result.id, formatYuan(requested), formatYuan(approved), formatYuan(cut), requested.isZero() ? '' : formatPercent(cut.div(requested))]];
  });
  const yuan = paren(lang, t(lang, 'unit/yuan'));
  out.push({
    title: t(lang, 'summary/reviewCuts'),
    paragraphs: [s.review === null ? t(lang, 'summary/noReview') : t(lang, 'summary/reviewTotal', {
      count: s.review.count,
      requested: formatMoney(lang, s.review.requested),
      approved: formatMoney(lang, s.review.approved),
      cut: formatMoney(lang, s.review.cut),
      rate: s.review.rate === null ? t(lang, 'value/none') : formatPercent(s.review.rate),
    })],
    tables: s.review === null ? [] : [table(
      [t(lang, 'col/project'), t(lang, 'col/requested') + yuan, t(lang, 'col/approved') + yuan, t(lang, 'col/cut') + yuan, t(lang, 'col/cutRate')],
      ['left', 'right', 'right', 'right', 'right'],
      reviewRows,
      [t(lang, 'col/subtotal'), formatYuan(toDecimal(s.review.requested)!), formatYuan(toDecimal(s.review.approved)!), formatYuan(toDecimal(s.review.cut)!), s.review.rate === null ? '' : formatPercent(s.review.rate)],
    )],
  });

  const noAdjust = s.lines.length === 0;
  out.push({
    title: t(lang, 'summary/adjustByDepartment'),
    paragraphs: [t(lang, noAdjust ? 'summary/noAdjust' : 'summary/unitWan')],
    tables: noAdjust ? [] : [adjustmentTable(lang, t(lang, 'col/department'), s.byDepartment, s.lines, irs)],
    wide: s.lines.length + 3 > PORTRAIT_COLUMNS,
    chart: noAdjust ? undefined : () => barChartSvg({
      title: t(lang, 'summary/chart/adjust'),
      categories: s.byDepartment.map((g) => g.key || t(lang, 'summary/unassigned')),
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
    title: t(lang, 'summary/adjustByTown'),
    paragraphs: [t(lang, noAdjust ? 'summary/noAdjust' : 'summary/unitWan')],
    tables: noAdjust ? [] : [adjustmentTable(lang, t(lang, 'col/town'), s.byTown, s.lines, irs)],
    wide: s.lines.length + 3 > PORTRAIT_COLUMNS,
  });

  out.push({
    title: t(lang, 'summary/warnings'),
    paragraphs: s.warnings.length === 0 ? [t(lang, 'summary/noWarnings')] : [],
    tables: s.warnings.length === 0 ? [] : [table(
      [t(lang, 'col/level'), t(lang, 'col/count'), t(lang, 'col/project')],
      ['left', 'right', 'left'],
      s.warnings.map((w) => [levelLabel(lang, w.level), String(w.count), joinList(lang, w.projects.map((p) => nameOf.get(p) ?? p))]),
    )],
    chart: s.warnings.length === 0 ? undefined : () => pieChartSvg({
      title: t(lang, 'summary/chart/warnings'),
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
    t(lang, 'summary/overviewPlain', { count: s.count, scored: s.scored, rejected: s.rejected }),
    t(lang, 'summary/ruleset', { list: joinList(lang, s.rulesets.map((r) => `${r.name} ${r.version}` + paren(lang, t(lang, 'summary/rulesetCount', { count: r.count })))) }),
  ];
}

/** Count, scored and average per kind: the only averages the summary gives. */
function kindsTable(lang: Lang, s: BatchSummary, irs: readonly RuleSetIR[]): Table {
  return table(
    [t(lang, 'col/kind'), t(lang, 'col/count'), t(lang, 'col/scored'), t(lang, 'col/average')],
    ['left', 'right', 'right', 'right'],
    s.kinds.map((k) => [kindLabel(lang, k.kind, irs), String(k.count), String(k.scored), k.average === null ? t(lang, 'value/none') : `${k.average} / ${formatScore(k.scale, 0)}`]),
  );
}

function signoff(options: RenderOptions, lang: Lang): string[] {
  return signoffLines(lang, options.issuer, options.date);
}

export function renderSummaryMarkdown(inputs: readonly ReportInput[], irs: readonly RuleSetIR[], lang: Lang, options: SummaryRenderOptions = {}): string {
  const s = summarize(inputs, irs);
  const out: string[] = [`# ${escapeMarkdown(t(lang, 'doc/summary/title'))}`, ''];
  if (options.generatedAt) out.push(escapeMarkdown(t(lang, 'doc/generatedAt', { at: options.generatedAt })), '');
  for (const p of overview(lang, s)) out.push(escapeMarkdown(p), '');
  if (s.kinds.length > 0) out.push(markdownTable(kindsTable(lang, s, irs)), '');
  [...blocks(inputs, irs, lang, s, 'md'), ...(options.sections ?? [])].forEach((b: SummaryBlock, i) => {
    // The number is ours, the title is escaped: "1." must stay a heading number, not be escaped.
    out.push(`## ${t(lang, 'section/numbered', { n: sectionNumber(lang, i), title: escapeMarkdown(b.title) })}`, '');
    for (const p of b.paragraphs) out.push(escapeMarkdown(p), '');
    for (const tbl of b.tables) out.push(markdownTable(tbl), '');
  });
  for (const line of signoff(options, lang)) out.push(`<p align="right">${escapeHtml(line)}</p>`, '');
  return out.join('\n');
}

export function renderSummaryHtml(inputs: readonly ReportInput[], irs: readonly RuleSetIR[], lang: Lang, options: SummaryRenderOptions = {}): string {
  const s = summarize(inputs, irs);
  const prefix = options.idPrefix ?? 'sum';
  const title = t(lang, 'doc/summary/title');
  const out: string[] = [`<h1>${escapeHtml(title)}</h1>`];
  if (options.generatedAt) out.push(`<div class="meta">${escapeHtml(t(lang, 'doc/generatedAt', { at: options.generatedAt }))}</div>`);
  out.push(htmlParagraphs(overview(lang, s)));
  if (s.kinds.length > 0) out.push(htmlTable(kindsTable(lang, s, irs), 'compact'));
  [...blocks(inputs, irs, lang, s, prefix), ...(options.sections ?? [])].forEach((b: SummaryBlock, i) => {
    const wide = b.wide === true || b.tables.some((tbl) => tbl.head.length > PORTRAIT_COLUMNS);
    out.push(`<section${wide ? ' class="landscape"' : ''}><h2>${escapeHtml(t(lang, 'section/numbered', { n: sectionNumber(lang, i), title: b.title }))}</h2>`);
    out.push(htmlParagraphs(b.paragraphs));
    for (const tbl of b.tables) out.push(htmlTable(tbl, b.compact ? 'compact' : wide ? 'wide' : ''));
    if (b.chart) out.push(`<figure class="chart">${b.chart()}</figure>`);
    out.push('</section>');
  });
  out.push(`<div class="signoff">${signoff(options, lang).map((l) => `<p>${escapeHtml(l)}</p>`).join('')}</div>`);
  return htmlPage(lang, title, out.join('\n'));
}
