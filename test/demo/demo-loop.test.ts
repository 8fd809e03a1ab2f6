/**
 * `jixiao demo` goes round the whole closed loop: these tests run the demo once into a temporary
 * folder and hold each loop step to what the finance bureau relies on — monitoring warnings
 * carried onto the ex-post projects (so 监控红色预警 picks exist), a re-check sample that the
 * same seed reproduces, self-evaluations re-checked with 自评不实 in both directions, one
 * roll-up entry per department and per town, and a special-fund allocation whose shares sum
 * exactly to the pool — in the written JSON, the printed summary and summary.html.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Decimal } from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loopText } from '../../src/cli/demo/loop-text.js';
import { runLoop } from '../../src/cli/demo/loop.js';
import { formatDemoSummary } from '../../src/cli/demo/print-summary.js';
import { displayWidth } from '../../src/compile/code-frame.js';
import { readDemoIndex, runDemo, type DemoRun } from '../../src/cli/demo/run-demo.js';
import type { EvaluationResult } from '../../src/engine/result.js';
import { parseSampleDeclaration, sample, type SampleResult } from '../../src/rollup/index.js';

const ROOT = resolve(import.meta.dirname, '../..');
const index = readDemoIndex(ROOT);
const l = loopText('en');
let out: string;
let run: DemoRun;
let text: string;

type Rec = Record<string, unknown>;
const readJson = <T>(name: string): T => JSON.parse(readFileSync(join(out, 'loop', name), 'utf8')) as T;
const yamlList = (path: string): Rec[] => parse(readFileSync(join(ROOT, path), 'utf8')) as Rec[];
const setsOf = (stage: string) => index.datasets.filter((s) => s.stage === stage);
const exPostRecords = (): Rec[] => setsOf('ex-post').flatMap((s) => yamlList(s.data));

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'jixiao-demo-'));
  run = await runDemo({ root: ROOT, outDir: out, lang: 'en' });
  text = formatDemoSummary(run, index.city, 'demo-output', 'en');
}, 240_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('demo: the closed loop', () => {
  it('runs every loop step without problems and writes its JSON under loop/', () => {
    expect(run.loop?.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(readdirSync(join(out, 'loop')).sort()).toEqual([
      'allocation.json',
      'monitoring-carried.json',
      'rollup-department.json',
      'rollup-town.json',
      'sample.json',
      'self-evaluation-flagged.json',
      'self-evaluation.ndjson',
    ]);
  });

  it('prints a terminal summary that fits 100 columns, grades in grade order, budget lines by title', () => {
    for (const lang of ['en', 'zh'] as const) {
      const lines = formatDemoSummary(run, index.city, 'demo-output', lang).split('\n');
      expect(lines.filter((line) => displayWidth(line) > 100), lang).toEqual([]);
      const gradeRuns = lines.flatMap((line) => [...line.matchAll(/(优|良|中|差) \d+(?: · (?:优|良|中|差) \d+)+/g)].map((m) => m[0].split(' · ').map((g) => g.split(' ')[0]!)));
      expect(gradeRuns.length, lang).toBeGreaterThan(5);
      for (const grades of gradeRuns) expect(grades, lang).toEqual(['优', '良', '中', '差'].filter((g) => grades.includes(g)));
      expect(lines.join('\n'), lang).not.toMatch(/department_budget|requested_budget|transfer_payment|@recall|@withhold|monitoring\.warning/);
    }
    const support = text.split('\n').filter((line) => line.includes('予以支持'));
    for (const line of support) expect(line.indexOf('予以支持')).toBeLessThan(line.indexOf('不予支持'));
  });

  it('prints and publishes one section per loop step', () => {
    const titles = [l.carriedTitle, l.contextTitle, l.sampleTitle, l.selfTitle, l.departmentTitle, l.townTitle, l.allocationTitle];
    const html = readFileSync(join(out, 'summary.html'), 'utf8');
    const md = readFileSync(join(out, 'summary.md'), 'utf8');
    for (const title of titles) {
      expect(text, title).toContain(`${title}:`);
      expect(html, title).toContain(title.replace(/'/g, '&#39;'));
      expect(md, title).toContain(title);
    }
  });

  it("carries each project's most severe monitoring warning onto its ex-post record", () => {
    const { carried } = readJson<{ carried: { id: string; warning: string }[] }>('monitoring-carried.json');
    const severity: Record<string, number> = { red: 3, yellow: 2, green: 1 };
    const monitoring = new Map<string, EvaluationResult>();
    for (const file of readdirSync(join(out, 'results/projects/monitoring'))) {
      for (const line of readFileSync(join(out, 'results/projects/monitoring', file), 'utf8').trim().split('\n')) {
        const r = JSON.parse(line) as EvaluationResult;
        monitoring.set(r.id, r);
      }
    }
    const exPost = new Set(exPostRecords().map((r) => String(r.id)));
    expect(carried.length).toBeGreaterThan(0);
    for (const { id, warning } of carried) {
      expect(exPost.has(id), id).toBe(true);
      const levels = monitoring.get(id)!.recommendations.filter((r) => r.action === 'warn').map((r) => severity[r.level ?? ''] ?? 0);
      expect(Math.max(...levels), id).toBe(severity[warning]);
    }
    // Every ex-post project that was warned in August is carried.
    const warned = [...monitoring.values()].filter((r) => exPost.has(r.id) && r.recommendations.some((x) => x.action === 'warn'));
    expect(carried.map((c) => c.id).sort()).toEqual(warned.map((r) => r.id).sort());
  });

  it('picks every red-warned project for re-check, with its reason, and the same seed gives the same sample', () => {
    const written = readJson<SampleResult>('sample.json');
    const { carried } = readJson<{ carried: { id: string; warning: string }[] }>('monitoring-carried.json');
    const red = carried.filter((c) => c.warning === 'red').map((c) => c.id);
    const redPicks = written.picked.filter((p) => p.reasons.some((r) => r.kind === 'high_risk' && r.criterion === '监控红色预警'));
    expect(redPicks.length).toBeGreaterThan(0);
    expect(redPicks.map((p) => p.id).sort()).toEqual([...red].sort());
    expect(written.counts.picked).toBe(written.picked.length);
    expect(written.counts.random).toBeGreaterThan(0);
    expect(written.counts.threshold).toBeGreaterThan(0);

    const decl = parseSampleDeclaration(parse(readFileSync(join(ROOT, index.loop!.sample.rules), 'utf8'))).declaration!;
    const warning = new Map(carried.map((c) => [c.id, c.warning]));
    const joined = exPostRecords().map((r) => (warning.has(String(r.id)) ? { ...r, monitoring: { warning: warning.get(String(r.id)) } } : r));
    const again = sample(decl, joined, { seed: index.loop!.sample.seed });
    expect(JSON.parse(JSON.stringify({ counts: again.counts, picked: again.picked }))).toEqual({ counts: written.counts, picked: written.picked });
    const other = sample(decl, joined, { seed: index.loop!.sample.seed + 1 });
    const randomIds = (s: SampleResult) => s.picked.filter((p) => p.reasons.some((r) => r.kind === 'random')).map((p) => p.id);
    expect(randomIds(other)).not.toEqual(randomIds(written));
  });

  it("re-checks the sampled projects' self-evaluations and finds 自评不实 both ways", () => {
    const picked = readJson<SampleResult>('sample.json').picked.map((p) => p.id);
    const results = readFileSync(join(out, 'loop/self-evaluation.ndjson'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as EvaluationResult);
    expect(results.map((r) => r.id)).toEqual(picked);
    const { flagged } = readJson<{ flagged: { id: string; deviation: string }[] }>('self-evaluation-flagged.json');
    const byRule = results.filter((r) => r.recommendations.some((x) => x.rule === '自评不实')).map((r) => r.id);
    expect(flagged.map((f) => f.id)).toEqual(byRule);
    for (const f of flagged) expect(new Decimal(f.deviation).abs().gt(10), f.id).toBe(true);
    expect(flagged.some((f) => new Decimal(f.deviation).isPos())).toBe(true);
    expect(flagged.some((f) => new Decimal(f.deviation).isNeg())).toBe(true);
    const higher = flagged.filter((f) => new Decimal(f.deviation).isPos()).length;
    // Long sentences wrap at 100 columns onto lines indented by four spaces.
    expect(text.replace(/\n {4}(?! )/g, ' ')).toContain(l.self(results.length, flagged.length, higher, flagged.length - higher));
  });

  it('rolls up one entry per department and per town, every ex-post project counted once in each', () => {
    const exPost = exPostRecords().length;
    for (const [file, stage] of [['rollup-department.json', 'department'], ['rollup-town.json', 'town']] as const) {
      const rolled = readJson<{ entities: { id: string; status: string; grade: string | null; members: { count: number; excluded: unknown[] } }[] }>(file);
      const ids = setsOf(stage).flatMap((s) => yamlList(s.data)).map((r) => String(r.id));
      expect(rolled.entities.map((e) => e.id), file).toEqual(ids);
      expect(rolled.entities.every((e) => e.status === 'ok' && e.grade !== null), file).toBe(true);
      expect(rolled.entities.reduce((n, e) => n + e.members.count + e.members.excluded.length, 0), file).toBe(exPost);
    }
  });

  it("allocates the special fund by each town's combined grade, shares summing exactly to the pool", () => {
    const alloc = readJson<{ pool: string; total: string; grades: Record<string, string>; shares: { id: string; coefficient: string; amount: string }[] }>('allocation.json');
    const factors = parse(readFileSync(join(ROOT, index.loop!.allocation.factors), 'utf8')) as { grades: Record<string, number> };
    const town = readJson<{ entities: { id: string; grade: string }[] }>('rollup-town.json');
    expect(alloc.pool).toBe(new Decimal(index.loop!.allocation.pool).toFixed(2));
    const sum = alloc.shares.reduce((a, s) => a.plus(s.amount), new Decimal(0));
    expect(sum.toFixed(2)).toBe(alloc.pool);
    expect(alloc.total).toBe(alloc.pool);
    expect(alloc.shares.every((s) => /^\d+\.\d{2}$/.test(s.amount))).toBe(true);
    expect(alloc.shares.map((s) => s.id)).toEqual(town.entities.map((e) => e.id));
    for (const e of town.entities) {
      expect(alloc.grades[e.id]).toBe(e.grade);
      expect(new Decimal(alloc.shares.find((s) => s.id === e.id)!.coefficient).equals(factors.grades[e.grade]!), e.id).toBe(true);
    }
    expect(text).toContain(`${new Decimal(alloc.total).toNumber().toLocaleString('en-US', { minimumFractionDigits: 2 })} 元 — exactly the pool`);
  });

  it('is reproducible: the loop run again on the same scored stages gives the same JSON', async () => {
    const stage = (name: string) => run.stages.get(name) ?? [];
    const again = await runLoop({
      root: ROOT,
      loop: index.loop!,
      context: run.loop!.context,
      monitoring: stage('monitoring'),
      exPost: stage('ex-post'),
      departments: stage('department'),
      towns: stage('town'),
      lang: 'en',
    });
    expect(JSON.stringify(again)).toBe(JSON.stringify(run.loop));
  });
});
