/**
 * Streaming NDJSON input for batch evaluation: `readNdjson` yields the parsed items of the
 * non-blank lines as bytes arrive (in groups, a chunk's lines at a time), so a large upload is
 * evaluated while it is still being received and never held whole in memory. A line that is not JSON yields a parse error item
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

/** Most items in one group: a batch yields to the event loop between groups. */
export const GROUP_SIZE = 64;

/**
 * The items of an NDJSON stream in input order, in groups: the complete lines of each chunk as
 * it arrives, at most GROUP_SIZE at a time, so a consumer pays one asynchronous step per group
 * rather than per line. A limit is thrown after the group of the lines before it.
 */
export async function* readNdjson(stream: Readable, limits: NdjsonLimits): AsyncGenerator<NdjsonItem[]> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let bytes = 0;
  let line = 0;
  let records = 0;
  let group: NdjsonItem[] = [];
  /** False when the record limit is passed: the caller yields what came before, then throws. */
  const emit = (text: string): boolean => {
    line++;
    if (text.trim() === '') return true;
    if (++records > limits.maxRecords) return false;
    group.push(parseLine(text, line));
    return true;
  };
  const tooMany = () => new ServiceProblem('too-many-records', MSG.tooManyRecords(limits.maxRecords));
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    bytes += buf.length;
    if (bytes > limits.maxBytes) {
      // The rest of the upload is left unread; the 413 goes out with `connection: close`.
      throw new ServiceProblem('payload-too-large', MSG.bodyTooLarge(limits.maxBytes), [], { connection: 'close' });
    }
    pending += decoder.write(buf);
    let start = 0;
    for (let nl = pending.indexOf('\n'); nl >= 0; nl = pending.indexOf('\n', start)) {
      const end = nl > start && pending.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      const ok = emit(pending.slice(start, end));
      start = nl + 1;
      if (!ok || group.length === GROUP_SIZE) {
        if (group.length > 0) yield group;
        group = [];
        if (!ok) throw tooMany();
      }
    }
    pending = pending.slice(start);
    if (group.length > 0) yield group;
    group = [];
  }
  pending += decoder.end();
  if (pending !== '' && !emit(pending.replace(/\r$/, ''))) throw tooMany();
  if (group.length > 0) yield group;
}
