/**
 * The three parser quirks found while writing the checker, fixed in src/dsl: (a) a built-in word
 * of formulas (`目标` = `target`, `值` = `value`, …) cannot be declared as a param/let name
 * (DSL110), while `结余` keeps declaring `unspent`; (b) the clauses of `input` come in any order,
 * each at most once (DSL107); (c) rating levels and tiers may be labelled with numbers.
 */
import { describe, expect, it } from 'vitest';
import { compileSource, memorySourceHost } from '../../src/compile/compile.js';
import type { InputDecl } from '../../src/dsl/ast.js';
import { parse } from '../../src/dsl/parse.js';
import { createEvaluator } from '../../src/engine/evaluate.js';
import { framework, parseClean } from './helpers.js';

function codesAt(text: string): string[] {
  return parse(text, 'q.ind').diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column}-${d.range.end.column} ${d.code}`);
}

describe('(a) built-in words as declared names', () => {
  it.each(['目标', 'target', '值', 'value', '权重', 'weight', '评分', '计分', 'score', '最多', 'max'])('param/let %s is DSL110 at the name', (word) => {
    const end = 9 + word.length;
    expect(codesAt(`framework F {\n  param ${word} = 5\n  let ${word} = 1\n}`)).toEqual([`2:9-${end} DSL110`, `3:7-${end - 2} DSL110`]);
  });

  it('also in rules blocks', () => {
    expect(codesAt('rules R for F {\n  let 目标 = 1\n}')).toEqual(['2:7-9 DSL110']);
  });

  it('`结余` still declares `unspent`, the built-in a block defines, and `recall unspent` finds it', () => {
    const ast = parseClean('rules R for F { let 结余 = data.budget - data.spent }');
    expect(ast.declarations[0]?.kind === 'rules' && ast.declarations[0].lets[0]?.name.text).toBe('unspent');
  });

  it('names that merely contain a built-in word stay free', () => {
    const fw = framework(parseClean('framework F { param 目标值 = 5; let 计划目标 = 1; let 最多扣分 = 2 }'));
    expect(fw.params.map((p) => p.name.text)).toEqual(['目标值']);
    expect(fw.lets.map((l) => l.name.text)).toEqual(['计划目标', '最多扣分']);
  });

  it('the message names the built-in, in the chosen language only', () => {
    const [en] = parse('framework F { param 目标 = 5 }', 'q.ind', { lang: 'en' }).diagnostics;
    const [zh] = parse('framework F { param 目标 = 5 }', 'q.ind', { lang: 'zh' }).diagnostics;
    expect(en?.message).toContain('`target`');
    expect(en?.message).not.toMatch(/[\u4e00-\u9fff]{3}/);
    expect(zh?.message).toContain('`target`');
    expect(zh?.message).toMatch(/不能用作/);
    expect(en?.range).toEqual(zh?.range);
  });
});

describe('(b) input clauses in any order', () => {
  const inputs = (body: string): InputDecl[] => framework(parseClean(`framework F {\n${body}\n}`)).inputs;

  it.each([
    'input data.x text of A, B required "说明"',
    'input data.x text required of A, B "说明"',
    'input data.x text "说明" of A, B required',
    'input data.x text required "说明" of A, B',
  ])('%s', (line) => {
    const [i] = inputs(line);
    expect([i?.required, i?.allowed, i?.meta.description]).toEqual([true, ['A', 'B'], '说明']);
  });

  it('optional and no clause at all still read as before', () => {
    expect(inputs('input data.y number "说明" optional\ninput data.z money').map((i) => [i.required, i.allowed, i.meta.description])).toEqual([
      [false, undefined, '说明'],
      [false, undefined, undefined],
    ]);
  });

  it('a clause given twice is DSL107 at the second one (the first one counts)', () => {
    expect(codesAt('framework F {\n  input data.x text required of A optional\n}')).toEqual(['2:35-43 DSL107']);
    expect(codesAt('framework F {\n  input data.x text "a" of A "b"\n}')).toEqual(['2:30-33 DSL107']);
    const [i] = framework(parse('framework F { input data.x text required of A optional }').ast).inputs;
    expect(i?.required).toBe(true);
  });
});

describe('(c) numbers as rating and tier labels', () => {
  const src = `framework F {
  scale 100
  grades { 优 >= 90; 差 otherwise }
  dimension D weight 100 {
    indicator 等级 weight 50 { score rating data.level { 1: 100%; 2: 80%; 3.50: 0% } }
    indicator 档位 weight 50 { score tiers data.tier point data.p { 1: 80%..100%; 2: 0%..80% } }
  }
}`;

  it('parse as labels, plain numbers normalised as the engine prints data numbers', () => {
    const fw = framework(parseClean(src));
    const [dim] = fw.members;
    const labels =
      dim?.kind === 'dimension'
        ? dim.members.map((m) =>
            m.kind === 'indicator' && m.score?.method === 'rating'
              ? m.score.levels.map((l) => l.label.text)
              : m.kind === 'indicator' && m.score?.method === 'tiers'
                ? m.score.tiers.map((t) => t.label.text)
                : [],
          )
        : [];
    expect(labels).toEqual([
      ['1', '2', '3.5'],
      ['1', '2'],
    ]);
  });

  it('match numeric and textual data values when scoring', () => {
    const { ir, diagnostics } = compileSource(src, 'n.ind', { fs: memorySourceHost({}) });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const ev = createEvaluator(ir!);
    const r = ev.evaluate({ id: 'a', level: 1, tier: 1, p: 0.9 });
    expect(r.errors).toEqual([]);
    expect(r.total).toBe(95);
    expect(ev.evaluate({ id: 'b', level: '2', tier: '2', p: 0.5 }).total).toBe(65);
  });
});
