/**
 * PDF export of the HTML reports through a Chromium the machine already has: `findChromium`
 * looks at CHROME_PATH, then the usual install paths, and `printPdf` runs
 * `chromium --headless --print-to-pdf` on one HTML file (the report's own `@page` rules set the
 * A4 size, margins and landscape sections; no header or footer of the browser's). No npm
 * dependency: a bureau's machine either has a browser or gets the bilingual message of
 * `noChromiumMessage`, and the command stops before writing anything. A profile folder of our
 * own per run keeps the user's browser profile untouched and lets two runs print side by side.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { render } from '../../common/catalogue.js';
import { REPORT_CLI_MESSAGES } from './report-messages.js';

/** Where a Chromium is usually installed, tried in this order after CHROME_PATH. */
export const CHROMIUM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
] as const;

/** The browser to print with, or null. CHROME_PATH, when set, is the only one tried. */
export function findChromium(env: Record<string, string | undefined>, exists: (path: string) => boolean = existsSync): string | null {
  const chosen = env.CHROME_PATH?.trim();
  if (chosen) return exists(chosen) ? chosen : null;
  return CHROMIUM_PATHS.find((p) => exists(p)) ?? null;
}

/** Both languages at once: whoever reads it may not be the one who set the locale. */
export function noChromiumMessage(env: Record<string, string | undefined>): string {
  const chosen = env.CHROME_PATH?.trim();
  const where = chosen ? `CHROME_PATH=${chosen}` : CHROMIUM_PATHS.slice(0, 4).join(', ');
  return (['zh', 'en'] as const).map((lang) => render(REPORT_CLI_MESSAGES, 'noChromium', { where }, lang).message).join('\n');
}

export interface PdfPrinter {
  /** Prints `html` to `pdf`; rejects with Chromium's output when it fails. */
  print(html: string, pdf: string): Promise<void>;
  /** Removes the throw-away browser profile. */
  close(): void;
}

export function pdfPrinter(chromium: string): PdfPrinter {
  const profile = mkdtempSync(join(tmpdir(), 'jixiao-pdf-'));
  const base = [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--no-pdf-header-footer', `--user-data-dir=${profile}`,
  ];
  return {
    print(html, pdf) {
      return new Promise((resolve, reject) => {
        execFile(chromium, [...base, `--print-to-pdf=${pdf}`, pathToFileURL(html).href], { timeout: 120_000 }, (error, _stdout, stderr) => {
          // Chromium exits 0 even when it wrote nothing, so the file itself is the proof.
          if (error || !existsSync(pdf) || statSync(pdf).size === 0) reject(new Error(`${chromium}: ${error?.message ?? 'no PDF written'}\n${stderr}`));
          else resolve();
        });
      });
    },
    close() {
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Every `.html` of a report folder printed to the `.pdf` beside it; returns how many were written. */
export async function printFolder(printer: PdfPrinter, dir: string): Promise<number> {
  const pages = readdirSync(dir).filter((name) => name.endsWith('.html')).sort();
  for (const name of pages) await printer.print(join(dir, name), join(dir, name.replace(/\.html$/, '.pdf')));
  return pages.length;
}

/** Pages of a PDF Chromium wrote: one `/Type /Page` object per page (its page tree is not compressed). */
export function pdfPageCount(bytes: Buffer): number {
  return (bytes.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}
