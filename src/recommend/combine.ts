/**
 * Combination of several recommendations on one budget line, per rule block, as declared by
 * `combine <line> by <mode> [cap <expr>]`. A line with no `combine` is treated as `all`: every
 * recommendation is kept as it fired (nothing is merged by accident). Other modes merge the
 * block's recommendations on that line into one, placed where the first of them was, carrying
 * `combined: {mode, from: [rule names in order]}` and the union of their facts:
 * - `first`: the first in output order (priority desc, then source order);
 * - `sum`: amounts and percentages added (same verb kept; mixed verbs give `adjust` with the signed
 *   effect, recall/withhold/suspend counting as reductions), reasons joined;
 * - `max` / `min`: the largest / smallest signed effect (ties: the first);
 * - `most_severe`: the most severe verb (cancel > stop > suspend > withhold > recall > adjust >
 *   warn > rectify = interview > flag > commend), then the largest reduction, then the first.
 * Effects compare amounts when every member has one, else percentages, else they tie.
 * `cap`: a percentage caps |percentage| and |amount| at cap × the line base; money caps |amount|.
 */
import type { CombineIR, RuleSetIR } from '../compile/ir.js';
import { assertNever } from '../common/diagnostic.js';
import type { Recommendation } from '../engine/result.js';
import type { ActionVerb } from '../dsl/ast.js';
import { formatMoney, formatPercentage, type PendingRecommendation } from './actions.js';
import { Dec, evalExpr, unitOf } from './expr-eval.js';
import type { RecordScope } from './facts.js';

const SEVERITY: Record<ActionVerb, number> = {
  cancel: 9,
  stop: 8,
  suspend: 7,
  withhold: 6,
  recall: 5,
  adjust: 4,
  warn: 3,
  rectify: 2,
  interview: 2,
  flag: 1,
  commend: 0,
};

const REDUCES = new Set<ActionVerb>(['recall', 'withhold', 'suspend']);

function signed(p: PendingRecommendation, v: Dec | null): Dec | null {
  if (v === null) return null;
  return REDUCES.has(p.rec.action) ? v.negated() : v;
}

function effects(group: PendingRecommendation[]): (Dec | null)[] {
  if (group.every((p) => p.amount !== null)) return group.map((p) => signed(p, p.amount));
  if (group.every((p) => p.percentage !== null)) return group.map((p) => signed(p, p.percentage));
  return group.map(() => null);
}

function pickBy(group: PendingRecommendation[], better: (a: Dec, b: Dec) => boolean): PendingRecommendation {
  const eff = effects(group);
  let best = 0;
  for (let i = 1; i < group.length; i++) {
    const e = eff[i];
    const b = eff[best];
    if (e && b && better(e, b)) best = i;
  }
  return group[best]!;
}

function mostSevere(group: PendingRecommendation[]): PendingRecommendation {
  const eff = effects(group);
  let best = 0;
  for (let i = 1; i < group.length; i++) {
    const a = group[i]!;
    const b = group[best]!;
    const sa = SEVERITY[a.rec.action];
    const sb = SEVERITY[b.rec.action];
    const ea = eff[i];
    const eb = eff[best];
    if (sa > sb || (sa === sb && ea && eb && ea.lessThan(eb))) best = i;
  }
  return group[best]!;
}

/** Σ of one field over a group; null when any member lacks it. */
function addUp(group: PendingRecommendation[], field: 'amount' | 'percentage', sameVerb: boolean): Dec | null {
  let total: Dec | null = null;
  for (const p of group) {
    const v = sameVerb ? p[field] : signed(p, p[field]);
    if (v === null) return null;
    total = total === null ? v : total.plus(v);
  }
  return total;
}

function sum(group: PendingRecommendation[]): PendingRecommendation {
  const first = group[0]!;
  const sameVerb = group.every((p) => p.rec.action === first.rec.action);
  const reasons = [...new Set(group.map((p) => p.rec.reason))];
  return {
    ...first,
    rec: { ...first.rec, action: sameVerb ? first.rec.action : 'adjust', reason: reasons.join('；') },
    amount: addUp(group, 'amount', sameVerb),
    percentage: addUp(group, 'percentage', sameVerb),
  };
}

function applyCap(p: PendingRecommendation, cap: Dec | null, capIsPercent: boolean): PendingRecommendation {
  if (cap === null) return p;
  const limit = (v: Dec | null, c: Dec | null): Dec | null => (v === null || c === null || v.abs().lessThanOrEqualTo(c) ? v : c.times(v.isNegative() ? -1 : 1));
  const amountCap = capIsPercent ? (p.base === null ? null : p.base.times(cap).abs()) : cap.abs();
  return { ...p, amount: limit(p.amount, amountCap), percentage: capIsPercent ? limit(p.percentage, cap.abs()) : p.percentage };
}

function merge(mode: CombineIR['mode'], group: PendingRecommendation[]): PendingRecommendation {
  switch (mode) {
    case 'first':
    case 'all':
      return group[0]!;
    case 'sum':
      return sum(group);
    case 'max':
      return pickBy(group, (a, b) => a.greaterThan(b));
    case 'min':
      return pickBy(group, (a, b) => a.lessThan(b));
    case 'most_severe':
      return mostSevere(group);
    default:
      return assertNever(mode, 'combine mode');
  }
}

function finish(p: PendingRecommendation, mode: string, group: PendingRecommendation[]): Recommendation {
  const rec: Recommendation = { ...p.rec };
  delete rec.amount;
  delete rec.percentage;
  // Re-insert money fields in their declared position (key order is part of the output).
  const out = { rule: rec.rule, ruleBlock: rec.ruleBlock, action: rec.action } as Recommendation;
  if (rec.line !== undefined) out.line = rec.line;
  if (p.amount !== null) out.amount = formatMoney(p.amount.toDecimalPlaces(2, Dec.ROUND_HALF_UP));
  if (p.percentage !== null) out.percentage = formatPercentage(p.percentage);
  if (rec.withinDays !== undefined) out.withinDays = rec.withinDays;
  if (rec.level !== undefined) out.level = rec.level;
  if (rec.text !== undefined) out.text = rec.text;
  out.reason = rec.reason;
  out.facts = Object.assign({}, ...group.map((g) => g.rec.facts));
  out.combined = { mode, from: group.map((g) => g.rec.rule) };
  return out;
}

function combineOf(ir: RuleSetIR, p: PendingRecommendation): CombineIR | undefined {
  if (p.rec.line === undefined) return undefined;
  const combines = ir.ruleBlocks[p.blockIndex]?.combines;
  if (!combines || combines.length === 0) return undefined;
  const c = combines.find((x) => x.line === p.rec.line);
  return c && c.mode !== 'all' ? c : undefined;
}

/** Applies each block's combines to recommendations already in output order. */
export function combineRecommendations(ir: RuleSetIR, pending: PendingRecommendation[], scope: RecordScope): Recommendation[] {
  const modes = pending.map((p) => combineOf(ir, p));
  if (modes.every((c) => c === undefined)) return pending.map((p) => p.rec);
  const groups = new Map<string, PendingRecommendation[]>();
  pending.forEach((p, i) => {
    if (!modes[i]) return;
    const key = `${p.blockIndex}\u0000${p.rec.line}`;
    const g = groups.get(key);
    if (g) g.push(p);
    else groups.set(key, [p]);
  });
  const out: Recommendation[] = [];
  pending.forEach((p, i) => {
    const c = modes[i];
    if (!c) {
      out.push(p.rec);
      return;
    }
    const group = groups.get(`${p.blockIndex}\u0000${p.rec.line}`)!;
    if (group[0] !== p) return;
    const env = scope.env(p.blockIndex);
    const capValue = c.cap ? evalExpr(c.cap, env) : null;
    const cap = capValue instanceof Dec ? capValue : null;
    const capIsPercent = c.cap ? unitOf(c.cap, (k, n) => scope.unitOf(p.blockIndex, k, n)) === '%' : false;
    out.push(finish(applyCap(merge(c.mode, group), cap, capIsPercent), c.mode, group));
  });
  return out;
}
