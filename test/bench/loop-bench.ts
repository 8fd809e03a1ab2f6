/**
 * Bench section `loop` (issue #12 item 7, "the bench tells the truth"): the loop workload
 * (loop-workload.ts: 30 indicators + the 10-rule result-application block) through jixiao at
 * every trace level the engine offers (trace-levels.ts), against three baselines of the same
 * scorecard and rules: the limit, hand-written plain JavaScript numbers with exact half-up
 * rounding (plain-scorer.ts); the same algorithm on decimal.js (loop-workload.ts `handAssess`);
 * and json-rules-engine deciding the 10 rules over scores from the plain scorer (jre-fixture.ts).
 * Before any timing every path must agree on every record — total, grade, each dimension's
 * points and every recommendation — or the section throws. A naive `Math.round(x * 100) / 100`
 * version is run too, only to count the records it gets wrong. Times are process CPU time,
 * interleaved per chunk, best of PASSES per chunk, record generation subtracted; ratios are
 * jixiao ÷ baseline, fastest baseline first. Run: `npm run bench -- --only loop --records 20000`.
 */
import { compileSource } from '../../src/compile/compile.js';
import { createRecommender } from '../../src/recommend/index.js';
import type { EvaluationResult } from '../../src/engine/result.js';
import { jreLoopFired, jreLoopRules, loopRuleFacts } from './jre-fixture.js';
import { handAssess, loopRecords, loopRulesText, recommendationView } from './loop-workload.js';
import { GRADE_RANK, naiveAssess, plainAssess, plainCard, plainFired, plainRecommendations, type PlainCard } from './plain-scorer.js';
import { assessAt, detectTraceLevels, resultBytes } from './trace-levels.js';
import type { BenchOptions, BenchSection } from './sections.js';
import { breakdownLine, stageBreakdown } from './stage-breakdown.js';

const CHUNKS = 10;
const PASSES = 2;
const SEED = 4040;

const cpu = (start: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1e6;
};

interface Card {
  total: number | null;
  grade: string | null;
  dims: (number | null)[];
  recs: string[];
}
const ofResult = (r: EvaluationResult): Card => ({
  total: r.total,
  grade: r.grade,
  dims: r.dimensions.map((d) => d.points),
  recs: r.recommendations.map(recommendationView),
});
const ofHand = (h: { card: { total: number; grade: string; dims: number[] }; recommendations: Parameters<typeof recommendationView>[0][] }): Card => ({
  total: h.card.total,
  grade: h.card.grade,
  dims: h.card.dims,
  recs: h.recommendations.map(recommendationView),
});
/** Where two cards differ ('' when they agree). */
function differ(a: Card, b: Card): string {
  if (a.total !== b.total) return `total ${a.total} vs ${b.total}`;
  if (a.grade !== b.grade) return `grade ${a.grade} vs ${b.grade}`;
  if (a.dims.length !== b.dims.length || a.dims.some((x, i) => x !== b.dims[i])) return `dimensions [${a.dims.join(', ')}] vs [${b.dims.join(', ')}]`;
  if (a.recs.length !== b.recs.length || a.recs.some((x, i) => x !== b.recs[i]))
    return `recommendations\n    ${a.recs.join('\n    ')}\n  vs\n    ${b.recs.join('\n    ')}`;
  return '';
}

async function jreAssess(
  engine: ReturnType<typeof jreLoopRules>,
  rec: Record<string, unknown>,
): Promise<{ card: PlainCard; mask: number; recommendations: ReturnType<typeof plainRecommendations> }> {
  const card = plainCard(rec);
  const mask = await jreLoopFired(engine, loopRuleFacts(card, rec, GRADE_RANK[card.grade]!));
  return { card, mask, recommendations: plainRecommendations(mask, card, rec) };
}

async function benchLoop(opts: BenchOptions): Promise<void> {
  const compiled = compileSource(loopRulesText(), 'loop-bench.ind');
  if (!compiled.ir || compiled.diagnostics.some((d) => d.severity === 'error')) {
    throw new Error(`loop bench rules do not compile: ${compiled.diagnostics.map((d) => `${d.code} ${d.message}`).join('; ')}`);
  }
  const ir = compiled.ir;
  const sample = loopRecords(1, SEED).next().value as Record<string, unknown>;
  const { levels, note } = detectTraceLevels(ir, sample);
  const jixiao = levels.map((level) => ({ level, ...assessAt(ir, level, sample) }));
  const recommender = createRecommender(ir);
  const jre = jreLoopRules();
  const per = Math.floor(opts.records / CHUNKS);
  const N = per * CHUNKS;
  const perRef = Math.max(1, Math.floor(Math.min(opts.referenceRecords, N) / CHUNKS));
  const M = perRef * CHUNKS;

  // 1. Agreement on every record before any timing (also the warm-up).
  let exact = 0,
    naiveWrong = 0,
    naiveScoreWrong = 0,
    recommendations = 0;
  const bytes = new Map<string, number>();
  const fired = new Map<string, number>();
  for (let c = 0; c < CHUNKS; c++) {
    for (const rec of loopRecords(per, SEED + c)) {
      const where = `${String(rec.id)} (chunk ${c})`;
      const p = plainAssess(rec);
      const plain = ofHand(p);
      const checks: [string, Card][] = [['decimal.js hand-written', ofHand(handAssess(rec))]];
      for (const j of jixiao) {
        const r = j.assess(rec);
        if (r.status !== 'ok') throw new Error(`loop bench: jixiao (${j.level.name}) rejected ${where}: ${r.errors.map((e) => e.message).join('; ')}`);
        checks.push([`jixiao, trace ${j.level.name}`, ofResult(r)]);
        bytes.set(j.level.name, (bytes.get(j.level.name) ?? 0) + resultBytes(r));
      }
      const q = await jreAssess(jre, rec);
      if (q.mask !== plainFired(p.card, rec))
        throw new Error(`loop bench: json-rules-engine fires ${q.mask.toString(2)} but plain JS ${plainFired(p.card, rec).toString(2)} on ${where}`);
      checks.push(['json-rules-engine rules', ofHand(q)]);
      for (const [name, card] of checks) {
        const d = differ(card, plain);
        if (d) throw new Error(`loop bench: ${name} and plain JS disagree on ${where}: ${d}`);
      }
      if (p.card.exact) exact++;
      const n = ofHand(naiveAssess(rec));
      if (differ(n, plain)) naiveWrong++;
      if (n.total !== plain.total || n.grade !== plain.grade || n.dims.some((x, i) => x !== plain.dims[i])) naiveScoreWrong++;
      recommendations += plain.recs.length;
      fired.set(p.card.grade, (fired.get(p.card.grade) ?? 0) + 1);
      for (const x of p.recommendations) for (const name of x.combined?.from ?? [x.rule]) fired.set(name, (fired.get(name) ?? 0) + 1);
    }
  }
  const spread = (grades: boolean): string =>
    [...fired]
      .filter(([k]) => k in GRADE_RANK === grades)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
  const pct = (n: number): string => `${((100 * n) / N).toFixed(2)}%`;
  console.log(
    `30 indicators + 10 rules, ${N} records: jixiao (${levels.map((l) => l.name).join(', ')}), plain JS, decimal.js and json-rules-engine agree on every record`,
  );
  console.log(`  (total, grade, 4 dimensions' points, ${recommendations} recommendations). grades: ${spread(true)}`);
  console.log(`  recommendations per rule: ${spread(false)}`);
  console.log(`  plain JS took the exact BigInt path on ${exact} records (${pct(exact)}, half-cent ties)`);
  console.log(
    `  naive Math.round(x*100)/100 disagrees on ${naiveWrong} of ${N} records (${pct(naiveWrong)}; ${naiveScoreWrong} in total/grade/dimensions) — information, not a baseline`,
  );
  console.log(`  ${note}`);
  console.log(
    `  bytes per result (NDJSON line): ${levels.map((l) => `${l.name} ${Math.round(bytes.get(l.name)! / N)}`).join(', ')}; jixiao door: ${jixiao.map((j) => `${j.level.name} ${j.door}`).join(', ')}`,
  );

  // 2. Interleaved per chunk, best of PASSES per chunk and path.
  const total = new Map<string, number>();
  let sink = 0;
  for (let c = 0; c < CHUNKS; c++) {
    // inputs of the rules-only figures, built untimed: results (trace none) and plain cards;
    // the reference count of them, so a chunk of stored results stays small
    const recs = [...loopRecords(perRef, SEED + c)];
    const results = recs.map((rec) => jixiao[0]!.assess(rec));
    const cards = recs.map((rec) => plainCard(rec));
    const facts = recs.map((rec, i) => loopRuleFacts(cards[i]!, rec, GRADE_RANK[cards[i]!.grade]!));
    const best = new Map<string, number>();
    const time = async (name: string, fn: () => void | Promise<void>): Promise<void> => {
      const t = process.cpuUsage();
      await fn();
      best.set(name, Math.min(best.get(name) ?? Infinity, cpu(t)));
    };
    for (let pass = 0; pass < PASSES; pass++) {
      await time('gen', () => {
        for (const rec of loopRecords(per, SEED + c)) sink += rec.id ? 1 : 0;
      });
      await time('genRef', () => {
        for (const rec of loopRecords(perRef, SEED + c)) sink += rec.id ? 1 : 0;
      });
      for (const j of jixiao)
        await time(`jixiao ${j.level.name}`, () => {
          for (const rec of loopRecords(per, SEED + c)) sink += j.assess(rec).recommendations.length;
        });
      await time('plain', () => {
        for (const rec of loopRecords(per, SEED + c)) sink += plainAssess(rec).recommendations.length;
      });
      await time('plain score', () => {
        for (const rec of loopRecords(per, SEED + c)) sink += plainCard(rec).total;
      });
      await time('decimal', () => {
        for (const rec of loopRecords(per, SEED + c)) sink += handAssess(rec).recommendations.length;
      });
      await time('jre', async () => {
        for (const rec of loopRecords(perRef, SEED + c)) sink += (await jreAssess(jre, rec)).recommendations.length;
      });
      await time('rules jixiao', () => {
        for (let i = 0; i < perRef; i++) sink += recommender.recommend(results[i]!, recs[i]).length;
      });
      await time('rules plain', () => {
        for (let i = 0; i < perRef; i++) sink += plainRecommendations(plainFired(cards[i]!, recs[i]!), cards[i]!, recs[i]!).length;
      });
      await time('rules jre', async () => {
        for (let i = 0; i < perRef; i++) sink += plainRecommendations(await jreLoopFired(jre, facts[i]!), cards[i]!, recs[i]!).length;
      });
    }
    for (const [k, v] of best) total.set(k, (total.get(k) ?? 0) + v);
  }
  if (Number.isNaN(sink)) throw new Error('unreachable');
  const gen = total.get('gen')!,
    genRef = total.get('genRef')!;
  const net = (p: string): number => total.get(p)! - (p === 'jre' ? genRef : p.startsWith('rules') ? 0 : gen);
  const count = (p: string): number => (p === 'jre' || p.startsWith('rules') ? M : N);
  const rate = (p: string): number => count(p) / net(p);
  const us = (p: string): string => ((1e6 * net(p)) / count(p)).toFixed(1);
  const line = (label: string, p: string): void =>
    console.log(`  ${label.padEnd(58)}${rate(p).toFixed(0).padStart(9)} records/s  ${us(p).padStart(8)} µs/record  (${count(p)})`);
  for (const j of jixiao) line(`jixiao pipeline, trace ${j.level.name}`, `jixiao ${j.level.name}`);
  line('plain JavaScript, exact half-up: score + rules (the limit)', 'plain');
  line('plain JavaScript: score only', 'plain score');
  line('decimal.js hand-written: score + rules', 'decimal');
  line('json-rules-engine rules, scores by plain JS', 'jre');

  // 3. Ratios: jixiao ÷ each baseline, fastest baseline first.
  const baselines = [
    ['plain JS', 'plain'],
    ['json-rules-engine', 'jre'],
    ['decimal.js', 'decimal'],
  ].sort((a, b) => rate(b[1]!) - rate(a[1]!));
  console.log(`  ${'ratio jixiao ÷ baseline'.padEnd(28)}${baselines.map(([n]) => n!.padStart(18)).join('')}`);
  for (const j of jixiao)
    console.log(
      `    trace ${j.level.name.padEnd(20)}${baselines.map(([, p]) => (rate(`jixiao ${j.level.name}`) / rate(p!)).toFixed(3).padStart(18)).join('')}`,
    );
  const target: Record<string, number> = { none: 1 / 3, summary: 0.2, full: 0.1 };
  console.log(
    `  targets vs plain JS: ${jixiao
      .map((j) => {
        const r = rate(`jixiao ${j.level.name}`) / rate('plain');
        return `${j.level.name} ${r.toFixed(3)} (≥ ${target[j.level.name]!.toFixed(2)}: ${r >= target[j.level.name]! ? 'meets' : 'below'})`;
      })
      .join('; ')}`,
  );
  const rulesRatio = rate('rules jixiao') / rate('rules jre');
  console.log(
    `  rules stage alone: jixiao recommend ${us('rules jixiao')} µs/record, json-rules-engine ${us('rules jre')} µs, plain JS ${us('rules plain')} µs; jixiao ÷ json-rules-engine = ${rulesRatio.toFixed(2)}× (≥ 10×: ${rulesRatio >= 10 ? 'meets' : 'below'}), jixiao ÷ plain JS = ${(rate('rules jixiao') / rate('rules plain')).toFixed(3)}`,
  );
  console.log(breakdownLine(stageBreakdown(ir, Math.min(N, 10000), SEED), Number(us('plain'))));
  console.log(
    `  (CPU time of this process, ${CHUNKS} chunks interleaved, best of ${PASSES} per chunk; generation ${((1e6 * gen) / N).toFixed(1)} µs/record subtracted; json-rules-engine and rules-only figures on ${M} records)`,
  );
}

export const benchSection: BenchSection = { name: 'loop', run: benchLoop };
