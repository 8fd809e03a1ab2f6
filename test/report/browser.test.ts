/**
 * The HTML reports in a real browser: headless Chromium screenshots an A4-sized window of the
 * summary report and a project report (the PNG must exist and have real content), logs no
 * console error or uncaught exception, and its DOM holds the inline SVG charts. Skipped, with
 * the reason printed, when /usr/bin/chromium is not installed.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { renderProjectHtml } from '../../src/report/project.js';
import { renderSummaryHtml } from '../../src/report/summary-report.js';
import { batch, educationIr } from './fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available) console.warn(`browser tests skipped: ${CHROMIUM} is not installed (apt-get install -y chromium)`);

const dir = mkdtempSync(join(tmpdir(), 'jixiao-browser-'));
const ir = educationIr();
const items = batch(ir);

function chromium(args: string[]): Promise<{ stdout: string; stderr: string }> {
  const base = [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', `--user-data-dir=${mkdtempSync(join(dir, 'profile-'))}`,
    '--enable-logging=stderr', '--v=0',
  ];
  return new Promise((resolve, reject) => {
    execFile(CHROMIUM, [...base, ...args], { timeout: 90_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`chromium failed: ${error.message}\n${stderr}`));
      else resolve({ stdout, stderr });
    });
  });
}

/** Width, height and the share of non-white samples of an 8-bit RGB(A) PNG. */
function pngStats(png: Buffer): { width: number; height: number; inked: number } {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  let inked = 0;
  // Filtered scanlines: a non-0xff byte means something other than white was drawn nearby.
  for (const byte of raw) if (byte !== 0xff && byte !== 0) inked++;
  return { width, height, inked: inked / raw.length };
}

/** Chromium logs page console output as `INFO:CONSOLE:1] "…"`; the reports run no script, so any is wrong. */
const CONSOLE_ERROR = /Uncaught|:CONSOLE[:(]/;

async function check(name: string, html: string, svgCount: number, heading: string): Promise<void> {
  const file = join(dir, `${name}.html`);
  writeFileSync(file, html);
  const url = pathToFileURL(file).href;
  const png = join(dir, `${name}.png`);
  const shot = await chromium([`--screenshot=${png}`, '--window-size=1240,1754', url]);
  expect(existsSync(png), `${png} written`).toBe(true);
  const stats = pngStats(readFileSync(png));
  expect([stats.width, stats.height]).toEqual([1240, 1754]);
  expect(stats.inked, 'the page is not blank').toBeGreaterThan(0.01);
  expect(shot.stderr.split('\n').filter((l) => CONSOLE_ERROR.test(l))).toEqual([]);

  const dom = await chromium(['--dump-dom', url]);
  expect(dom.stdout.match(/<svg\b/g) ?? []).toHaveLength(svgCount);
  expect(dom.stdout).toContain(heading);
  expect(dom.stderr.split('\n').filter((l) => CONSOLE_ERROR.test(l))).toEqual([]);
}

describe.skipIf(!available)('reports in headless Chromium', () => {
  it('renders the summary report with its three charts', async () => {
    await check('summary', renderSummaryHtml(items, [ir], 'zh'), 3, '一、评价等级分布');
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
