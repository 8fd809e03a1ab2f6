/**
 * The files a reload reads: `*.ind` rule files and the loop's YAML declarations under the rules
 * folder, found by one bounded walk (depth and count limits, hidden folders skipped, sorted so
 * every reload sees them in the same order).
 */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const MAX_FILES = 2000;
const MAX_DEPTH = 12;

/** `*.ind` files (or those `accept` picks) under `dir`, sorted, bounded in depth and count; hidden folders skipped. */
export function listRuleFiles(dir: string, accept: (name: string) => boolean = (name) => name.endsWith('.ind')): string[] {
  const out: string[] = [];
  const walk = (d: string, depth: number): void => {
    if (depth > MAX_DEPTH || out.length >= MAX_FILES) return;
    let names: string[];
    try {
      names = readdirSync(d).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (name.startsWith('.') || out.length >= MAX_FILES) continue;
      const full = join(d, name);
      let isDir = false;
      try {
        isDir = statSync(full).isDirectory();
      } catch {
        continue; // deleted between readdir and stat: the next reload sees the final state
      }
      if (isDir) walk(full, depth + 1);
      else if (accept(name)) out.push(full);
    }
  };
  walk(resolve(dir), 0);
  return out;
}
