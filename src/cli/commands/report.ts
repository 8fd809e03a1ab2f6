/**
 * `jixiao report --rules <file.ind|ir.json> [--policy …] <data…> --out DIR`: evaluates the
 * records through the same pipeline as `jixiao eval` (so the numbers are the same) and writes,
 * per record, the public-disclosure report `DIR/<id>.md` and `DIR/<id>.html`, then the batch
 * summary `DIR/summary.md` + `summary.html` and the results workbook `DIR/results.xlsx`.
 * `--results FILE…` renders saved `jixiao eval` output instead of evaluating (the results must
 * come from the same rule set: its hash is checked). `--format md,html` picks the document
 * formats, `--summary-only` skips the per-project files, `--out -` prints Markdown to stdout.
 * `--previous FILE` / `--rectification FILE` give records their context as in `jixiao eval`.
 * `--pdf` also prints every HTML file to PDF with the machine's Chromium (CHROME_PATH or the usual
 * paths; none → a bilingual message and exit 2 before anything is written). `--narrative FILE`
 * gives the evaluator's own text per project (YAML/JSON keyed by id), `--issuer` and `--date` the
 * 落款. Documents are in Chinese unless `--lang` was given.
 * Constant memory per project; progress on a terminal. Exit 0 ok, 1 rejected records, 2 usage
 * or input errors.
 */
import { resolve } from 'node:path';
import { readRecords } from '../../data/read-records.js';
import type { EvaluationResult } from '../../engine/result.js';
import type { ProjectInfo } from '../../report/input.js';
import { assessParallel } from '../../pipeline/parallel.js';
import { parseCommandArgs, wholeNumberOption, yearOption } from '../args.js';
import { REPORT } from '../command-table.js';
import { displayPath, inputsExist } from '../files.js';
import { type CliIO, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, write } from '../io.js';
import { cliWord, type Lang, msg } from '../messages.js';
import { createProgress } from '../progress.js';
import { tapInfo } from '../report/info-tap.js';
import { ReportWriter, type ReportFormat } from '../report/report-writer.js';
import { csvEncoding, loadMapping, sheetReadOptions } from '../report/sheet-input.js';
import { loadRuleSet } from '../rule-loading.js';
import { loadCliContext, reportUnmatched } from '../context-input.js';
import { defaultWorkers } from './eval.js';
import { documentLang, type CommandContext } from '../report/document-lang.js';
import { loadNarratives, type ReportTexts } from '../report/narratives.js';
import { render } from '../../common/catalogue.js';
import { REPORT_CLI_MESSAGES } from '../report/report-messages.js';
import { findChromium, noChromiumMessage, pdfPrinter, printFolder } from '../report/pdf.js';

interface Rendered {
  result: EvaluationResult;
  json: string;
  info: ProjectInfo;
}

export async function reportCommand(args: string[], io: CliIO, lang: Lang, commandContext?: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, REPORT);
  const docLang = documentLang(lang, commandContext);
  if (!values.rules) throw new UsageError(msg(lang, 'missingArgument', 'report', '--rules <file.ind|ir.json>'));
  if (!values.out) throw new UsageError(msg(lang, 'missingArgument', 'report', '--out <dir>'));
  const resultFiles = values.results ?? [];
  if (resultFiles.length > 0 && positionals.length > 0) throw new UsageError(msg(lang, 'dataAndResults'));
  if (resultFiles.length > 0 && (values.previous || values.rectification)) throw new UsageError(msg(lang, 'contextWithResults'));
  if (resultFiles.length === 0 && positionals.length === 0) throw new UsageError(msg(lang, 'missingArgument', 'report', '<data…> | --results FILE'));
  const formats = parseFormats(values.format, lang);
  if (values.out === '-' && formats.includes('html')) throw new UsageError(msg(lang, 'reportStdoutMarkdownOnly'));
  if (values.pdf && values.out === '-') throw new UsageError(render(REPORT_CLI_MESSAGES, 'pdfNeedsDir', {}, lang).message);
  if (values.pdf && !formats.includes('html')) formats.push('html');
  const chromium = values.pdf ? findChromium(io.env) : null;
  if (values.pdf && chromium === null) {
    write(io.stderr, `jixiao report: ${noChromiumMessage(io.env)}`);
    return EXIT_USAGE;
  }
  const workers = values.workers === undefined ? defaultWorkers([...positionals, ...resultFiles], io.cwd) : wholeNumberOption(values.workers, '--workers', 0);

  if (!inputsExist([...positionals, ...resultFiles], io, lang)) return EXIT_USAGE;
  const ir = loadRuleSet({ rules: values.rules, policies: values.policy ?? [], ...(values.framework ? { framework: values.framework } : {}) }, io, lang);
  if (!ir) return EXIT_USAGE;
  const mapping = loadMapping(values.mapping, io, lang);
  if (mapping === undefined) return EXIT_USAGE;
  const context = await loadCliContext(values, io, lang);
  if (!context.ok) return EXIT_USAGE;
  const texts: ReportTexts | null = loadNarratives(values.narrative, { issuer: values.issuer, date: values.date }, io, lang);
  if (texts === null) return EXIT_USAGE;

  const dir = values.out === '-' ? '-' : resolve(io.cwd, values.out);
  let writer: ReportWriter;
  try {
    writer = new ReportWriter({
      dir,
      formats,
      summaryOnly: values['summary-only'] === true,
      lang: docLang,
      messageLang: lang,
      ir,
      io,
      workers,
      texts,
      ...(mapping?.form ? { form: mapping.form } : {}),
    });
  } catch (error) {
    // the output directory cannot be created (a file in the way, no permission): an input error
    write(io.stderr, msg(lang, 'cannotWrite', values.out, (error as NodeJS.ErrnoException).code ?? String(error)));
    return EXIT_USAGE;
  }
  const progress = createProgress(io, cliWord(lang, 'progressReport'), undefined, 1000);
  const shown = (paths: string[]) => paths.map((p) => displayPath(resolve(io.cwd, p), process.cwd()));
  let count = 0;
  let rejected = 0;
  let inputErrors = 0;

  async function* fromData(): AsyncIterable<Rendered> {
    const tap = tapInfo(readRecords(shown(positionals), sheetReadOptions(ir!, mapping ?? null, io, lang, csvEncoding(values.encoding))));
    const results = assessParallel(ir!, tap.items, {
      workers,
      // results' own texts (findings, reasons) are quoted in the documents: in the documents' language
      lang: docLang,
      ...(values.stage ? { stage: values.stage } : {}),
      ...yearOption(values.year),
      ...(context.join ? { contextFor: context.join.contextFor } : {}),
    });
    for await (const r of results) yield { result: JSON.parse(r.json) as EvaluationResult, json: r.json, info: tap.take() };
  }

  async function* fromResults(): AsyncIterable<Rendered> {
    for await (const entry of readRecords(shown(resultFiles), { lang })) {
      const where = `${entry.source}#${entry.index}`;
      if (entry.error) {
        write(io.stderr, entry.error.message);
        inputErrors++;
        continue;
      }
      if (!isResult(entry.record)) {
        write(io.stderr, msg(lang, 'notAResult', where));
        inputErrors++;
        continue;
      }
      if (entry.record.ruleset.hash !== ir!.hash) {
        write(io.stderr, msg(lang, 'resultsMismatch', where, entry.record.ruleset.name, entry.record.ruleset.hash, ir!.hash));
        inputErrors++;
        return;
      }
      yield { result: entry.record, json: JSON.stringify(entry.record), info: {} };
    }
  }

  try {
    for await (const { result, json, info } of resultFiles.length > 0 ? fromResults() : fromData()) {
      count++;
      progress.tick();
      if (result.status === 'rejected') {
        rejected++;
        for (const error of result.errors) write(io.stderr, msg(lang, 'rejected', result.id, error.message));
      }
      await writer.add(result, json, info);
    }
    if (inputErrors > 0) {
      await writer.abort();
      progress.done();
      return EXIT_USAGE;
    }
    await writer.finish();
  } catch (error) {
    await writer.abort();
    throw error;
  }
  progress.done();
  if (chromium !== null) {
    const printer = pdfPrinter(chromium);
    try {
      writer.written += await printFolder(printer, dir);
    } finally {
      printer.close();
    }
  }
  write(io.stderr, msg(lang, 'evalSummary', count, count - rejected, rejected));
  reportUnmatched(context.join, io, lang);
  if (dir !== '-') write(io.stderr, msg(lang, 'reportSummary', writer.written, displayPath(dir, io.cwd)));
  return rejected > 0 ? EXIT_FINDINGS : EXIT_OK;
}

function parseFormats(text: string | undefined, lang: Lang): ReportFormat[] {
  if (text === undefined) return ['md', 'html'];
  const list = text
    .split(',')
    .map((f) => f.trim().toLowerCase())
    .filter((f) => f !== '');
  const bad = list.filter((f) => f !== 'md' && f !== 'html');
  if (bad.length > 0 || list.length === 0) throw new UsageError(msg(lang, 'reportBadFormat', text));
  return [...new Set(list)] as ReportFormat[];
}

function isResult(value: unknown): value is EvaluationResult {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  const rs = v.ruleset as Record<string, unknown> | undefined;
  return (
    typeof v.id === 'string' &&
    typeof v.status === 'string' &&
    !!rs &&
    typeof rs.hash === 'string' &&
    Array.isArray(v.indicators) &&
    Array.isArray(v.recommendations)
  );
}
