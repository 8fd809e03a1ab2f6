/**
 * The HTML reports in a real browser: headless Chromium screenshots an A4-sized window of the
 * summary report and a project report (the PNG must exist and have real content), logs no
 * console error or uncaught exception, and its DOM holds the inline SVG charts. Skipped, with
 * the reason printed, when /usr/bin/chromium is not installed.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { available, checkPage, chromium, CONSOLE_ERROR, SKIP_REASON } from './chromium.js';
import { renderProjectHtml } from '../../src/report/project.js';
import { renderSummaryHtml } from '../../src/report/summary-report.js';
import { batch, educationIr } from './fixtures.js';

if (!available) console.warn(`browser tests skipped: ${SKIP_REASON}`);

const dir = mkdtempSync(join(tmpdir(), 'jixiao-browser-'));
const ir = educationIr();
const items = batch(ir);

async function check(name: string, html: string, svgCount: number, heading: string): Promise<void> {
  const file = join(dir, `${name}.html`);
  writeFileSync(file, html);
  await checkPage(file, svgCount, heading);
}

describe.skipIf(!available)('reports in headless Chromium', () => {
  it('renders the summary report with its three charts', async () => {
    await check('summary', renderSummaryHtml(items, [ir], 'zh'), 3, '一、事后绩效评价结果');
  });

  it('renders a project report with its dimension chart', async () => {
    await check('project', renderProjectHtml(items[2]!.result, ir, 'zh', items[2]!.info), 1, '三、综合评价情况及评价结论');
  });

  it('would notice a page that logs or throws (the detector itself works)', async () => {
    const file = join(dir, 'broken.html');
    writeFileSync(file, '<!DOCTYPE html><html><body><p>x</p><script>console.error("boom"); throw new Error("bad")</script></body></html>');
    const { stderr } = await chromium(['--dump-dom', pathToFileURL(file).href]);
    expect(stderr.split('\n').filter((l) => CONSOLE_ERROR.test(l)).length).toBeGreaterThanOrEqual(2);
  });

  it('renders an English project report', async () => {
    await check('project-en', renderProjectHtml(items[1]!.result, ir, 'en', items[1]!.info), 1, '3. Overall assessment and conclusion');
  });
});
