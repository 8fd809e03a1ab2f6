/**
 * `jixiao explain <file.ind|ir.json> <record> [--policy f.ind…] [--id ID]`: scores one record
 * with the full trace, applies the recommendation rules, and prints its scorecard as text in
 * the run's language (explain-text.ts) — what `jixiao eval` computes, read aloud. The data file
 * may hold several records: `--id` picks one, else the first is explained and stderr says so.
 * `--previous`/`--rectification` give the record its context as in `jixiao eval`. Exit 0 when
 * the record scored completely, 1 when it was rejected or has indicators that could not be
 * scored (as eval), 2 for usage or input errors.
 */
import { readRecords, recordId } from '../../data/index.js';
import { contextOptions, createAssessor } from '../../pipeline/assess.js';
import { rejectedResult } from '../../engine/index.js';
import { parseCommandArgs } from '../args.js';
import { EXPLAIN } from '../command-table.js';
import { loadCliContext } from '../context-input.js';
import { explainText } from '../explain-text.js';
import { ew } from '../tool-messages.js';
import { displayPath, inputsExist } from '../files.js';
import { type CliIO, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, write } from '../io.js';
import { type Lang, msg } from '../messages.js';
import { loadMapping, sheetReadOptions } from '../report/sheet-input.js';
import { loadRuleSet } from '../rule-loading.js';
import { resolve } from 'node:path';

export async function explainCommand(args: string[], io: CliIO, lang: Lang): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, EXPLAIN);
  const [rules, data, ...extra] = positionals;
  if (!rules || !data || extra.length > 0)
    throw new UsageError(msg('en', 'missingArgument', 'explain', '<file.ind|ir.json> <record>'), {
      key: 'missingArgument',
      args: ['explain', '<file.ind|ir.json> <record>'],
    });
  const ir = loadRuleSet({ rules, policies: values.policy ?? [], ...(values.framework ? { framework: values.framework } : {}) }, io, lang);
  if (!ir) return EXIT_USAGE;
  if (!inputsExist([data], io, lang)) return EXIT_USAGE;
  const mapping = loadMapping(values.mapping, io, lang);
  if (mapping === undefined) return EXIT_USAGE;
  const context = await loadCliContext(values, io, lang);
  if (!context.ok) return EXIT_USAGE;

  // relative where possible, as eval does: the path shows in record ids and messages
  const source = data === '-' ? '-' : displayPath(resolve(io.cwd, data), process.cwd());
  const shown = data === '-' ? '<stdin>' : data;
  let chosen: { record: unknown; error?: Parameters<typeof rejectedResult>[2][number]; fallbackId: string } | undefined;
  let count = 0;
  for await (const item of readRecords(source === '-' ? '-' : [source], sheetReadOptions(ir, mapping, io, lang))) {
    count++;
    const fallbackId = `${source}#${item.index}`;
    const candidate = { record: item.record, fallbackId, ...(item.error ? { error: item.error } : {}) };
    if (values.id === undefined ? chosen === undefined : recordId(item.record, fallbackId) === values.id) chosen ??= candidate;
  }
  if (!chosen) {
    write(io.stderr, values.id === undefined ? ew(lang, 'noRecord', { file: shown }) : ew(lang, 'noSuchId', { file: shown, id: values.id }));
    return EXIT_USAGE;
  }
  const lookup = context.join ? (id: string) => context.join!.contextFor(id) : undefined;
  const result = chosen.error
    ? rejectedResult(ir, chosen.fallbackId, [chosen.error])
    : createAssessor(ir, { lang, trace: 'full' }).assess(chosen.record, {
        fallbackId: chosen.fallbackId,
        ...(values.stage ? { stage: values.stage } : {}),
        ...contextOptions(chosen.record, chosen.fallbackId, lookup),
      });
  if (count > 1 && values.id === undefined) write(io.stderr, ew(lang, 'several', { file: shown, count, id: result.id }));
  io.stdout.write(explainText(result, ir, lang));
  const incomplete = result.indicators.some((i) => i.status === 'unavailable') || result.errors.length > 0;
  return result.status === 'rejected' || incomplete ? EXIT_FINDINGS : EXIT_OK;
}
