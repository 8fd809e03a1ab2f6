/**
 * The decision log: every evaluation the service performs is appended as one NDJSON line —
 * decision id (uuid), time, rule set name/version/hash, the sha-256 of the record's canonical
 * JSON (keys sorted, no whitespace), the same hash of the request's context when one was sent
 * (last year's result, rectification status), and a summary of the result (status, total, grade,
 * recommendation count). The record itself is not logged (it may hold personal data); the
 * hash lets an auditor who holds the record prove which input produced a decision.
 *
 * Rotation (`jixiao serve --decision-log-max-size`, `--decision-log-rotate daily`): before a line
 * would take the file past the size, or when the UTC day changes, the file is renamed to
 * `<name>.<ISO time>.<ext>` and a new one started at the same path; whole lines only, none lost.
 * Shipping picks up the rotated files; the live file is always the configured path. Lines logged
 * in one turn of the event loop (a batch's) are handed to the file as one write at its end.
 *
 * Replay: given a log line and the record, `replayDecision` checks the record's hash against
 * the line, re-evaluates it with the rule set version named by the line's hash, and reports
 * whether the summary is reproduced. Because evaluation is deterministic (same IR + same data
 * → same result), any difference means the record or the rule set is not the one logged.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, existsSync, openSync, renameSync, statSync, type WriteStream } from 'node:fs';
import { extname } from 'node:path';
import { canonicalJson } from '../compile/hash.js';
import type { EvaluationResult } from '../engine/result.js';
import type { RecommendContext } from '../recommend/index.js';
import type { PreparedRuleSet } from './toolchain.js';

export interface DecisionSummary {
  status: EvaluationResult['status'];
  total: number | null;
  grade: string | null;
  recommendations: number;
}

export interface DecisionEntry {
  decisionId: string;
  time: string;
  ruleset: { name: string; version: string; hash: string };
  recordId: string;
  inputHash: string;
  /** sha-256 of the context's canonical JSON, when the request sent one: it changes decisions. */
  contextHash?: string;
  summary: DecisionSummary;
}

/** A decision-log line for one of the loop's other steps (roll-up, sampling, allocation). */
export interface StepEntry {
  decisionId: string;
  time: string;
  step: 'rollup' | 'sample' | 'allocation';
  declaration: { name: string; hash: string };
  rulesets: { name: string; version: string; hash: string }[];
  inputHash: string;
  summary: Record<string, unknown>;
}

/** JSON with object keys sorted at every level, so equal records hash equally (the IR's own canonical form). */
export { canonicalJson };

export function inputHash(record: unknown): string {
  return 'sha256:' + createHash('sha256').update(canonicalJson(record)).digest('hex');
}

export function summarize(result: EvaluationResult): DecisionSummary {
  return { status: result.status, total: result.total, grade: result.grade, recommendations: result.recommendations.length };
}

export interface DecisionLogOptions {
  /** NDJSON file to append to; undefined keeps entries only in memory callbacks. */
  file?: string;
  /** Rotate before a line would take the file past this many bytes. */
  maxBytes?: number;
  /** Rotate when the UTC day of the next entry differs from the file's. */
  daily?: boolean;
  now?: () => Date;
  newId?: () => string;
}

/** `decisions.ndjson` rotated at 2026-01-05T08:00:00.000Z → `decisions.2026-01-05T08-00-00.000Z.ndjson`. */
export function rotatedName(file: string, at: Date, taken: (path: string) => boolean = existsSync): string {
  const ext = extname(file);
  const stem = file.slice(0, file.length - ext.length);
  const stamp = at.toISOString().replace(/:/g, '-');
  let candidate = `${stem}.${stamp}${ext}`;
  // Two rotations in one millisecond (a tiny size limit) must not overwrite each other.
  for (let n = 1; taken(candidate); n++) candidate = `${stem}.${stamp}-${n}${ext}`;
  return candidate;
}

const utcDay = (d: Date): string => d.toISOString().slice(0, 10);

/** Pending characters that are written at once rather than at the end of the turn. */
const FLUSH_CHARS = 64 * 1024;

export class DecisionLog {
  private stream: WriteStream | null;
  private readonly file: string | undefined;
  private readonly maxBytes: number;
  private readonly daily: boolean;
  private readonly now: () => Date;
  private readonly newId: () => string;
  private failed: Error | null = null;
  /** Bytes in the current file, counted as written (its size on disk when opened). */
  private size = 0;
  /** UTC day of the current file's first line (its mtime's day when it already had lines). */
  private day: string | null = null;
  /** Rotated-away streams still flushing their last lines. */
  private readonly closing: Promise<void>[] = [];
  /**
   * Lines not yet handed to the stream: a batch appends hundreds in one turn of the event loop,
   * and one stream write each (a Buffer, a queue entry, a share of a file write) cost about as
   * much as building the line. They go out together at the end of the turn, or at FLUSH_CHARS.
   */
  private pending: string[] = [];
  private pendingChars = 0;
  private flushScheduled = false;

  constructor(options: DecisionLogOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? randomUUID;
    this.file = options.file;
    this.maxBytes = options.maxBytes ?? Infinity;
    this.daily = options.daily === true;
    if (this.file !== undefined && existsSync(this.file)) {
      const st = statSync(this.file);
      this.size = st.size;
      if (st.size > 0) this.day = utcDay(st.mtime);
    }
    this.stream = this.file === undefined ? null : this.open(this.file);
  }

  private open(file: string): WriteStream {
    // Opened synchronously: the file exists (and the stream holds its fd) before the first
    // write, so a rotation right after it can rename it and the buffered lines follow the fd.
    let fd: number;
    try {
      fd = openSync(file, 'a');
    } catch (err) {
      this.failed = err as Error;
      return createWriteStream(file, { flags: 'a', encoding: 'utf8' }).on('error', () => undefined);
    }
    const stream = createWriteStream(file, { fd, encoding: 'utf8' });
    stream.on('error', (err) => {
      this.failed = err;
    });
    return stream;
  }

  /**
   * Moves the current file aside and starts a new one at the same path. The old stream's fd
   * still names the moved file, so lines it has buffered land there: nothing is lost or split.
   */
  private rotate(at: Date): void {
    const file = this.file;
    const old = this.stream;
    if (file === undefined || old === null) return;
    renameSync(file, rotatedName(file, at));
    this.flush(); // the lines counted into the old file's size belong in it
    this.closing.push(new Promise((done) => old.end(() => done())));
    this.stream = this.open(file);
    this.size = 0;
    this.day = null;
  }

  /** Hands the pending lines to the current stream, as one write. */
  private flush(): void {
    if (this.pending.length === 0 || this.stream === null) return;
    const text = this.pending.length === 1 ? this.pending[0]! : this.pending.join('');
    this.pending = [];
    this.pendingChars = 0;
    this.stream.write(text);
  }

  /** `time` is the entry's ISO time: its first ten characters are its UTC day. */
  private append(line: string, time: string): void {
    if (this.stream === null || this.failed !== null) return;
    const bytes = Buffer.byteLength(line, 'utf8');
    const today = time.slice(0, 10);
    // A line is never split: one longer than the limit gets a file of its own.
    const full = this.size > 0 && this.size + bytes > this.maxBytes;
    const newDay = this.daily && this.day !== null && this.day !== today;
    if (full || newDay) {
      try {
        this.rotate(new Date(time));
      } catch {
        // Could not move the file aside: keep appending to it rather than lose decisions.
      }
    }
    this.pending.push(line);
    this.pendingChars += line.length;
    this.size += bytes;
    this.day ??= today;
    if (this.pendingChars >= FLUSH_CHARS) this.flush();
    else if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => {
        this.flushScheduled = false;
        this.flush();
      });
    }
  }

  /** The write error that stopped the log, if any (reported by /ready). */
  get error(): Error | null {
    return this.failed;
  }

  /** Builds the entry for one evaluation and appends it; returns it so the response can cite its id. */
  record(ruleset: { name: string; version: string; hash: string }, record: unknown, result: EvaluationResult, context?: RecommendContext): DecisionEntry {
    const entry: DecisionEntry = {
      decisionId: this.newId(),
      time: this.now().toISOString(),
      ruleset: { name: ruleset.name, version: ruleset.version, hash: ruleset.hash },
      recordId: result.id,
      inputHash: inputHash(record),
      ...(context === undefined ? {} : { contextHash: inputHash(context) }),
      summary: summarize(result),
    };
    this.append(JSON.stringify(entry) + '\n', entry.time);
    return entry;
  }

  /**
   * Builds the entry for one roll-up, sampling or allocation and appends it: the declaration
   * file's hash, the rule sets that scored, and the hash of the request body, so the step can be
   * replayed from the same files and input.
   */
  step(
    step: StepEntry['step'],
    declaration: { name: string; hash: string },
    rulesets: StepEntry['rulesets'],
    input: unknown,
    summary: Record<string, unknown>,
  ): StepEntry {
    const entry: StepEntry = {
      decisionId: this.newId(),
      time: this.now().toISOString(),
      step,
      declaration: { name: declaration.name, hash: declaration.hash },
      rulesets,
      inputHash: inputHash(input),
      summary,
    };
    this.append(JSON.stringify(entry) + '\n', entry.time);
    return entry;
  }

  /** Flushes buffered lines and closes the file. */
  async close(): Promise<void> {
    this.flush();
    const stream = this.stream;
    if (stream !== null && !stream.closed && !stream.destroyed) await new Promise<void>((resolveClose) => stream.end(() => resolveClose()));
    await Promise.all(this.closing);
  }
}

export interface ReplayOutcome {
  /** True when the record hash, the rule set hash and the summary all match the log line. */
  reproduced: boolean;
  inputMatches: boolean;
  rulesetMatches: boolean;
  logged: DecisionSummary;
  replayed: DecisionSummary | null;
  result: EvaluationResult | null;
}

/**
 * Re-runs a logged decision. `ruleset` must be the version the line names (compare
 * `rulesetMatches`); the service's `GET /rulesets/:name` plus `?hash=` pinning, or the IR
 * archived at that hash, provides it.
 */
export async function replayDecision(
  logLine: string,
  record: Record<string, unknown>,
  ruleset: PreparedRuleSet,
  context?: RecommendContext,
): Promise<ReplayOutcome> {
  const entry = JSON.parse(logLine) as DecisionEntry;
  // the context is part of the input: a different (or missing) one cannot reproduce the line
  const inputMatches = inputHash(record) === entry.inputHash && (context === undefined ? undefined : inputHash(context)) === entry.contextHash;
  const rulesetMatches = ruleset.ir.hash === entry.ruleset.hash && ruleset.ir.name === entry.ruleset.name;
  let result: EvaluationResult | null = null;
  let replayed: DecisionSummary | null = null;
  if (ruleset.validate(record).length === 0) {
    result = await ruleset.evaluate(record, context);
    replayed = summarize(result);
  }
  const same = replayed !== null && canonicalJson(replayed) === canonicalJson(entry.summary);
  return { reproduced: inputMatches && rulesetMatches && same, inputMatches, rulesetMatches, logged: entry.summary, replayed, result };
}
