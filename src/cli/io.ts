/**
 * What a command may touch of the outside world, passed in so that tests run the CLI in-process
 * with captured output, and so no command reaches for `process` directly.
 */
import type { Writable } from 'node:stream';
import type { MessageKey } from './messages.js';

export interface CliIO {
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/**
 * Exit codes shared by every command: 0 ok, 1 findings or failures, 2 usage or input errors,
 * 3 an internal error (a bug: a script can tell "fix your call" from "report this"). The
 * README's table and `jixiao --help` list the same four.
 */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERNAL = 3;
export const EXIT_CODES = [EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL] as const;

export function processIO(): CliIO {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, cwd: process.cwd(), env: process.env };
}

export function write(stream: Writable, text: string): void {
  stream.write(text.endsWith('\n') ? text : text + '\n');
}

/** Resolves when everything written so far has been flushed, so the exit code never cuts output. */
export function flush(stream: Writable): Promise<void> {
  return new Promise((resolve) => {
    if (stream.writableLength === 0) resolve();
    else stream.once('drain', () => resolve());
  });
}

/** What a shell reports for a writer killed by SIGPIPE (128 + 13); node ignores the signal itself. */
export const EXIT_CLOSED_PIPE = 141;

/**
 * `jixiao … | head -1`: once the reader has gone, stdout fails with EPIPE on the next write. That
 * is not an error of the command but the end of its audience, so it ends the whole process
 * (threads and streams with it) quietly, with the code a shell gives a writer the pipe closed on.
 * Any other stream error keeps surfacing as before.
 */
export function endQuietlyOnClosedPipe(stream: Writable, exit: (code: number) => void): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') exit(EXIT_CLOSED_PIPE);
    else throw error;
  });
}

/**
 * A mistake in how the command was called; main turns it into exit code 2. `message` is the
 * English text; `localized`, when given, names the CLI catalogue sentence main prints instead in
 * the language of the run, so `--lang zh` never falls back to English for a typo.
 */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly localized?: { key: MessageKey; args: (string | number)[] },
  ) {
    super(message);
  }
}
