/**
 * Ordinal scales, lookup tables, aggregation methods and outcomes as a user meets them: a file
 * is compiled from text and a record evaluated, and the test reads what the result shows —
 * comparisons and min/max by the scale's order, a record refused for a label off the scale, M1
 * and M2 ratings with their explanation, `"D*" = D`, numeric mean of shares, `lookup` in a
 * formula, an outcome replacing the grade with the total marked hidden, and each diagnostic by
 * code and position.
 */
import { describe, expect, it } from 'vitest';
import { compileSource } from '../../src/compile/compile.js';
import { loadIR } from '../../src/compile/load-ir.js';
import type { RuleSetIR } from '../../src/compile/ir.js';
import { evaluate } from '../../src/engine/index.js';
import { createRecommender, createReferenceRecommender } from '../../src/recommend/index.js';
import { renderProjectHtml, renderProjectMarkdown } from '../../src/report/project.js';

const SCALE = 'scale PEFA { A, B+, B, C+, C, D+, D, "D*" = D }\n';

function build(text: string): RuleSetIR {
  const r = compileSource(text, 'main.ind', { lang: 'en' });
  expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`)).toEqual([]);
  return r.ir!;
}

function codes(text: string): string[] {
  return compileSource(text, 'main.ind', { lang: 'en' }).diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.code}`);
}

const rated = (path: string, subject: string, applicable = '') =>
  `indicator ${path} weight 4 { ${applicable}value = ${subject}; score rating value { A: 4; "B+": 4; B: 3; "C+": 3; C: 2; "D+": 1; D: 1; "D*": 1 } }`;

describe('ordinal scales', () => {
  const ir = build(`${SCALE}framework F {
  input data.a PEFA required
  input data.b PEFA required
  indicator atLeastB weight 50 { value = data.a; score formula if value >= B then 100% else 0 }
  indicator lower weight 50 { value = min(data.a, data.b); score formula if value > "C+" then 100% else 0 }
}`);

  it('compares by order, highest first, and takes min by order', () => {
    const r = evaluate(ir, { id: '1', a: 'B+', b: 'C' });
    expect(r.indicators.map((i) => [i.value, i.points])).toEqual([
      ['B+', 50],
      ['C', 0],
    ]);
    const s = evaluate(ir, { id: '2', a: 'C', b: 'A' });
    expect(s.indicators.map((i) => [i.value, i.points])).toEqual([
      ['C', 0],
      ['C', 0],
    ]);
  });

  it('min of a missing value is missing, whichever side it is on', () => {
    const t = build(`${SCALE}framework F {
  input data.a PEFA optional
  input data.b PEFA optional
  indicator x weight 50 { value = min(data.a, data.b); missing zero; score formula if value >= D then 100% else 0 }
  indicator y weight 50 { value = min(data.b, data.a); missing zero; score formula if value >= D then 100% else 0 }
}`);
    const r = evaluate(t, { id: '1', a: 'B' });
    expect(r.indicators.map((i) => [i.value, i.points])).toEqual([
      [null, 0],
      [null, 0],
    ]);
  });

  it('ranks "D*" as D: D* >= D holds, D* >= "D+" does not', () => {
    const t = build(`${SCALE}framework F {
  input data.a PEFA required
  indicator x weight 50 { value = data.a; score formula if value >= D then 100% else 0 }
  indicator y weight 50 { value = data.a; score formula if value >= "D+" then 100% else 0 }
}`);
    expect(evaluate(t, { id: '1', a: 'D*' }).indicators.map((i) => i.points)).toEqual([50, 0]);
  });

  it('refuses a record whose value is not on the scale, naming the field', () => {
    const r = evaluate(ir, { id: '1', a: 'E', b: 'C' });
    expect(r.status).toBe('rejected');
    expect(r.errors.map((e) => [e.code, e.path])).toContainEqual(['EVL408', 'data.a']);
  });

  it('reports a label off the scale (CMP260) and two scales compared (CMP261)', () => {
    expect(
      codes(`${SCALE}scale Other { X, Y }
framework F {
  input data.a PEFA required
  input data.o Other required
  indicator i weight 50 { value = data.a; score formula if value >= E then 100% else 0 }
  indicator j weight 50 { value = data.a; score formula if value == data.o then 100% else 0 }
}`),
    ).toEqual(['6:69 CMP260', '7:60 CMP261']);
  });

  it('reports a label twice on a scale (CMP360)', () => {
    expect(codes('scale S { A, B, A }\nframework F { indicator i weight 100 { score formula 1 } }')).toEqual(['1:17 CMP360']);
  });
});

describe('aggregation methods', () => {
  const ir = build(`${SCALE}table M2 unordered { (A, A): A; (A, B): "B+"; (B, B): B; else: "not sourced" }
framework F {
  scale 24
  not_applicable redistribute
  input data.d1 PEFA required
  input data.d2 PEFA required
  input data.d3 PEFA optional
  dimension M1 weight 12 { aggregate weakest_link; ${rated('a', 'data.d1')}; ${rated('b', 'data.d2')}; ${rated('c', 'data.d3', 'applicable when exists(data.d3); ')} }
  dimension M2 weight 8 { aggregate table M2; ${rated('e', 'data.d1')}; ${rated('f', 'data.d2')} }
  dimension Lowest weight 4 { aggregate min; ${rated('g', 'data.d2')} }
}`);

  it('weakest link: the lowest, with + when another is higher; D* counts as D', () => {
    const r = evaluate(ir, { id: '1', d1: 'B', d2: 'D*', d3: 'A' });
    const m1 = r.dimensions.find((d) => d.path === 'M1')!;
    expect(m1.rating).toBe('D+');
    expect(m1.aggregation).toEqual({
      method: 'weakest_link',
      inputs: { 'M1/a': 'B', 'M1/b': 'D*', 'M1/c': 'A' },
      result: 'D+',
      steps: [{ what: 'weakest link of B, D, A: lowest D, another is higher → +', result: 'D+' }],
    });
    expect(evaluate(ir, { id: '2', d1: 'A', d2: 'A', d3: 'A' }).dimensions[0]!.rating).toBe('A');
  });

  it('table: keys sorted by the scale for an unordered table, else when no row holds', () => {
    expect(evaluate(ir, { id: '1', d1: 'B', d2: 'A' }).dimensions[1]!.rating).toBe('B+');
    expect(evaluate(ir, { id: '2', d1: 'C', d2: 'A' }).dimensions[1]!.rating).toBe('not sourced');
  });

  it('leaves a not-applicable child out, and min by order', () => {
    const r = evaluate(ir, { id: '1', d1: 'B', d2: 'B' });
    expect(r.indicators.find((i) => i.path === 'M1/c')!.status).toBe('not_applicable');
    expect(r.dimensions.map((d) => d.rating)).toEqual(['B', 'B', 'B']);
  });

  it('mean of shares without a scale, each child counting equally', () => {
    const m = build(`framework F {
  dimension S weight 100 { aggregate mean
    indicator q1 weight 1 { score expert data.q1 }
    indicator q2 weight 1 { score expert data.q2 }
    indicator q3 weight 1 { applicable when data.q3_applies; score expert data.q3 } }
}`);
    const r = evaluate(m, { id: '1', q1: 1, q2: 0, q3: 0, q3_applies: false });
    expect(r.dimensions[0]!.points).toBe(50);
    expect(r.dimensions[0]!.aggregation?.inputs).toEqual({ 'S/q1': '1', 'S/q2': '0' });
  });

  it('min on a scale keeps the weighted sum, so its weights must add up (CMP301)', () => {
    expect(
      codes(`${SCALE}framework F { scale 4 input data.a PEFA required
 dimension D weight 4 { aggregate min; ${rated('x', 'data.a')}; ${rated('y', 'data.a')} } }`),
    ).toEqual(['3:12 CMP301']);
  });

  it('a formula reading a mean dimension sees the points the scorecard gives it', () => {
    const m = build(`framework F {
  dimension S weight 50 { aggregate mean
    indicator q1 weight 1 { score expert data.q1 }
    indicator q2 weight 1 { score expert data.q2 } }
  indicator echo weight 50 { value = S.points; score formula value / 50 * 100% }
}`);
    const r = evaluate(m, { id: '1', q1: 1, q2: 0.5 });
    expect(r.dimensions[0]!.points).toBe(37.5);
    expect(r.indicators.find((i) => i.path === 'echo')!.value).toBe(37.5);
  });

  it('reports a scale method over values that are not on a scale (CMP262) or a missing table (CMP264)', () => {
    expect(codes(`framework F { dimension D weight 100 { aggregate weakest_link; indicator i weight 100 { score expert data.x } } }`)).toEqual(['1:40 CMP262']);
    expect(
      codes(
        `${SCALE}table M3 { A: A }\nframework F { scale 4 input data.a PEFA required\n dimension D weight 4 { aggregate table M2; ${rated('i', 'data.a')} } }`,
      ),
    ).toEqual(['4:41 CMP264']);
  });
});

describe('a dimension rating read by name', () => {
  const ir = build(`${SCALE}framework F {
  grades { Good >= 8; Poor otherwise }
  input data.d1 PEFA required
  input data.d2 PEFA required
  scale 16
  dimension PI weight 8 { aggregate weakest_link; ${rated('a', 'data.d1')}; ${rated('b', 'data.d2')} }
  indicator echo weight 8 { value = PI.rating; score formula if value >= "B+" then 100% else 0 }
}
rules R for F {
  rule weak when PI.rating < B then flag "PI below B"
  rule strong when PI.rating >= "B+" then flag "PI B+ or better"
}`);

  it('in a formula and in rules, on the compiled and the reference path alike', async () => {
    for (const [record, rating, rule] of [
      [{ id: '1', d1: 'A', d2: 'B' }, 'B+', 'strong'],
      [{ id: '2', d1: 'A', d2: 'C' }, 'C+', 'weak'],
    ] as const) {
      const r = evaluate(ir, record);
      expect([r.dimensions[0]!.rating, r.indicators.find((i) => i.path === 'echo')!.value]).toEqual([rating, rating]);
      expect(
        createRecommender(ir)
          .recommend(r, record)
          .map((x) => x.rule),
      ).toEqual([rule]);
      expect((await createReferenceRecommender(ir).recommend(r, record)).map((x) => x.rule)).toEqual([rule]);
    }
  });
});

describe('framework-level aggregation', () => {
  it('rates the record on the scale; without grades the rating is the grade; the IR passes its schema', () => {
    const ir = build(`scale L { A, B+, B, C }
framework F {
  aggregate weakest_link
  input data.a L required
  input data.b L required
  indicator x weight 50 { value = data.a; score rating value { A: 100%; "B+": 90%; B: 80%; C: 0 } }
  indicator y weight 50 { value = data.b; score rating value { A: 100%; "B+": 90%; B: 80%; C: 0 } }
}`);
    const r = evaluate(ir, { id: '1', a: 'A', b: 'B' });
    expect([r.rating, r.grade, r.total]).toEqual(['B+', 'B+', 90]);
    expect(loadIR(JSON.parse(JSON.stringify(ir))).diagnostics).toEqual([]);
  });

  it('refuses a framework aggregation that is not on a scale (CMP262)', () => {
    expect(codes('framework F {\n  aggregate mean\n  indicator x weight 100 { score expert data.x }\n}')).toEqual(['2:3 CMP262']);
  });
});

describe('lookup tables', () => {
  it('checks duplicates (CMP361), ragged rows (CMP363) and gaps (CMP362, a warning)', () => {
    expect(codes('table T { (A, B): 1; (A, B): 2; (B, A): 3; (B, B): 4; (A, A): 5 }\nframework F { indicator i weight 100 { score formula 1 } }')).toEqual([
      '1:22 CMP361',
    ]);
    // (B, A) is (A, B) again in an unordered table; (A, A) and (B, B) are missing: one warning names the first.
    expect(codes('table T unordered { (A, B): 1; (B, A): 2 }\nframework F { indicator i weight 100 { score formula 1 } }')).toEqual([
      '1:7 CMP362',
      '1:32 CMP361',
    ]);
    expect(codes('table T { A: 1; (A, B): 2; else: 0 }\nframework F { indicator i weight 100 { score formula 1 } }')).toEqual(['1:7 CMP363']);
  });

  it('reads a one- and a two-key table in a formula, with else as the default', () => {
    const ir = build(`table Points { A: 10; B: 6; else: 0 }
table Grid { (A, x): 1; (A, y): 2; (B, x): 3; (B, y): 4 }
framework F {
  indicator p weight 50 { value = lookup(Points, data.q); score formula value / 10 * 100% }
  indicator g weight 50 { value = lookup(Grid, data.q, data.r); score formula value / 4 * 100% }
}`);
    const r = evaluate(ir, { id: '1', q: 'B', r: 'y' });
    expect(r.indicators.map((i) => [i.value, i.points])).toEqual([
      [6, 30],
      [4, 50],
    ]);
    expect(evaluate(ir, { id: '2', q: 'Z', r: 'x' }).indicators[0]!.value).toBe(0);
  });

  it('reports a table that does not exist (CMP264) and a wrong number of keys (CMP265)', () => {
    expect(
      codes(`table P { A: 1 }
framework F {
  indicator a weight 50 { value = lookup(Q, data.q); score formula 0 }
  indicator b weight 50 { value = lookup(P, data.q, data.r); score formula 0 }
}`),
    ).toEqual(['3:42 CMP264', '4:35 CMP265']);
  });
});

describe('outcomes', () => {
  const ir = build(`framework F {
  grades { Good >= 50; Poor otherwise }
  outcome "Results Not Demonstrated" when not coalesce(data.measured, false) hide total
  indicator i weight 100 { score expert data.x }
}`);

  it('replaces the grade, keeps the grade it replaced, marks the total hidden', () => {
    const r = evaluate(ir, { id: '1', x: 80, measured: false });
    expect([r.total, r.grade, r.outcome]).toEqual([80, 'Results Not Demonstrated', { name: 'Results Not Demonstrated', grade: 'Good', totalHidden: true }]);
    const s = evaluate(ir, { id: '2', x: 80, measured: true });
    expect([s.grade, s.outcome]).toEqual(['Good', undefined]);
  });

  it('keeps the hidden total out of the report', () => {
    const two = build(`framework F {
  grades { Good >= 50; Poor otherwise }
  outcome "Results Not Demonstrated" when not coalesce(data.measured, false) hide total
  dimension A weight 60 { indicator i weight 60 { score expert data.x } }
  dimension B weight 40 { indicator j weight 40 { score expert data.y } }
}`);
    const r = evaluate(two, { id: '1', x: 50, y: 37.5, measured: false });
    expect(r.total).toBe(87.5);
    const md = renderProjectMarkdown(r, two, 'en');
    expect(md).toContain('Rated "Results Not Demonstrated"');
    expect(md).not.toContain('87.5');
    const html = renderProjectHtml(r, two, 'en');
    expect(html).not.toContain('87.5');
    expect(html).toContain('Results Not Demonstrated');
  });
});
