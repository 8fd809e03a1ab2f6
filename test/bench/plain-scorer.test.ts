/**
 * The bench's limit must be the same computation as jixiao, or its ratios mean nothing: the
 * plain-JS scorer (test/bench/plain-scorer.ts) and its json-rules-engine rules must give the
 * total, grade, dimension points and recommendations jixiao gives, including on the half-cent
 * ties where plain doubles round the wrong way and the scorer's exact BigInt path decides.
 * Deterministic (seeded records); no timing.
 */
import { describe, expect, it } from 'vitest';
import { compileSource } from '../../src/compile/compile.js';
import { createAssessor } from '../../src/pipeline/assess.js';
import { jreLoopFired, jreLoopRules, loopRuleFacts } from './jre-fixture.js';
import { loopRecords, loopRulesText, recommendationView } from './loop-workload.js';
import { exactCard, GRADE_RANK, naiveAssess, plainAssess, plainCard, plainFired } from './plain-scorer.js';

const ir = compileSource(loopRulesText(), 'loop-bench.ind').ir!;
const assessor = createAssessor(ir);
const records = [...loopRecords(2000, 4040)];

describe('plain-JS scorer of the loop workload', () => {
  it('agrees with jixiao on total, grade, dimensions and every recommendation', () => {
    let exact = 0;
    for (const rec of records) {
      const r = assessor.assess(rec);
      const p = plainAssess(rec);
      if (p.card.exact) exact++;
      expect({ id: rec.id, total: p.card.total, grade: p.card.grade, dims: p.card.dims, recs: p.recommendations.map(recommendationView) }).toEqual({
        id: rec.id,
        total: r.total,
        grade: r.grade,
        dims: r.dimensions.map((d) => d.points),
        recs: r.recommendations.map(recommendationView),
      });
    }
    expect(exact).toBeGreaterThan(0); // the tie path was exercised, not just the fast one
  });

  it('gives the exact BigInt card on every record, ties included', () => {
    for (const rec of records.slice(0, 500)) {
      const { total, grade, dims } = exactCard(rec);
      expect({ total, grade, dims }).toEqual((({ total, grade, dims }) => ({ total, grade, dims }))(plainCard(rec)));
    }
  });

  it('is right where naive Math.round(x * 100) / 100 is wrong', () => {
    const scores = (c: { total: number | null; dims: (number | null)[] }) => [c.total, ...c.dims];
    const wrong = records.filter((rec) => JSON.stringify(scores(naiveAssess(rec).card)) !== JSON.stringify(scores(plainCard(rec))));
    expect(wrong.length).toBeGreaterThan(0);
    for (const rec of wrong) {
      const r = assessor.assess(rec);
      expect(scores(plainCard(rec))).toEqual(scores({ total: r.total, dims: r.dimensions.map((d) => d.points) }));
    }
  });

  it('fires the same rules through json-rules-engine as in plain JS', async () => {
    const engine = jreLoopRules();
    for (const rec of records.slice(0, 500)) {
      const card = plainCard(rec);
      expect(await jreLoopFired(engine, loopRuleFacts(card, rec, GRADE_RANK[card.grade]!))).toBe(plainFired(card, rec));
    }
  });
});
