/**
 * The loop's other steps over HTTP (issue #16 item 5): over the shipped rules folder, the
 * service lists the roll-up, sampling and allocation declarations, and answers each step with
 * the very bytes the CLI prints for the same files and records (`jixiao rollup`, `sample`,
 * `allocate`, run in-process on the same temporary folder). Each answered step is a
 * decision-log line citing the declaration's file hash and the rule sets that scored. Mistakes
 * are refused as evaluation refuses them: unknown declarations and rule sets, bad options with
 * the field named, too many records, malformed bodies, and a declaration file with mistakes
 * is a load failure on /ready, not a silently missing route.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAllRecords } from '../../src/rollup/load.js';
import { createRealToolchain } from '../../src/service/real-toolchain.js';
import { runCapturedCli } from '../cli/run-captured.js';
import { startTestServer, type TestServer } from './harness.js';

const RULES = fileURLToPath(new URL('../../rules', import.meta.url));
const CITY = fileURLToPath(new URL('../../examples/demo-city', import.meta.url));
const SECTORS = [
  ['education', '教育项目'],
  ['health', '卫生健康项目'],
  ['housing', '住房城乡建设项目'],
] as const;

const records = async (...files: string[]): Promise<Record<string, unknown>[]> =>
  (await readAllRecords(files.map((f) => join(CITY, f)))).records as Record<string, unknown>[];

describe('roll-up, sampling and allocation over HTTP', () => {
  let t: TestServer;
  let log: string;
  let ids = 0;

  beforeAll(async () => {
    log = join(mkdtempSync(join(tmpdir(), 'jixiao-loop-log-')), 'decisions.ndjson');
    t = await startTestServer({}, { toolchain: (dir) => createRealToolchain(dir), copyFrom: RULES, decisionLog: log, newId: () => `step-${++ids}` });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    rmSync(dirname(log), { recursive: true, force: true });
  });

  it('lists the shipped declarations with their file hashes and the rule set each roll-up scores with', async () => {
    const reply = await t.call('GET', '/declarations');
    expect(reply.status).toBe(200);
    const byName = Object.fromEntries(reply.body.declarations.map((d: { name: string }) => [d.name, d]));
    expect(Object.keys(byName).sort()).toEqual(['rollup-department', 'rollup-town', 'sample-review', 'special-fund-factors']);
    expect(byName['rollup-department']).toMatchObject({ kind: 'rollup', ruleset: '部门整体支出', file: 'policy/rollup-department.yaml' });
    expect(byName['sample-review'].kind).toBe('sample');
    expect(byName['special-fund-factors'].kind).toBe('allocation');
    const bytes = readFileSync(join(t.dir, 'policy/rollup-department.yaml'));
    expect(byName['rollup-department'].hash).toBe('sha256:' + createHash('sha256').update(bytes).digest('hex'));
  });

  it('a department roll-up answers the bytes `jixiao rollup` prints for the same records', async () => {
    const entities = await records('departments.yaml');
    const members = await Promise.all(SECTORS.map(async ([file, ruleset]) => ({ ruleset, records: await records(`projects/ex-post/${file}.yaml`) })));
    const reply = await t.call('POST', '/rollups/rollup-department', { body: { entities, members } });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.headers.get('x-decision-id')).toMatch(/^step-\d+$/);

    const args = ['rollup', '--rules', join(t.dir, 'policy/rollup-department.yaml'), '--entities', join(CITY, 'departments.yaml')];
    for (const [file, ruleset] of SECTORS) {
      args.push('--members', `${join(t.dir, 'sectors', file)}.ind:${ruleset}`, join(CITY, `projects/ex-post/${file}.yaml`));
      args.push('--policy', join(t.dir, 'policy/linkage.ind'), '--policy', join(t.dir, 'policy/result-application.ind'));
    }
    const cli = await runCapturedCli(args, t.dir);
    expect(cli.stdout.length).toBeGreaterThan(1000);
    expect(reply.text).toBe(cli.stdout);
    expect(reply.body.entities.length).toBe(entities.length);
    expect(reply.body.entities.some((e: { members: { count: number } }) => e.members.count > 0)).toBe(true);
  }, 120_000);

  it('a sampling answers the bytes `jixiao sample` prints, options included', async () => {
    const projects = await records(...SECTORS.map(([file]) => `projects/ex-post/${file}.yaml`));
    const reply = await t.call('POST', '/samples/sample-review', { body: { records: projects, seed: 7, share: '20%' } });
    expect(reply.status, reply.text).toBe(200);
    const cli = await runCapturedCli(
      [
        'sample',
        '--rules',
        join(t.dir, 'policy/sample-review.yaml'),
        '--seed',
        '7',
        '--share',
        '20%',
        ...SECTORS.map(([file]) => join(CITY, `projects/ex-post/${file}.yaml`)),
      ],
      t.dir,
    );
    expect(reply.text).toBe(cli.stdout);
    expect(reply.body.counts.picked).toBeGreaterThan(0);
  }, 60_000);

  it('an allocation scored by a loaded rule set answers the bytes `jixiao allocate --rules` prints', async () => {
    const towns = await records('towns.yaml');
    const reply = await t.call('POST', '/allocations/special-fund-factors', { body: { pool: '1200万', recipients: towns, ruleset: '镇街财政运行' } });
    expect(reply.status, reply.text).toBe(200);
    const cli = await runCapturedCli(
      [
        'allocate',
        '--pool',
        '1200万',
        '--factors',
        join(t.dir, 'policy/special-fund-factors.yaml'),
        '--rules',
        join(t.dir, 'common/town.ind'),
        '--policy',
        join(t.dir, 'policy/linkage.ind'),
        join(CITY, 'towns.yaml'),
      ],
      t.dir,
    );
    expect(reply.text).toBe(cli.stdout);
    expect(reply.body.fund).toBe('镇街民生专项资金');
  }, 60_000);

  it('every answered step is a decision-log line with the declaration hash and the rule sets that scored', async () => {
    await t.server.close();
    const lines = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const steps = lines.filter((l) => l.step !== undefined);
    expect(steps.map((l) => l.step)).toEqual(['rollup', 'sample', 'allocation']);
    const declarations = Object.fromEntries(
      ['rollup-department', 'sample-review', 'special-fund-factors'].map((n) => {
        const file = join(t.dir, 'policy', `${n}.yaml`);
        return [n, 'sha256:' + createHash('sha256').update(readFileSync(file)).digest('hex')];
      }),
    );
    for (const s of steps) expect(s.declaration.hash).toBe(declarations[s.declaration.name]);
    expect(steps[0].rulesets.map((r: { name: string }) => r.name)).toEqual(['部门整体支出', ...SECTORS.map(([, n]) => n)]);
    expect(steps[2].rulesets.map((r: { name: string }) => r.name)).toEqual(['镇街财政运行']);
    expect(steps.every((s) => /^sha256:[0-9a-f]{64}$/.test(s.inputHash))).toBe(true);
  });
});

describe('loop steps refuse mistakes as evaluation does', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(
      {
        'policy/rollup-broken.yaml':
          'rollup: 坏的汇总\nentity: { rules: ../common/department.ind, key: name }\nmembers: { key: department }\nshare: { own: 60%, members: 30% }\n',
      },
      { toolchain: (dir) => createRealToolchain(dir), copyFrom: RULES, maxRecords: 3 },
    );
  }, 60_000);
  afterAll(async () => t?.close());

  it('a declaration with mistakes is a load failure on /ready and is not served', async () => {
    const ready = await t.call('GET', '/ready');
    const failure = ready.body.failures.find((f: { file: string }) => f.file.endsWith('rollup-broken.yaml'));
    expect(failure, JSON.stringify(ready.body.failures)).toBeDefined();
    expect(failure.diagnostics[0].code).toMatch(/^ROL8\d\d$/);
    const reply = await t.call('POST', '/rollups/rollup-broken', { body: { entities: [], members: [] } });
    expect(reply.status).toBe(404);
  });

  it('names what is wrong: unknown declaration or kind, unknown rule set, bad options, too many records, malformed body', async () => {
    const unknown = await t.call('POST', '/samples/no-such', { body: { records: [], seed: 1 } });
    expect([unknown.status, unknown.body.type]).toEqual([404, 'urn:jixiao:problem:not-found']);
    expect(unknown.body.detail).toContain('no-such');
    const wrongKind = await t.call('POST', '/samples/rollup-department', { body: { records: [], seed: 1 } });
    expect(wrongKind.status).toBe(404);

    const member = await t.call('POST', '/rollups/rollup-department', { body: { entities: [], members: [{ ruleset: '不存在', records: [] }] } });
    expect([member.status, member.body.type]).toEqual([404, 'urn:jixiao:problem:unknown-ruleset']);

    const share = await t.call('POST', '/samples/sample-review', { body: { records: [{ id: 'p1' }], seed: 1, share: '150%' } });
    expect(share.status).toBe(400);
    expect(share.body.errors).toEqual([expect.objectContaining({ path: '/share', code: 'SRV710' })]);
    expect(share.body.errors[0].message).toContain('150%');

    const pool = await t.call('POST', '/allocations/special-fund-factors', { body: { pool: '-5', recipients: [] } });
    expect(pool.status).toBe(400);
    expect(pool.body.errors[0].path).toBe('/pool');

    const many = await t.call('POST', '/samples/sample-review', { body: { records: [{}, {}, {}, {}], seed: 1 } });
    expect([many.status, many.body.type]).toEqual([413, 'urn:jixiao:problem:too-many-records']);

    const malformed = await t.call('POST', '/samples/sample-review', { body: { records: 'all', seed: -1 } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors.length).toBeGreaterThan(0);
  });

  it('an allocation whose recipients cannot be used is 422 with the factor file diagnostics, in English when asked', async () => {
    const reply = await t.call('POST', '/allocations/special-fund-factors', {
      body: { pool: '100', recipients: [{ id: 'T-01' }] },
      headers: { 'accept-language': 'en' },
    });
    expect([reply.status, reply.body.type]).toEqual([422, 'urn:jixiao:problem:invalid-input']);
    expect(reply.body.errors.length).toBeGreaterThan(0);
    expect(reply.body.errors.every((e: { code: string }) => /^[A-Z]{3}\d{3}$/.test(e.code))).toBe(true);
    expect(reply.body.detail).toMatch(/allocation input/);
  });

  it('/metrics counts the steps refused for their input, by step', async () => {
    const metrics = (await t.call('GET', '/metrics')).text;
    expect(metrics).toMatch(/^jixiao_loop_steps_total\{step="sample",outcome="invalid"\} 1$/m);
    expect(metrics).toMatch(/^jixiao_loop_steps_total\{step="allocation",outcome="invalid"\} 2$/m);
  });
});
