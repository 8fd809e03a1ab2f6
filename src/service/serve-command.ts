/**
 * `jixiao serve`: parses the command line with `node:util` parseArgs, starts the service and
 * drains it on SIGTERM/SIGINT (stop accepting, finish requests in flight, flush the decision
 * log). Returns the CLI exit code: 0 after a clean shutdown, 2 for usage errors (printed to
 * stderr with the usage text). Only the CLI's dispatcher calls `serveCommand`; everything it
 * does is also reachable through `startServer`.
 */
import { existsSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startServer, type StartOptions } from './server.js';
import { SERVE_OPTIONS } from './serve-options.js';
import type { Toolchain } from './toolchain.js';

/** The usage `jixiao serve` prints on a usage error, from the same table the CLI's help reads. */
export const SERVE_USAGE = `Usage: jixiao serve --rules <dir> [options]\n\n${Object.entries(SERVE_OPTIONS)
  .map(([name, o]) => {
    const flag = 'value' in o ? `--${name} <${o.value.en}>` : `--${name}`;
    return flag.length < 30 ? `  ${flag.padEnd(30)} ${o.help.en}` : `  ${flag}\n  ${''.padEnd(30)} ${o.help.en}`;
  })
  .join('\n')}\n`;

export class UsageError extends Error {}

/** `10mb`, `512kb`, `1048576` → bytes. */
export function parseSize(text: string, flag = '--max-body'): number {
  const m = /^(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?$/i.exec(text.trim());
  if (!m) throw new UsageError(`${flag}: cannot read size ${JSON.stringify(text)} (try 10mb or 512kb)`);
  const unit = (m[2] ?? 'b').toLowerCase()[0];
  const factor = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  const bytes = Math.floor(Number(m[1]) * factor);
  if (bytes < 1) throw new UsageError(`${flag} must be at least 1 byte`);
  return bytes;
}

function positiveInt(text: string, flag: string, min = 1): number {
  if (!/^\d+$/.test(text) || Number(text) < min) throw new UsageError(`${flag} must be a whole number ≥ ${min}, got ${JSON.stringify(text)}`);
  return Number(text);
}

/** argv as node:util's parseArgs reads it; its own errors become usage errors. */
function readServeArgv(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: false,
      // the table's entries are parseArgs option configs plus help texts parseArgs ignores
      options: { ...SERVE_OPTIONS, help: { type: 'boolean', short: 'h' } },
    });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

/** Turns argv (after `serve`) into start options; throws UsageError for bad input. */
export function parseServeArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): Omit<StartOptions, 'toolchain'> & { help: boolean } {
  const parsed = readServeArgv(argv);
  const v = parsed.values;
  if (v.help === true) return { rulesDir: '', help: true };
  if (v.rules === undefined) throw new UsageError('--rules <dir> is required');
  if (!existsSync(v.rules) || !statSync(v.rules).isDirectory()) throw new UsageError(`--rules: ${v.rules} is not a folder`);
  const token = v.token ?? env['JIXIAO_TOKEN'];
  const rotating = v['decision-log-max-size'] !== undefined || v['decision-log-rotate'] !== undefined;
  if (rotating && v['decision-log'] === undefined) throw new UsageError('--decision-log-max-size and --decision-log-rotate need --decision-log <file>');
  if (v['decision-log-rotate'] !== undefined && v['decision-log-rotate'] !== 'daily') {
    throw new UsageError(`--decision-log-rotate: only "daily" is known, got ${JSON.stringify(v['decision-log-rotate'])}`);
  }
  return {
    help: false,
    rulesDir: v.rules,
    port: v.port === undefined ? 8080 : positiveInt(v.port, '--port', 0),
    host: v.host ?? '127.0.0.1',
    ...(token !== undefined && token !== '' ? { token } : {}),
    ...(v['decision-log'] !== undefined ? { decisionLog: v['decision-log'] } : {}),
    ...(v['decision-log-max-size'] !== undefined ? { decisionLogMaxBytes: parseSize(v['decision-log-max-size'], '--decision-log-max-size') } : {}),
    ...(v['decision-log-rotate'] === 'daily' ? { decisionLogDaily: true } : {}),
    ...(v['max-body'] !== undefined ? { maxBodyBytes: parseSize(v['max-body']) } : {}),
    ...(v['max-records'] !== undefined ? { maxRecords: positiveInt(v['max-records'], '--max-records') } : {}),
    ...(v['timeout-ms'] !== undefined ? { timeoutMs: positiveInt(v['timeout-ms'], '--timeout-ms') } : {}),
    watch: v['no-watch'] !== true,
  };
}

export interface ServeIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Resolves when the process should shut down (default: first SIGTERM or SIGINT). */
  stopSignal?: Promise<string>;
  toolchain?: Toolchain;
}

function signalPromise(): Promise<string> {
  return new Promise((resolveSignal) => {
    const on = (sig: string) => () => {
      process.off('SIGTERM', term);
      process.off('SIGINT', int);
      resolveSignal(sig);
    };
    const term = on('SIGTERM');
    const int = on('SIGINT');
    process.once('SIGTERM', term);
    process.once('SIGINT', int);
  });
}

/** Runs the service until a stop signal; returns the exit code. */
export async function serveCommand(argv: string[], io: Partial<ServeIo> = {}): Promise<number> {
  const out = io.stdout ?? ((t: string) => process.stdout.write(t));
  const err = io.stderr ?? ((t: string) => process.stderr.write(t));
  let options: ReturnType<typeof parseServeArgs>;
  try {
    options = parseServeArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err(`jixiao serve: ${e.message}\n\n${SERVE_USAGE}`);
    return 2;
  }
  if (options.help) {
    out(SERVE_USAGE);
    return 0;
  }
  const { help: _help, ...start } = options;
  const server = await startServer({ ...start, ...(io.toolchain ? { toolchain: io.toolchain } : {}), logger: { level: 'info' } });
  const snap = server.app.jixiao.registry.snapshot;
  out(
    `jixiao serve: listening on ${server.url} with ${snap.rulesets.size} rule set(s)` +
      (snap.failures.length > 0 ? `, ${snap.failures.length} file(s) failing (see /ready)` : '') +
      '\n',
  );
  const signal = await (io.stopSignal ?? signalPromise());
  out(`jixiao serve: ${signal} received, draining\n`);
  await server.close();
  out('jixiao serve: stopped\n');
  return 0;
}
