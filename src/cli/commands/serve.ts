/** `jixiao serve`: hands over to the service's own command, which owns its options and lifecycle. */
import { serveCommand } from '../../service/index.js';
import type { CliIO } from '../io.js';
import type { Lang } from '../messages.js';

export async function serveCliCommand(args: string[], io: CliIO, _lang: Lang): Promise<number> {
  return serveCommand(args, { stdout: (text) => io.stdout.write(text), stderr: (text) => io.stderr.write(text) });
}
