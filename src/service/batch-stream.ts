/**
 * Streamed batch responses. A batch's items are produced in order, a group at a time (records
 * that arrived together, at most 64); the first 64 KB of them are held back, so a small batch — and any batch that fails early (too many records, a body
 * over the limit, out of time) — is answered exactly as before: one body, or one problem
 * document with its own status. Past that mark the response commits to 200 and the items flow
 * out as they are made, pulled by the socket: a slow client holds back evaluation instead of
 * letting the whole response pile up in memory (12 MB per 1,000 records at the full trace). A
 * limit reached after that point can no longer change the status, so it becomes the last item
 * of the stream, `{ "index": n, "error": <problem> }`, and the stream ends properly framed.
 * Streamed items are packed as UTF-8 into chunks of 64 KB or more (one socket write each), sent
 * early whenever the next item is not ready this turn. A client that disconnects stops the batch:
 * the producer is closed, nothing more is evaluated.
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

/** About how many bytes one write to the socket carries once the response streams. */
export const CHUNK_BYTES = 64 * 1024;

/** Whether `pending` settles (either way) before the event loop takes its next turn. */
function settlesThisTurn(pending: Promise<unknown>): Promise<boolean> {
  let handle: NodeJS.Immediate | undefined;
  const turn = new Promise<boolean>((resolve) => {
    handle = setImmediate(resolve, false);
  });
  const settled = pending.then(
    () => true,
    () => true,
  );
  return Promise.race([settled, turn]).finally(() => clearImmediate(handle));
}

/** Bytes of one slab chunks are cut from; an item bigger than a third of it gets its own. */
const SLAB_BYTES = 256 * 1024;

/**
 * Text encoded as UTF-8 into slabs and handed out as views. A view is never written again (the
 * socket may still hold it), so the next text goes after it, or into a fresh slab when it might
 * not fit: a UTF-16 unit takes at most 3 bytes, so `3 × length` free bytes always suffice. A
 * slab that fills keeps its view as it is (no copy) and the next one starts the next view.
 */
class Utf8Chunks {
  private slab = Buffer.allocUnsafe(0);
  private start = 0;
  private end = 0;
  /** Views of slabs that filled since the last `take`. */
  private full: Uint8Array[] = [];
  private fullBytes = 0;

  /** Bytes added since the last `take`. */
  get size(): number {
    return this.fullBytes + this.end - this.start;
  }

  add(text: string): void {
    if (text.length === 0) return;
    const worst = text.length * 3;
    if (this.slab.length - this.end < worst) {
      if (this.end > this.start) {
        this.full.push(this.slab.subarray(this.start, this.end));
        this.fullBytes += this.end - this.start;
      }
      this.slab = Buffer.allocUnsafe(Math.max(SLAB_BYTES, worst));
      this.start = 0;
      this.end = 0;
    }
    this.end += this.slab.write(text, this.end, 'utf8');
  }

  /** Everything added since the last `take`, as one or more views in order. */
  take(): Uint8Array[] {
    const views = this.full;
    if (this.end > this.start) views.push(this.slab.subarray(this.start, this.end));
    this.full = [];
    this.fullBytes = 0;
    this.start = this.end;
    return views;
  }
}

export interface StreamBatchOptions {
  framing: BatchFraming;
  /** The closing item for a failure after the response committed; `count` items went before it. */
  lateProblem: (error: unknown, count: number) => { index: number; error: Problem };
  commitBytes?: number;
}

/**
 * Runs `items` (the items' texts in order, a group at a time) until either it ends (→ the whole
 * body as one string) or the held-back text passes the commit mark (→ a byte stream of the rest). Failures before the mark are thrown to
 * the caller, so the route's error handler answers with a problem as for any request.
 */
export async function streamBatch(items: AsyncIterator<readonly string[]>, options: StreamBatchOptions): Promise<string | Readable> {
  const { framing } = options;
  const commitBytes = options.commitBytes ?? COMMIT_BYTES;
  const held: string[] = [framing.open];
  let heldLength = 0;
  let count = 0;
  /** Items of the group during which the held text passed the mark: they open the stream. */
  let after: readonly string[] = [];
  try {
    outer: for (;;) {
      const next = await items.next();
      if (next.done === true) {
        held.push(framing.close);
        return held.join('');
      }
      const group = next.value;
      for (let i = 0; i < group.length; i++) {
        const text = group[i]!;
        held.push((count > 0 ? framing.join : '') + text + framing.end);
        heldLength += text.length;
        count++;
        if (heldLength >= commitBytes) {
          after = group.slice(i + 1);
          break outer;
        }
      }
    }
  } catch (error) {
    await items.return?.();
    throw error;
  }
  // Items go out in chunks of about CHUNK_BYTES, each item's text encoded straight into a shared
  // slab: one write per item cost a socket write, a Buffer and a turn of the stream machinery
  // each, and joining them first made a 128 KB string per chunk. A chunk is also sent as soon as
  // the next group is not ready within this turn of the event loop (a slow upload, the batch's
  // own yield), so a client reading as it uploads sees each item when it is made.
  const rest = async function* (): AsyncGenerator<Uint8Array> {
    const out = new Utf8Chunks();
    for (const text of held) out.add(text);
    held.length = 0;
    const addGroup = (group: readonly string[]): void => {
      for (const text of group) {
        out.add(framing.join);
        out.add(text);
        out.add(framing.end);
      }
      count += group.length;
    };
    addGroup(after);
    try {
      for (;;) {
        if (out.size >= CHUNK_BYTES) yield* out.take();
        const pending = items.next();
        if (out.size > 0 && !(await settlesThisTurn(pending))) yield* out.take();
        let next: IteratorResult<readonly string[]>;
        try {
          next = await pending;
        } catch (error) {
          out.add(framing.join + JSON.stringify(options.lateProblem(error, count)) + framing.end);
          break;
        }
        if (next.done === true) break;
        addGroup(next.value);
      }
      out.add(framing.close);
      yield* out.take();
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
