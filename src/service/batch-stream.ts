/**
 * Streamed batch responses. A batch's items are produced one at a time; the first 64 KB of them
 * are held back, so a small batch — and any batch that fails early (too many records, a body
 * over the limit, out of time) — is answered exactly as before: one body, or one problem
 * document with its own status. Past that mark the response commits to 200 and the items flow
 * out as they are made, pulled by the socket: a slow client holds back evaluation instead of
 * letting the whole response pile up in memory (12 MB per 1,000 records at the full trace). A
 * limit reached after that point can no longer change the status, so it becomes the last item
 * of the stream, `{ "index": n, "error": <problem> }`, and the stream ends properly framed.
 * A client that disconnects stops the batch: the producer is closed, nothing more is evaluated.
 */
import { Readable } from 'node:stream';
import { ServiceProblem, type Problem } from './problem.js';

/** How items are put together: NDJSON lines or one JSON array. */
export interface BatchFraming {
  open: string;
  /** Between two items. */
  join: string;
  /** After every item. */
  end: string;
  close: string;
}

export const NDJSON_FRAMING: BatchFraming = { open: '', join: '', end: '\n', close: '' };
export const JSON_ARRAY_FRAMING: BatchFraming = { open: '[', join: ',', end: '', close: ']' };

/** Held back before committing to a streamed 200: small batches keep their one-body answer. */
export const COMMIT_BYTES = 64 * 1024;

export interface StreamBatchOptions {
  framing: BatchFraming;
  /** The closing item for a failure after the response committed; `count` items went before it. */
  lateProblem: (error: unknown, count: number) => { index: number; error: Problem };
  commitBytes?: number;
}

/**
 * Runs `items` until either it ends (→ the whole body as one string) or the held-back text
 * passes the commit mark (→ a byte stream of the rest). Failures before the mark are thrown to
 * the caller, so the route's error handler answers with a problem as for any request.
 */
export async function streamBatch(items: AsyncIterator<string>, options: StreamBatchOptions): Promise<string | Readable> {
  const { framing } = options;
  const commitBytes = options.commitBytes ?? COMMIT_BYTES;
  const held: string[] = [framing.open];
  let heldLength = 0;
  let count = 0;
  try {
    for (;;) {
      const next = await items.next();
      if (next.done === true) {
        held.push(framing.close);
        return held.join('');
      }
      held.push((count > 0 ? framing.join : '') + next.value + framing.end);
      heldLength += next.value.length;
      count++;
      if (heldLength >= commitBytes) break;
    }
  } catch (error) {
    await items.return?.();
    throw error;
  }
  const rest = async function* (): AsyncGenerator<string> {
    yield held.join('');
    held.length = 0;
    try {
      for (;;) {
        let next: IteratorResult<string>;
        try {
          next = await items.next();
        } catch (error) {
          yield framing.join + JSON.stringify(options.lateProblem(error, count)) + framing.end;
          break;
        }
        if (next.done === true) break;
        yield framing.join + next.value + framing.end;
        count++;
      }
      yield framing.close;
    } finally {
      // normal end, late failure or a client gone away (the stream is destroyed): stop producing
      await items.return?.();
    }
  };
  // bytes, not objects: the socket's own high-water mark decides how far ahead the batch runs
  return Readable.from(rest(), { objectMode: false });
}

/** A late failure as the problem its kind would have been, had it come before the first byte. */
export function lateProblemKind(error: unknown): { kind: ServiceProblem['kind']; detail: string; errors: ServiceProblem['errors'] } | null {
  return error instanceof ServiceProblem ? { kind: error.kind, detail: error.message, errors: error.errors } : null;
}
