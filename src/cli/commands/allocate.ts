/**
 * `jixiao allocate --pool <amount> --factors <factors.yaml> [--rules <file.ind> [--policy …]
 * [--framework …]] <results|data…>`: splits a special fund by the factor method (因素法) with
 * each recipient's performance coefficient taken from its grade through the factor file's
 * declared mapping. Inputs are evaluation results (`jixiao eval` output, which carry `grade`),
 * or data records that `--rules` scores first (factor `field`s are then read from the data).
 * Prints JSON: the fund, each recipient's grade, and the allocation of `allocate()` — amounts
 * exact to the cent that sum exactly to the pool, with the trace. Exit 0 ok, 2 when the pool,
 * the factor file or the inputs cannot be used (diagnostics on stderr).
 */
import { resolve } from 'node:path';
import { createAssessor } from '../../pipeline/assess.js';
import type { Diagnostic } from '../../common/diagnostic.js';
import { allocate } from '../../recommend/index.js';
import { allocationInput, parseFactorFile } from '../../rollup/factors.js';
import { readAllRecords, readDeclarationFile } from '../../rollup/load.js';
import { parseAmount } from '../../rollup/quantity.js';
import { parseCommandArgs } from '../args.js';
import { ALLOCATE } from '../command-table.js';
import { locatedAt, printDiagnostics } from '../diagnostics.js';
import { inputsExist } from '../files.js';
import { type CliIO, EXIT_OK, EXIT_USAGE, UsageError, write } from '../io.js';
import { msg, type Lang } from '../messages.js';
import { loadRuleSet } from '../rule-loading.js';

export async function allocateCommand(args: string[], io: CliIO, lang: Lang): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, ALLOCATE);
  if (!values.pool || !values.factors) throw new UsageError(msg(lang, 'allocateNeedsPoolAndFactors'));
  if (positionals.length === 0) throw new UsageError(msg(lang, 'allocateNoRecipients'));
  const pool = parseAmount(values.pool);
  if (!pool || pool.isNegative() || pool.decimalPlaces() > 2) throw new UsageError(msg(lang, 'allocateBadPool', values.pool));

  if (!inputsExist([values.factors, ...positionals], io, lang)) return EXIT_USAGE;
  const factorFile = resolve(io.cwd, values.factors);
  const read = readDeclarationFile(factorFile, values.factors, lang);
  const parsed = read.value === undefined ? read : parseFactorFile(read.value, values.factors, lang);
  // one printer for every diagnostic: code frames into the factor file, the user's language
  const report = (ds: { diagnostics: Diagnostic[] }): void => printDiagnostics(locatedAt(ds.diagnostics, values.factors!, factorFile), io, lang);
  report(parsed);
  if (!('factors' in parsed) || !parsed.factors) return EXIT_USAGE;

  const { records, errors } = await readAllRecords(
    positionals.map((p) => resolve(io.cwd, p)),
    lang,
  );
  for (const e of errors) write(io.stderr, e);
  if (errors.length > 0) return EXIT_USAGE;
  let graded = records;
  if (values.rules) {
    const ir = loadRuleSet({ rules: values.rules, policies: values.policy ?? [], ...(values.framework ? { framework: values.framework } : {}) }, io, lang);
    if (!ir) return EXIT_USAGE;
    const assessor = createAssessor(ir, { lang });
    // The grade comes from scoring; every other field (factor values) from the data itself.
    graded = records.map((r, i) => ({ ...(r as object), grade: assessor.assess(r, { fallbackId: `#${i + 1}` }).grade }));
  }
  const built = allocationInput(parsed.factors, pool.toFixed(2), graded, lang);
  report(built);
  if (!built.input) return EXIT_USAGE;
  const result = allocate(built.input);
  report(result);
  if (result.diagnostics.length > 0) return EXIT_USAGE;
  const diagnostics = result.diagnostics.map(({ code, severity, message }) => ({ code, severity, message }));
  io.stdout.write(JSON.stringify({ fund: parsed.factors.fund, grades: built.grades, ...result, diagnostics }, null, 2) + '\n');
  return EXIT_OK;
}
