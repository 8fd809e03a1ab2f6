/**
 * `jixiao sample --rules <sample.yaml> --seed <n> [--threshold 500万] [--share 10%] <data…>`:
 * picks the projects the finance bureau re-checks — all at or above the amount threshold, all
 * matching the declared high-risk criteria, plus a seeded random share of the rest — and prints
 * deterministic JSON: each pick with every reason it was picked (see src/rollup/sample.ts).
 * The same declaration, seed and records always give byte-identical output. Exit 0 ok, 1 when
 * some record could not be read or judged (still printed), 2 for usage or declaration errors and
 * input files that do not exist.
 * Diagnostics go through the shared printer (code frames, `--lang`).
 */
import { resolve } from 'node:path';
import { hasErrors } from '../../common/diagnostic.js';
import { parseAmount, parsePercent } from '../../rollup/quantity.js';
import { readAllRecords, readDeclarationFile } from '../../rollup/load.js';
import { parseSampleDeclaration, sample } from '../../rollup/sample.js';
import { parseCommandArgs } from '../args.js';
import { SAMPLE } from '../command-table.js';
import { locatedAt, printDiagnostics } from '../diagnostics.js';
import { inputsExist } from '../files.js';
import { type CliIO, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, write } from '../io.js';
import { msg, type Lang } from '../messages.js';

export async function sampleCommand(args: string[], io: CliIO, lang: Lang): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, SAMPLE);
  if (!values.rules) throw new UsageError(msg(lang, 'sampleNeedsRules'));
  if (values.seed === undefined || !/^\d+$/.test(values.seed) || Number(values.seed) > 0xffffffff) {
    throw new UsageError(msg(lang, 'sampleBadSeed'));
  }
  if (positionals.length === 0) throw new UsageError(msg(lang, 'sampleNoData'));
  const threshold = values.threshold === undefined ? undefined : parseAmount(values.threshold);
  if (threshold === null || threshold?.isNegative()) throw new UsageError(msg(lang, 'sampleBadThreshold', String(values.threshold)));
  const share = values.share === undefined ? undefined : parsePercent(values.share);
  if (share === null || (share && (share.isNegative() || share.greaterThan(1)))) throw new UsageError(msg(lang, 'sampleBadShare', String(values.share)));

  if (!inputsExist([values.rules, ...positionals], io, lang)) return EXIT_USAGE;
  const declarationFile = resolve(io.cwd, values.rules);
  const read = readDeclarationFile(declarationFile, values.rules, lang);
  const parsed = read.value === undefined ? read : parseSampleDeclaration(read.value, values.rules, lang);
  printDiagnostics(locatedAt(parsed.diagnostics, values.rules, declarationFile), io, lang);
  if (!('declaration' in parsed) || !parsed.declaration || hasErrors(parsed.diagnostics)) return EXIT_USAGE;

  const { records, errors } = await readAllRecords(
    positionals.map((p) => resolve(io.cwd, p)),
    lang,
  );
  for (const e of errors) write(io.stderr, e);
  const result = sample(parsed.declaration, records, {
    seed: Number(values.seed),
    lang,
    ...(threshold !== undefined ? { threshold } : {}),
    ...(share !== undefined ? { share } : {}),
  });
  printDiagnostics(result.diagnostics, io, lang);
  // Diagnostics in the JSON keep code, severity and message: positions mean nothing in data.
  const diagnostics = result.diagnostics.map(({ code, severity, message }) => ({ code, severity, message }));
  io.stdout.write(JSON.stringify({ ...result, diagnostics }, null, 2) + '\n');
  return errors.length > 0 || hasErrors(result.diagnostics) ? EXIT_FINDINGS : EXIT_OK;
}
