/**
 * Messages between the batch coordinator and its worker threads. A chunk's results cross the
 * thread boundary as one UTF-8 buffer of NDJSON lines (the bytes the CLI writes anyway),
 * transferred rather than copied, plus a small summary per result. The coordinator hands each
 * result on as a view into that buffer, so writing a batch needs neither a string copy nor an
 * encoding on the main thread; the text is decoded only for a consumer that asks for it.
 */
import type { EvaluationError, EvaluationResult } from '../engine/result.js';
import type { RecommendContext } from '../recommend/index.js';
import { encodeLine, encodeLines } from './utf8-lines.js';

export interface ChunkRequest {
  seq: number;
  /** A record's context travels with it: the join stays on the main thread. */
  records: { record: unknown; fallbackId: string; context?: RecommendContext }[];
}

export interface ResultSummary {
  id: string;
  status: EvaluationResult['status'];
  total: number | null;
  grade: string | null;
  errors: EvaluationError[];
  recommendations: { action: string; line?: string; amount?: string; level?: string }[];
  /** Indicators of a scored record that could not be scored, with their reasons. */
  unavailable?: { path: string; code: string; message: string }[];
}

export interface SerializedResult {
  /** The result as one line of JSON (no newline). */
  readonly json: string;
  /** The same line as UTF-8 with its newline: what an NDJSON output writes. */
  readonly line: Uint8Array;
  readonly summary: ResultSummary;
}

const decoder = new TextDecoder();

/** A serialized result held as text or as bytes; the other form is made on first use. */
export class SerializedLine implements SerializedResult {
  private text: string | undefined;
  private bytes: Uint8Array | undefined;
  private constructor(
    text: string | undefined,
    bytes: Uint8Array | undefined,
    readonly summary: ResultSummary,
  ) {
    this.text = text;
    this.bytes = bytes;
  }
  static ofText(json: string, summary: ResultSummary): SerializedLine {
    return new SerializedLine(json, undefined, summary);
  }
  /** `line` ends with its newline. */
  static ofLine(line: Uint8Array, summary: ResultSummary): SerializedLine {
    return new SerializedLine(undefined, line, summary);
  }
  get json(): string {
    return (this.text ??= decoder.decode(this.bytes!.subarray(0, this.bytes!.length - 1)));
  }
  get line(): Uint8Array {
    return (this.bytes ??= encodeLine(this.text!));
  }
}

export interface ChunkReply {
  seq: number;
  /** Every result's line, newline included, one after another. */
  lines: Uint8Array;
  /** Byte offset where each result's line ends in `lines`. */
  ends: number[];
  summaries: ResultSummary[];
}

/** The chunk's lines and summaries as one reply; `lines` is a fresh buffer the worker can transfer. */
export function chunkReply(seq: number, jsons: string[], summaries: ResultSummary[]): ChunkReply {
  const { bytes, ends } = encodeLines(jsons);
  return { seq, lines: bytes, ends, summaries };
}

/** The reply's results, each a view into the one transferred buffer. */
export function chunkResults(reply: ChunkReply): SerializedResult[] {
  const out: SerializedResult[] = [];
  let start = 0;
  for (let i = 0; i < reply.ends.length; i++) {
    const end = reply.ends[i]!;
    out.push(SerializedLine.ofLine(reply.lines.subarray(start, end), reply.summaries[i]!));
    start = end;
  }
  return out;
}

export function summarizeResult(result: EvaluationResult): ResultSummary {
  const unavailable: ResultSummary['unavailable'] = [];
  for (const i of result.indicators)
    if (i.status === 'unavailable') unavailable.push({ path: i.path, code: i.error?.code ?? '', message: i.error?.message ?? '' });
  return {
    unavailable,
    id: result.id,
    status: result.status,
    total: result.total,
    grade: result.grade,
    errors: result.errors,
    recommendations: result.recommendations.map((r) => ({
      action: r.action,
      ...(r.line ? { line: r.line } : {}),
      ...(r.amount ? { amount: r.amount } : {}),
      ...(r.level ? { level: r.level } : {}),
    })),
  };
}
