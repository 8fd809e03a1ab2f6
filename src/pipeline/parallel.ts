/**
 * Batch assessment on every core. Records are read on the main thread, cut into chunks and
 * handed to worker threads round-robin; replies are put back in input order before they are
 * yielded, so the output is identical to a single-threaded run. At most `workers × 2` chunks are
 * in flight, so memory stays flat however long the input is. With `workers: 0` (or a small
 * input) it runs in this thread: same results, no thread start-up cost.
 */
import { DEFAULT_LANG, type Lang } from '../common/lang.js';
import type { TraceLevel } from '../engine/result.js';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { workerModule } from '../common/worker-module.js';
import type { RuleSetIR } from '../compile/ir.js';
import type { SourcedRecord } from '../data/sourced-record.js';
import { rejectedResult, serializeAssembledResult } from '../engine/index.js';
import { assessMany, contextOptions, createAssessor, type AssessManyOptions } from './assess.js';
import { chunkResults, SerializedLine, summarizeResult, type ChunkReply, type ChunkRequest, type SerializedResult } from './parallel-protocol.js';

export interface ParallelOptions {
  /** Worker threads; default: one per core. 0 runs in the calling thread. */
  workers?: number;
  chunkSize?: number;
  stage?: string;
  /** The fiscal year params by year are chosen for (default each record's `fiscal_year`). */
  year?: number;
  /** Language of error messages, in this thread and in every worker. Default DEFAULT_LANG. */
  lang?: Lang;
  /** How much explanation each result carries. Default 'full'. */
  trace?: TraceLevel;
  /** Per-record context by result id; looked up here, sent to the worker with the record. */
  contextFor?: AssessManyOptions['contextFor'];
}

export async function* assessParallel(ir: RuleSetIR, items: AsyncIterable<SourcedRecord>, options: ParallelOptions = {}): AsyncIterable<SerializedResult> {
  const workerCount = options.workers ?? availableParallelism();
  if (workerCount <= 0) {
    const manyOptions: AssessManyOptions = {
      ...(options.stage ? { stage: options.stage } : {}),
      ...(options.year === undefined ? {} : { year: options.year }),
      ...(options.contextFor ? { contextFor: options.contextFor } : {}),
    };
    for await (const result of assessMany(createAssessor(ir, { lang: options.lang ?? DEFAULT_LANG, trace: options.trace ?? 'full' }), items, manyOptions)) {
      yield SerializedLine.ofText(serializeAssembledResult(result), summarizeResult(result));
    }
    return;
  }
  const chunkSize = options.chunkSize ?? 256;
  const workers = Array.from(
    { length: workerCount },
    () =>
      new Worker(workerModule(import.meta.url, 'assess-worker'), {
        workerData: { ir, stage: options.stage, year: options.year, lang: options.lang ?? DEFAULT_LANG, trace: options.trace ?? 'full' },
      }),
  );
  // One settle pair per chunk in flight, and nothing else: a worker failure rejects exactly the
  // chunks still waiting. (Racing every reply against one shared never-settling `failed`
  // promise left a reaction on it per chunk, and each reaction kept its settled reply — every
  // result of the batch — reachable until the end: ~30 MB per 1,000 results.)
  const waiting = new Map<number, { resolve: (reply: ChunkReply) => void; reject: (error: unknown) => void }>();
  let broken: unknown;
  let finished = false;
  const fail = (error: unknown) => {
    broken ??= error;
    for (const pending of waiting.values()) pending.reject(broken);
    waiting.clear();
  };
  for (const worker of workers) {
    worker.on('message', (reply: ChunkReply) => {
      const pending = waiting.get(reply.seq);
      waiting.delete(reply.seq);
      pending?.resolve(reply);
    });
    worker.on('error', fail);
    worker.on('messageerror', fail);
    // a worker that dies without an 'error' (killed, out of memory) would otherwise hang the batch
    worker.on('exit', (code) => {
      if (!finished) fail(new Error(`batch worker stopped with exit code ${code}`));
    });
  }
  const inFlight: Promise<{ seq: number; results: SerializedResult[] }>[] = [];
  let seq = 0;
  const send = (chunk: ChunkRequest['records'], unreadable: Map<number, SerializedResult>) => {
    if (broken !== undefined) throw broken;
    const request: ChunkRequest = { seq: seq++, records: chunk };
    const reply = new Promise<ChunkReply>((resolve, reject) => waiting.set(request.seq, { resolve, reject })).then((r) => ({
      seq: r.seq,
      results: mergeUnreadable(chunkResults(r), unreadable),
    }));
    // a rejection is seen when this chunk's turn comes; until then it must not count as unhandled
    reply.catch(() => {});
    inFlight.push(reply);
    workers[request.seq % workers.length]!.postMessage(request);
  };
  try {
    let chunk: ChunkRequest['records'] = [];
    let unreadable = new Map<number, SerializedResult>();
    let position = 0;
    for await (const item of items) {
      const fallbackId = `${item.source}#${item.index}`;
      if (item.error) {
        // kept on this thread, slotted back into its place when the chunk returns
        const result = rejectedResult(ir, fallbackId, [item.error]);
        unreadable.set(position, SerializedLine.ofText(serializeAssembledResult(result), summarizeResult(result)));
      } else {
        chunk.push({ record: item.record, fallbackId, ...contextOptions(item.record, fallbackId, options.contextFor) });
      }
      position++;
      if (position === chunkSize) {
        send(chunk, unreadable);
        chunk = [];
        unreadable = new Map();
        position = 0;
        while (inFlight.length >= workers.length * 2) yield* (await inFlight.shift()!).results;
      }
    }
    if (position > 0) send(chunk, unreadable);
    while (inFlight.length > 0) yield* (await inFlight.shift()!).results;
  } finally {
    finished = true;
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** Puts the records that could not be read back between the assessed ones, at their positions. */
function mergeUnreadable(assessed: SerializedResult[], unreadable: Map<number, SerializedResult>): SerializedResult[] {
  if (unreadable.size === 0) return assessed;
  const merged: SerializedResult[] = [];
  let next = 0;
  for (let position = 0; merged.length < assessed.length + unreadable.size; position++) {
    merged.push(unreadable.get(position) ?? assessed[next++]!);
  }
  return merged;
}
