/**
 * How the bench starts the jixiao command line, in one place. A compiled build is preferred
 * when one exists (the first of DIST_ENTRIES under the repository root), since that is what
 * users run and it has no TypeScript loader to pay for at start-up; otherwise the sources run
 * through tsx (`node --import tsx src/cli/main.ts`), as `npm run demo` does today.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Compiled entry points the build may produce, most likely first. */
const DIST_ENTRIES = ['dist/cli/main.js', 'dist/cli/jixiao.js', 'dist/src/cli/main.js'];

export interface CliLaunch {
  /** The executable (always this Node binary) and the arguments before the command's own. */
  command: string;
  args: string[];
  /** Which entry point, for the bench's output. */
  label: string;
}

export function jixiaoCli(root: string = REPO_ROOT): CliLaunch {
  for (const entry of DIST_ENTRIES) {
    const full = join(root, entry);
    if (existsSync(full)) return { command: process.execPath, args: [full], label: entry };
  }
  return { command: process.execPath, args: ['--import', 'tsx', join(root, 'src/cli/main.ts')], label: 'node --import tsx src/cli/main.ts' };
}
