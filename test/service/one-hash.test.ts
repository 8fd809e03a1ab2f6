/**
 * One hash everywhere (issue 16, item 6): the hash the service reports for a rule set is the one
 * `jixiao compile` prints for the same files. The service lists, per rule set, the files it
 * compiled (relative to the rules folder, in order); compiling exactly those through the library
 * entry the CLI uses (`compile(entries, { framework })`) must give the same IR hash, and a
 * decision logged by the service must replay from the files alone. An unrelated file in a folder
 * that sorts first is added on purpose: before the fix every `files` path, and so every hash,
 * was relative to the first file of the whole folder.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { compile } from '../../src/compile/compile.js';
import { replayDecision, type DecisionEntry } from '../../src/service/decision-log.js';
import { createRealToolchain, prepareRuleSet } from '../../src/service/real-toolchain.js';
import { startTestServer, type TestServer } from './harness.js';

const RULES = fileURLToPath(new URL('../../rules', import.meta.url));

const UNRELATED = `framework 其他 "无关框架" {
  version "1"
  grades { 优 >= 90; 差 otherwise }
  dimension 产出 weight 100 {
    indicator 完成率 weight 100 {
      value = data.actual / data.planned
      target >= 100%
      score proportional
    }
  }
}
`;

describe('the service reports the hash jixiao compile prints', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ 'aaa/unrelated.ind': UNRELATED }, { toolchain: (dir) => createRealToolchain(dir), copyFrom: RULES });
  });
  afterAll(() => t.close());

  it('every rule set: compiling its listed files gives the same hash and IR', async () => {
    const list = await t.call('GET', '/rulesets');
    const rulesets = list.body.rulesets as { name: string; hash: string; files: string[] }[];
    expect(rulesets.length).toBeGreaterThan(5);
    for (const rs of rulesets) {
      const { ir, diagnostics } = compile(
        rs.files.map((f) => join(t.dir, f)),
        { framework: rs.name },
      );
      expect(
        diagnostics.filter((d) => d.severity === 'error'),
        rs.name,
      ).toEqual([]);
      expect(ir?.hash, rs.name).toBe(rs.hash);
      const served = await t.call('GET', `/rulesets/${encodeURIComponent(rs.name)}`);
      expect(served.body.files, rs.name).toEqual(ir?.files);
    }
  });

  it('a sector rule set lists its parent and the policy files whose rule blocks apply', async () => {
    const list = await t.call('GET', '/rulesets');
    const agri = (list.body.rulesets as { name: string; files: string[] }[]).find((r) => r.name === '农业农村项目');
    expect(agri?.files).toEqual(['common/project.ind', 'policy/linkage.ind', 'policy/result-application.ind', 'sectors/agriculture.ind']);
  });

  it('a decision replays from the files alone, without the IR fetched from the service', async () => {
    const cases = (parseYaml(readFileSync(join(RULES, 'common/project.test.yaml'), 'utf8')) as { cases: { data: Record<string, unknown> }[] }).cases;
    const record = cases[0]!.data;
    const spy = vi.spyOn(t.server.app.jixiao.decisions, 'record');
    const res = await t.call('POST', `/rulesets/${encodeURIComponent('项目支出')}/evaluate`, { body: record });
    expect(res.status).toBe(200);
    const entry = spy.mock.results[0]?.value as DecisionEntry;
    spy.mockRestore();
    expect(entry.decisionId).toBe(res.body.decisionId);
    const list = await t.call('GET', '/rulesets');
    const project = (list.body.rulesets as { name: string; files: string[] }[]).find((r) => r.name === '项目支出');
    const { ir } = compile(
      (project?.files ?? []).map((f) => join(t.dir, f)),
      { framework: '项目支出' },
    );
    if (ir === undefined) throw new Error('the listed files did not compile');
    const outcome = await replayDecision(JSON.stringify(entry), record, prepareRuleSet(ir));
    expect(outcome.rulesetMatches).toBe(true);
    expect(outcome.reproduced).toBe(true);
  });
});
