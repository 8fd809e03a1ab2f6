/**
 * The demo city is generated, committed, and scored by the shipped rules. These tests hold the
 * generator to its promises: regenerating gives byte-identical files (and no stale ones), the
 * city has the advertised size, amounts are exact to the cent, the station renovation is there
 * at 2.4亿 requested / 1.6亿 approved, and scoring every data set with the rule files named in
 * index.yaml rejects no record while exercising every grade, vetoes, not-applicable indicators
 * and monitoring warnings.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEMO_DIR, generateCity, type DataSet } from '../../examples/generate.js';
import { compile } from '../../src/compile/compile.js';
import { createEvaluator } from '../../src/engine/index.js';
import type { EvaluationResult, Recommendation } from '../../src/engine/result.js';
import { createRecommender } from '../../src/recommend/index.js';

type Rec = Record<string, unknown>;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [relative(DEMO_DIR, full)];
  });
}

const generated = generateCity();
const index = parse(generated.get('index.yaml') ?? '') as { datasets: DataSet[] };
const parsed = new Map<string, Rec[]>();
function records(set: DataSet): Rec[] {
  let list = parsed.get(set.data);
  if (!list) {
    list = parse(generated.get(set.data.replace('examples/demo-city/', '')) ?? '') as Rec[];
    parsed.set(set.data, list);
  }
  return list;
}

interface Scored {
  set: DataSet;
  grades: string[];
  results: { record: Rec; result: EvaluationResult; recommendations: Recommendation[] }[];
}

const scored: Scored[] = index.datasets.map((set) => {
  const compiled = compile([set.rules, ...set.policy], { framework: set.framework });
  if (!compiled.ir) throw new Error(`${set.rules} does not compile: ${compiled.diagnostics.map((d) => d.code).join(', ')}`);
  const evaluator = createEvaluator(compiled.ir);
  const recommender = createRecommender(compiled.ir);
  return {
    set,
    grades: compiled.ir.grades.map((g) => g.label),
    results: records(set).map((record) => {
      const result = evaluator.evaluate(record);
      return { record, result, recommendations: recommender.recommend(result, record) };
    }),
  };
});

describe('demo city generator', () => {
  it('regenerates the committed files byte for byte, with no stale files', () => {
    const onDisk = walk(DEMO_DIR)
      .filter((f) => f !== 'README.md')
      .sort();
    expect(onDisk).toEqual([...generated.keys()]);
    for (const [path, text] of generated) expect(readFileSync(join(DEMO_DIR, path), 'utf8'), path).toBe(text);
  });

  it('is deterministic within one process too', () => {
    expect([...generateCity()]).toEqual([...generated]);
  });

  it('has 15 towns, 96 departments and 147 projects at three stages', () => {
    const count = (pred: (s: DataSet) => boolean): number => index.datasets.filter(pred).reduce((n, s) => n + records(s).length, 0);
    expect(count((s) => s.data.endsWith('towns.yaml'))).toBe(15);
    expect(count((s) => s.data.endsWith('departments.yaml'))).toBe(96);
    const exAnte = index.datasets.filter((s) => s.data.includes('/ex-ante/')).flatMap(records);
    expect(new Set(exAnte.map((r) => r.id)).size).toBe(147);
    expect(count((s) => s.data.includes('/monitoring/'))).toBeGreaterThan(120);
    expect(count((s) => s.data.includes('/ex-post/'))).toBeGreaterThan(120);
    for (const s of index.datasets) expect(records(s).length, s.data).toBe(s.records);
  });

  it('writes amounts in 元 with at most two decimals', () => {
    const bad: string[] = [];
    const visit = (v: unknown, path: string): void => {
      if (typeof v === 'number' && Math.abs(v) >= 1000 && Math.round(v * 100) / 100 !== v) bad.push(`${path}=${v}`);
      else if (Array.isArray(v)) v.forEach((x, i) => visit(x, `${path}[${i}]`));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) visit(x, `${path}.${k}`);
    };
    for (const s of index.datasets) visit(records(s), s.data);
    expect(bad).toEqual([]);
  });

  it('includes the station renovation: requested 2.4亿, approved 1.6亿, review cut 0.8亿', () => {
    const exAnte = scored.find((s) => s.set.data.endsWith('ex-ante/housing.yaml'));
    const station = exAnte?.results.find((r) => String(r.record.name).includes('车站改造'));
    expect(station?.record.budget).toEqual({ requested: 240000000, approved: 160000000 });
    expect(station?.result.grade).toBe('予以支持');
    const cut = station?.recommendations.find((r) => r.rule === '按评审核减' && r.action === 'adjust');
    expect(cut?.amount).toBe('-80000000.00');
    const monitoring = scored.find((s) => s.set.data.endsWith('monitoring/housing.yaml'));
    const lagging = monitoring?.results.find((r) => r.record.id === station?.record.id);
    expect(lagging?.recommendations.map((r) => r.rule)).toContain('大额滞后收回');
  });
});

describe('demo city scored by the shipped rules', () => {
  it('monitors and evaluates exactly the projects the ex-ante stage supports', () => {
    const ids = (part: string, keep: (r: Scored['results'][number]) => boolean = () => true): string[] =>
      scored
        .filter((s) => s.set.data.includes(part))
        .flatMap((s) => s.results.filter(keep).map((r) => String(r.record.id)))
        .sort();
    const supported = ids('/ex-ante/', (r) => r.result.grade !== '不予支持');
    expect(ids('/ex-ante/').length - supported.length).toBeGreaterThan(2);
    expect(ids('/monitoring/')).toEqual(supported);
    expect(ids('/ex-post/')).toEqual(supported.filter((id) => id !== 'P-HOU-000'));
  });

  it('assigns every project to one of the 96 departments', () => {
    const departments = new Set(records(index.datasets.find((s) => s.data.endsWith('departments.yaml')) as DataSet).map((r) => r.name));
    const unknown = index.datasets
      .filter((s) => s.data.includes('/projects/'))
      .flatMap(records)
      .filter((r) => !departments.has(r.department));
    expect(unknown.map((r) => r.id)).toEqual([]);
  });

  it.each(scored.map((s) => [s.set.data, s] as const))('%s: no record rejected, every grade present', (_name, s) => {
    expect(s.results.filter((r) => r.result.status !== 'ok').map((r) => r.result.errors)).toEqual([]);
    expect(new Set(s.results.map((r) => r.result.grade))).toEqual(new Set(s.grades));
  });

  it('has vetoes in towns, departments, ex-ante reviews and year-end results', () => {
    const vetoed = (part: string): number =>
      scored
        .filter((s) => s.set.data.includes(part))
        .flatMap((s) => s.results)
        .filter((r) => r.result.vetoes.length > 0).length;
    for (const part of ['towns.yaml', 'departments.yaml', '/ex-ante/', '/ex-post/']) expect(vetoed(part), part).toBeGreaterThan(0);
  });

  it('has not-applicable indicators in towns, departments and year-end results', () => {
    const na = (part: string): number =>
      scored
        .filter((s) => s.set.data.includes(part))
        .flatMap((s) => s.results)
        .filter((r) => r.result.indicators.some((i) => i.status === 'not_applicable')).length;
    for (const part of ['towns.yaml', 'departments.yaml', '/ex-post/']) expect(na(part), part).toBeGreaterThan(0);
  });

  it('raises monitoring warnings of every colour and recalls funds from lagging large projects', () => {
    const recs = scored.filter((s) => s.set.data.includes('/monitoring/')).flatMap((s) => s.results.flatMap((r) => r.recommendations));
    const levels = new Set(recs.filter((r) => r.action === 'warn').map((r) => r.level));
    expect(levels).toEqual(new Set(['green', 'yellow', 'red']));
    expect(recs.some((r) => r.action === 'recall' && r.rule === '大额滞后收回')).toBe(true);
    expect(recs.some((r) => r.action === 'withhold')).toBe(true);
  });
});

describe('demo city loop files', () => {
  const list = (path: string): Rec[] => parse(generated.get(path) ?? '') as Rec[];
  const exPost = scored.filter((s) => s.set.stage === 'ex-post').flatMap((s) => s.results.map((r) => r.record));
  const lastYearOf = (r: Rec) => r.last_year as { grade: string; rectified: boolean };

  it('index.yaml names loop files that are generated', () => {
    const loop = (parse(generated.get('index.yaml') ?? '') as { loop: { previous: string; rectification: string; self_evaluation: { data: string } } }).loop;
    for (const path of [loop.previous, loop.rectification, loop.self_evaluation.data]) {
      expect(generated.has(path.replace('examples/demo-city/', '')), path).toBe(true);
    }
  });

  it("gives last year's grade of every evaluated project as its record says, with a total inside that grade", () => {
    const lastYear = list('last-year.yaml');
    expect(lastYear.map((r) => r.id)).toEqual(exPost.map((r) => r.id));
    const band: Record<string, [number, number]> = { 优: [90, 100], 良: [80, 90], 中: [60, 80], 差: [0, 60] };
    lastYear.forEach((r, i) => {
      expect(r.grade, String(r.id)).toBe(lastYearOf(exPost[i]!).grade);
      const [lo, hi] = band[String(r.grade)]!;
      expect(r.total as number, String(r.id)).toBeGreaterThanOrEqual(lo);
      expect(r.total as number, String(r.id)).toBeLessThan(hi);
    });
  });

  it("lists the rectification of exactly last year's 中/差 projects, 已整改 where the record says rectified", () => {
    const rect = list('rectification.yaml');
    const weak = exPost.filter((r) => ['中', '差'].includes(lastYearOf(r).grade));
    expect(rect.map((r) => r.id)).toEqual(weak.map((r) => r.id));
    rect.forEach((r, i) => expect(r.status === '已整改', String(r.id)).toBe(lastYearOf(weak[i]!).rectified));
    expect(new Set(rect.map((r) => r.status))).toEqual(new Set(['已整改', '整改中', '未整改']));
  });

  it('has a self-evaluation form per evaluated project: mostly honest, 自评不实 in both directions', () => {
    const forms = list('self-evaluation.yaml');
    expect(forms.map((r) => r.id)).toEqual(exPost.map((r) => r.id));
    const compiled = compile(['rules/common/self-evaluation.ind'], { framework: '单位自评' });
    expect(compiled.ir).toBeDefined();
    const evaluator = createEvaluator(compiled.ir!);
    const deviations = forms.map((f) => {
      const result = evaluator.evaluate(f);
      expect(result.status, String(f.id)).toBe('ok');
      return (f.self_score as number) - (result.total as number);
    });
    expect(deviations.filter((d) => Math.abs(d) <= 3.5).length).toBeGreaterThan(forms.length / 2);
    expect(deviations.some((d) => d > 10)).toBe(true);
    expect(deviations.some((d) => d < -10)).toBe(true);
  });
});
