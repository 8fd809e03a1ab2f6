/**
 * The service over the real library and the shipped indicator files (copied to a temporary
 * folder so the test can edit them): every framework loads with its rule blocks, an evaluation
 * through HTTP gives the total, grade and recommendations the rule files' own test cases
 * expect, /docs and /schema describe the real rule set, /check returns real diagnostics with
 * ranges, a broken edit keeps the last good version, and requests racing a reload each match
 * the version whose hash they report.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { RecommendContext } from '../../src/recommend/index.js';
import type { RuleSetIR } from '../../src/compile/ir.js';
import { serializeResult } from '../../src/engine/index.js';
import { createRealToolchain, prepareRuleSet } from '../../src/service/real-toolchain.js';
import { startTestServer, type TestServer } from './harness.js';

const RULES = fileURLToPath(new URL('../../rules', import.meta.url));
const P = encodeURIComponent('项目支出');

interface Case {
  name: string;
  data: Record<string, unknown>;
  /** Last year's result and rectification status the case's rules read (`jixiao test` cases). */
  context?: RecommendContext;
  expect: { total?: number; grade?: string; recommendations?: string[] };
}
const cases = (parseYaml(readFileSync(join(RULES, 'common/project.test.yaml'), 'utf8')) as { cases: Case[] }).cases;

function rateFramework(target: string): string {
  return `framework 测试 "测试框架" {
  version "1"
  grades { 优 >= 90; 良 >= 80; 中 >= 60; 差 otherwise }
  dimension 产出 weight 100 {
    indicator 完成率 weight 100 {
      value = data.actual / data.planned
      target >= ${target}
      score proportional
    }
  }
}
`;
}

const raCases = (parseYaml(readFileSync(join(RULES, 'policy/result-application.test.yaml'), 'utf8')) as { cases: Case[] }).cases;

describe('service over the shipped rules', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ 'extra/test.ind': rateFramework('100%') }, { toolchain: (dir) => createRealToolchain(dir), copyFrom: RULES });
  });
  afterAll(() => t.close());

  it('loads every framework in the folder, with the rule blocks that apply', async () => {
    const ready = await t.call('GET', '/ready');
    expect(ready.body.failures).toEqual([]);
    expect(ready.body.status).toBe('ready');
    const names = ready.body.rulesets.map((r: { name: string }) => r.name);
    for (const n of ['项目支出', '教育项目', '部门整体支出', '事中绩效监控', '测试']) expect(names).toContain(n);
    const ir = await t.call('GET', `/rulesets/${P}`);
    expect(ir.body.ruleBlocks.map((b: { name: string }) => b.name)).toContain('结果应用');
  });

  it("evaluates records as the rule files' own test cases expect, recommendations included", async () => {
    for (const c of cases.filter((x) => x.expect.total !== undefined).slice(0, 3)) {
      const r = await t.call('POST', `/rulesets/${P}/evaluate`, { body: c.data });
      expect(r.status).toBe(200);
      expect([c.name, r.body.result.total, r.body.result.grade]).toEqual([c.name, c.expect.total, c.expect.grade]);
    }
    // The folder holds every policy file, so more blocks apply than in the isolated test cases:
    // each rule the cases expect must fire (alone or merged into a combined recommendation).
    // Cases with context travel as envelopes { record, context }.
    const envelopes = raCases.map((c) => (c.context ? { record: c.data, context: c.context } : { record: c.data }));
    const batch = await t.call('POST', `/rulesets/${P}/evaluate-batch?input=envelope`, { body: envelopes });
    expect(batch.status).toBe(200);
    batch.body.forEach((item: { result: { recommendations: { rule: string; combined?: { from: string[] } }[] } }, i: number) => {
      const fired = new Set(item.result.recommendations.flatMap((x) => [x.rule, ...(x.combined?.from ?? [])]));
      for (const rule of raCases[i]!.expect.recommendations ?? []) expect([raCases[i]!.name, fired.has(rule)]).toEqual([raCases[i]!.name, true]);
    });
  });

  it('the served result is exactly what the library gives for the served IR', async () => {
    const ir = (await t.call('GET', `/rulesets/${P}`)).body as RuleSetIR;
    const local = prepareRuleSet(ir);
    for (const c of raCases) {
      const served = c.context
        ? await t.call('POST', `/rulesets/${P}/evaluate?input=envelope&hash=${encodeURIComponent(ir.hash)}`, { body: { record: c.data, context: c.context } })
        : await t.call('POST', `/rulesets/${P}/evaluate?hash=${encodeURIComponent(ir.hash)}`, { body: c.data });
      // Byte for byte: the body embeds the engine's stable serialisation of the same result.
      expect(served.text.endsWith(`"result":${serializeResult(await local.evaluate(c.data, c.context), { indent: 0 })}}`)).toBe(true);
    }
  });

  it('?trace= chooses how much explanation results carry, never what they decide', async () => {
    const ir = (await t.call('GET', `/rulesets/${P}`)).body as RuleSetIR;
    const local = prepareRuleSet(ir);
    const record = raCases[0]!.data;
    const full = await t.call('POST', `/rulesets/${P}/evaluate`, { body: record });
    const none = await t.call('POST', `/rulesets/${P}/evaluate?trace=none`, { body: record });
    const summary = await t.call('POST', `/rulesets/${P}/evaluate-batch?trace=summary`, { body: [record] });
    expect([full.status, none.status, summary.status]).toEqual([200, 200, 200]);
    const decided = (r: { total: number; grade: string; recommendations: unknown[]; dimensions: unknown[] }) => [
      r.total,
      r.grade,
      r.dimensions,
      r.recommendations,
    ];
    expect(decided(none.body.result)).toEqual(decided(full.body.result));
    expect(decided(summary.body[0].result)).toEqual(decided(full.body.result));
    expect(none.body.result.trace).toEqual({ rawTotal: '', applicableWeight: '', steps: [] });
    expect(none.text.endsWith(`"result":${serializeResult(await local.evaluate(record, undefined, 'none'), { indent: 0 })}}`)).toBe(true);
    expect(none.text.length).toBeLessThan(full.text.length);
    const bad = await t.call('POST', `/rulesets/${P}/evaluate?trace=verbose`, { body: record });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).join(' ')).toContain('trace');
  });

  it('a record missing a required field is a 422 naming the data path', async () => {
    const data = structuredClone(cases[0]!.data) as { budget: Record<string, unknown> };
    data.budget['adjusted'] = 'lots';
    const r = await t.call('POST', `/rulesets/${P}/evaluate`, { body: data });
    expect(r.status).toBe(422);
    expect(r.contentType).toMatch(/problem\+json/);
    expect(r.body.errors.map((e: { path: string }) => e.path)).toContain('data.budget.adjusted');
    // JSON with a __proto__ key is refused by the body parser before any rule code sees it.
    const polluted = await t.call('POST', `/rulesets/${P}/evaluate`, { raw: '{"id":"x","__proto__":{"a":1}}' });
    expect(polluted.status).toBe(400);
    expect(polluted.contentType).toMatch(/problem\+json/);
  });

  it('/docs and /schema describe the real rule set', async () => {
    const docs = await t.call('GET', `/rulesets/${encodeURIComponent('测试')}/docs`);
    expect(docs.body.indicators).toEqual([
      { path: '产出/完成率', name: '完成率', weight: '100', method: 'proportional', value: 'data.actual / data.planned', target: '>= 100%', refs: [] },
    ]);
    const schema = await t.call('GET', `/rulesets/${encodeURIComponent('测试')}/schema`);
    expect(Object.keys(schema.body.properties)).toEqual(expect.arrayContaining(['actual', 'planned']));
  });

  it('/check reports real diagnostics with ranges, and cannot read outside the rules folder', async () => {
    const bad = await t.call('POST', '/check', {
      body: { text: 'framework 坏 {\n  dimension 甲 weight 10 {\n    indicator 乙 weight 10 { score ??? }\n  }\n}\n', file: 'bad.ind' },
    });
    expect(bad.status).toBe(200);
    expect(bad.body.ok).toBe(false);
    const d = bad.body.diagnostics.find((x: { code: string }) => x.code.startsWith('DSL1'));
    expect(d.file).toBe('bad.ind');
    expect(d.range.start.line).toBe(3);
    expect(bad.body.formatted).toHaveLength(bad.body.diagnostics.length);
    expect(bad.body.formatted[0]).toContain('bad.ind:');
    const good = await t.call('POST', '/check', {
      body: { text: 'import "common/project.ind"\n' + rateFramework('100%').replace('测试', '检查'), file: 'x.ind' },
    });
    expect(good.body.diagnostics.filter((x: { severity: string }) => x.severity === 'error')).toEqual([]);
    const traversal = await t.call('POST', '/check', { body: { text: 'import "../../../../etc/passwd"\n', file: 'x.ind' } });
    expect(traversal.body.ok).toBe(false);
    expect(traversal.body.diagnostics[0].code).toBe('CMP200');
  });

  it('a broken edit keeps the last good version; racing requests match their version', async () => {
    const T = encodeURIComponent('测试');
    const expected = new Map<string, number>([[t.snapshot().rulesets.get('测试')!.hash, 90]]);
    const inflight: Promise<{ hash: string; totals: number[] }>[] = [];
    const records = Array.from({ length: 20 }, (_, i) => ({ id: `R${i}`, actual: 9, planned: 10 }));
    const targets: [string, number][] = [
      ['200%', 45],
      ['150%', 60],
      ['300%', 30],
    ];
    for (const [target, total] of targets) {
      for (let i = 0; i < 4; i++) {
        inflight.push(
          t.call('POST', `/rulesets/${T}/evaluate-batch`, { body: records }).then((r) => ({
            hash: r.headers.get('x-ruleset-hash')!,
            totals: r.body.map((item: { result: { total: number } }) => item.result.total),
          })),
        );
      }
      const snap = await t.writeRule('extra/test.ind', rateFramework(target));
      expected.set(snap.rulesets.get('测试')!.hash, total);
    }
    const results = await Promise.all(inflight);
    for (const r of results) {
      expect(expected.has(r.hash)).toBe(true);
      expect(r.totals).toEqual(records.map(() => expected.get(r.hash)));
    }
    const lastGood = t.snapshot().rulesets.get('测试')!.hash;
    const broken = await t.writeRule('extra/test.ind', rateFramework('300%').replace('score proportional', 'score ???'));
    expect(broken.rulesets.get('测试')!.hash).toBe(lastGood);
    const ready = await t.call('GET', '/ready');
    expect(ready.body.status).toBe('degraded');
    expect(ready.body.failures[0].file).toBe('extra/test.ind');
    expect(ready.body.failures[0].keeping).toEqual([{ name: '测试', hash: lastGood }]);
    expect(ready.body.failures[0].diagnostics[0].code).toMatch(/^DSL1/);
    // Everything else still loaded, and 测试 still answers with its last good version.
    expect(ready.body.rulesets.length).toBeGreaterThan(10);
    const still = await t.call('POST', `/rulesets/${T}/evaluate`, { body: { id: 'a', actual: 9, planned: 10 } });
    expect(still.body.result.total).toBe(30);
  });

  it('a broken shared parent keeps every rule set built on it at its last good version', async () => {
    const before = new Map([...t.snapshot().rulesets.values()].map((r) => [r.name, r.hash]));
    const original = readFileSync(join(t.dir, 'common/project.ind'), 'utf8');
    const broken = await t.writeRule('common/project.ind', original.replace(/weight\s+\d+/, 'weight ??'));
    for (const name of ['项目支出', '教育项目', '卫生健康项目']) expect([name, broken.rulesets.get(name)?.hash]).toEqual([name, before.get(name)]);
    const ready = await t.call('GET', '/ready');
    const kept = new Set(ready.body.failures.flatMap((f: { keeping: { name: string }[] }) => f.keeping.map((k) => k.name)));
    for (const name of ['项目支出', '教育项目']) expect(kept.has(name)).toBe(true);
    expect(ready.body.failures.map((f: { file: string }) => f.file)).toContain('common/project.ind');
    // Rule sets that do not read the broken file are untouched and still served.
    expect(broken.rulesets.get('部门整体支出')?.hash).toBe(before.get('部门整体支出'));
    const fixed = await t.writeRule('common/project.ind', original);
    // Only the file the previous test left broken still fails.
    expect(fixed.failures.map((f) => f.file)).toEqual([join(t.dir, 'extra/test.ind')]);
    expect(fixed.rulesets.get('教育项目')?.hash).toBe(before.get('教育项目'));
  });
});

describe('service: records with context (?input=envelope)', () => {
  let t: TestServer;
  const withContext = raCases.find((c) => c.context?.rectification?.status === '未整改')!;
  const fired = (result: { recommendations: { rule: string; combined?: { from: string[] } }[] }) =>
    new Set(result.recommendations.flatMap((x) => [x.rule, ...(x.combined?.from ?? [])]));

  beforeAll(async () => {
    t = await startTestServer({}, { toolchain: (dir) => createRealToolchain(dir), copyFrom: RULES });
  });
  afterAll(() => t.close());

  it('a rule reading rectification.status fires with the context and not without it', async () => {
    const ruleName = '上年问题未整改';
    expect(withContext.expect.recommendations).toContain(ruleName);
    const bare = await t.call('POST', `/rulesets/${P}/evaluate`, { body: withContext.data });
    const wrapped = await t.call('POST', `/rulesets/${P}/evaluate?input=envelope`, { body: { record: withContext.data, context: withContext.context } });
    expect([bare.status, wrapped.status]).toEqual([200, 200]);
    expect(fired(wrapped.body.result).has(ruleName)).toBe(true);
    expect(fired(bare.body.result).has(ruleName)).toBe(false);
    // an envelope without context is the bare record
    const noContext = await t.call('POST', `/rulesets/${P}/evaluate?input=envelope`, { body: { record: withContext.data } });
    expect(noContext.body.result).toEqual(bare.body.result);
  });

  it('refuses a context of the wrong types or with unsafe keys, naming the field', async () => {
    const call = (context: unknown) => t.call('POST', `/rulesets/${P}/evaluate?input=envelope`, { body: { record: withContext.data, context } });
    const wrongTotal = await call({ previous: { grade: '中', total: '65' } });
    expect(wrongTotal.status).toBe(400);
    expect(wrongTotal.contentType).toMatch(/problem\+json/);
    expect(wrongTotal.body.errors.map((e: { path: string }) => e.path)).toEqual(['/context/previous/total']);
    const wrongStatus = await call({ rectification: { status: 3 } });
    expect(wrongStatus.body.errors.map((e: { path: string }) => e.path)).toEqual(['/context/rectification/status']);
    for (const key of ['constructor', 'prototype']) {
      const unsafe = await call({ rectification: { status: '未整改', note: { [key]: 'x' } } });
      expect([unsafe.status, unsafe.body.errors.map((e: { path: string }) => e.path)]).toEqual([400, [`/context/rectification/note/${key}`]]);
    }
    const polluted = await t.call('POST', `/rulesets/${P}/evaluate?input=envelope`, {
      raw: `{"record":${JSON.stringify(withContext.data)},"context":{"__proto__":{"a":1}}}`,
    });
    expect(polluted.status).toBe(400);
    // not an envelope at all: the record sent bare while the flag says envelope
    const notEnvelope = await t.call('POST', `/rulesets/${P}/evaluate?input=envelope`, { body: withContext.data });
    expect(notEnvelope.status).toBe(400);
    expect(notEnvelope.body.errors.map((e: { path: string }) => e.path)).toContain('/record');
  });

  it('NDJSON batches carry context per line; a bad line is its own error item', async () => {
    const lines = [
      { record: withContext.data, context: withContext.context },
      { record: withContext.data, context: { previous: { total: 'high' } } },
      { record: withContext.data },
      { record: withContext.data, context: { rectification: { status: '未整改', __proto__x: 1, prototype: 2 } } },
    ];
    const r = await t.call('POST', `/rulesets/${P}/evaluate-batch?input=envelope&format=ndjson`, {
      raw: lines.map((l) => JSON.stringify(l)).join('\n') + '\n',
      type: 'application/x-ndjson',
    });
    expect(r.status).toBe(200);
    const items = r.text
      .trim()
      .split('\n')
      .map(
        (l) =>
          JSON.parse(l) as {
            index: number;
            result?: { id: string; recommendations: { rule: string }[] };
            error?: { type: string; errors: { path: string }[] };
          },
      );
    expect(items.map((i) => i.index)).toEqual([0, 1, 2, 3]);
    expect(items.map((i) => (i.result ? 'ok' : i.error!.type))).toEqual(['ok', 'urn:jixiao:problem:bad-request', 'ok', 'urn:jixiao:problem:bad-request']);
    expect(items[1]!.error!.errors.map((e) => e.path)).toEqual(['/1/context/previous/total']);
    expect(items[3]!.error!.errors.map((e) => e.path)).toEqual(['/3/context/rectification/prototype']);
    expect(items[0]!.result!.recommendations.length).toBeGreaterThan(items[2]!.result!.recommendations.length);
  });

  it('without the flag a body that happens to look like an envelope is a record, as before', async () => {
    const r = await t.call('POST', `/rulesets/${P}/evaluate`, { body: { record: withContext.data, context: withContext.context } });
    // the rule set's data schema decides: the envelope is not a valid record
    expect(r.status).toBe(422);
  });
});
