/**
 * Streamed batch responses over a real socket (fake toolchain, so the HTTP contract is what is
 * pinned): a batch larger than the held-back prefix goes out chunked as it is evaluated, with
 * every item in input order, in NDJSON and as one valid JSON array; a limit reached after the
 * response committed (here the record limit of an NDJSON upload) cannot change the 200, so it
 * arrives as the last item, a problem document at the index where the batch stopped; a small
 * batch over the same limit is still a plain 413 problem.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
});
