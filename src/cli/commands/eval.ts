/**
 * `jixiao eval --rules <file.ind|ir.json> [--policy f.ind…] <data…|->`: scores records and
 * applies the recommendation rules. One record prints as pretty JSON; a batch prints NDJSON,
 * one result per line in input order; `--format table` prints a short human summary instead.
 * Batches run on every core (`--workers N`, 0 = this thread) with output in input order, in
 * constant memory (every output's backpressure reaches back to the reader). A rejected record still gets its result line (status "rejected"), its reason
 * goes to stderr (and to `--errors FILE` as NDJSON), the batch goes on, and the exit code is 1;
 * a scored record with indicators or rules that could not be computed (unavailable) is named on
 * stderr with the reasons, and the exit code is 1 too.
 * `--out` files are written under a temporary name and renamed when complete; `--out x.xlsx`
 * writes the results workbook (one row per project, a sheet per dimension) instead of NDJSON.
 * Data may be spreadsheets (.xlsx, .csv): one record per row, columns mapped by `--mapping` or
 * by the rule set's data schema; a bad cell rejects its row (naming row and column) only.
 * `--previous FILE` (last year's results) and `--rectification FILE` (rectification status),
 * repeatable, give each record its context by id (src/pipeline/context-sources.ts).
 */
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { readRecords } from '../../data/index.js';
import { TRACE_LEVELS, type EvaluationResult } from '../../engine/result.js';
import { assessParallel } from '../../pipeline/parallel.js';
import type { ResultSummary, SerializedResult } from '../../pipeline/parallel-protocol.js';
import { oneOf, parseCommandArgs, wholeNumberOption } from '../args.js';
import { EVAL } from '../command-table.js';
import { AdjacentLines } from '../adjacent-lines.js';
import { openSink } from '../sink.js';
import { displayPath, inputsExist } from '../files.js';
import { type CliIO, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, write } from '../io.js';
import { type Lang, msg } from '../messages.js';
import { createProgress } from '../progress.js';
import { loadRuleSet } from '../rule-loading.js';
import { loadCliContext, reportUnmatched } from '../context-input.js';
import { formatResultTable } from '../result-table.js';
import { tapInfo } from '../report/info-tap.js';
import { ResultsSpool } from '../report/results-spool.js';
import { csvEncoding, loadMapping, sheetReadOptions } from '../report/sheet-input.js';

export async function evalCommand(args: string[], io: CliIO, lang: Lang): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, EVAL);
  if (!values.rules) throw new UsageError(msg(lang, 'missingArgument', 'eval', '--rules <file.ind|ir.json>'));
  if (positionals.length === 0) throw new UsageError(msg(lang, 'missingArgument', 'eval', '<data…|->'));
  const requested = values.format ? oneOf(values.format, ['json', 'ndjson', 'table'] as const, '--format', 'json') : undefined;
  const trace = values.trace === undefined ? undefined : oneOf(values.trace, TRACE_LEVELS, '--trace', 'full');
  const workers = values.workers === undefined ? defaultWorkers(positionals, io.cwd) : wholeNumberOption(values.workers, '--workers', 0);

  const ir = loadRuleSet({ rules: values.rules, policies: values.policy ?? [], ...(values.framework ? { framework: values.framework } : {}) }, io, lang);
  if (!ir) return EXIT_USAGE;
  if (!inputsExist(positionals, io, lang)) return EXIT_USAGE;
  const mapping = loadMapping(values.mapping, io, lang);
  if (mapping === undefined) return EXIT_USAGE;
  const context = await loadCliContext(values, io, lang);
  if (!context.ok) return EXIT_USAGE;
  const xlsxOut = values.out !== undefined && /\.xlsx$/i.test(values.out) ? resolve(io.cwd, values.out) : undefined;

  // relative where possible: the path shows in record ids and messages
  const sources = positionals.length === 1 && positionals[0] === '-' ? '-' : positionals.map((p) => displayPath(resolve(io.cwd, p), process.cwd()));
  // the workbook shows each project's name, department and town: read them on the way in
  const tap = xlsxOut ? tapInfo(readRecords(sources, sheetReadOptions(ir, mapping, io, lang, csvEncoding(values.encoding)))) : undefined;
  const results = assessParallel(ir, tap?.items ?? readRecords(sources, sheetReadOptions(ir, mapping, io, lang, csvEncoding(values.encoding))), {
    workers,
    lang,
    ...(trace ? { trace } : {}),
    ...(values.stage ? { stage: values.stage } : {}),
    ...(context.join ? { contextFor: context.join.contextFor } : {}),
  });
  const spool = tap ? new ResultsSpool() : undefined;

  const sink = openSink(values.out && !xlsxOut ? resolve(io.cwd, values.out) : undefined, io);
  const errorSink = values.errors ? openSink(resolve(io.cwd, values.errors), io) : undefined;
  const progress = createProgress(io, 'eval');
  const table: EvaluationResult[] = [];
  const lines = new AdjacentLines();
  // wait for a slow disk or pipe: the batch pulls no more records until the output keeps up
  const output = async (data: string | Uint8Array | undefined) => {
    if (data !== undefined && !sink.write(data)) await sink.drained();
  };
  const emit = async (result: SerializedResult, format: 'json' | 'ndjson') => {
    if (spool && tap) await spool.add(result.json, tap.take());
    else if (requested === 'table') table.push(JSON.parse(result.json) as EvaluationResult);
    else if (format === 'ndjson') await output(lines.add(result.line));
    else {
      await output(lines.take());
      await output(JSON.stringify(JSON.parse(result.json), null, 2) + '\n');
    }
  };
  let count = 0;
  let rejected = 0;
  let incomplete = 0;
  let first: SerializedResult | undefined;
  try {
    for await (const result of results) {
      count++;
      progress.tick();
      if (result.summary.status === 'rejected') {
        rejected++;
        for (const error of result.summary.errors) write(io.stderr, msg(lang, 'rejected', result.summary.id, error.message));
        if (errorSink && !errorSink.write(JSON.stringify({ id: result.summary.id, errors: result.summary.errors }) + '\n')) await errorSink.drained();
      } else if (noteIncomplete(result.summary, io, lang)) {
        incomplete++;
      }
      // the first result waits: a lone record prints as pretty JSON, a batch as NDJSON
      if (count === 1) first = result;
      else {
        if (first) await emit(first, requested === 'json' ? 'json' : 'ndjson');
        first = undefined;
        await emit(result, requested === 'json' ? 'json' : 'ndjson');
      }
    }
    if (first) await emit(first, requested === 'ndjson' ? 'ndjson' : 'json');
    await output(lines.take());
    if (requested === 'table' && !spool) sink.write(formatResultTable(table, lang));
    if (spool && xlsxOut) {
      await spool.writeWorkbook(xlsxOut, ir, lang);
      write(io.stderr, msg(lang, 'xlsxWritten', displayPath(xlsxOut, io.cwd), count));
    }
  } catch (error) {
    sink.abort();
    errorSink?.abort();
    spool?.dispose();
    throw error;
  }
  progress.done();
  await sink.close();
  await errorSink?.close();
  if (count > 1 || rejected > 0) write(io.stderr, msg(lang, 'evalSummary', count, count - rejected, rejected));
  if (incomplete > 0) write(io.stderr, msg(lang, 'evalIncomplete', incomplete));
  reportUnmatched(context.join, io, lang);
  return rejected > 0 || incomplete > 0 ? EXIT_FINDINGS : EXIT_OK;
}

// Rule errors that leave a rule unavailable for the record (unavailable.ts, failed-facts.ts).
const RULE_UNAVAILABLE = new Set(['REC572', 'REC573']);
const LISTED = 3;

/**
 * A scored record whose indicators or rules could not all be computed says so on stderr (its
 * total leaves those out): one line for its indicators, one per unavailable rule. True when it
 * had any, so the batch's exit code can tell.
 */
function noteIncomplete(summary: ResultSummary, io: CliIO, lang: Lang): boolean {
  const rules = summary.errors.filter((e) => RULE_UNAVAILABLE.has(e.code));
  const unavailable = summary.unavailable ?? [];
  const n = unavailable.length;
  if (n === 0 && rules.length === 0) return false;
  if (n > 0) {
    const listed = unavailable
      .slice(0, LISTED)
      .map((u) => (u.message ? `${u.code} ${u.message}` : `${u.path} (${u.code})`))
      .join(lang === 'zh' ? '；' : '; ');
    write(io.stderr, msg(lang, 'indicatorsUnavailable', summary.id, n, n > LISTED ? `${listed} …` : listed));
  }
  for (const e of rules) write(io.stderr, msg(lang, 'ruleUnavailable', summary.id, `${e.code} ${e.message}`));
  return true;
}

/** Threads pay off for batches (directories, line-delimited files, many files), not for one record. */
export function defaultWorkers(paths: string[], cwd: string): number {
  const batchy =
    paths.length > 1 ||
    paths.some((p) => {
      const full = resolve(cwd, p);
      return /\.(ndjson|jsonl|xlsx|csv)$/i.test(p) || (existsSync(full) && statSync(full).isDirectory());
    });
  return batchy ? availableParallelism() : 0;
}
