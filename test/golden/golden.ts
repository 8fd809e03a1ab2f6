/**
 * The one mechanism behind every golden suite: `test/golden/<suite>/<case>/` holds a case's
 * input files and exactly one expected file. A test compares what the code produces now with
 * that file, byte for byte; it rewrites the file only when the run was started explicitly with
 * `npm run test:update` (which sets JIXIAO_UPDATE_GOLDEN=1), never on its own.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const GOLDEN_ROOT = dirname(fileURLToPath(import.meta.url));
export const UPDATING = process.env.JIXIAO_UPDATE_GOLDEN === '1';

export interface GoldenCase {
  name: string;
  dir: string;
  /** Files in the case folder, sorted. */
  files: string[];
}

/** Case folders of a suite, sorted by name. A case folder is any folder holding files. */
export function goldenCases(suite: string): GoldenCase[] {
  const root = join(GOLDEN_ROOT, suite);
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => statSync(join(root, name)).isDirectory())
    .sort()
    .map((name) => {
      const dir = join(root, name);
      return { name, dir, files: readdirSync(dir).sort() };
    });
}

export function readCaseFile(c: GoldenCase, file: string): string {
  return readFileSync(join(c.dir, file), 'utf8');
}

/** Asserts `actual` equals the stored `<case>/<file>`; with the update switch, stores it instead. */
export function expectGolden(c: GoldenCase, file: string, actual: string): void {
  const path = join(c.dir, file);
  if (UPDATING) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) {
    throw new Error(`${path} is missing; run \`npm run test:update\` to create it, then review it`);
  }
  expect(actual, `golden file ${path}`).toBe(readFileSync(path, 'utf8'));
}

/** Stable JSON for golden files: two-space indent, trailing newline. */
export function goldenJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
