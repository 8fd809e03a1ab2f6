/**
 * Decision-log rotation (issue 16, item 4): writing past the size limit, or into a new UTC day,
 * moves the file aside as `<name>.<UTC time>.<ext>` and continues at the configured path; every
 * decision is in exactly one file, whole, in order, and no file but one holding a single
 * over-long line passes the limit. Rotation is also reachable end to end: `jixiao serve`'s
 * options parse into the server's, and a live server rotates while answering. Lines logged in
 * one turn of the event loop are written together, yet reach the file without waiting for close.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EvaluationResult } from '../../src/engine/result.js';
import { DecisionLog, rotatedName } from '../../src/service/decision-log.js';
import { parseServeArgs } from '../../src/service/serve-command.js';
import { fakeToolchain } from './fake-toolchain.js';
import { fakeRule, startTestServer } from './harness.js';

const RULESET = { name: '甲', version: '1', hash: 'sha256:' + 'a'.repeat(64) };
const result = (id: string) => ({ id, status: 'ok', total: 90, grade: '优', recommendations: [] }) as unknown as EvaluationResult;

let dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'jixiao-dlog-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

/** Every line of every log file in the folder, oldest file first (the live file last). */
function allLines(dir: string): { files: string[]; ids: string[] } {
  const files = readdirSync(dir)
    .filter((f) => f.startsWith('decisions'))
    .sort((a, b) => (a === 'decisions.ndjson' ? 1 : b === 'decisions.ndjson' ? -1 : a < b ? -1 : 1));
  const ids = files.flatMap((f) =>
    readFileSync(join(dir, f), 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => (JSON.parse(l) as { decisionId: string }).decisionId),
  );
  return { files, ids };
}

describe('decision-log rotation', () => {
  it('by size: nothing lost, nothing split, each file within the limit', async () => {
    const dir = tempDir();
    let n = 0;
    let ms = Date.UTC(2026, 0, 5, 8, 0, 0);
    const log = new DecisionLog({
      file: join(dir, 'decisions.ndjson'),
      maxBytes: 1000,
      now: () => new Date((ms += 1)),
      newId: () => `id-${String(++n).padStart(3, '0')}`,
    });
    for (let i = 0; i < 40; i++) log.record(RULESET, { id: `r${i}` }, result(`r${i}`));
    await log.close();
    const { files, ids } = allLines(dir);
    expect(ids).toEqual(Array.from({ length: 40 }, (_, i) => `id-${String(i + 1).padStart(3, '0')}`));
    expect(files.length).toBeGreaterThan(3);
    expect(files).toContain('decisions.ndjson');
    expect(files.filter((f) => f !== 'decisions.ndjson').every((f) => /^decisions\.2026-01-05T08-00-00\.\d{3}Z(-\d+)?\.ndjson$/.test(f))).toBe(true);
    for (const f of files) expect(statSync(join(dir, f)).size).toBeLessThanOrEqual(1000);
  });

  it('by day: an entry of a new UTC day starts a new file; a restart keeps counting the existing one', async () => {
    const dir = tempDir();
    const file = join(dir, 'decisions.ndjson');
    let n = 0;
    const times = [Date.UTC(2026, 0, 5, 23, 59, 58), Date.UTC(2026, 0, 5, 23, 59, 59), Date.UTC(2026, 0, 6, 0, 0, 1)];
    let i = 0;
    const log = new DecisionLog({ file, daily: true, now: () => new Date(times[i++]!), newId: () => `d${++n}` });
    for (let k = 0; k < 3; k++) log.record(RULESET, { id: 'x' }, result('x'));
    await log.close();
    const { files, ids } = allLines(dir);
    expect(files).toEqual(['decisions.2026-01-06T00-00-01.000Z.ndjson', 'decisions.ndjson']);
    expect(ids).toEqual(['d1', 'd2', 'd3']);

    // Reopened with a size limit the live file is already near: the first line rotates it.
    const size = statSync(file).size;
    const again = new DecisionLog({ file, maxBytes: size + 10, now: () => new Date(Date.UTC(2026, 0, 6, 1)), newId: () => 'd4' });
    again.record(RULESET, { id: 'x' }, result('x'));
    await again.close();
    expect(allLines(dir).ids).toEqual(['d1', 'd2', 'd3', 'd4']);
    expect(
      readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l !== ''),
    ).toHaveLength(1);
  });

  it('lines reach the live file while the log stays open', async () => {
    const dir = tempDir();
    const file = join(dir, 'decisions.ndjson');
    let n = 0;
    const log = new DecisionLog({ file, newId: () => `k${++n}` });
    for (let i = 0; i < 3; i++) log.record(RULESET, { id: `r${i}` }, result(`r${i}`));
    // a shipper tailing the file sees them without the server closing the log
    await vi.waitFor(() => expect(allLines(dir).ids).toEqual(['k1', 'k2', 'k3']), { timeout: 5000 });
    log.record(RULESET, { id: 'r3' }, result('r3'));
    await vi.waitFor(() => expect(allLines(dir).ids).toEqual(['k1', 'k2', 'k3', 'k4']), { timeout: 5000 });
    await log.close();
  });

  it('rotated names never collide', () => {
    const at = new Date(Date.UTC(2026, 0, 5));
    const taken = new Set(['/l/decisions.2026-01-05T00-00-00.000Z.ndjson']);
    expect(rotatedName('/l/decisions.ndjson', at, (p) => taken.has(p))).toBe('/l/decisions.2026-01-05T00-00-00.000Z-1.ndjson');
  });

  it('jixiao serve options reach a live server, which rotates while answering', async () => {
    const dir = tempDir();
    const file = join(dir, 'decisions.ndjson');
    const o = parseServeArgs(['--rules', dir, '--decision-log', file, '--decision-log-max-size', '1kb', '--decision-log-rotate', 'daily']);
    expect(o).toMatchObject({ decisionLog: file, decisionLogMaxBytes: 1024, decisionLogDaily: true });
    expect(() => parseServeArgs(['--rules', dir, '--decision-log-max-size', '1kb'])).toThrow(/--decision-log/);
    expect(() => parseServeArgs(['--rules', dir, '--decision-log', file, '--decision-log-rotate', 'hourly'])).toThrow(/daily/);

    const t = await startTestServer({ 'a.ind': fakeRule('甲', 2) }, { toolchain: fakeToolchain(), decisionLog: file, decisionLogMaxBytes: 1024 });
    const answered: string[] = [];
    for (let i = 0; i < 20; i++) {
      const r = await t.call('POST', `/rulesets/${encodeURIComponent('甲')}/evaluate`, { body: { id: `r${i}`, x: i } });
      answered.push(r.body.decisionId);
    }
    await t.close();
    const { files, ids } = allLines(dir);
    expect(files.length).toBeGreaterThan(1);
    expect(ids).toEqual(answered);
  });
});
