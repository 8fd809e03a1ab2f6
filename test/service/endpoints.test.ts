/**
 * The service's endpoints through a real socket, over the fake toolchain (so these tests pin the
 * HTTP contract, not scoring): status codes, problem+json shapes, auth, limits, hash pinning,
 * batch formats and the OpenAPI document. Responses are checked against the routes' own schemas.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemSchema } from '../../src/service/problem.js';
import * as S from '../../src/service/schemas.js';
import { fakeToolchain } from './fake-toolchain.js';
import { fakeRule, schemaErrors, startTestServer, type Reply, type TestServer } from './harness.js';

function expectProblem(r: Reply, status: number, type: string): void {
  expect(r.status).toBe(status);
  expect(r.contentType).toMatch(/^application\/problem\+json/);
  expect(schemaErrors(problemSchema, r.body)).toBeNull();
  expect(r.body.status).toBe(status);
  expect(r.body.type).toBe(`urn:jixiao:problem:${type}`);
}

describe('service endpoints (no auth)', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(
      { 'a.ind': fakeRule('甲', 2, '2026.1'), 'sub/b.ind': fakeRule('乙', 1) },
      { toolchain: fakeToolchain(), maxRecords: 5, maxBodyBytes: 2000 },
    );
  });
  afterAll(() => t.close());

  it('GET /health and /ready report liveness and the loaded hashes', async () => {
    const h = await t.call('GET', '/health');
    expect(h.status).toBe(200);
    expect(h.body).toEqual({ status: 'ok' });
    const r = await t.call('GET', '/ready');
    expect(r.status).toBe(200);
    expect(schemaErrors(S.readinessSchema, r.body)).toBeNull();
    expect(r.body.status).toBe('ready');
    expect(r.body.rulesets.map((x: { name: string }) => x.name)).toEqual(['乙', '甲']);
    expect(r.body.failures).toEqual([]);
  });

  it('GET /rulesets lists name, version, hash and title', async () => {
    const r = await t.call('GET', '/rulesets');
    expect(schemaErrors(S.listSchema.response[200], r.body)).toBeNull();
    const a = r.body.rulesets.find((x: { name: string }) => x.name === '甲');
    expect(a).toMatchObject({ version: '2026.1', title: '甲 (factor 2)' });
    expect(a.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('GET /rulesets/:name, /schema and /docs serve the IR, data schema and indicator table', async () => {
    const ir = await t.call('GET', '/rulesets/' + encodeURIComponent('甲'));
    expect(ir.status).toBe(200);
    expect(ir.body.name).toBe('甲');
    expect(ir.headers.get('etag')).toBe(`"${ir.body.hash}"`);
    const schema = await t.call('GET', '/rulesets/' + encodeURIComponent('甲') + '/schema');
    expect(schema.body).toEqual({ type: 'object', required: ['x'], properties: { x: { type: 'number' } } });
    const docs = await t.call('GET', '/rulesets/' + encodeURIComponent('甲') + '/docs');
    expect(schemaErrors(S.docsSchema.response[200], docs.body)).toBeNull();
    expect(docs.body.indicators).toEqual([{ path: 'x', name: 'x', weight: '100', method: 'proportional', value: 'data.x', target: '>= 100', refs: ['fake'] }]);
  });

  it('unknown rule sets and routes are 404 problems', async () => {
    expectProblem(await t.call('GET', '/rulesets/nope'), 404, 'unknown-ruleset');
    expectProblem(await t.call('POST', '/rulesets/nope/evaluate', { body: { x: 1 } }), 404, 'unknown-ruleset');
    expectProblem(await t.call('GET', '/nowhere'), 404, 'not-found');
  });

  it('POST evaluate returns the result with a decision id in body and header', async () => {
    const r = await t.call('POST', '/rulesets/' + encodeURIComponent('甲') + '/evaluate', { body: { id: 'P1', x: 46 } });
    expect(r.status).toBe(200);
    expect(schemaErrors({ $ref: 'Evaluation#' }, r.body)).toBeNull();
    expect(r.body.result.total).toBe(92);
    expect(r.body.result.grade).toBe('优');
    expect(r.headers.get('x-decision-id')).toBe(r.body.decisionId);
    expect(r.headers.get('x-ruleset-hash')).toBe(r.body.ruleset.hash);
  });

  it('an invalid record is a 422 problem naming the field', async () => {
    const r = await t.call('POST', '/rulesets/' + encodeURIComponent('甲') + '/evaluate', { body: { x: 'many' } });
    expectProblem(r, 422, 'invalid-record');
    expect(r.body.errors).toEqual([{ path: 'data.x', message: 'must be a number', code: 'EVL402' }]);
    const notObject = await t.call('POST', '/rulesets/' + encodeURIComponent('甲') + '/evaluate', { raw: '[1,2]' });
    expectProblem(notObject, 400, 'bad-request');
    const badJson = await t.call('POST', '/rulesets/' + encodeURIComponent('甲') + '/evaluate', { raw: '{"x":' });
    expectProblem(badJson, 400, 'bad-request');
  });

  it('hash pinning: 409 when the loaded hash differs, 200 when it matches', async () => {
    const list = await t.call('GET', '/rulesets');
    const hash = list.body.rulesets.find((x: { name: string }) => x.name === '甲').hash as string;
    const ok = await t.call('POST', `/rulesets/${encodeURIComponent('甲')}/evaluate?hash=${encodeURIComponent(hash)}`, { body: { x: 1 } });
    expect(ok.status).toBe(200);
    const stale = await t.call('POST', `/rulesets/${encodeURIComponent('甲')}/evaluate?hash=sha256:old`, { body: { x: 1 } });
    expectProblem(stale, 409, 'hash-mismatch');
    expect(stale.body.errors[0].path).toBe('/query/hash');
    expect(stale.headers.get('x-ruleset-hash')).toBe(hash);
  });

  it('unknown query parameters are rejected with a field path', async () => {
    const r = await t.call('POST', `/rulesets/${encodeURIComponent('甲')}/evaluate?hsh=1`, { body: { x: 1 } });
    expectProblem(r, 400, 'bad-request');
    expect(r.body.errors[0].path).toBe('/query/hsh');
  });

  it('batch (JSON array) keeps input order and gives a bad record its own error entry', async () => {
    const r = await t.call('POST', `/rulesets/${encodeURIComponent('乙')}/evaluate-batch`, { body: [{ x: 10 }, { x: 'bad' }, 7, { x: 95 }] });
    expect(r.status).toBe(200);
    expect(schemaErrors(S.evaluateBatchSchema.response[200], r.body)).toBeNull();
    expect(r.body.map((i: { index: number }) => i.index)).toEqual([0, 1, 2, 3]);
    expect(r.body[0].result.total).toBe(10);
    expect(r.body[1].error.errors[0].path).toBe('data.x');
    expect(r.body[1].error.status).toBe(422);
    expect(r.body[2].error.errors[0].path).toBe('/');
    expect(r.body[3].result.grade).toBe('优');
    expect(new Set(r.body.filter((i: { decisionId?: string }) => i.decisionId).map((i: { decisionId: string }) => i.decisionId)).size).toBe(2);
  });

  it('batch (NDJSON stream) answers NDJSON; an unparsable line is its own error', async () => {
    const raw = '{"x":1}\n\n{"x":\n{"x":3}\r\n{"x":4}';
    const r = await t.call('POST', `/rulesets/${encodeURIComponent('乙')}/evaluate-batch`, { raw, type: 'application/x-ndjson' });
    expect(r.status).toBe(200);
    expect(r.contentType).toMatch(/^application\/x-ndjson/);
    expect(r.body.map((i: { result?: { total: number } }) => i.result?.total ?? null)).toEqual([1, null, 3, 4]);
    expect(r.body[1].error.errors[0]).toMatchObject({ path: '/1', code: 'json' });
    const asJson = await t.call('POST', `/rulesets/${encodeURIComponent('乙')}/evaluate-batch?format=json`, { raw: '{"x":1}\n', type: 'application/x-ndjson' });
    expect(asJson.contentType).toMatch(/^application\/json/);
    expect(asJson.body[0].result.total).toBe(1);
  });

  it('limits: too many records and too large bodies are 413 problems', async () => {
    const six = Array.from({ length: 6 }, (_, i) => ({ x: i }));
    expectProblem(await t.call('POST', `/rulesets/${encodeURIComponent('乙')}/evaluate-batch`, { body: six }), 413, 'too-many-records');
    const ndSix = six.map((r) => JSON.stringify(r)).join('\n');
    expectProblem(
      await t.call('POST', `/rulesets/${encodeURIComponent('乙')}/evaluate-batch`, { raw: ndSix, type: 'application/x-ndjson' }),
      413,
      'too-many-records',
    );
    const big = { x: 1, pad: 'p'.repeat(3000) };
    expectProblem(await t.call('POST', `/rulesets/${encodeURIComponent('乙')}/evaluate`, { body: big }), 413, 'payload-too-large');
    const bigNd = JSON.stringify(big) + '\n';
    expectProblem(
      await t.call('POST', `/rulesets/${encodeURIComponent('乙')}/evaluate-batch`, { raw: bigNd, type: 'application/x-ndjson' }),
      413,
      'payload-too-large',
    );
  });

  it('a streamed (chunked) NDJSON upload over the byte limit is cut off with a 413 problem', async () => {
    const line = JSON.stringify({ x: 1, pad: 'p'.repeat(700) }) + '\n';
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        // Bounded: 20 lines of ~320 bytes, well past the 2000-byte limit.
        if (sent++ >= 20) return controller.close();
        controller.enqueue(new TextEncoder().encode(line));
      },
    });
    const res = await fetch(`${t.url}/rulesets/${encodeURIComponent('乙')}/evaluate-batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await res.json()) as { type: string }).type).toBe('urn:jixiao:problem:payload-too-large');
  });

  it('an unsupported content type is a 415 problem', async () => {
    expectProblem(
      await t.call('POST', `/rulesets/${encodeURIComponent('乙')}/evaluate`, { raw: 'x=1', type: 'application/x-www-form-urlencoded' }),
      415,
      'unsupported-media-type',
    );
  });

  it('POST /check returns diagnostics as data, from JSON or plain text', async () => {
    const bad = await t.call('POST', '/check', { body: { text: '{nope', file: 'mine.ind' } });
    expect(bad.status).toBe(200);
    expect(schemaErrors(S.checkSchema.response[200], bad.body)).toBeNull();
    expect(bad.body.ok).toBe(false);
    expect(bad.body.diagnostics[0]).toMatchObject({ code: 'DSL100', file: 'mine.ind', severity: 'error' });
    expect(bad.body.formatted[0]).toMatch(/^mine\.ind:1:1 DSL100/);
    const good = await t.call('POST', '/check', { raw: fakeRule('丙', 1), type: 'text/plain' });
    expect(good.body).toEqual({ ok: true, diagnostics: [], formatted: [] });
    expectProblem(await t.call('POST', '/check', { body: { txt: 'x' } }), 400, 'bad-request');
  });

  it('GET /openapi.json is an OpenAPI 3.1 document of every route', async () => {
    const r = await t.call('GET', '/openapi.json');
    expect(r.body.openapi).toBe('3.1.0');
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(r.body.info.version, 'the version jixiao --version prints').toBe(manifest.version);
    expect(Object.keys(r.body.paths).sort()).toEqual([
      '/allocations/{name}',
      '/check',
      '/declarations',
      '/health',
      '/metrics',
      '/openapi.json',
      '/ready',
      '/rollups/{name}',
      '/rulesets',
      '/rulesets/{name}',
      '/rulesets/{name}/docs',
      '/rulesets/{name}/evaluate',
      '/rulesets/{name}/evaluate-batch',
      '/rulesets/{name}/schema',
      '/samples/{name}',
    ]);
    const evaluate = r.body.paths['/rulesets/{name}/evaluate'].post;
    expect(evaluate.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`)).toEqual([
      'path:name',
      'query:hash',
      'query:input',
      'query:trace',
    ]);
    // the envelope form of a record with its context is documented as shared components
    expect(Object.keys(r.body.components.schemas)).toEqual(expect.arrayContaining(['RecordEnvelope', 'RecordContext', 'ContextValue']));
    expect(r.body.components.schemas.RecordEnvelope.properties.context).toEqual({ $ref: '#/components/schemas/RecordContext' });
    expect(evaluate.responses['409'].content['application/problem+json'].schema).toEqual({
      $ref: '#/components/schemas/Problem',
      description: 'Problem document (application/problem+json)',
    });
    expect(Object.keys(r.body.paths['/rulesets/{name}/evaluate-batch'].post.requestBody.content)).toEqual(['application/json', 'application/x-ndjson']);
    expect(r.body.components.schemas.Problem.required).toContain('errors');
    expect(JSON.stringify(r.body)).not.toMatch(/"\$ref":"(?!#\/components\/schemas\/)/);
  });
});

describe('service auth and time limit', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ 'a.ind': fakeRule('甲', 1) }, { toolchain: fakeToolchain({ delayMs: 5 }), token: 's3cret', timeoutMs: 200 });
  });
  afterAll(() => t.close());

  it('health and ready stay open; everything else needs the bearer token', async () => {
    expect((await t.call('GET', '/health')).status).toBe(200);
    expect((await t.call('GET', '/ready')).status).toBe(200);
    const none = await t.call('GET', '/rulesets');
    expectProblem(none, 401, 'unauthorized');
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expectProblem(await t.call('GET', '/rulesets', { headers: { authorization: 'Bearer s3cre' } }), 401, 'unauthorized');
    expectProblem(await t.call('GET', '/rulesets', { headers: { authorization: 'Basic s3cret' } }), 401, 'unauthorized');
    const ok = await t.call('GET', '/rulesets', { headers: { authorization: 'Bearer s3cret' } });
    expect(ok.status).toBe(200);
    const doc = await t.call('GET', '/openapi.json', { headers: { authorization: 'bearer s3cret' } });
    expect(doc.body.paths['/health'].get.security).toEqual([]);
    expect(doc.body.paths['/rulesets'].get.security).toEqual([{ bearer: [] }]);
  });

  it('a stalled NDJSON upload ends with a 503 problem at the time limit', async () => {
    let sent = false;
    let release: () => void = () => undefined;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (!sent) {
          sent = true;
          controller.enqueue(new TextEncoder().encode('{"x":1}\n'));
          return;
        }
        // Stall (bounded: released when the test ends) without closing the upload.
        await new Promise<void>((r) => {
          release = r;
          setTimeout(r, 5000);
        });
        controller.close();
      },
    });
    const started = performance.now();
    const res = await fetch(`${t.url}/rulesets/${encodeURIComponent('甲')}/evaluate-batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', authorization: 'Bearer s3cret' },
      body,
      duplex: 'half',
    } as RequestInit);
    release();
    expect(res.status).toBe(503);
    expect(((await res.json()) as { type: string }).type).toBe('urn:jixiao:problem:timeout');
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('a batch that runs past the time limit ends with a 503 problem', async () => {
    const records = Array.from({ length: 100 }, (_, i) => ({ x: i }));
    const r = await t.call('POST', `/rulesets/${encodeURIComponent('甲')}/evaluate-batch`, { body: records, headers: { authorization: 'Bearer s3cret' } });
    expectProblem(r, 503, 'timeout');
  });
});
