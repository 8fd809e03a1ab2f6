/**
 * Streaming NDJSON input for batch evaluation: `readNdjson` yields one parsed item per
 * non-blank line as bytes arrive, so a large upload is evaluated while it is still being
 * received and never held whole in memory. A line that is not JSON yields a parse error item
 * (the batch goes on); exceeding the byte limit or the record limit throws a `ServiceProblem`
 * (413), which the caller turns into the response. UTF-8 is decoded across chunk boundaries.
 */
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { ServiceProblem } from './problem.js';
import { MSG } from './messages.js';

export type NdjsonItem = { ok: true; value: unknown; line: number } | { ok: false; message: string; line: number };

export interface NdjsonLimits {
  maxBytes: number;
  maxRecords: number;
}

function parseLine(text: string, line: number): NdjsonItem {
  try {
    return { ok: true, value: JSON.parse(text) as unknown, line };
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : 'invalid JSON', line };
  }
}

export async function* readNdjson(stream: Readable, limits: NdjsonLimits): AsyncGenerator<NdjsonItem> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let bytes = 0;
  let line = 0;
  let records = 0;
  const emit = function* (text: string): Generator<NdjsonItem> {
    line++;
    if (text.trim() === '') return;
    records++;
    if (records > limits.maxRecords) {
      throw new ServiceProblem('too-many-records', MSG.tooManyRecords(limits.maxRecords));
    }
    yield parseLine(text, line);
  };
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    bytes += buf.length;
    if (bytes > limits.maxBytes) {
      // The rest of the upload is left unread; the 413 goes out with `connection: close`.
      throw new ServiceProblem('payload-too-large', MSG.bodyTooLarge(limits.maxBytes), [], { connection: 'close' });
    }
    pending += decoder.write(buf);
    let nl = pending.indexOf('\n');
    while (nl >= 0) {
      const text = pending.slice(0, nl).replace(/\r$/, '');
      pending = pending.slice(nl + 1);
      yield* emit(text);
      nl = pending.indexOf('\n');
    }
  }
  pending += decoder.end();
  if (pending !== '') yield* emit(pending.replace(/\r$/, ''));
}
