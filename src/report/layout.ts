/**
 * Layout shared by the report writers: the neutral `Table` (header, body rows of plain text,
 * per-column alignment, optional footer) that the report models produce, its Markdown and HTML
 * writers, and the page shell of every HTML report — one self-contained, print-friendly document
 * with A4 `@page` rules, embedded CSS, no script and no external asset (fonts are system font
 * stacks, charts are inline SVG). A section with a table too wide for A4 portrait carries the
 * class `landscape`: it prints on a named landscape page and, on a wide screen, widens to the
 * same 265 mm, so what fits the screen at 1280 px fits the paper. Text is escaped here, once: models hold unescaped text, and
 * callers pass the shell already-escaped body HTML.
 */
import { escapeHtml, escapeMarkdown } from './format.js';
import type { Lang } from './i18n/index.js';

export type Align = 'left' | 'right' | 'center';

export interface Table {
  head: string[];
  rows: string[][];
  align: Align[];
  /** Optional footer row (totals). */
  foot?: string[];
}

export function table(head: string[], align: Align[], rows: string[][] = [], foot?: string[]): Table {
  return foot ? { head, rows, align, foot } : { head, rows, align };
}

const MD_RULE: Record<Align, string> = { left: ':---', right: '---:', center: ':---:' };

export function markdownTable(tbl: Table): string {
  const line = (cells: string[]): string => '| ' + cells.map((c) => escapeMarkdown(c)).join(' | ') + ' |';
  const out = [line(tbl.head), '| ' + tbl.align.map((a) => MD_RULE[a]).join(' | ') + ' |'];
  for (const row of tbl.rows) out.push(line(row));
  if (tbl.foot) out.push(line(tbl.foot));
  return out.join('\n');
}

export function htmlTable(tbl: Table, className = ''): string {
  const cls = (i: number): string => (tbl.align[i] === 'left' ? '' : ` class="${tbl.align[i]}"`);
  const cells = (tag: string, row: string[]): string =>
    row.map((c, i) => `<${tag}${cls(i)}>${escapeHtml(c)}</${tag}>`).join('');
  const parts = [`<table${className ? ` class="${className}"` : ''}>`];
  parts.push(`<thead><tr>${cells('th', tbl.head)}</tr></thead>`);
  parts.push('<tbody>');
  for (const row of tbl.rows) parts.push(`<tr>${cells('td', row)}</tr>`);
  parts.push('</tbody>');
  if (tbl.foot) parts.push(`<tfoot><tr>${cells('td', tbl.foot)}</tr></tfoot>`);
  parts.push('</table>');
  return parts.join('\n');
}

// ── HTML page shell ─────────────────────────────────────────────────────────────────────

const CSS = `
@page { size: A4; margin: 18mm 16mm 20mm 16mm; }
@page landscape { size: A4 landscape; margin: 14mm 16mm 14mm 16mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 178mm; padding: 12mm 0; color: #1f2328; background: #fff;
  font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, "WenQuanYi Micro Hei", "Noto Sans CJK SC", serif;
  font-size: 10.5pt; line-height: 1.65; }
h1 { font-size: 18pt; text-align: center; margin: 0 0 4mm; letter-spacing: 0.05em; }
h2 { font-size: 13pt; margin: 7mm 0 3mm; padding-bottom: 1mm; border-bottom: 1px solid #c9ced6; break-after: avoid; }
h3 { font-size: 11pt; margin: 4mm 0 2mm; break-after: avoid; }
p { margin: 1.5mm 0; }
.meta { text-align: center; color: #57606a; font-size: 9pt; margin-bottom: 6mm; }
.headline { display: flex; gap: 6mm; align-items: baseline; justify-content: center; margin: 3mm 0 4mm; }
.headline .score { font-size: 26pt; font-weight: bold; color: #1f4e8c; }
.headline .grade { font-size: 16pt; font-weight: bold; padding: 0.5mm 4mm; border: 2px solid currentColor; border-radius: 2mm; }
table { width: 100%; border-collapse: collapse; margin: 2mm 0 4mm; font-size: 9pt; break-inside: auto; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 1px solid #9aa3ad; padding: 1.2mm 1.8mm; vertical-align: top; text-align: left; }
th { background: #eef1f5; font-weight: bold; }
tfoot td { font-weight: bold; background: #f6f8fa; }
table.compact { width: auto; min-width: 55%; }
td.right, th.right { text-align: right; white-space: nowrap; }
td.center, th.center { text-align: center; }
th { white-space: nowrap; }
table.indicators td:nth-child(1) { white-space: nowrap; }
table.indicators td:nth-child(2) { min-width: 8.5em; }
table.indicators td:nth-child(4), table.indicators td:nth-child(5) { white-space: nowrap; }
table.basic td:first-child { width: 9em; white-space: nowrap; }
td:first-child { min-width: 5em; }
section.landscape { page: landscape; break-before: page; }
table.wide { font-size: 8pt; }
table.wide th { white-space: normal; min-width: 4.5em; }
table.wide td { padding: 1mm 1.2mm; }
table.wide td:first-child { white-space: nowrap; }
.signoff { margin-top: 12mm; text-align: right; break-inside: avoid; }
.signoff p { margin: 1mm 0; }
@media screen and (min-width: 1040px) { section.landscape { width: 265mm; margin-left: -43.5mm; } }
@media screen and (max-width: 1039px) { section.landscape { overflow-x: auto; } }
ol, ul { margin: 1mm 0 3mm; padding-left: 7mm; }
li { margin: 0.8mm 0; }
figure { margin: 3mm 0; text-align: center; break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
.charts { display: flex; flex-wrap: wrap; justify-content: center; gap: 4mm; }
.note { color: #57606a; }
.warn-red { color: #b42318; } .warn-yellow { color: #b54708; } .warn-green { color: #027a48; }
@media print { body { padding: 0; max-width: none; } section.landscape { width: auto; margin-left: 0; } a { color: inherit; text-decoration: none; } }
`;

export function htmlPage(lang: Lang, title: string, body: string): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

export function htmlList(items: readonly string[], ordered: boolean): string {
  const tag = ordered ? 'ol' : 'ul';
  return `<${tag}>\n${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('\n')}\n</${tag}>`;
}

export function htmlParagraphs(items: readonly string[]): string {
  return items.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
}
