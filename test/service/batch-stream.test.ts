/**
 * Streamed batch responses over a real socket (fake toolchain, so the HTTP contract is what is
 * pinned): a batch larger than the held-back prefix goes out chunked as it is evaluated, with
 * every item in input order, in NDJSON and as one valid JSON array; a limit reached after the
 * response committed (here the record limit of an NDJSON upload) cannot change the 200, so it
 * arrives as the last item, a problem document at the index where the batch stopped; a small
 * batch over the same limit is still a plain 413 problem. Once streaming, items go out packed into
 * chunks, yet an item made while the upload waits is sent at once (a client reading as it uploads
 * is not kept waiting for a chunk to fill), and the packed bytes are exactly the items' UTF-8.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Readable } from 'node:stream';
import { NDJSON_FRAMING, streamBatch } from '../../src/service/batch-stream.js';
import { problemSchema } from '../../src/service/problem.js';
import * as S from '../../src/service/schemas.js';
import { fakeToolchain } from './fake-toolchain.js';
import { fakeRule, schemaErrors, startTestServer, type TestServer } from './harness.js';

const LIMIT = 3_000;
const path = `/rulesets/${encodeURIComponent('甲')}/evaluate-batch`;

describe('streamed batch responses', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ 'a.ind': fakeRule('甲', 1) }, { toolchain: fakeToolchain(), maxRecords: LIMIT });
  });
  afterAll(() => t.close());

  const ndjson = (count: number) => Array.from({ length: count }, (_, i) => JSON.stringify({ id: `r${i}`, x: i % 100 })).join('\n');

  it('a large NDJSON batch streams chunked, every item in input order', async () => {
    const r = await t.call('POST', path, { raw: ndjson(LIMIT), type: 'application/x-ndjson' });
    expect(r.status).toBe(200);
    expect(r.headers.get('transfer-encoding')).toBe('chunked');
    expect(r.headers.get('content-length')).toBeNull();
    expect(r.headers.get('x-ruleset-hash')).toMatch(/^sha256:/);
    expect(r.text.endsWith('\n')).toBe(true);
    expect(r.body).toHaveLength(LIMIT);
    expect(r.body.map((i: { index: number; result: { id: string } }) => `${i.index}:${i.result.id}`)).toEqual(
      Array.from({ length: LIMIT }, (_, i) => `${i}:r${i}`),
    );
  });

  it('a large JSON array batch streams as one valid array', async () => {
    const records = Array.from({ length: LIMIT }, (_, i) => (i === 7 ? { id: 'bad' } : { id: `r${i}`, x: i % 100 }));
    const r = await t.call('POST', path, { body: records });
    expect(r.status).toBe(200);
    expect(r.headers.get('transfer-encoding')).toBe('chunked');
    expect(schemaErrors(S.evaluateBatchSchema.response[200], r.body)).toBeNull();
    expect(r.body).toHaveLength(LIMIT);
    expect(r.body[7].error.status).toBe(422);
    expect(r.body[LIMIT - 1].result.id).toBe(`r${LIMIT - 1}`);
  });

  it('a limit reached mid-stream ends the stream with a problem item', async () => {
    const r = await t.call('POST', `${path}?format=ndjson`, { raw: ndjson(LIMIT + 50), type: 'application/x-ndjson' });
    expect(r.status).toBe(200);
    expect(r.body).toHaveLength(LIMIT + 1);
    const last = r.body[LIMIT];
    expect(last.index).toBe(LIMIT);
    expect(schemaErrors(problemSchema, last.error)).toBeNull();
    expect(last.error).toMatchObject({ type: 'urn:jixiao:problem:too-many-records', status: 413 });
    expect(r.body[LIMIT - 1].result.id).toBe(`r${LIMIT - 1}`);
  });

  it('the same limit on a batch that fits the held-back prefix is a plain 413 problem', async () => {
    const small = await startTestServer({ 'a.ind': fakeRule('甲', 1) }, { toolchain: fakeToolchain(), maxRecords: 20 });
    try {
      const r = await small.call('POST', path, { raw: ndjson(30), type: 'application/x-ndjson' });
      expect(r.status).toBe(413);
      expect(r.contentType).toMatch(/^application\/problem\+json/);
      expect(r.body.type).toBe('urn:jixiao:problem:too-many-records');
    } finally {
      await small.close();
    }
  });

  it('an item made while the upload waits reaches the client before the upload goes on', async () => {
    let release: () => void = () => undefined;
    const uploadWaits = new Promise<void>((r) => (release = r));
    let step = 0;
    const upload = new ReadableStream<Uint8Array>({
      async pull(controller) {
        step++;
        // enough records to pass the held-back prefix, then one more, then nothing until the
        // client has seen that one: packing it with later items would wait forever here
        if (step === 1) controller.enqueue(new TextEncoder().encode(ndjson(LIMIT - 1) + '\n'));
        else if (step === 2) controller.enqueue(new TextEncoder().encode('{"id":"late","x":1}\n'));
        else {
          await uploadWaits;
          controller.close();
        }
      },
    });
    const res = await fetch(t.url + path, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: upload, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (!text.includes('"late"')) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += decoder.decode(chunk.value, { stream: true });
    }
    expect(text).toContain(`"index":${LIMIT - 1},`);
    release();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += decoder.decode(chunk.value, { stream: true });
    expect(text.split('\n').filter((l) => l !== '')).toHaveLength(LIMIT);
  });
});

describe('streamBatch packing', () => {
  async function bytesOf(items: string[], commitBytes: number): Promise<Buffer> {
    const it = (async function* () {
      // groups of uneven sizes, as records arrive in an upload's chunks
      for (let i = 0, n = 1; i < items.length; i += n, n = (n % 9) + 1) yield items.slice(i, i + n);
    })();
    const out = await streamBatch(it, { framing: NDJSON_FRAMING, commitBytes, lateProblem: () => ({ index: 0, error: {} as never }) });
    if (typeof out === 'string') return Buffer.from(out, 'utf8');
    const parts: Buffer[] = [];
    for await (const chunk of out as Readable) parts.push(chunk as Buffer);
    return Buffer.concat(parts);
  }

  it('streams the same bytes as the items joined, whatever their characters and sizes', async () => {
    // 1-, 2-, 3- and 4-byte characters, a lone surrogate (encoded as U+FFFD, as Buffer.from does),
    // and items larger than a packing slab, so chunks and slabs break at every kind of place
    const pieces = ['a', 'é', '项目支出', '😀', '\ud800', '{"k":"v"}'];
    const items: string[] = [];
    for (let i = 0; i < 400; i++) items.push(pieces[i % pieces.length]!.repeat(1 + ((i * 7919) % 3000)));
    items.push('量'.repeat(200_000), 'x');
    const expected = Buffer.from(items.map((i) => i + '\n').join(''), 'utf8');
    expect((await bytesOf(items, 1)).equals(expected)).toBe(true);
    expect(
      (await bytesOf(items.slice(0, 3), 1 << 20)).equals(
        Buffer.from(
          items
            .slice(0, 3)
            .map((i) => i + '\n')
            .join(''),
          'utf8',
        ),
      ),
    ).toBe(true);
  });
});
