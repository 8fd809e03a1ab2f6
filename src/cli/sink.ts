/**
 * Where a command's output goes: stdout, or a file written under a temporary name and renamed
 * into place only when complete — after a crash or Ctrl-C there is either the old file or the
 * whole new one, never half of one.
 */
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import type { CliIO } from './io.js';

export interface Sink {
  write(text: string): void;
  close(): Promise<void>;
  /** Drops a half-written file. */
  abort(): void;
}

const openTemps = new Set<string>();
let cleanupInstalled = false;

export function openSink(path: string | undefined, io: CliIO): Sink {
  if (!path) return { write: (text) => void io.stdout.write(text), close: async () => {}, abort: () => {} };
  installCleanup();
  const temp = `${path}.${process.pid}.tmp`;
  openTemps.add(temp);
  const stream = createWriteStream(temp);
  return {
    write: (text) => void stream.write(text),
    close: () =>
      new Promise((done, fail) => {
        stream.end(() => {
          try {
            renameSync(temp, path);
            openTemps.delete(temp);
            done();
          } catch (error) {
            fail(error);
          }
        });
      }),
    abort: () => {
      stream.destroy();
      rmSync(temp, { force: true });
      openTemps.delete(temp);
    },
  };
}

/** On Ctrl-C, remove temporary files so no partial output is left beside the real ones. */
function installCleanup(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      for (const temp of openTemps) rmSync(temp, { force: true });
      process.exit(130);
    });
  }
}
