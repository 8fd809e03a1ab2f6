/**
 * `jixiao fmt <files|dirs…> [--check] [--stdout]`: lays indicator files out canonically (see
 * src/fmt). By default each file that changes is rewritten in place, atomically (a temp file
 * beside it, then a rename); `--check` rewrites nothing and lists the files that would change;
 * `--stdout` prints the formatted text instead. A file with syntax errors is left alone and its
 * errors are printed as code frames on stderr; the other files are still processed.
 * Exit 0 ok, 1 with `--check` when some file would change, 2 for syntax, usage or I/O errors.
 */
import { readFileSync } from 'node:fs';
import { formatDiagnostic } from '../../compile/code-frame.js';
import { formatSource } from '../../fmt/format.js';
import { fmtMsg } from '../../fmt/messages.js';
import { parseCommandArgs } from '../args.js';
import { FMT } from '../command-table.js';
import { collectFiles, displayPath, writeFileAtomic } from '../files.js';
import { type CliIO, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, write } from '../io.js';
import { type Lang, msg } from '../messages.js';

export async function fmtCommand(args: string[], io: CliIO, lang: Lang): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, FMT);
  const check = values.check === true;
  const toStdout = values.stdout === true;
  if (positionals.length === 0) throw new UsageError(msg(lang, 'missingArgument', 'fmt', '<files|dirs…>'));
  if (check && toStdout) throw new UsageError(fmtMsg(lang, 'checkAndStdout'));

  const { files, missing } = collectFiles(positionals, io.cwd, (name) => name.endsWith('.ind'));
  let failed = missing.length > 0;
  for (const path of missing) write(io.stderr, msg(lang, 'notFound', path));
  if (files.length === 0 && missing.length === 0) {
    write(io.stderr, msg(lang, 'noIndFiles', positionals.join(' ')));
    return EXIT_USAGE;
  }

  let changed = 0;
  let unchanged = 0;
  for (const file of files) {
    const shown = displayPath(file, io.cwd);
    let source: string;
    try {
      source = readFileSync(file, 'utf8');
    } catch (error) {
      write(io.stderr, fmtMsg(lang, 'readFailed', shown, reason(error)));
      failed = true;
      continue;
    }
    const result = formatSource(source, shown, { lang });
    if (result.text === undefined) {
      for (const d of result.diagnostics) write(io.stderr, formatDiagnostic(d, source, lang) + '\n');
      write(io.stderr, fmtMsg(lang, 'notFormatted', shown));
      failed = true;
      continue;
    }
    if (toStdout) {
      io.stdout.write(result.text);
      continue;
    }
    if (!result.changed) {
      unchanged++;
      continue;
    }
    changed++;
    if (check) {
      write(io.stdout, fmtMsg(lang, 'wouldChange', shown));
      continue;
    }
    try {
      writeFileAtomic(file, result.text);
      write(io.stdout, fmtMsg(lang, 'formatted', shown));
    } catch (error) {
      write(io.stderr, fmtMsg(lang, 'writeFailed', shown, reason(error)));
      failed = true;
    }
  }

  if (!toStdout) {
    const total = changed + unchanged;
    if (check) write(io.stderr, changed === 0 ? fmtMsg(lang, 'checkClean', total) : fmtMsg(lang, 'checkSummary', changed, total));
    else write(io.stderr, fmtMsg(lang, 'doneSummary', changed, unchanged));
  }
  if (failed) return EXIT_USAGE;
  return check && changed > 0 ? EXIT_FINDINGS : EXIT_OK;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
