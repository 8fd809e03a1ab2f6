/**
 * Turns the paths a user typed into the files a command reads: directories are walked
 * recursively in sorted order (so output order never depends on the file system), and paths are
 * shown relative to the working directory.
 */
import { existsSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
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
