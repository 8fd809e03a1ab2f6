/**
 * Headless Chromium for the report tests: `chromium(args)` runs /usr/bin/chromium once with a
 * throw-away profile and returns its output, `checkPage(file, …)` screenshots an A4-sized
 * window of an HTML file (the PNG must exist and have real content), dumps its DOM (the inline
 * SVG charts must be there) and fails on any console message or uncaught exception — the reports
 * run no script, so any is wrong. `available` says whether the browser is installed; callers
 * skip with that reason when it is not.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inflateSync } from 'node:zlib';
import { expect } from 'vitest';

export const CHROMIUM = '/usr/bin/chromium';
export const available = existsSync(CHROMIUM);
export const SKIP_REASON = `${CHROMIUM} is not installed (apt-get install -y chromium)`;

const dir = mkdtempSync(join(tmpdir(), 'jixiao-browser-'));

export function chromium(args: string[]): Promise<{ stdout: string; stderr: string }> {
  const base = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    `--user-data-dir=${mkdtempSync(join(dir, 'profile-'))}`,
    '--enable-logging=stderr',
    '--v=0',
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
  for (let at = 8; at < png.length; ) {
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
export const CONSOLE_ERROR = /Uncaught|:CONSOLE[:(]/;

/** Screenshot and DOM checks of one HTML file; `svgCount` inline charts and `heading` expected. */
export async function checkPage(file: string, svgCount: number, heading: string): Promise<void> {
  const name = file.replace(/^.*[\\/]/, '').replace(/\.html$/, '');
  const url = pathToFileURL(file).href;
  const png = join(mkdtempSync(join(dir, 'shot-')), `${name}.png`);
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
