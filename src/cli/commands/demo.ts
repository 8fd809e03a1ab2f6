/**
 * `jixiao demo [--out DIR]`: the whole closed loop on the shipped demo city — checks the
 * indicator library, scores every town, department and project at every stage, applies the
 * policy rules, carries the results round the loop (monitoring into ex-post, re-check sample,
 * self-evaluation re-check, roll-ups and linkage, special-fund allocation), prints a summary and
 * writes results, reports and the loop's JSON into DIR (default demo-output/); the reports are in
 * Chinese unless `--lang` was given, the terminal summary in the terminal's language. Exit 1 when the
 * library has errors, any record was rejected or a loop step could not run.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCommandArgs } from '../args.js';
import { DEMO } from '../command-table.js';
import { displayPath } from '../files.js';
import { type CliIO, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, write } from '../io.js';
import { cliWord, msg, type Lang } from '../messages.js';
import { createProgress } from '../progress.js';
import { formatDemoSummary } from '../demo/print-summary.js';
import { readDemoIndex, runDemo } from '../demo/run-demo.js';
import { documentLang, type CommandContext } from '../report/document-lang.js';

/** The repository root: the demo ships with the package, wherever the user runs the command. */
const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export async function demoCommand(args: string[], io: CliIO, lang: Lang, context?: CommandContext): Promise<number> {
  const { values } = parseCommandArgs(args, DEMO);
  const outDir = resolve(io.cwd, values.out ?? 'demo-output');
  if (!existsSync(join(PACKAGE_ROOT, 'examples/demo-city/index.yaml'))) {
    write(io.stderr, `jixiao demo: ${msg(lang, 'demoDataMissing', PACKAGE_ROOT)}`);
    return EXIT_USAGE;
  }
  mkdirSync(outDir, { recursive: true });
  const index = readDemoIndex(PACKAGE_ROOT);
  const total = index.datasets.reduce((n, s) => n + s.records, 0);
  const progress = createProgress(io, cliWord(lang, 'progressEvaluating'), total, 250);
  const run = await runDemo({ root: PACKAGE_ROOT, outDir, lang, docLang: documentLang(lang, context), onRecord: () => progress.tick() });
  progress.done();
  write(io.stdout, formatDemoSummary(run, index.city, displayPath(outDir, io.cwd), lang));
  const libraryErrors = run.library.diagnostics.some((d) => d.severity === 'error');
  const setErrors = run.sets.some((s) => !s.ir || s.items.some((i) => i.result.status === 'rejected'));
  const loopErrors = run.loop?.diagnostics.some((d) => d.severity === 'error') ?? false;
  return libraryErrors || setErrors || loopErrors ? EXIT_FINDINGS : EXIT_OK;
}
