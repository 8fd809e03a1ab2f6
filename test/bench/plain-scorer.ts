/**
 * The bench's limit: the loop workload (the 30-indicator scorecard of scorecard-fixture.ts with
 * the loop cut-offs, plus the 10 result-application rules of loop-bench.ts) written by hand in
 * plain JavaScript numbers, the way a careful programmer would write it for speed, yet exact.
 * Points are summed in doubles; every total and dimension is rounded half-up to 2 decimals from
 * the double unless it lies within TIE_EPS of a half cent, and then that record is recomputed
 * exactly with BigInt rationals (each indicator's points are a ratio of integers: cents, basis
 * points, tenths). Money (adjustments, recalls) is integer cents and basis points throughout.
 * `naiveCard` / `naiveRecommend` are the same algorithm with `Math.round(x * 100) / 100` and no
 * tie handling: shown only to count the records it gets wrong, never used as a baseline.
 * Rule outcomes are a 10-bit mask (`plainFired`) so json-rules-engine can decide the same rules
 * and share `plainRecommendations`, which turns a mask into the recommendations.
 */
import { benchIndicators, METHODS } from './scorecard-fixture.js';

export const BLOCK = '结果应用';
/** Loop cut-offs, highest first; anything below the last is 差. */
export const CUTOFFS: readonly [string, number][] = [
  ['优', 72],
  ['良', 66],
  ['中', 55],
];
export const GRADE_RANK: Record<string, number> = { 优: 3, 良: 2, 中: 1, 差: 0 };

export interface PlainCard {
  total: number;
  grade: string;
  /** Rounded points per dimension: 决策, 过程, 产出, 效益. */
  dims: number[];
  /** True when a half-cent tie sent the record to the exact BigInt path. */
  exact: boolean;
}

/** The fields compared with jixiao's recommendations (all but its `facts` trace). */
export interface PlainRecommendation {
  rule: string;
  ruleBlock: string;
  action: 'adjust' | 'recall' | 'cancel' | 'rectify' | 'interview' | 'commend' | 'warn' | 'flag';
  line?: string;
  amount?: string;
  percentage?: string;
  withinDays?: number;
  level?: string;
  text?: string;
  reason: string;
  combined?: { mode: string; from: string[] };
}

const INDS = benchIndicators();
const DIM_NAMES = [...new Set(INDS.map((i) => i.dimension))];
const N = INDS.length;
const KEY = INDS.map((i) => i.key);
const W = INDS.map((i) => i.weight);
const METHOD = INDS.map((i) => METHODS.indexOf(i.method)); // 0 proportional … 5 linear
const DIM = INDS.map((i) => DIM_NAMES.indexOf(i.dimension));
const ND = DIM_NAMES.length;
/** Rating fractions in tenths. */
const RATING10: Record<string, number> = { A: 10, B: 8, C: 5, D: 0 };

/**
 * Each point value is at most 4 and is built with at most three double operations, so the
 * double sum of 30 of them is within 1e-12 of the exact sum, and ×100 within 1e-10 of it. A
 * fractional cent farther than TIE_EPS from one half therefore rounds the same either way.
 */
const TIE_EPS = 1e-6;

function gradeOf(total: number): string {
  for (const [g, n] of CUTOFFS) if (total >= n) return g;
  return '差';
}

/**
 * Comparisons of a ratio of two cent amounts (< 1e8) with a threshold of two decimals are
 * decided correctly by doubles: if the exact ratio differs from the threshold it differs by at
 * least 1e-10, far above the few ulps (~1e-16) the division and the literal can be off.
 */
function pointsDouble(i: number, v: Record<string, number | string | boolean>): number {
  const w = W[i]!;
  switch (METHOD[i]) {
    case 0: {
      // proportional, target 100%
      const r = (v.actual as number) / (v.plan as number);
      return r >= 1 ? w : w * r;
    }
    case 1: {
      // bands
      const x = (v.spent as number) / (v.budget as number);
      return x >= 0.95 ? w : x >= 0.8 ? w * 0.8 : x >= 0.6 ? w * 0.5 : 0;
    }
    case 2:
      return (w * RATING10[v.level as string]!) / 10;
    case 3: {
      const c = v.count as number;
      return c >= w ? 0 : w - c;
    }
    case 4:
      return v.ok ? w : 0;
    default: {
      // linear 60% → 0, 100% → full
      const x = v.rate as number;
      return x <= 0.6 ? 0 : x >= 1 ? w : (w * (x - 0.6)) / 0.4;
    }
  }
}

const nearTie = (x: number): boolean => {
  const v = x * 100;
  return Math.abs(v - Math.floor(v) - 0.5) < TIE_EPS;
};
const roundFast = (x: number): number => Math.floor(x * 100 + 0.5) / 100;

export function plainCard(rec: Record<string, unknown>): PlainCard {
  const sums = [0, 0, 0, 0];
  let total = 0;
  for (let i = 0; i < N; i++) {
    const p = pointsDouble(i, rec[KEY[i]!] as Record<string, number | string | boolean>);
    sums[DIM[i]!]! += p;
    total += p;
  }
  if (nearTie(total) || nearTie(sums[0]!) || nearTie(sums[1]!) || nearTie(sums[2]!) || nearTie(sums[3]!)) return exactCard(rec);
  const t = roundFast(total);
  return { total: t, grade: gradeOf(t), dims: [roundFast(sums[0]!), roundFast(sums[1]!), roundFast(sums[2]!), roundFast(sums[3]!)], exact: false };
}

// ---- the exact path: BigInt rationals ----------------------------------------------------------

const cents = (x: number): bigint => BigInt(Math.round(x * 100));

/** Exact card: per dimension, points as num/den; non-proportional terms share den 4000. */
export function exactCard(rec: Record<string, unknown>): PlainCard {
  const num: bigint[] = Array.from({ length: ND }, () => 0n);
  const den: bigint[] = Array.from({ length: ND }, () => 4000n);
  for (let i = 0; i < N; i++) {
    const v = rec[KEY[i]!] as Record<string, number | string | boolean>;
    const d = DIM[i]!;
    const w = BigInt(W[i]!);
    if (METHOD[i] === 0) {
      const a = cents(v.actual as number),
        p = cents(v.plan as number);
      if (a >= p) num[d]! += w * den[d]!;
      else {
        num[d] = num[d]! * p + w * a * den[d]!;
        den[d] = den[d]! * p;
      }
      continue;
    }
    // everything else is an integer number of 1/4000 points, scaled to this dimension's den
    let in4000: number;
    if (METHOD[i] === 5) {
      const r4 = Math.round((v.rate as number) * 10000);
      in4000 = r4 <= 6000 ? 0 : r4 >= 10000 ? 4000 * W[i]! : W[i]! * (r4 - 6000);
    } else {
      in4000 = Math.round(pointsDouble(i, v) * 4000); // tenths of small integers: exact
    }
    num[d]! += (BigInt(in4000) * den[d]!) / 4000n;
  }
  let tn = 0n,
    td = 1n;
  for (let d = 0; d < ND; d++) {
    tn = tn * den[d]! + num[d]! * td;
    td = td * den[d]!;
  }
  const round = (n: bigint, dd: bigint): number => Number((n * 200n + dd) / (2n * dd)) / 100; // n ≥ 0
  const t = round(tn, td);
  return { total: t, grade: gradeOf(t), dims: num.map((n, d) => round(n, den[d]!)), exact: true };
}

// ---- the ten rules ----------------------------------------------------------------------------

export const RULE_NAMES = [
  '评价优秀',
  '评价良好',
  '评价中等',
  '评价差',
  '上年问题未整改',
  '重大违规取消',
  '执行偏慢收回',
  '决策薄弱',
  '产出突出',
  '合规存疑',
] as const;
const REASON = [
  '评价为优，通报表扬并调增预算',
  '评价为良，按实际需要安排预算',
  '评价为中，限期整改并调减预算',
  '评价为差，约谈整改并削减预算',
  '上年问题未整改到位，追加调减',
  '存在重大违规问题，取消下年度预算安排',
  '预算执行率低于60%，收回结余资金',
  '决策维度得分偏低',
  '产出突出，追加调增',
  '扣分较多，资金合规性存疑',
];
/** Adjust percentages in basis points, by rule bit; the line's cap is 5000 (50%). */
const ADJUST_BP: Partial<Record<number, number>> = { 0: 1000, 2: -1000, 3: -3000, 4: -2000, 8: 500 };
const CAP_BP = 5000;

interface RuleFacts {
  audit?: { major_violation?: boolean };
  last_year?: { rectified?: boolean };
  k1: { spent: number; budget: number };
  k3: { count: number };
  k9: { count: number };
  budget: { next: number };
}

/** The ten conditions in plain JavaScript: bit i set when rule RULE_NAMES[i] fires. */
export function plainFired(card: PlainCard, rec: Record<string, unknown>): number {
  const r = rec as unknown as RuleFacts;
  const g = card.grade;
  const rank = GRADE_RANK[g]!;
  let m = 0;
  if (g === '优') m |= 1;
  if (g === '良') m |= 2;
  if (g === '中') m |= 4;
  if (g === '差') m |= 8;
  if (rank <= 1 && (r.last_year?.rectified ?? true) === false) m |= 16;
  if ((r.audit?.major_violation ?? false) === true) m |= 32;
  if (r.k1.spent / r.k1.budget < 0.6) m |= 64;
  if (card.dims[0]! < 16 && card.total >= 55) m |= 128;
  if (card.dims[2]! >= 22 && rank >= 2) m |= 256;
  if (r.k3.count >= 4 || r.k9.count >= 4) m |= 512; // 指标10.points = 4 − min(count, 4) < 1
  return m;
}

/** Integer cents (any sign) as a decimal string with two places. */
function centsText(c: number): string {
  const a = Math.abs(c);
  const f = a % 100;
  return `${c < 0 ? '-' : ''}${(a - f) / 100}.${f < 10 ? '0' : ''}${f}`;
}

/** Basis points as decimal.js prints the percentage: at least two places, no trailing zeros. */
function bpText(bp: number): string {
  const a = Math.abs(bp);
  let frac = String(a % 10000).padStart(4, '0');
  while (frac.length > 2 && frac.endsWith('0')) frac = frac.slice(0, -1);
  return `${bp < 0 ? '-' : ''}${Math.floor(a / 10000)}.${frac}`;
}

/** The recommendations of a fired mask: priority 10 first, then source order; one combined adjust. */
export function plainRecommendations(m: number, _card: PlainCard, rec: Record<string, unknown>): PlainRecommendation[] {
  const r = rec as unknown as RuleFacts;
  const out: PlainRecommendation[] = [];
  const push = (bit: number, action: PlainRecommendation['action'], extra?: Partial<PlainRecommendation>): void => {
    out.push(
      extra
        ? { rule: RULE_NAMES[bit]!, ruleBlock: BLOCK, action, ...extra, reason: REASON[bit]! }
        : { rule: RULE_NAMES[bit]!, ruleBlock: BLOCK, action, reason: REASON[bit]! },
    );
  };
  let adjustAt = -1;
  let from: number[] | undefined;
  const adjust = (bit: number): void => {
    if (adjustAt < 0) {
      adjustAt = out.length;
      out.push(undefined as unknown as PlainRecommendation);
      from = [];
    }
    from!.push(bit);
  };
  if (m & 32) {
    push(5, 'cancel');
    push(5, 'interview');
  }
  if (m & 1) {
    adjust(0);
    push(0, 'commend');
  }
  if (m & 2) push(1, 'flag', { text: '按需保障' });
  if (m & 4) {
    adjust(2);
    push(2, 'rectify', { withinDays: 60 });
  }
  if (m & 8) {
    adjust(3);
    push(3, 'rectify', { withinDays: 90 });
    push(3, 'interview');
  }
  if (m & 16) adjust(4);
  if (m & 64) push(6, 'recall', { amount: centsText(Math.round(r.k1.budget * 100) - Math.round(r.k1.spent * 100)) });
  if (m & 128) push(7, 'warn', { level: 'yellow' });
  if (m & 256) adjust(8);
  if (m & 512) {
    push(9, 'flag', { text: '资金使用合规性存疑' });
    push(9, 'warn', { level: 'red' });
  }
  if (from) {
    // combine next_budget by sum cap 50%: amount = base × Σ bp / 10000, in units of cent/10000
    const base = Math.round(r.budget.next * 100);
    let bp = 0;
    for (const b of from) bp += ADJUST_BP[b]!;
    const cap = base * CAP_BP;
    let q = base * bp;
    if (Math.abs(q) > cap) q = q < 0 ? -cap : cap;
    if (Math.abs(bp) > CAP_BP) bp = bp < 0 ? -CAP_BP : CAP_BP;
    const a = Math.abs(q);
    let c = Math.floor(a / 10000);
    if (2 * (a - c * 10000) >= 10000) c++; // half-up, away from zero as decimal.js does
    out[adjustAt] = {
      rule: RULE_NAMES[from[0]!]!,
      ruleBlock: BLOCK,
      action: 'adjust',
      line: 'next_budget',
      amount: centsText(q < 0 ? -c : c),
      percentage: bpText(bp),
      reason: [...new Set(from.map((b) => REASON[b]!))].join('；'),
      combined: { mode: 'sum', from: from.map((b) => RULE_NAMES[b]!) },
    };
  }
  return out;
}

export function plainAssess(rec: Record<string, unknown>): { card: PlainCard; recommendations: PlainRecommendation[] } {
  const card = plainCard(rec);
  return { card, recommendations: plainRecommendations(plainFired(card, rec), card, rec) };
}

// ---- the naive version, for information only -------------------------------------------------

const roundNaive = (x: number): number => Math.round(x * 100) / 100;

/** Doubles with `Math.round(x * 100) / 100`: wrong at half-cent ties the double lands below. */
export function naiveAssess(rec: Record<string, unknown>): { card: PlainCard; recommendations: PlainRecommendation[] } {
  const sums = [0, 0, 0, 0];
  let total = 0;
  for (let i = 0; i < N; i++) {
    const p = pointsDouble(i, rec[KEY[i]!] as Record<string, number | string | boolean>);
    sums[DIM[i]!]! += p;
    total += p;
  }
  const t = roundNaive(total);
  const card = { total: t, grade: gradeOf(t), dims: sums.map(roundNaive), exact: false };
  const recs = plainRecommendations(plainFired(card, rec), card, rec);
  // naive money too: the adjustment as base × Σ percentage in doubles, rounded the same way
  for (const x of recs) {
    if (x.action !== 'adjust' || x.percentage === undefined) continue;
    const base = (rec as unknown as RuleFacts).budget.next;
    const pct = x.combined!.from.reduce((s, name) => s + ADJUST_BP[RULE_NAMES.indexOf(name as (typeof RULE_NAMES)[number])]! / 10000, 0);
    const capped = Math.max(-0.5, Math.min(0.5, pct));
    x.amount = roundNaive(base * capped).toFixed(2);
  }
  return { card, recommendations: recs };
}
