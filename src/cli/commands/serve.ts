/**
 * `jixiao serve`: the options are checked against the command table first, so a typo gets the
 * same localised "did you mean" as every other command; then the argv goes whole to the
 * service's own command, which owns its option values and lifecycle.
 */
import { serveCommand } from '../../service/index.js';
import { parseCommandArgs } from '../args.js';
import { SERVE } from '../command-table.js';
import type { CliIO } from '../io.js';
import type { Lang } from '../messages.js';

export async function serveCliCommand(args: string[], io: CliIO, _lang: Lang): Promise<number> {
  parseCommandArgs(args, SERVE);
  return serveCommand(args, { stdout: (text) => io.stdout.write(text), stderr: (text) => io.stderr.write(text) });
}
