/**
 * `jixiao check <files|dirs…>`: compiles every indicator file it is given and prints every
 * problem found, as `file:line:col CODE message`, the source line, a caret under the range and a
 * hint — or as JSON with `--format json` — worded in the `--lang` language. Exit 0 when there is no error (warnings alone do not
 * fail unless `--warnings-as-errors`), 1 when there are problems, 2 for usage or I/O errors.
 */
import { oneOf, parseCommandArgs } from '../args.js';
import { CHECK } from '../command-table.js';
import { checkIndicatorFiles, printDiagnostics } from '../diagnostics.js';
import { collectFiles, displayPath } from '../files.js';
import { type CliIO, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, write } from '../io.js';
import { type Lang, msg } from '../messages.js';

export async function checkCommand(args: string[], io: CliIO, lang: Lang): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, CHECK);
  const format = oneOf(values.format, ['text', 'json'] as const, '--format', 'text');
  if (positionals.length === 0) throw new UsageError(msg(lang, 'missingArgument', 'check', '<files|dirs…>'));

  const { files, missing } = collectFiles(positionals, io.cwd, (name) => name.endsWith('.ind'));
  for (const path of missing) write(io.stderr, msg(lang, 'notFound', path));
  if (missing.length > 0) return EXIT_USAGE;
  if (files.length === 0) {
    write(io.stderr, msg(lang, 'noIndFiles', positionals.join(' ')));
    return EXIT_USAGE;
  }

  const diagnostics = checkIndicatorFiles(files, lang);
  const shown = diagnostics.map((d) => ({ ...d, file: displayPath(d.file, io.cwd) }));
  const errors = shown.filter((d) => d.severity === 'error').length;
  const warnings = shown.filter((d) => d.severity === 'warning').length;

  if (format === 'json') {
    write(io.stdout, JSON.stringify({ files: files.length, errors, warnings, diagnostics: shown }, null, 2));
  } else {
    printDiagnostics(diagnostics, io, lang, { stream: io.stdout });
    const filesWithProblems = new Set(shown.map((d) => d.file)).size;
    write(io.stdout, shown.length === 0 ? msg(lang, 'checkClean', files.length) : msg(lang, 'checkSummary', errors, warnings, filesWithProblems));
  }
  const failed = errors > 0 || (values['warnings-as-errors'] === true && warnings > 0);
  return failed ? EXIT_FINDINGS : EXIT_OK;
}
