/**
 * The decision log: every evaluation the service performs is appended as one NDJSON line —
 * decision id (uuid), time, rule set name/version/hash, the sha-256 of the record's canonical
 * JSON (keys sorted, no whitespace), the same hash of the request's context when one was sent
 * (last year's result, rectification status), and a summary of the result (status, total, grade,
 * recommendation count). The record itself is not logged (it may hold personal data); the
 * hash lets an auditor who holds the record prove which input produced a decision.
 *
 * Replay: given a log line and the record, `replayDecision` checks the record's hash against
 * the line, re-evaluates it with the rule set version named by the line's hash, and reports
 * whether the summary is reproduced. Because evaluation is deterministic (same IR + same data
 * → same result), any difference means the record or the rule set is not the one logged.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
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

/** JSON with object keys sorted at every level, so equal records hash equally. */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  writeCanonical(value, out);
  return out.join('');
}

// One output array for the whole record: the hash runs on every request, so no intermediate
// strings per level.
function writeCanonical(value: unknown, out: string[]): void {
  if (value === null || typeof value !== 'object') {
    out.push(JSON.stringify(value) ?? 'null');
    return;
  }
  if (Array.isArray(value)) {
    out.push('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.push(',');
      writeCanonical(value[i], out);
    }
    out.push(']');
    return;
  }
  const keys = Object.keys(value).sort();
  out.push('{');
  let first = true;
  for (const k of keys) {
    const v = (value as Record<string, unknown>)[k];
    if (v === undefined) continue;
    if (!first) out.push(',');
    first = false;
    out.push(JSON.stringify(k), ':');
    writeCanonical(v, out);
  }
  out.push('}');
}

export function inputHash(record: unknown): string {
  return 'sha256:' + createHash('sha256').update(canonicalJson(record)).digest('hex');
}

export function summarize(result: EvaluationResult): DecisionSummary {
  return { status: result.status, total: result.total, grade: result.grade, recommendations: result.recommendations.length };
}

export interface DecisionLogOptions {
  /** NDJSON file to append to; undefined keeps entries only in memory callbacks. */
  file?: string;
  now?: () => Date;
  newId?: () => string;
}

export class DecisionLog {
  private readonly stream: WriteStream | null;
  private readonly now: () => Date;
  private readonly newId: () => string;
  private failed: Error | null = null;

  constructor(options: DecisionLogOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? randomUUID;
    this.stream = options.file === undefined ? null : createWriteStream(options.file, { flags: 'a', encoding: 'utf8' });
    this.stream?.on('error', (err) => {
      this.failed = err;
    });
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
    if (this.stream !== null && this.failed === null) this.stream.write(JSON.stringify(entry) + '\n');
    return entry;
  }

  /** Flushes buffered lines and closes the file. */
  close(): Promise<void> {
    const stream = this.stream;
    if (stream === null || stream.closed || stream.destroyed) return Promise.resolve();
    return new Promise((resolveClose) => {
      stream.end(() => resolveClose());
    });
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
export async function replayDecision(logLine: string, record: Record<string, unknown>, ruleset: PreparedRuleSet, context?: RecommendContext): Promise<ReplayOutcome> {
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
