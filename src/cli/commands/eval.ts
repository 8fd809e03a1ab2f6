/**
 * `jixiao eval --rules <file.ind|ir.json> [--policy f.ind…] <data…|->`: scores records and
 * applies the recommendation rules. One record prints as pretty JSON; a batch prints NDJSON,
 * one result per line in input order; `--format table` prints a short human summary instead.
 * A rejected record still gets its result line (status "rejected", with errors), its reason goes
 * to stderr (and to `--errors FILE` as NDJSON), the batch goes on, and the exit code is 1.
 */
import { createWriteStream, renameSync } from 'node:fs';
import { resolve } from 'node:path';
import { readRecords } from '../../data/index.js';
import { serializeResult } from '../../engine/index.js';
import type { EvaluationResult } from '../../engine/result.js';
import { assessMany, createAssessor } from '../../pipeline/assess.js';
import { oneOf, parseCommandArgs } from '../args.js';
import { CliIO, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, write } from '../io.js';
import { Lang, msg } from '../messages.js';
import { loadRuleSet } from '../rule-loading.js';
import { formatResultTable } from '../result-table.js';

export async function evalCommand(args: string[], io: CliIO, lang: Lang): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    rules: { type: 'string', short: 'r' },
    policy: { type: 'string', multiple: true },
    framework: { type: 'string' },
    out: { type: 'string', short: 'o' },
    format: { type: 'string' },
    errors: { type: 'string' },
    stage: { type: 'string' },
  });
  if (!values.rules) throw new UsageError(msg(lang, 'missingArgument', 'eval', '--rules <file.ind|ir.json>'));
  if (positionals.length === 0) throw new UsageError(msg(lang, 'missingArgument', 'eval', '<data…|->'));
  const requested = values.format ? oneOf(values.format, ['json', 'ndjson', 'table'] as const, '--format', 'json') : undefined;

  const ir = loadRuleSet(
    { rules: values.rules, policies: values.policy ?? [], ...(values.framework ? { framework: values.framework } : {}) },
    io,
    lang,
  );
  if (!ir) return EXIT_USAGE;
  const sources = positionals.length === 1 && positionals[0] === '-' ? '-' : positionals.map((p) => resolve(io.cwd, p));
  const records = readRecords(sources, { stdin: io.stdin });
  const results = assessMany(createAssessor(ir), records, values.stage ? { stage: values.stage } : {});

  const sink = openSink(values.out ? resolve(io.cwd, values.out) : undefined, io);
  const errorSink = values.errors ? openSink(resolve(io.cwd, values.errors), io) : undefined;
  let count = 0;
  let rejected = 0;
  let pending: EvaluationResult | undefined;
  const table: EvaluationResult[] = [];
  const emit = (result: EvaluationResult, format: 'json' | 'ndjson') => {
    if (requested === 'table') table.push(result);
    else sink.write(format === 'json' ? JSON.stringify(JSON.parse(serializeResult(result)), null, 2) + '\n' : serializeResult(result) + '\n');
  };
  for await (const result of results) {
    count++;
    if (result.status === 'rejected') {
      rejected++;
      for (const error of result.errors) write(io.stderr, msg(lang, 'rejected', result.id, error.message));
      errorSink?.write(JSON.stringify({ id: result.id, errors: result.errors }) + '\n');
    }
    // the first result waits: one record prints as pretty JSON, more as NDJSON
    if (count === 1) pending = result;
    else {
      if (pending) emit(pending, requested === 'json' ? 'json' : 'ndjson');
      pending = undefined;
      emit(result, requested === 'json' ? 'json' : 'ndjson');
    }
  }
  if (pending) emit(pending, requested === 'ndjson' ? 'ndjson' : 'json');
  if (requested === 'table') sink.write(formatResultTable(table, lang));
  await sink.close();
  await errorSink?.close();
  if (count > 1 || rejected > 0) write(io.stderr, msg(lang, 'evalSummary', count, count - rejected, rejected));
  return rejected > 0 ? EXIT_FINDINGS : EXIT_OK;
}

interface Sink {
  write(text: string): void;
  close(): Promise<void>;
}

/** stdout, or a file written to a temporary name and renamed on close (no half-written results). */
function openSink(path: string | undefined, io: CliIO): Sink {
  if (!path) return { write: (text) => void io.stdout.write(text), close: async () => {} };
  const temp = `${path}.${process.pid}.tmp`;
  const stream = createWriteStream(temp);
  return {
    write: (text) => void stream.write(text),
    close: () =>
      new Promise((done, fail) => {
        stream.end(() => {
          try {
            renameSync(temp, path);
            done();
          } catch (error) {
            fail(error);
          }
        });
      }),
  };
}
