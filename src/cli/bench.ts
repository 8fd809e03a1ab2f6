/**
 * The measuring and the printing of `jixiao bench`: records are assessed (scored and
 * recommended, as every door does) in this thread, at each trace level, after a warm-up pass
 * that lets the JIT settle; then `rounds` timed passes over all records. Reading the files and
 * serialising results are outside the timing, so the figure is the engine's for these rules and
 * these records. Times come from an injected clock so the formatting is testable without timing.
 */
import type { RuleSetIR } from '../compile/ir.js';
import type { Lang } from '../common/lang.js';
import type { TraceLevel } from '../engine/result.js';
import { createAssessor } from '../pipeline/assess.js';
import { displayWidth } from '../compile/code-frame.js';
import { alignColumns } from './text-table.js';
import { benchWord } from './tool-messages.js';

export interface BenchRow {
  trace: TraceLevel;
  records: number;
  rounds: number;
  /** Milliseconds for all timed rounds. */
  elapsedMs: number;
}

export interface BenchItem {
  record: unknown;
  fallbackId: string;
}

/** Assessments the warm-up and the timing each run at least, so a small file still measures. */
export const WARM_UP_RECORDS = 2000;
export const TIMED_RECORDS = 5000;

/**
 * Per level: warm-up passes over all records until WARM_UP_RECORDS were assessed, then at least
 * `rounds` timed passes, more when needed to reach TIMED_RECORDS; `now` is a millisecond clock.
 */
export interface BenchOptions {
  levels: readonly TraceLevel[];
  rounds: number;
  lang: Lang;
  now: () => number;
  warmUpRecords?: number;
  timedRecords?: number;
}

export function runBench(ir: RuleSetIR, items: readonly BenchItem[], options: BenchOptions): BenchRow[] {
  const { rounds, lang, now } = options;
  return options.levels.map((trace) => {
    const assessor = createAssessor(ir, { lang, trace });
    let sink = 0;
    const pass = (): void => {
      for (const item of items) sink += assessor.assess(item.record, { fallbackId: item.fallbackId }).indicators.length;
    };
    const passesFor = (count: number): number => Math.max(1, Math.ceil(count / Math.max(items.length, 1)));
    for (let r = passesFor(options.warmUpRecords ?? WARM_UP_RECORDS); r > 0; r--) pass();
    const timed = Math.max(rounds, passesFor(options.timedRecords ?? TIMED_RECORDS));
    const start = now();
    for (let r = 0; r < timed; r++) pass();
    const elapsedMs = now() - start;
    // the sum is read, so no pass can be optimised away
    if (sink < 0) throw new Error('unreachable');
    return { trace, records: items.length, rounds: timed, elapsedMs };
  });
}

export function formatBench(ir: Pick<RuleSetIR, 'name' | 'version' | 'hash'>, rows: readonly BenchRow[], lang: Lang): string {
  const first = rows[0];
  const heading = benchWord(lang, 'heading', {
    name: ir.name,
    version: ir.version,
    hash: ir.hash.slice(0, 19),
    records: first?.records ?? 0,
    rounds: first?.rounds ?? 0,
  });
  const head = [benchWord(lang, 'trace', {}), benchWord(lang, 'perSecond', {}), benchWord(lang, 'perRecord', {})];
  const body = rows.map((row) => {
    const evaluated = row.records * row.rounds;
    const seconds = Math.max(row.elapsedMs, 1e-6) / 1000;
    return [row.trace, grouped(Math.round(evaluated / seconds)), ((seconds * 1e6) / Math.max(evaluated, 1)).toFixed(1)];
  });
  // numbers right-aligned under their headings: pad on the left to the column's width
  const widths = head.map((h, c) => Math.max(displayWidth(h), ...body.map((r) => r[c]!.length)));
  const rightAligned = body.map((r) => r.map((cell, c) => (c === 0 ? cell : cell.padStart(widths[c]!))));
  return [heading, benchWord(lang, 'scope', {}), '', ...alignColumns([head, ...rightAligned])].join('\n') + '\n';
}

export function unreadableNote(n: number, lang: Lang): string {
  return benchWord(lang, 'rejected', { n });
}

function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
