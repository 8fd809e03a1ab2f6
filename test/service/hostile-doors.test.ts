/**
 * The service's doors against unlucky and hostile callers, over a real socket: with a token
 * configured, `/ready` tells an anonymous probe only ready / not ready (no file names, no
 * diagnostics quoting rule text) and the holder of the token everything; an upload over the
 * byte or record limit — chunked JSON or NDJSON, its end never sent — gets its 413 with
 * `connection: close` and the server then closes the connection itself.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeToolchain } from './fake-toolchain.js';
import { fakeRule, startTestServer, type TestServer } from './harness.js';

describe('/ready with a token configured', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ 'a.ind': fakeRule('甲', 1), 'secret-plan.ind': '{ nope' }, { toolchain: fakeToolchain(), token: 's3cret' });
  });
  afterAll(() => t.close());

  it('answers an anonymous or wrong-token probe with the status alone', async () => {
    for (const headers of [{}, { authorization: 'Bearer wrong' }] as Record<string, string>[]) {
      const r = await t.call('GET', '/ready', { headers });
      expect(r.status).toBe(200);
      expect(r.body).toEqual({ status: 'ready' });
      expect(r.text).not.toContain('secret-plan');
    }
  });

  it('gives the holder of the token the rule sets and the failing files with diagnostics', async () => {
    const r = await t.call('GET', '/ready', { headers: { authorization: 'Bearer s3cret' } });
    expect(r.body.status).toBe('degraded');
    expect(r.body.rulesets.map((x: { name: string }) => x.name)).toEqual(['甲']);
    expect(r.body.failures.map((f: { file: string }) => f.file)).toEqual(['secret-plan.ind']);
    expect(r.body.failures[0].diagnostics.length).toBeGreaterThan(0);
  });

  it('says not_ready (503) and nothing else when no rule set loads', async () => {
    const broken = await startTestServer({ 'only.ind': '{ nope' }, { toolchain: fakeToolchain(), token: 's3cret' });
    try {
      const r = await broken.call('GET', '/ready');
      expect([r.status, r.body]).toEqual([503, { status: 'not_ready' }]);
    } finally {
      await broken.close();
    }
  });
});

/** Sends a request head and chunks but never the final chunk; resolves with what the server sent before it closed. */
function uploadWithoutEnd(url: string, path: string, type: string, chunks: string[]): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((done, fail) => {
    const socket = connect(Number(port), hostname);
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => (received += d));
    socket.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' || e.code === 'EPIPE' ? undefined : fail(e)));
    // 'close' comes only when the server ends the connection: the test never ends its side
    socket.on('close', () => done(received));
    socket.on('connect', () => {
      socket.write(`POST ${path} HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: ${type}\r\nTransfer-Encoding: chunked\r\nConnection: keep-alive\r\n\r\n`);
      for (const c of chunks) socket.write(`${Buffer.byteLength(c).toString(16)}\r\n${c}\r\n`);
    });
  });
}

describe('an upload over the byte limit', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ 'a.ind': fakeRule('甲', 1) }, { toolchain: fakeToolchain(), maxBodyBytes: 2000, maxRecords: 5 });
  });
  afterAll(() => t.close());

  const path = (route: string) => `/rulesets/${encodeURIComponent('甲')}/${route}`;

  it('chunked JSON: 413 with connection: close, then the server closes the connection', async () => {
    const chunks = ['{"x":1,"pad":"', ...Array.from({ length: 10 }, () => 'p'.repeat(500))];
    const text = await uploadWithoutEnd(t.url, path('evaluate'), 'application/json', chunks);
    expect(text).toMatch(/^HTTP\/1\.1 413 /);
    expect(text.toLowerCase()).toContain('connection: close');
    expect(text).toContain('urn:jixiao:problem:payload-too-large');
  });

  it('chunked NDJSON: the same', async () => {
    const line = JSON.stringify({ x: 1, pad: 'p'.repeat(400) }) + '\n';
    const text = await uploadWithoutEnd(
      t.url,
      path('evaluate-batch'),
      'application/x-ndjson',
      Array.from({ length: 10 }, () => line),
    );
    expect(text).toMatch(/^HTTP\/1\.1 413 /);
    expect(text.toLowerCase()).toContain('connection: close');
  });

  it('chunked NDJSON over the record limit (413 too-many-records): the same', async () => {
    const text = await uploadWithoutEnd(
      t.url,
      path('evaluate-batch'),
      'application/x-ndjson',
      Array.from({ length: 8 }, (_, i) => `{"x":${i}}\n`),
    );
    expect(text).toMatch(/^HTTP\/1\.1 413 /);
    expect(text).toContain('urn:jixiao:problem:too-many-records');
    expect(text.toLowerCase()).toContain('connection: close');
  });

  it('a request within the limit on a keep-alive connection leaves it open', async () => {
    const r = await t.call('POST', path('evaluate'), { body: { x: 1 } });
    expect(r.status).toBe(200);
    expect(r.headers.get('connection')).not.toBe('close');
  });
});
