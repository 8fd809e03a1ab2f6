/**
 * How the bench starts the jixiao command line, in one place. A compiled build is preferred
 * when one exists (dist/cli/bin.js, the package's `bin`, built by `npm ci`), since that is what
 * users run and it has no TypeScript loader to pay for at start-up; otherwise the sources run
 * through tsx (`node --import tsx src/cli/bin.ts`).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The checkout the bench runs in: the nearest folder above this file with a package.json and
 * the shipped rules, whether the bench runs from test/bench or compiled into .bench/test/bench.
 */
function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!(existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'rules')))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('bench: no jixiao checkout above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
  return dir;
}

export const REPO_ROOT = repoRoot();

/** The package's `bin` as the build writes it. */
const DIST_BIN = 'dist/cli/bin.js';

export interface CliLaunch {
  /** The executable (always this Node binary) and the arguments before the command's own. */
  command: string;
  args: string[];
  /** Which entry point, for the bench's output. */
  label: string;
}

export function jixiaoCli(root: string = REPO_ROOT): CliLaunch {
  const built = join(root, DIST_BIN);
  if (existsSync(built)) return { command: process.execPath, args: [built], label: DIST_BIN };
  return { command: process.execPath, args: ['--import', 'tsx', join(root, 'src/cli/bin.ts')], label: 'node --import tsx src/cli/bin.ts' };
}
