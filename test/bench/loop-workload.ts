/**
 * The loop workload (issue #4 item 8, issue #12 item 7): the 30-indicator bench framework
 * (scorecard-fixture.ts) with grade cut-offs moved so every grade occurs on the generated
 * records, followed by a result-application block of 10 rules written as .ind text (grade-linked
 * % adjustments of next_budget summed with a cap, recall of unspent funds below an execution
 * line, rectify / interview / commend / warn / flag, a priority-10 cancel; conditions over grade,
 * total, dimension points, indicator values and points, and data), and the records it runs on.
 * `handAssess` writes the same scorecard and rules by hand on decimal.js (same ordering and
 * combination semantics): the bench's decimal baseline. The plain-number limit is
 * plain-scorer.ts; the section that times them all is loop-bench.ts. `recommendationView` is
 * the comparison key every path must agree on (all fields but jixiao's `facts` trace).
 */
import { D, type Dec } from '../../src/engine/decimal.js';
import type { Recommendation } from '../../src/engine/result.js';
import { seededFloats } from '../../src/common/seeded-random.js';
import { benchIndicators, benchRecords, benchRulesText, handPoints, type BenchIndicator } from './scorecard-fixture.js';
import { BLOCK, CUTOFFS, GRADE_RANK, type PlainRecommendation } from './plain-scorer.js';

const RULES = `
rules ${BLOCK} for 基准项目 {
  title "基准：项目支出绩效评价结果应用"
  param 优调增比例 = 10% "评价为优的，下年度预算适当调增"
  param 中调减比例 = 10% "评价为中的，下年度预算调减比例"
  param 差调减比例 = 30% "评价为差的，下年度预算调减比例"
  param 未整改追加调减 = 20% "上年问题未整改到位的，追加调减"
  param 执行率收回线 = 60% "执行率低于该值的，收回结余资金"
  param 调整上限 = 50% "同一预算线调整幅度上限"
  let unspent = data.k1.budget - data.k1.spent
  line next_budget base data.budget.next "下年度预算"
  combine next_budget by sum cap 调整上限

  rule 评价优秀 when grade == 优 then adjust next_budget +优调增比例, commend reason "评价为优，通报表扬并调增预算"
  rule 评价良好 when grade == 良 then flag "按需保障" reason "评价为良，按实际需要安排预算"
  rule 评价中等 when grade == 中 then adjust next_budget -中调减比例, rectify within 60 days reason "评价为中，限期整改并调减预算"
  rule 评价差 when grade == 差 then adjust next_budget -差调减比例, rectify within 90 days, interview reason "评价为差，约谈整改并削减预算"
  rule 上年问题未整改 when grade <= 中 and coalesce(data.last_year.rectified, true) == false then adjust next_budget -未整改追加调减 reason "上年问题未整改到位，追加调减"
  rule 重大违规取消 priority 10 when coalesce(data.audit.major_violation, false) == true then cancel, interview reason "存在重大违规问题，取消下年度预算安排"
  rule 执行偏慢收回 when 指标2.value < 执行率收回线 then recall unspent reason "预算执行率低于60%，收回结余资金"
  rule 决策薄弱 when 决策.points < 16 and total >= 55 then warn yellow reason "决策维度得分偏低"
  rule 产出突出 when 产出.points >= 22 and grade >= 良 then adjust next_budget +5% reason "产出突出，追加调增"
  rule 合规存疑 when data.k3.count >= 4 or 指标10.points < 1 then flag "资金使用合规性存疑", warn red reason "扣分较多，资金合规性存疑"
}
`;

/** The bench framework with loop cut-offs, followed by the rules block. */
export function loopRulesText(): string {
  const grades = `grades { ${CUTOFFS.map(([g, n]) => `${g} >= ${n}`).join('; ')}; 差 otherwise }`;
  const framework = benchRulesText().replace(/grades \{[^}]*\}/, grades);
  if (!framework.includes(grades)) throw new Error('loop bench: grades line not found in the bench framework');
  return framework + RULES;
}

/** Bench records plus what the rules read: next year's budget, last year's rectification, audit. */
export function* loopRecords(count: number, seed: number): Generator<Record<string, unknown>> {
  const rnd = seededFloats(seed ^ 0x5eed);
  for (const rec of benchRecords(count, seed)) {
    rec.budget = { next: Math.round((200000 + rnd() * 4800000) * 100) / 100 };
    if (rnd() < 0.6) rec.last_year = { rectified: rnd() < 0.7 };
    if (rnd() < 0.9) rec.audit = { major_violation: rnd() < 0.02 };
    yield rec;
  }
}

// ---- the hand-written path ----------------------------------------------------------------

export interface HandCard {
  total: number;
  grade: string;
  /** Rounded points per dimension, in DIM order. */
  dims: number[];
}

const INDS = benchIndicators();
const DIMS = [...new Set(INDS.map((i) => i.dimension))];
const DIM_OF = INDS.map((i) => DIMS.indexOf(i.dimension));
const round2 = (d: Dec): number => Number(d.toFixed(2, D.ROUND_HALF_UP));

export function handCard(rec: Record<string, unknown>, inds: BenchIndicator[] = INDS): HandCard {
  const sums = DIMS.map(() => new D(0));
  let total = new D(0);
  inds.forEach((ind, i) => {
    const p = handPoints(ind, rec);
    sums[DIM_OF[i]!] = sums[DIM_OF[i]!]!.plus(p);
    total = total.plus(p);
  });
  const t = round2(total);
  const grade = CUTOFFS.find(([, n]) => t >= n)?.[0] ?? '差';
  return { total: t, grade, dims: sums.map(round2) };
}

/** The fields both paths must agree on (everything but the `facts` trace). */
export type HandRecommendation = Omit<Recommendation, 'facts'>;

const PCT = { up: new D('0.1'), mid: new D('-0.1'), bad: new D('-0.3'), unrectified: new D('-0.2'), output: new D('0.05'), cap: new D('0.5') };
const percentText = (d: Dec): string => (d.decimalPlaces() < 2 ? d.toFixed(2) : d.toFixed());
const REASON = {
  优: '评价为优，通报表扬并调增预算',
  良: '评价为良，按实际需要安排预算',
  中: '评价为中，限期整改并调减预算',
  差: '评价为差，约谈整改并削减预算',
  unrectified: '上年问题未整改到位，追加调减',
  cancel: '存在重大违规问题，取消下年度预算安排',
  recall: '预算执行率低于60%，收回结余资金',
  weak: '决策维度得分偏低',
  output: '产出突出，追加调增',
  compliance: '扣分较多，资金合规性存疑',
};

/** The ten rules by hand: priority 10 first, then source order; next_budget summed and capped. */
export function handRecommend(card: HandCard, rec: Record<string, unknown>): HandRecommendation[] {
  const out: HandRecommendation[] = [];
  const adjusts: { rule: string; pct: Dec; reason: string }[] = [];
  let adjustAt = -1;
  const push = (rule: string, action: Recommendation['action'], reason: string, extra: Partial<HandRecommendation> = {}): void => {
    out.push({ rule, ruleBlock: BLOCK, action, ...extra, reason });
  };
  const adjust = (rule: string, pct: Dec, reason: string): void => {
    if (adjustAt < 0) adjustAt = out.push(undefined as unknown as HandRecommendation) - 1;
    adjusts.push({ rule, pct, reason });
  };
  const g = card.grade;
  const rank = GRADE_RANK[g]!;
  const audit = rec.audit as { major_violation?: boolean } | undefined;
  const lastYear = rec.last_year as { rectified?: boolean } | undefined;
  const k1 = rec.k1 as { spent: number; budget: number };
  const k3 = rec.k3 as { count: number };
  const k9 = rec.k9 as { count: number };

  if ((audit?.major_violation ?? false) === true) {
    push('重大违规取消', 'cancel', REASON.cancel);
    push('重大违规取消', 'interview', REASON.cancel);
  }
  if (g === '优') {
    adjust('评价优秀', PCT.up, REASON.优);
    push('评价优秀', 'commend', REASON.优);
  }
  if (g === '良') push('评价良好', 'flag', REASON.良, { text: '按需保障' });
  if (g === '中') {
    adjust('评价中等', PCT.mid, REASON.中);
    push('评价中等', 'rectify', REASON.中, { withinDays: 60 });
  }
  if (g === '差') {
    adjust('评价差', PCT.bad, REASON.差);
    push('评价差', 'rectify', REASON.差, { withinDays: 90 });
    push('评价差', 'interview', REASON.差);
  }
  if (rank <= 1 && (lastYear?.rectified ?? true) === false) adjust('上年问题未整改', PCT.unrectified, REASON.unrectified);
  if (new D(k1.spent).div(k1.budget).lt(0.6)) {
    push('执行偏慢收回', 'recall', REASON.recall, { amount: new D(k1.budget).minus(k1.spent).toFixed(2, D.ROUND_HALF_UP) });
  }
  if (card.dims[0]! < 16 && card.total >= 55) push('决策薄弱', 'warn', REASON.weak, { level: 'yellow' });
  if (card.dims[2]! >= 22 && rank >= 2) adjust('产出突出', PCT.output, REASON.output);
  if (k3.count >= 4 || D.max(new D(4).minus(D.min(k9.count, 4)), 0).lt(1)) {
    push('合规存疑', 'flag', REASON.compliance, { text: '资金使用合规性存疑' });
    push('合规存疑', 'warn', REASON.compliance, { level: 'red' });
  }

  if (adjustAt >= 0) {
    // combine next_budget by sum cap 50%: members' exact amounts and percentages added, then capped.
    const base = new D((rec.budget as { next: number }).next);
    let pct = new D(0);
    let amount = new D(0);
    for (const a of adjusts) {
      pct = pct.plus(a.pct);
      amount = amount.plus(base.times(a.pct));
    }
    const capAmount = base.times(PCT.cap).abs();
    if (amount.abs().gt(capAmount)) amount = capAmount.times(amount.isNegative() ? -1 : 1);
    if (pct.abs().gt(PCT.cap)) pct = PCT.cap.times(pct.isNegative() ? -1 : 1);
    out[adjustAt] = {
      rule: adjusts[0]!.rule,
      ruleBlock: BLOCK,
      action: 'adjust',
      line: 'next_budget',
      amount: amount.toFixed(2, D.ROUND_HALF_UP),
      percentage: percentText(pct),
      reason: [...new Set(adjusts.map((a) => a.reason))].join('；'),
      combined: { mode: 'sum', from: adjusts.map((a) => a.rule) },
    };
  }
  return out;
}

export function handAssess(rec: Record<string, unknown>): { card: HandCard; recommendations: HandRecommendation[] } {
  const card = handCard(rec);
  return { card, recommendations: handRecommend(card, rec) };
}

/** One recommendation as the string every path must produce identically. */
export const recommendationView = (r: Recommendation | HandRecommendation | PlainRecommendation): string =>
  JSON.stringify([r.rule, r.ruleBlock, r.action, r.line, r.amount, r.percentage, r.withinDays, r.level, r.text, r.reason, r.combined?.mode, r.combined?.from]);
