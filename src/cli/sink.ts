/**
 * Where a command's output goes: stdout, or a file written under a temporary name and renamed
 * into place only when complete — after a crash or Ctrl-C there is either the old file or the
 * whole new one, never half of one. Writes honour backpressure: `write` says, as a stream does,
 * whether the buffer is still below its mark, and `drained()` waits until it is — a batch that
 * awaits it after each write holds at most one buffer of output, however slow the disk or pipe.
 * The temporary name is `.<file>.jixiao-tmp-<pid>` (temp-files.ts); temps of the same target
 * left by a killed run are removed when the next run opens it.
 */
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import type { Writable } from 'node:stream';
import type { CliIO } from './io.js';
import { removeStaleTemps, tempPathFor } from './temp-files.js';

export interface Sink {
  /** False once the output is buffering beyond its mark: await `drained()` before writing more. */
  write(text: string | Uint8Array): boolean;
  /** Resolves at once when the output keeps up, else when it has drained (or closed). */
  drained(): Promise<void>;
  close(): Promise<void>;
  /** Drops a half-written file. */
  abort(): void;
}

const openTemps = new Set<string>();
let cleanupInstalled = false;

export function openSink(path: string | undefined, io: CliIO): Sink {
  if (!path) return { write: (text) => io.stdout.write(text), drained: () => drained(io.stdout), close: async () => {}, abort: () => {} };
  installCleanup();
  removeStaleTemps(path);
  const temp = tempPathFor(path);
  openTemps.add(temp);
  const stream = createWriteStream(temp);
  return {
    write: (text) => stream.write(text),
    drained: () => drained(stream),
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

/**
 * Waits for 'drain' only when the stream asked for it. A failed stream closes (its error still
 * surfaces as before), and a closed one never blocks the batch.
 */
function drained(stream: Writable): Promise<void> {
  if (!stream.writableNeedDrain || stream.destroyed) return Promise.resolve();
  return new Promise((done) => {
    const finish = () => {
      stream.off('drain', finish);
      stream.off('close', finish);
      done();
    };
    stream.on('drain', finish);
    stream.on('close', finish);
  });
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
