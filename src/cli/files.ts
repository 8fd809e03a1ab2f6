/**
 * Turns the paths a user typed into the files a command reads: directories are walked
 * recursively in sorted order (so output order never depends on the file system), and paths are
 * shown relative to the working directory.
 */
import { existsSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { CliIO } from './io.js';
import { type Lang, msg } from './messages.js';
import { removeStaleTemps, tempPathFor } from './temp-files.js';

export interface FileCollection {
  files: string[];
  missing: string[];
}

export function collectFiles(paths: string[], cwd: string, accept: (name: string) => boolean): FileCollection {
  const files: string[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    if (!seen.has(file)) {
      seen.add(file);
      files.push(file);
    }
  };
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (accept(name)) add(full);
    }
  };
  for (const path of paths) {
    const full = resolve(cwd, path);
    if (!existsSync(full)) missing.push(path);
    else if (statSync(full).isDirectory()) walk(full);
    else add(full);
  }
  return { files, missing };
}

export function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') ? rel : file;
}

/** Writes beside the target and renames, so neither a crash nor Ctrl-C leaves half a file behind. */
export function writeFileAtomic(target: string, text: string): void {
  removeStaleTemps(target);
  const temp = tempPathFor(target);
  writeFileSync(temp, text);
  renameSync(temp, target);
}

/**
 * The input files a command was given must exist before anything runs: a missing one is a usage
 * error (exit 2) naming the path as typed, never a record "rejected" for want of a file. `-`
 * (standard input) always exists. False when any is missing; each is named on stderr.
 */
export function inputsExist(paths: readonly string[], io: CliIO, lang: Lang): boolean {
  const missing = paths.filter((p) => p !== '-' && !existsSync(resolve(io.cwd, p)));
  for (const path of missing) io.stderr.write(`${msg(lang, 'notFound', path)}\n`);
  return missing.length === 0;
}
