/**
 * Roll-ups on a small in-memory framework: weighted member scores, the declared shares, scale
 * normalisation, members left out with their reason, `no_members`, a veto on the entity still
 * capping the combined grade, linkage recommendations from the combined grade, and refused
 * declarations by code.
 */
import { describe, expect, it } from 'vitest';
import { compileSource } from '../../src/compile/compile.js';
import { createEvaluator } from '../../src/engine/index.js';
import { createRecommender } from '../../src/recommend/index.js';
import { parseRollupDeclaration, rollup, type RollupDeclaration, type Scored } from '../../src/rollup/index.js';

const ENTITY = `framework 部门 {
  scale 100
  grades { 优 >= 90; 良 >= 80; 中 >= 60; 差 otherwise }
  veto 重大违规 when coalesce(data.bad, false) == true -> grade 差
  indicator 自身 weight 100 { score expert data.own }
}
rules 挂钩 for 部门 {
  line department_budget base data.next "下年度预算"
  rule 优 when grade == 优 then adjust department_budget +5% reason "优"
  rule 差 when grade == 差 then adjust department_budget -10% reason "差"
  rule 连续两年较差 when grade == 差 and previous.grade == 差 then interview reason "连续两年较差"
}
`;
const MEMBER = `framework 项目 {
  scale 10
  grades { 好 >= 6; 差 otherwise }
  indicator 得分 weight 10 { score expert data.s }
}
`;

const entityIr = compileSource(ENTITY, 'e.ind').ir!;
const memberIr = compileSource(MEMBER, 'm.ind').ir!;
const score = (ir: typeof entityIr, records: Record<string, unknown>[]): Scored[] => {
  const ev = createEvaluator(ir);
  return records.map((record) => ({ record, result: ev.evaluate(record) }));
};

function decl(extra: Record<string, unknown> = {}): RollupDeclaration {
  const parsed = parseRollupDeclaration({
    rollup: 't',
    entity: { rules: 'e.ind', key: 'name' },
    members: { key: 'dept', weight: 'budget' },
    share: { own: '60%', members: '40%' },
    ...extra,
  });
  expect(parsed.diagnostics).toEqual([]);
  return parsed.declaration!;
}

describe('rollup', () => {
  const entities = score(entityIr, [
    { id: 'D1', name: '甲', own: 95, next: 1000000 },
    { id: 'D2', name: '乙', own: 95, next: 1000000, bad: true },
    { id: 'D3', name: '丙', own: 70, next: 1000000 },
  ]);
  const members = score(memberIr, [
    { id: 'P2', dept: '甲', s: 6, budget: 3000000 },
    { id: 'P1', dept: '甲', s: 10, budget: 1000000 },
    { id: 'P3', dept: '乙', s: 9, budget: 1 },
    { id: 'P4', dept: '甲', s: 9 },
    { id: 'P5', dept: '丁', s: 9, budget: 5 },
  ]);

  it('weights members by the declared field on the entity scale and applies the shares', () => {
    const r = rollup(decl(), entityIr, entities, members, { recommender: createRecommender(entityIr) });
    const d1 = r.entities[0]!;
    // members: (100 × 1M + 60 × 3M) / 4M = 70 (member scale 10 → 100); 0.6 × 95 + 0.4 × 70 = 85.
    expect(d1.members.items.map((m) => [m.id, m.score, m.weightShare, m.contribution])).toEqual([
      ['P1', '100.000000', '0.250000', '25.000000'],
      ['P2', '60.000000', '0.750000', '45.000000'],
    ]);
    expect(d1.members.excluded).toEqual([{ id: 'P4', reason: 'no_weight' }]);
    expect([d1.members.score, d1.total, d1.grade]).toEqual(['70.000000', 85, '良']);
    expect(d1.recommendations).toEqual([]);
    expect(r.diagnostics.map((d) => d.code).sort()).toEqual(['ROL811', 'ROL812']);
  });

  it('keeps a veto cap and feeds the combined grade to the linkage rules', () => {
    const r = rollup(decl(), entityIr, entities, members, { recommender: createRecommender(entityIr) });
    const d2 = r.entities[1]!;
    expect(d2.total).toBe(93);
    expect(d2.grade).toBe('差');
    expect(d2.recommendations.map((x) => [x.rule, x.amount])).toEqual([['差', '-100000.00']]);
  });

  it("gives each entity its own context (last year's result) by id, or one context to all", () => {
    const lastYear: Record<string, { previous: { grade: string } }> = {
      D1: { previous: { grade: '差' } },
      D2: { previous: { grade: '差' } },
      D3: { previous: { grade: '良' } },
    };
    const byId = rollup(decl(), entityIr, entities, members, { recommender: createRecommender(entityIr), context: (id) => lastYear[id] });
    // D1 is 良 now, so last year's 差 does not matter; D2 is 差 (veto) two years running; D3 was 良.
    expect(byId.entities.map((e) => [e.id, e.recommendations.map((x) => x.rule)])).toEqual([
      ['D1', []],
      ['D2', ['差', '连续两年较差']],
      ['D3', []],
    ]);
    const interview = byId.entities[1]!.recommendations[1]!;
    expect(interview.facts['previous.grade']).toBe('差');
    const shared = rollup(decl(), entityIr, entities, members, { recommender: createRecommender(entityIr), context: { previous: { grade: '中' } } });
    expect(shared.entities[1]!.recommendations.map((x) => x.rule)).toEqual(['差']);
  });

  it('scores an entity without members by its own score, or counts them as 0', () => {
    expect(rollup(decl(), entityIr, entities, members).entities[2]!.total).toBe(70);
    const zero = rollup(decl({ no_members: 'zero' }), entityIr, entities, members).entities[2]!;
    expect([zero.total, zero.grade]).toEqual([42, '差']);
    const up = rollup(decl({ share: { own: '50%', members: '50%' } }), entityIr, entities.slice(0, 1), members).entities[0]!;
    expect([up.total, up.grade]).toEqual([82.5, '良']);
  });

  it('refuses declarations by code', () => {
    const bad = parseRollupDeclaration({ entity: { key: 'a..b' }, members: { key: 'prototype' }, share: { own: '70%', members: '40%' }, no_members: 'x' });
    expect(bad.declaration).toBeUndefined();
    expect(bad.diagnostics.map((d) => d.code).sort()).toEqual(['ROL802', 'ROL802', 'ROL805', 'ROL806', 'ROL806']);
  });
});
