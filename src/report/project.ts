/**
 * The per-project public-disclosure report in Markdown and HTML: `renderProjectMarkdown` and
 * `renderProjectHtml` take one `EvaluationResult`, its rule set IR, a language and the optional
 * `ProjectInfo` of the record, and return the whole document as a string. Both render the same
 * `ProjectModel`; the HTML adds a dimension-score chart as server-rendered inline SVG. Output is
 * deterministic: no clock is read, and `generatedAt` is printed only when the caller passes it.
 */
import type { RuleSetIR } from '../compile/ir.js';
import type { EvaluationResult } from '../engine/result.js';
import { barChartSvg } from './charts.js';
import { escapeHtml, escapeMarkdown, formatScore } from './format.js';
import { htmlList, htmlPage, htmlParagraphs, htmlTable, markdownTable } from './layout.js';
import { t, type Lang } from './i18n/index.js';
import type { ProjectInfo } from './input.js';
import { buildProjectModel, precisionOf, sectionTitle, subTitle, type DimensionScore, type SignoffDefaults } from './project-model.js';

export interface RenderOptions {
  /** Shown under the title when given; reports never read the clock themselves. */
  generatedAt?: string;
  /** Prefix of ids inside inline SVG, to keep several reports on one page apart. */
  idPrefix?: string;
  /** The 落款's issuing body when the record names none. */
  issuer?: string;
  /** The 落款's date when the record gives none; never filled in from the clock. */
  date?: string;
}

function defaultsOf(options: RenderOptions): SignoffDefaults {
  return { ...(options.issuer ? { issuer: options.issuer } : {}), ...(options.date ? { date: options.date } : {}) };
}

export function renderProjectMarkdown(result: EvaluationResult, ir: RuleSetIR, lang: Lang, info?: ProjectInfo, options: RenderOptions = {}): string {
  const m = buildProjectModel(result, ir, lang, info, defaultsOf(options));
  const s = m.sections;
  const out: string[] = [`# ${escapeMarkdown(m.title)}`, '', escapeMarkdown(m.ruleset)];
  if (options.generatedAt) out.push('', escapeMarkdown(t(lang, 'doc/generatedAt', { at: options.generatedAt })));
  out.push('', `## ${sectionTitle(lang, 0)}`, '');
  if (s.basic.table) out.push(markdownTable(s.basic.table), '');
  if (s.basic.note) out.push(escapeMarkdown(s.basic.note), '');
  out.push(`## ${sectionTitle(lang, 1)}`, '');
  for (const p of s.work) out.push(escapeMarkdown(p), '');
  out.push(`## ${sectionTitle(lang, 2)}`, '');
  for (const p of s.conclusion.paragraphs) out.push(escapeMarkdown(p), '');
  if (s.conclusion.dimensions.rows.length > 0) {
    out.push(`### ${escapeMarkdown(t(lang, 'conclusion/dimensionTable'))}`, '', markdownTable(s.conclusion.dimensions), '');
  }
  out.push(`## ${sectionTitle(lang, 3)}`, '');
  if (s.indicators.rows.length > 0) out.push(markdownTable(s.indicators), '');
  out.push(`## ${sectionTitle(lang, 4)}`, '', `### ${escapeMarkdown(subTitle(lang, 0, 'sub/experience'))}`, '');
  for (const p of s.problems.experience) out.push(escapeMarkdown(p), '');
  out.push(`### ${escapeMarkdown(subTitle(lang, 1, 'sub/problems'))}`, '');
  for (const [i, p] of s.problems.problems.entries()) out.push(`${i + 1}. ${escapeMarkdown(p)}`);
  out.push('', `## ${sectionTitle(lang, 5)}`, '');
  if (s.recommendations.table) out.push(markdownTable(s.recommendations.table), '');
  for (const p of s.recommendations.paragraphs) out.push(escapeMarkdown(p), '');
  if (s.recommendations.note) out.push(escapeMarkdown(s.recommendations.note), '');
  // The 落款 closes the document, one line each, as a signed report ends.
  for (const line of m.signoff) out.push(`<p align="right">${escapeHtml(line)}</p>`, '');
  return out.join('\n');
}

/** The bar chart of first-level dimension scores against their weights. */
export function dimensionChartSvg(dims: readonly DimensionScore[], lang: Lang, precision: number, prefix: string): string {
  return barChartSvg(
    {
      title: t(lang, 'conclusion/chartTitle'),
      categories: dims.map((d) => d.name),
      series: [
        { name: t(lang, 'col/weight'), data: dims.map((d) => d.weight), color: '#c5ccd6' },
        { name: t(lang, 'col/points'), data: dims.map((d) => d.points), color: '#3b6fb6' },
      ],
      digits: precision,
      width: 620,
      height: 280,
    },
    prefix,
  );
}

/** The body of a project report (no page shell), for embedding several in one page. */
export function renderProjectHtmlBody(result: EvaluationResult, ir: RuleSetIR, lang: Lang, info?: ProjectInfo, options: RenderOptions = {}): string {
  const m = buildProjectModel(result, ir, lang, info, defaultsOf(options));
  const s = m.sections;
  const precision = precisionOf(ir);
  const prefix = options.idPrefix ?? 'dim';
  const out: string[] = [`<h1>${escapeHtml(m.title)}</h1>`, `<div class="meta">${escapeHtml(m.ruleset)}`];
  if (options.generatedAt) out.push(`<br>${escapeHtml(t(lang, 'doc/generatedAt', { at: options.generatedAt }))}`);
  out.push('</div>');
  out.push(`<section><h2>${escapeHtml(sectionTitle(lang, 0))}</h2>`);
  if (s.basic.table) out.push(htmlTable(s.basic.table, 'basic'));
  if (s.basic.note) out.push(`<p class="note">${escapeHtml(s.basic.note)}</p>`);
  out.push('</section>', `<section><h2>${escapeHtml(sectionTitle(lang, 1))}</h2>`, htmlParagraphs(s.work), '</section>');
  out.push(`<section><h2>${escapeHtml(sectionTitle(lang, 2))}</h2>`);
  if (result.total !== null) {
    const hidden = result.outcome?.totalHidden === true;
    out.push(
      '<div class="headline">',
      ...(hidden ? [] : [`<span class="score">${escapeHtml(formatScore(result.total, precision))}</span>`]),
      `<span class="grade">${escapeHtml(result.grade ?? '—')}</span>`,
      '</div>',
    );
  }
  out.push(htmlParagraphs(s.conclusion.paragraphs));
  if (s.conclusion.dimensions.rows.length > 0) {
    out.push(`<h3>${escapeHtml(t(lang, 'conclusion/dimensionTable'))}</h3>`, htmlTable(s.conclusion.dimensions, 'dimensions'));
  }
  if (s.conclusion.chart.length > 0 && result.status === 'ok') {
    out.push(`<figure class="chart">${dimensionChartSvg(s.conclusion.chart, lang, precision, prefix)}</figure>`);
  }
  out.push('</section>');
  out.push(`<section><h2>${escapeHtml(sectionTitle(lang, 3))}</h2>`);
  if (s.indicators.rows.length > 0) out.push(htmlTable(s.indicators, 'indicators'));
  out.push('</section>');
  out.push(`<section><h2>${escapeHtml(sectionTitle(lang, 4))}</h2>`);
  out.push(`<h3>${escapeHtml(subTitle(lang, 0, 'sub/experience'))}</h3>`, htmlParagraphs(s.problems.experience));
  out.push(`<h3>${escapeHtml(subTitle(lang, 1, 'sub/problems'))}</h3>`, htmlList(s.problems.problems, true), '</section>');
  out.push(`<section><h2>${escapeHtml(sectionTitle(lang, 5))}</h2>`);
  if (s.recommendations.table) out.push(htmlTable(s.recommendations.table, 'recommendations'));
  if (s.recommendations.paragraphs.length > 0) out.push(htmlParagraphs(s.recommendations.paragraphs));
  if (s.recommendations.note) out.push(`<p class="note">${escapeHtml(s.recommendations.note)}</p>`);
  out.push('</section>');
  out.push(`<div class="signoff">${m.signoff.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}</div>`);
  return out.join('\n');
}

export function renderProjectHtml(result: EvaluationResult, ir: RuleSetIR, lang: Lang, info?: ProjectInfo, options: RenderOptions = {}): string {
  const title = buildProjectModel(result, ir, lang, info).title;
  return htmlPage(lang, title, renderProjectHtmlBody(result, ir, lang, info, options));
}
