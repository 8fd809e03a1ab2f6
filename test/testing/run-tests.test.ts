/**
 * The `jixiao test` library on real files in a temp folder: passing, failing (with field diffs),
 * empty and error cases; `--update` rewriting expect blocks while keeping comments; coverage
 * gaps; recommendations compared only when a recommend function is given.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatTestReport, runTestFiles } from '../../src/testing/index.js';

const RULES = `framework 测试 {
  scale 20
  grades { 优 >= 18; 良 >= 16; 中 >= 12; 差 otherwise }
  dimension 过程 weight 10 {
    indicator 预算执行率 weight 10 {
      value = data.spent / data.budget
      score bands { >= 95%: 100%; >= 80%: 80%; else: 0 }
    }
  }
  dimension 效益 weight 10 {
    indicator 满意度 weight 10 { score rating data.level { A: 100%; B: 70%; C: 40% } }
  }
}
`;

const TESTS = `rules: demo.ind
cases:
  # 第一个用例：全部满分
  - name: full
    data: { id: P1, spent: 96, budget: 100, level: A }
    expect:
      total: 20   # 满分
      grade: 优
      indicators: { 预算执行率: 10, 效益.满意度: 10 }
      dimensions: { 过程: 10 }
  - name: wrong
    data: { id: P2, spent: 85, budget: 100, level: B }
    expect:
      total: 17
      indicators: { 预算执行率: 10 }
      status: { 满意度: scored }
  - name: empty
    data: { id: P3, spent: 10, budget: 100, level: A }
  - name: rejected
    data: { id: P4, spent: 10, budget: 100, level: A, x: { constructor: 1 } }
    expect: { error: EVL402, total: null }
  - name: nodata
`;

function setup(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-test-'));
  writeFileSync(join(dir, 'demo.ind'), RULES);
  writeFileSync(join(dir, 'demo.test.yaml'), TESTS);
  return dir;
}

describe('runTestFiles', () => {
  it('reports pass, fail with field diffs, empty and error cases, and coverage', async () => {
    const dir = setup();
    const report = await runTestFiles([dir]);
    const cases = report.files[0]!.cases;
    expect(cases.map((c) => [c.name, c.status])).toEqual([
      ['full', 'pass'],
      ['wrong', 'fail'],
      ['empty', 'empty'],
      ['rejected', 'pass'],
      ['nodata', 'error'],
    ]);
    expect(cases[1]!.diffs).toEqual([
      { field: 'total', expected: 17, actual: 15 },
      { field: 'indicators.预算执行率', expected: 10, actual: 8 },
    ]);
    expect([report.passed, report.failed, report.errors, report.empty]).toEqual([2, 1, 1, 1]);
    expect(report.coverage[0]).toMatchObject({ ruleset: '测试', indicatorsNeverScored: [], branchesNeverHit: ['效益/满意度: C'], gradesNeverProduced: ['良'] });
    const text = formatTestReport(report, 'en');
    expect(text).toContain('indicators.预算执行率: expected 10, actual 8');
    expect(text).toContain('2 passed, 1 failed');
    const zh = formatTestReport(report);
    expect(zh).toContain('indicators.预算执行率：期望 10，实际 8');
    expect(zh).toContain('2 个通过，1 个失败');
  });

  it('--update rewrites failing and empty expect blocks in place, keeping comments', async () => {
    const dir = setup();
    const report = await runTestFiles([join(dir, 'demo.test.yaml')], { update: true });
    expect(report.updated).toBe(2);
    const text = readFileSync(join(dir, 'demo.test.yaml'), 'utf8');
    expect(text).toContain('# 第一个用例：全部满分');
    expect(text).toContain('total: 20 # 满分');
    const again = await runTestFiles([dir]);
    expect(again.files[0]!.cases.map((c) => c.status)).toEqual(['pass', 'pass', 'pass', 'pass', 'error']);
    expect(text).toMatch(/- name: empty[\s\S]*?expect:[\s\S]*?grade: 差[\s\S]*?- name: rejected/);
  });

  it('compares recommendations only with a recommend function, and reports rules never fired', async () => {
    const dir = setup();
    writeFileSync(
      join(dir, 'r.test.yaml'),
      'rules: demo.ind\ncases:\n  - name: r\n    data: { id: R, spent: 96, budget: 100, level: A }\n    expect: { recommendations: [评价优秀] }\n',
    );
    // Without the stage the case checks nothing, so it is reported, not passed.
    const without = await runTestFiles([join(dir, 'r.test.yaml')]);
    expect([without.passed, without.empty]).toEqual([0, 1]);
    const withRec = await runTestFiles([join(dir, 'r.test.yaml')], { recommend: () => [] });
    expect(withRec.files[0]!.cases[0]!.diffs).toEqual([{ field: 'recommendations', expected: ['评价优秀'], actual: [] }]);
    expect(withRec.coverage[0]!.rulesNeverFired).toEqual([]);
  });

  it("passes a case's `context:` (last year, rectification) to the recommendation stage", async () => {
    const dir = setup();
    writeFileSync(
      join(dir, 'policy.ind'),
      'import "demo.ind"\nrules 应用 for 测试 {\n  rule 连续两年差 when previous.grade == 差 and grade == 差 then interview\n  rule 未整改 when rectification.status == "未整改" then suspend\n}\n',
    );
    const cases = [
      'rules: demo.ind',
      'policy: [policy.ind]',
      'cases:',
      '  - name: 连续差且未整改',
      '    context: { previous: { grade: 差, total: 55 }, rectification: { status: 未整改 } }',
      '    data: { id: C1, spent: 10, budget: 100, level: C }',
      '    expect: { grade: 差, recommendations: [连续两年差, 未整改] }',
      '  - name: 没有上年结果',
      '    data: { id: C2, spent: 10, budget: 100, level: C }',
      '    expect: { grade: 差, recommendations: [] }',
      '  - name: context 不是映射',
      '    context: [差]',
      '    data: { id: C3, spent: 10, budget: 100, level: C }',
      '    expect: { grade: 差 }',
      '',
    ].join('\n');
    writeFileSync(join(dir, 'ctx.test.yaml'), cases);
    const { createRecommender } = await import('../../src/recommend/index.js');
    const seen: unknown[] = [];
    const withContext = await runTestFiles([join(dir, 'ctx.test.yaml')], {
      recommend: (ir, result, record, context) => {
        seen.push(context);
        return createRecommender(ir).recommend(result, record, context);
      },
    });
    expect(withContext.files[0]!.cases.map((c) => [c.name, c.status])).toEqual([
      ['连续差且未整改', 'pass'],
      ['没有上年结果', 'pass'],
      ['context 不是映射', 'error'],
    ]);
    expect(seen).toEqual([{ previous: { grade: '差', total: 55 }, rectification: { status: '未整改' } }, undefined]);
  });

  it('a test file whose rules do not compile makes its cases errors with the diagnostics', async () => {
    const dir = setup();
    writeFileSync(join(dir, 'bad.ind'), 'framework {');
    writeFileSync(join(dir, 'bad.test.yaml'), 'rules: bad.ind\ncases:\n  - name: a\n    data: {}\n');
    const report = await runTestFiles([join(dir, 'bad.test.yaml')]);
    expect(report.files[0]!.cases[0]!.status).toBe('error');
    expect(report.files[0]!.diagnostics.some((d) => d.severity === 'error')).toBe(true);
  });
});
