/**
 * `jixiao bench <file.ind|ir.json> <data…> [--policy f.ind…] [--rounds N] [--trace LEVEL]`:
 * records per second and µs per record of the user's own rules on the user's own records, at
 * each trace level (bench.ts), so a bureau can size a batch or a service before running it.
 * Records are read once, before timing; unreadable ones are left out and counted on stderr.
 * Exit 0, or 2 for usage or input errors (no records, rules that do not compile).
 */
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readRecords } from '../../data/index.js';
import { TRACE_LEVELS } from '../../engine/result.js';
import { oneOf, parseCommandArgs, wholeNumberOption } from '../args.js';
import { type BenchItem, formatBench, runBench, unreadableNote } from '../bench.js';
import { BENCH } from '../command-table.js';
import { displayPath, inputsExist } from '../files.js';
import { type CliIO, EXIT_OK, EXIT_USAGE, UsageError, write } from '../io.js';
import { type Lang, msg } from '../messages.js';
import { loadMapping, sheetReadOptions } from '../report/sheet-input.js';
import { loadRuleSet } from '../rule-loading.js';

export async function benchCommand(args: string[], io: CliIO, lang: Lang): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, BENCH);
  const [rules, ...data] = positionals;
  const needs = '<file.ind|ir.json> <data…>';
  if (!rules || data.length === 0) throw new UsageError(msg('en', 'missingArgument', 'bench', needs), { key: 'missingArgument', args: ['bench', needs] });
  const rounds = wholeNumberOption(values.rounds, '--rounds', 5);
  if (rounds === 0) throw new UsageError(msg('en', 'optionWholeNumber', '--rounds'), { key: 'optionWholeNumber', args: ['--rounds'] });
  const levels = values.trace === undefined ? TRACE_LEVELS : [oneOf(values.trace, TRACE_LEVELS, '--trace', 'full')];
  const ir = loadRuleSet({ rules, policies: values.policy ?? [], ...(values.framework ? { framework: values.framework } : {}) }, io, lang);
  if (!ir) return EXIT_USAGE;
  if (!inputsExist(data, io, lang)) return EXIT_USAGE;
  const mapping = loadMapping(values.mapping, io, lang);
  if (mapping === undefined) return EXIT_USAGE;

  const items: BenchItem[] = [];
  let unreadable = 0;
  const sources = data.map((p) => displayPath(resolve(io.cwd, p), process.cwd()));
  for await (const item of readRecords(sources, sheetReadOptions(ir, mapping, io, lang))) {
    if (item.error) unreadable++;
    else items.push({ record: item.record, fallbackId: `${item.source}#${item.index}` });
  }
  if (unreadable > 0) write(io.stderr, unreadableNote(unreadable, lang));
  if (items.length === 0) {
    write(io.stderr, msg(lang, 'missingArgument', 'bench', '<data…>'));
    return EXIT_USAGE;
  }
  io.stdout.write(formatBench(ir, runBench(ir, items, { levels, rounds, lang, now: () => performance.now() }), lang));
  return EXIT_OK;
}
