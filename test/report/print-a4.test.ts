/**
 * The demo city's reports printed to A4 in a real headless Chromium: the batch summary (with the
 * twelve-column adjustment tables) and a project and a department report. Laid out at the
 * printable width of A4 portrait, with landscape sections at A4 landscape's, nothing may stick
 * out past its page's edge, no table cell may be squeezed to about one character per line, and
 * the inline charts must be there with a real size; printed with `chromium --print-to-pdf`
 * (through the same code as `jixiao report --pdf`), every page must be A4, portrait or, for the
 * wide sections, landscape. Page counts are logged. Skipped, with the reason printed, when
 * /usr/bin/chromium is not installed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemo } from '../../src/cli/demo/run-demo.js';
import { pdfPrinter, type PdfPrinter } from '../../src/cli/report/pdf.js';
import { available, CHROMIUM, SKIP_REASON } from './chromium.js';
import { measurePrint, pdfPages } from './print-layout.js';

if (!available) console.warn(`A4 print tests skipped: ${SKIP_REASON}`);

const ROOT = resolve(import.meta.dirname, '../..');
const A4: [number, number] = [595, 842];
const A4_LANDSCAPE: [number, number] = [842, 595];
let out: string;
let printer: PdfPrinter;

const files = {
  summary: () => join(out, 'summary.html'),
  project: () => join(out, 'reports/projects/ex-post/housing/P-HOU-001.html'),
  department: () => join(out, 'reports/departments/D-001.html'),
};

describe.skipIf(!available)('reports printed to A4 in headless Chromium', () => {
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'jixiao-a4-'));
    await runDemo({ root: ROOT, outDir: out, lang: 'en', docLang: 'zh' });
    printer = pdfPrinter(CHROMIUM);
  }, 240_000);

  afterAll(() => {
    printer?.close();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('lays the summary out within A4 widths, wide tables on landscape pages, every chart drawn', async () => {
    const m = await measurePrint(files.summary());
    expect(m.overflow).toEqual([]);
    expect(m.narrowCells).toEqual([]);
    // Adjustments by department and by town, and the loop's department and town tables.
    expect(m.landscapeSections).toBeGreaterThanOrEqual(2);
    // One pie per kind (ex-ante, monitoring, ex-post, departments, towns), the adjustment bars, the warning pie.
    expect(m.charts).toHaveLength(7);
    for (const size of m.charts) expect(Number(size.split('x')[0])).toBeGreaterThan(200);
  });

  it('lays a project and a department report out within A4 portrait, with the dimension chart', async () => {
    for (const file of [files.project(), files.department()]) {
      const m = await measurePrint(file);
      expect(m.overflow, file).toEqual([]);
      expect(m.narrowCells, file).toEqual([]);
      expect(m.landscapeSections, file).toBe(0);
      expect(m.charts, file).toHaveLength(1);
    }
  });

  it('prints every page on A4: the summary with landscape pages, the reports all portrait', async () => {
    const counts: Record<string, string> = {};
    for (const [name, file] of Object.entries(files)) {
      const pdf = file().replace(/\.html$/, '.pdf');
      await printer.print(file(), pdf);
      const pages = pdfPages(readFileSync(pdf));
      expect(pages.length, name).toBeGreaterThan(0);
      for (const page of pages) expect([A4, A4_LANDSCAPE], name).toContainEqual(page);
      const landscape = pages.filter(([w, h]) => w > h).length;
      if (name === 'summary') expect(landscape).toBeGreaterThan(0);
      else expect(landscape, name).toBe(0);
      counts[name] = `${pages.length} pages (${landscape} landscape)`;
    }
    console.info('A4 page counts:', counts);
  });

  it('would notice a table wider than the page and a name squeezed to one character a line (the probe works)', async () => {
    const file = join(out, 'too-wide.html');
    const cells = Array.from({ length: 14 }, (_, i) => `<td>1,234,567.${i}0</td>`).join('');
    writeFileSync(file, `<!DOCTYPE html><html><head><style>td{white-space:nowrap}</style></head><body><table><tr>${cells}</tr></table>`
      + '<table style="width:100%"><tr><td style="width:1px;white-space:normal">市住房和城乡建设局</td><td style="width:99%">x</td></tr></table></body></html>');
    const m = await measurePrint(file);
    expect(m.overflow.length).toBeGreaterThan(0);
    expect(m.narrowCells).toEqual([expect.stringContaining('市住房和城乡建设局')]);
  });
});
