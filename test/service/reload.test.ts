/**
 * Hot reload through a real socket over the fake toolchain: a changed file swaps the rule set,
 * a broken file never replaces the last good version (and /ready names it with diagnostics and
 * the hash still served), a fixed file clears the failure, and requests running while the
 * registry swaps each see one consistent version. Also: the decision log and replay, and the
 * graceful drain of requests in flight at shutdown.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replayDecision } from '../../src/service/decision-log.js';
import { fakeToolchain } from './fake-toolchain.js';
import { fakeRule, startTestServer } from './harness.js';

const A = encodeURIComponent('甲');

describe('hot reload', () => {
  it('swaps a changed rule set and keeps the last good version when a file breaks', async () => {
    const t = await startTestServer({ 'a.ind': fakeRule('甲', 1), 'b.ind': fakeRule('乙', 1) }, { toolchain: fakeToolchain() });
    try {
      const v1 = t.snapshot().rulesets.get('甲')!.hash;
      const s2 = await t.writeRule('a.ind', fakeRule('甲', 2));
      const v2 = s2.rulesets.get('甲')!.hash;
      expect(v2).not.toBe(v1);
      expect((await t.call('POST', `/rulesets/${A}/evaluate`, { body: { x: 10 } })).body.result.total).toBe(20);

      const s3 = await t.writeRule('a.ind', '{ broken');
      expect(s3.rulesets.get('甲')!.hash).toBe(v2);
      const served = await t.call('POST', `/rulesets/${A}/evaluate`, { body: { x: 10 } });
      expect(served.body.ruleset.hash).toBe(v2);
      expect(served.body.result.total).toBe(20);
      const ready = await t.call('GET', '/ready');
      expect(ready.status).toBe(200);
      expect(ready.body.status).toBe('degraded');
      expect(ready.body.failures).toHaveLength(1);
      expect(ready.body.failures[0].file).toBe('a.ind');
      expect(ready.body.failures[0].diagnostics[0].file).toBe('a.ind');
      expect(ready.body.failures[0].diagnostics[0].code).toBe('DSL100');
      expect(ready.body.failures[0].keeping).toEqual([{ name: '甲', hash: v2 }]);
      // The unrelated rule set still reloads normally while 甲 is broken.
      const s4 = await t.writeRule('b.ind', fakeRule('乙', 3));
      expect(s4.rulesets.get('乙')!.title).toBe('乙 (factor 3)');
      expect(s4.rulesets.get('甲')!.hash).toBe(v2);

      const s5 = await t.writeRule('a.ind', fakeRule('甲', 4));
      expect(s5.failures).toEqual([]);
      expect((await t.call('GET', '/ready')).body.status).toBe('ready');
      expect((await t.call('POST', `/rulesets/${A}/evaluate`, { body: { x: 10 } })).body.result.total).toBe(40);
    } finally {
      await t.close();
    }
  });

  it('a deleted file takes its rule set out of service', async () => {
    const t = await startTestServer({ 'a.ind': fakeRule('甲', 1), 'b.ind': fakeRule('乙', 1) }, { toolchain: fakeToolchain() });
    try {
      const snap = await t.removeRule('b.ind');
      expect([...snap.rulesets.keys()]).toEqual(['甲']);
      expect(snap.failures).toEqual([]);
      expect((await t.call('POST', `/rulesets/${encodeURIComponent('乙')}/evaluate`, { body: { x: 1 } })).status).toBe(404);
    } finally {
      await t.close();
    }
  });

  it('a broken file with no earlier good version reports the failure and serves the rest', async () => {
    const t = await startTestServer({ 'a.ind': '{ nope', 'b.ind': fakeRule('乙', 1) }, { toolchain: fakeToolchain() });
    try {
      const ready = await t.call('GET', '/ready');
      expect(ready.body.rulesets.map((r: { name: string }) => r.name)).toEqual(['乙']);
      expect(ready.body.failures[0]).toMatchObject({ file: 'a.ind', keeping: [] });
    } finally {
      await t.close();
    }
  });

  it('with no rule set loaded /ready is 503', async () => {
    const t = await startTestServer({ 'a.ind': '{ nope' }, { toolchain: fakeToolchain() });
    try {
      const ready = await t.call('GET', '/ready');
      expect(ready.status).toBe(503);
      expect(ready.body.status).toBe('not_ready');
    } finally {
      await t.close();
    }
  });

  it('concurrent requests during reloads each get one consistent version', async () => {
    const t = await startTestServer({ 'a.ind': fakeRule('甲', 1) }, { toolchain: fakeToolchain({ delayMs: 3 }) });
    try {
      const factorOf = new Map<string, number>([[t.snapshot().rulesets.get('甲')!.hash, 1]]);
      const inflight: Promise<{ hash: string; totals: number[] }>[] = [];
      const batch = Array.from({ length: 8 }, () => ({ x: 7 }));
      for (let round = 2; round <= 6; round++) {
        for (let i = 0; i < 6; i++) {
          inflight.push(
            t.call('POST', `/rulesets/${A}/evaluate-batch`, { body: batch }).then((r) => ({
              hash: r.headers.get('x-ruleset-hash')!,
              totals: r.body.map((item: { result: { total: number; ruleset: { hash: string } } }) => {
                expect(item.result.ruleset.hash).toBe(r.headers.get('x-ruleset-hash'));
                return item.result.total;
              }),
            })),
          );
        }
        const snap = await t.writeRule('a.ind', fakeRule('甲', round));
        factorOf.set(snap.rulesets.get('甲')!.hash, round);
      }
      const results = await Promise.all(inflight);
      const seen = new Set<string>();
      for (const r of results) {
        expect(factorOf.has(r.hash)).toBe(true);
        const factor = factorOf.get(r.hash)!;
        expect(r.totals).toEqual(batch.map(() => 7 * factor));
        seen.add(r.hash);
      }
      expect(seen.size).toBeGreaterThan(1);
    } finally {
      await t.close();
    }
  });
});

describe('decision log and shutdown', () => {
  it('appends one NDJSON line per evaluation with injected time and ids, and replays it', async () => {
    const logFile = join(mkdtempSync(join(tmpdir(), 'jixiao-log-')), 'decisions.ndjson');
    let n = 0;
    const toolchain = fakeToolchain();
    const t = await startTestServer(
      { 'a.ind': fakeRule('甲', 2) },
      { toolchain, decisionLog: logFile, now: () => new Date('2026-01-02T03:04:05.000Z'), newId: () => `00000000-0000-4000-8000-00000000000${++n}` },
    );
    const one = await t.call('POST', `/rulesets/${A}/evaluate`, { body: { x: 45, id: 'P1', nested: { b: 1, a: 2 } } });
    expect(one.body.decisionId).toBe('00000000-0000-4000-8000-000000000001');
    await t.call('POST', `/rulesets/${A}/evaluate-batch`, { body: [{ x: 1 }, { x: 'bad' }] });
    const hash = t.snapshot().rulesets.get('甲')!.hash;
    const prepared = t.snapshot().rulesets.get('甲')!.prepared;
    await t.close(); // flushes the log
    const lines = readFileSync(logFile, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(2); // the invalid record was never evaluated
    const first = JSON.parse(lines[0]!);
    expect(first).toEqual({
      decisionId: '00000000-0000-4000-8000-000000000001',
      time: '2026-01-02T03:04:05.000Z',
      ruleset: { name: '甲', version: '1', hash },
      recordId: 'P1',
      inputHash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      summary: { status: 'ok', total: 90, grade: '优', recommendations: 0 },
    });
    // Key order does not change the input hash; a changed value does.
    const same = await replayDecision(lines[0]!, { nested: { a: 2, b: 1 }, id: 'P1', x: 45 }, prepared);
    expect(same).toMatchObject({ reproduced: true, inputMatches: true, rulesetMatches: true });
    const other = await replayDecision(lines[0]!, { nested: { a: 2, b: 1 }, id: 'P1', x: 44 }, prepared);
    expect(other.reproduced).toBe(false);
    expect(other.inputMatches).toBe(false);
  });

  it('close() lets requests in flight finish and refuses new connections', async () => {
    const t = await startTestServer({ 'a.ind': fakeRule('甲', 1) }, { toolchain: fakeToolchain({ delayMs: 200 }) });
    const slow = t.call('POST', `/rulesets/${A}/evaluate`, { body: { x: 5 } });
    await new Promise((r) => setTimeout(r, 50));
    const closing = t.server.close();
    const done = await slow;
    expect(done.status).toBe(200);
    expect(done.body.result.total).toBe(5);
    await closing;
    await expect(fetch(t.url + '/health')).rejects.toThrow();
    await t.close(); // idempotent: removes the temp folder
  });
});
