/**
 * A4 checks of an HTML report in headless Chromium, for the print tests. `measurePrint(file)`
 * lays a copy of the page out as the printer does — the report's `@media print` rules applied,
 * the window as wide as A4 portrait's printable width (210 − 2 × 16 mm), landscape sections as
 * wide as A4 landscape's (297 − 2 × 16 mm) — and a script in that copy (never in the report)
 * reports every element whose right edge passes its page's width, every table cell whose text
 * is laid out about one character per line, and the inline SVG charts with their sizes.
 * `pdfPages(bytes)` reads the page sizes of a PDF Chromium printed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium } from './chromium.js';

/** CSS px per mm at 96 dpi. */
const PX_PER_MM = 96 / 25.4;
export const PORTRAIT_WIDTH_PX = (210 - 32) * PX_PER_MM;
export const LANDSCAPE_WIDTH_PX = (297 - 32) * PX_PER_MM;

export interface PrintMeasure {
  /** Elements past their page's right edge: tag.class and by how many px. */
  overflow: string[];
  /** Table cells with 3+ characters laid out at fewer than 1.5 characters per line. */
  narrowCells: string[];
  /** Inline charts: width × height in px. */
  charts: string[];
  landscapeSections: number;
}

// Runs inside the copy only: measures, then writes the result into a data attribute that
// --dump-dom prints (the reports themselves have no script and must keep none).
const PROBE = `<script>
addEventListener('load', () => {
  const portrait = ${PORTRAIT_WIDTH_PX}, landscape = ${LANDSCAPE_WIDTH_PX};
  const overflow = [], narrowCells = [], charts = [];
  for (const el of document.body.querySelectorAll('*')) {
    const section = el.closest('section.landscape');
    const left = section ? section.getBoundingClientRect().left : 0;
    const limit = section ? landscape : portrait;
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right - left > limit + 0.5) overflow.push(el.tagName.toLowerCase() + '.' + el.className + ' +' + Math.round(r.right - left - limit) + 'px');
  }
  for (const cell of document.querySelectorAll('td, th')) {
    const text = cell.textContent.trim();
    if ([...text].length < 3) continue;
    const range = document.createRange();
    range.selectNodeContents(cell);
    const tops = new Set([...range.getClientRects()].map((q) => Math.round(q.top)));
    if ([...text].length / tops.size < 1.5) narrowCells.push(text.slice(0, 20) + ' (' + tops.size + ' lines)');
  }
  for (const svg of document.querySelectorAll('svg')) {
    const r = svg.getBoundingClientRect();
    charts.push(Math.round(r.width) + 'x' + Math.round(r.height));
  }
  document.body.setAttribute('data-print', JSON.stringify({ overflow: overflow.slice(0, 20), narrowCells: narrowCells.slice(0, 20), charts, landscapeSections: document.querySelectorAll('section.landscape').length }));
});
</script>`;

/** Lays `file` out at A4 print widths and measures it; the copy is written beside it. */
export async function measurePrint(file: string): Promise<PrintMeasure> {
  const html = readFileSync(file, 'utf8');
  const copy = file.replace(/\.html$/, '.print-probe.html');
  const printed = html
    // Print rules for the screen of this copy, and landscape sections at the landscape page width.
    .replace('@media print {', '@media all {')
    .replace('</style>', `section.landscape { width: ${LANDSCAPE_WIDTH_PX}px !important; margin-left: 0 !important; overflow: visible !important; }\n</style>`)
    .replace('</body>', `${PROBE}\n</body>`);
  writeFileSync(copy, printed);
  const { stdout } = await chromium([`--window-size=${Math.round(PORTRAIT_WIDTH_PX)},1000`, '--dump-dom', pathToFileURL(copy).href]);
  const match = /data-print="([^"]*)"/.exec(stdout);
  if (!match) throw new Error(`no measurement in the dumped DOM of ${copy}`);
  return JSON.parse(match[1]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&')) as PrintMeasure;
}

/** Each page's [width, height] in PDF points (A4 portrait is 595 × 842), in page order. */
export function pdfPages(bytes: Buffer): [number, number][] {
  const text = bytes.toString('latin1');
  return [...text.matchAll(/\/Type\s*\/Page\b(?!s)[\s\S]*?\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)]
    .map((m) => [Math.round(Number(m[3]) - Number(m[1])), Math.round(Number(m[4]) - Number(m[2]))]);
}
