/**
 * The service compiles on its own thread under a time budget (src/service/offloaded-toolchain.ts):
 * a `/check` gives the same diagnostics as compiling in-process; a check or a reload that runs
 * out of its budget comes back as SRV701 on every file it was about, and the next job runs on a
 * fresh thread; while a large check is compiling, `/health` is answered first. The budgets here
 * are 1 ms against compiles of thousands of indicators that take hundreds of milliseconds, so
 * the outcome does not hang on the machine's speed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOffloadedToolchain } from '../../src/service/offloaded-toolchain.js';
import { createRealToolchain } from '../../src/service/real-toolchain.js';
import { bigIndicatorFile } from '../dsl/big-file.js';
import { startTestServer, type TestServer } from './harness.js';

const BROKEN = 'framework F {\n  scale 100\n  dimension D weight 100 { indicator I weight 100 { value = data.x target >= 1 score proportionl } }\n}\n';
const GOOD = 'framework F {\n  scale 100\n  dimension D weight 100 { indicator I weight 100 { value = data.x target >= 1 score proportional } }\n}\n';

describe('the compile thread', () => {
  it('checks text with the same diagnostics as an in-process compile', async () => {
    const offloaded = createOffloadedToolchain('.');
    const [there, here] = await Promise.all([offloaded.checkSource(BROKEN, 'mine.ind'), createRealToolchain('.').checkSource(BROKEN, 'mine.ind')]);
    expect(there.diagnostics.length).toBeGreaterThan(0);
    expect(there).toEqual(here);
  });

  it('checks in the language asked for, on the thread as in process', async () => {
    const offloaded = createOffloadedToolchain('.');
    const [en, zh] = await Promise.all([offloaded.checkSource(BROKEN, 'mine.ind', 'en'), offloaded.checkSource(BROKEN, 'mine.ind', 'zh')]);
    expect(en.diagnostics.map((d) => d.code)).toEqual(zh.diagnostics.map((d) => d.code));
    expect(en.diagnostics[0]?.message).not.toMatch(/\p{Script=Han}/u);
    expect(zh.diagnostics[0]?.message).toMatch(/\p{Script=Han}/u);
    expect(en).toEqual(await createRealToolchain('.').checkSource(BROKEN, 'mine.ind', 'en'));
  });

  it('stops a check over its budget with SRV701 and runs the next job on a fresh thread', async () => {
    const toolchain = createOffloadedToolchain('.', { checkMs: 1 });
    const slow = await toolchain.checkSource(bigIndicatorFile(3000), 'big.ind');
    expect(slow.diagnostics.map((d) => [d.code, d.severity, d.file])).toEqual([['SRV701', 'error', 'big.ind']]);
    expect(slow.formatted.join('\n')).toContain('SRV701');

    const generous = createOffloadedToolchain('.');
    const after = await generous.checkSource(GOOD, 'ok.ind');
    expect(after.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('reports every entry of a reload over its budget, so each keeps its last good version', async () => {
    const toolchain = createOffloadedToolchain('rules', { reloadMs: 1 });
    const out = await toolchain.compileFiles(['rules/common/project.ind', 'rules/sectors/education.ind']);
    expect(out.rulesets).toEqual([]);
    expect(out.diagnostics.map((d) => [d.code, d.file])).toEqual([
      ['SRV701', 'rules/common/project.ind'],
      ['SRV701', 'rules/sectors/education.ind'],
    ]);
  });
});

describe('a server whose /check is compiling a large file', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ 'f.ind': GOOD }, { toolchain: (dir) => createOffloadedToolchain(dir) });
  });
  afterAll(() => t.close());

  it('answers /health before the check comes back', async () => {
    const order: string[] = [];
    const check = t.call('POST', '/check', { raw: bigIndicatorFile(3000), type: 'text/plain' }).then((r) => {
      order.push('check');
      return r;
    });
    const health = await t.call('GET', '/health');
    order.push('health');
    expect(health.status).toBe(200);
    const checked = await check;
    expect(checked.status).toBe(200);
    expect(order).toEqual(['health', 'check']);
  });
});
