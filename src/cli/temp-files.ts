/**
 * Names for output being written, and the clean-up of those a killed run left behind. A file or
 * folder is written as `.<name>.jixiao-tmp-<pid>` beside its target and renamed when complete:
 * the leading dot hides it from listings, the suffix matches no extension any reader takes
 * (`.ndjson`, `.xlsx`, `.ind`), and the pid says whose it is. Ctrl-C removes a run's own temps
 * (sink.ts), but `kill -9` or a power cut cannot be caught, so every run that writes a target
 * first removes the temps of that target whose process is gone (`process.kill(pid, 0)` fails
 * with ESRCH). A temp of a live process — another jixiao writing the same file — is left alone.
 *
 * Spools in the system temp dir (results on their way to a workbook) are named
 * `jixiao-spool-<pid>-XXXXXX` for the same reason, and swept the same way when the next spool is
 * made (`removeStaleSpools`).
 *
 * A report folder that already has files is not moved aside (renaming would replace what the
 * user keeps there); it gets `INCOMPLETE_MARKER` while it is written, removed as the last step.
 */
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const TAG = '.jixiao-tmp-';

/** Marker file inside a report folder being written in place; its presence means "not finished". */
export const INCOMPLETE_MARKER = '.jixiao-incomplete';

export function tempPathFor(target: string, pid: number = process.pid): string {
  return join(dirname(target), `.${basename(target)}${TAG}${pid}`);
}

/** True when a process with this pid exists (EPERM: it exists, owned by someone else). */
export function processAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes `.<target>.jixiao-tmp-<pid>` files or folders beside `target` whose process is gone.
 * Returns the names removed. Never throws: clean-up must not stop the run it precedes.
 */
export function removeStaleTemps(target: string, alive: (pid: number) => boolean = processAlive): string[] {
  const dir = dirname(target);
  const prefix = `.${basename(target)}${TAG}`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const digits = name.slice(prefix.length);
    if (!/^[0-9]{1,10}$/.test(digits)) continue;
    const pid = Number(digits);
    if (pid === process.pid || alive(pid)) continue;
    try {
      rmSync(join(dir, name), { recursive: true, force: true });
      removed.push(name);
    } catch {
      // someone else's file we may not remove: leave it, the run goes on
    }
  }
  return removed;
}

/** Prefix of a run's spool folder in the system temp dir: `jixiao-spool-<pid>-XXXXXX`. */
export const SPOOL_PREFIX = 'jixiao-spool-';

/**
 * Removes spool folders in `dir` (the system temp dir) left by runs that are gone — a spool is
 * removed by its own run, except after `kill -9`, so every run that makes one first sweeps. A
 * spool named without a pid (older versions) is left alone: whose it is cannot be told.
 */
export function removeStaleSpools(dir: string, alive: (pid: number) => boolean = processAlive): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = new RegExp(`^${SPOOL_PREFIX}([0-9]{1,10})-[A-Za-z0-9]{6}$`).exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid === process.pid || alive(pid)) continue;
    try {
      rmSync(join(dir, name), { recursive: true, force: true });
      removed.push(name);
    } catch {
      // not ours to remove: leave it
    }
  }
  return removed;
}

/** Writes the marker saying a folder is being written in place (who, and what it means). */
export function markIncomplete(dir: string, note: string): void {
  writeFileSync(join(dir, INCOMPLETE_MARKER), `${note}\npid ${process.pid}\n`);
}

export function clearIncomplete(dir: string): void {
  rmSync(join(dir, INCOMPLETE_MARKER), { force: true });
}
