/**
 * How the bench starts the jixiao command line, in one place. A compiled build is preferred
 * when one exists (dist/cli/bin.js, the package's `bin`, built by `npm ci`), since that is what
 * users run and it has no TypeScript loader to pay for at start-up; otherwise the sources run
 * through tsx (`node --import tsx src/cli/bin.ts`).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

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
