/**
 * `GET /metrics` (issue 16, item 4): after a known sequence of requests the Prometheus exposition
 * text, parsed here line by line, counts them — requests by route pattern and status, the
 * latency histogram's count, evaluations by outcome, refusals by problem kind, reloads and one
 * `jixiao_ruleset_info` series per loaded rule set with its hash — and carries prom-client's
 * default process metrics. With a token configured /metrics needs it, like every non-probe route.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeToolchain } from './fake-toolchain.js';
import { fakeRule, startTestServer, type TestServer } from './harness.js';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The text exposition format: `name{a="x",b="y"} value`, comments and blank lines skipped. */
function parseExposition(text: string): Sample[] {
  const out: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (m === null) throw new Error(`not an exposition line: ${line}`);
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[l[1]!] = l[2]!.replace(/\\(.)/g, '$1');
    out.push({ name: m[1]!, labels, value: Number(m[3]) });
  }
  return out;
}

function value(samples: Sample[], name: string, labels: Record<string, string> = {}): number | undefined {
  return samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
}

const A = encodeURIComponent('甲');

describe('/metrics', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ 'a.ind': fakeRule('甲', 2, '2026.1'), 'b.ind': fakeRule('乙', 1) }, { toolchain: fakeToolchain() });
  });
  afterAll(() => t.close());

  it('counts requests, evaluations, refusals and reloads, and names the loaded rule sets', async () => {
    for (const x of [1, 2, 3]) expect((await t.call('POST', `/rulesets/${A}/evaluate`, { body: { id: `r${x}`, x } })).status).toBe(200);
    expect((await t.call('POST', `/rulesets/${A}/evaluate`, { body: { id: 'bad', x: 'nope' } })).status).toBe(422);
    expect((await t.call('POST', `/rulesets/${A}/evaluate?input=envelope`, { body: { nothing: 1 } })).status).toBe(400);
    expect((await t.call('GET', '/no/such/path')).status).toBe(404);
    const batch = await t.call('POST', `/rulesets/${A}/evaluate-batch`, {
      body: [
        { id: 'b1', x: 1 },
        { id: 'b2', x: 'no' },
      ],
    });
    expect(batch.status).toBe(200);

    const res = await t.call('GET', '/metrics');
    expect(res.status).toBe(200);
    expect(res.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    const s = parseExposition(res.text);
    const evaluate = { route: '/rulesets/:name/evaluate', method: 'POST' };
    expect(value(s, 'jixiao_http_requests_total', { ...evaluate, status: '200' })).toBe(3);
    expect(value(s, 'jixiao_http_requests_total', { ...evaluate, status: '422' })).toBe(1);
    expect(value(s, 'jixiao_http_requests_total', { ...evaluate, status: '400' })).toBe(1);
    // an unmatched URL is one label, never the path the client made up
    expect(value(s, 'jixiao_http_requests_total', { route: 'unmatched', status: '404' })).toBe(1);
    expect(s.some((x) => Object.values(x.labels).includes('/no/such/path'))).toBe(false);
    expect(value(s, 'jixiao_http_request_duration_seconds_count', evaluate)).toBe(5);
    expect(value(s, 'jixiao_http_request_duration_seconds_bucket', { ...evaluate, le: '+Inf' })).toBe(5);
    expect(value(s, 'jixiao_evaluations_total', { ruleset: '甲', outcome: 'ok' })).toBe(4);
    expect(value(s, 'jixiao_rejections_total', { kind: 'invalid-record' })).toBe(2);
    expect(value(s, 'jixiao_rejections_total', { kind: 'bad-request' })).toBe(1);
    expect(value(s, 'jixiao_reloads_total', { outcome: 'ok' })).toBe(1);
    expect(value(s, 'jixiao_reloads_total', { outcome: 'failed' })).toBe(0);
    const info = s.filter((x) => x.name === 'jixiao_ruleset_info');
    const loaded = [...t.snapshot().rulesets.values()].map((r) => ({ name: r.name, version: r.version, hash: r.hash }));
    expect(info.map((x) => x.labels).sort((a, b) => (a['name']! < b['name']! ? -1 : 1))).toEqual(loaded);
    expect(info.every((x) => x.value === 1)).toBe(true);
    expect(value(s, 'process_cpu_user_seconds_total')).toBeGreaterThanOrEqual(0);
    expect(value(s, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
  });

  it('a reload that fails to load a file counts as failed and the info keeps the version served', async () => {
    const before = t.snapshot().rulesets.get('乙')?.hash;
    await t.writeRule('b.ind', '{ not json');
    const s = parseExposition((await t.call('GET', '/metrics')).text);
    expect(value(s, 'jixiao_reloads_total', { outcome: 'failed' })).toBeGreaterThanOrEqual(1);
    expect(value(s, 'jixiao_ruleset_info', { name: '乙', hash: before! })).toBe(1);
  });
});

describe('/metrics with a token', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ 'a.ind': fakeRule('甲', 2) }, { toolchain: fakeToolchain(), token: 's3cret' });
  });
  afterAll(() => t.close());

  it('needs the bearer token', async () => {
    expect((await t.call('GET', '/metrics')).status).toBe(401);
    const ok = await t.call('GET', '/metrics', { headers: { authorization: 'Bearer s3cret' } });
    expect(ok.status).toBe(200);
    expect(value(parseExposition(ok.text), 'jixiao_ruleset_info', { name: '甲' })).toBe(1);
  });
});
