/**
 * Combination of several recommendations per rule block, as declared by `combine <line> by <mode>
 * [cap <expr>]` (one budget line) or `combine <action> by <mode>` (one action kind without money:
 * warn, rectify, interview, commend, flag). A target with no `combine` is treated as `all`: every
 * recommendation is kept as it fired (nothing is merged by accident). Other modes merge the
 * block's recommendations of that target into one, placed where the first of them was, carrying
 * `combined: {mode, from: [rule names in order]}` and the union of their facts.
 * On a budget line:
 * - a group holding a `cancel` or `stop` on that line: whatever the mode, the most severe of them
 *   (cancel > stop, ties: the first) wins alone and the others' amounts and percentages are
 *   dropped — after cancelling a line a cut of it means nothing; `combined.from` still lists every
 *   member so the trace shows what it overrode;
 * - `first`: the first in output order (priority desc, then source order);
 * - `sum`: amounts and percentages added (same verb kept; mixed verbs give `adjust` with the signed
 *   effect, recall/withhold/suspend counting as reductions), reasons joined;
 * - `max` / `min`: the largest / smallest signed effect (ties: the first);
 * - `most_severe`: the most severe verb (cancel > stop > suspend > withhold > recall > adjust >
 *   warn > rectify = interview > flag > commend), then the largest reduction, then the first.
 * Effects compare amounts when every member has one, else percentages, else they tie.
 * `cap`: a percentage caps |percentage| and |amount| at cap × the line base; money caps |amount|.
 * On an action kind (the compiler allows only the modes that fit, REC545):
 * - warn `most_severe`: the highest level (red > yellow > green; 红/黄/绿 are read as these);
 * - rectify `most_severe` / `min`: the shortest deadline, `max`: the longest (a rectify without
 *   `within` counts as no deadline: it loses to any deadline);
 * - `first` (any kind): the first in output order. Ties always keep the first.
 * A mode that does not fit the kind (hand-written IR, REC546) merges nothing; a cap is ignored.
 */
import type { CombineIR } from '../compile/ir.js';
import { assertNever } from '../common/diagnostic.js';
import type { Recommendation } from '../engine/result.js';
import type { ActionVerb, CombineActionKind } from '../dsl/ast.js';
import { formatMoney, formatPercentage, type Output, type PendingRecommendation } from './pending.js';
import { HALF_UP, type Num } from '../engine/num.js';
import { valueOn } from './output-plan.js';
import type { Scope } from './facts.js';

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

function signed(p: PendingRecommendation, v: Num | null): Num | null {
  if (v === null) return null;
  return REDUCES.has(p.rec.action) ? v.neg() : v;
}

function effects(group: PendingRecommendation[]): (Num | null)[] {
  if (group.every((p) => p.amount !== null)) return group.map((p) => signed(p, p.amount));
  if (group.every((p) => p.percentage !== null)) return group.map((p) => signed(p, p.percentage));
  return group.map(() => null);
}

function pickBy(group: PendingRecommendation[], better: (a: Num, b: Num) => boolean): PendingRecommendation {
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
    if (sa > sb || (sa === sb && ea && eb && ea.lt(eb))) best = i;
  }
  return group[best]!;
}

/** Σ of one field over a group; null when any member lacks it. */
function addUp(group: PendingRecommendation[], field: 'amount' | 'percentage', sameVerb: boolean): Num | null {
  let total: Num | null = null;
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

const limit = (v: Num | null, c: Num | null): Num | null => (v === null || c === null || v.abs().cmp(c) <= 0 ? v : v.isNegative() ? c.neg() : c);

function applyCap(p: PendingRecommendation, cap: Num | null, capIsPercent: boolean): PendingRecommendation {
  if (cap === null) return p;
  const amountCap = capIsPercent ? (p.base === null ? null : p.base.times(cap).abs()) : cap.abs();
  const amount = limit(p.amount, amountCap);
  const percentage = capIsPercent ? limit(p.percentage, cap.abs()) : p.percentage;
  return amount === p.amount && percentage === p.percentage ? p : { ...p, amount, percentage };
}

const OVERRIDES = new Set<ActionVerb>(['cancel', 'stop']);

function mergeLine(mode: CombineIR['mode'], group: PendingRecommendation[]): PendingRecommendation {
  const overriding = group.filter((p) => OVERRIDES.has(p.rec.action));
  if (overriding.length > 0) return { ...mostSevere(overriding), amount: null, percentage: null };
  switch (mode) {
    case 'first':
    case 'all':
      return group[0]!;
    case 'sum':
      return sum(group);
    case 'max':
      return pickBy(group, (a, b) => a.gt(b));
    case 'min':
      return pickBy(group, (a, b) => a.lt(b));
    case 'most_severe':
      return mostSevere(group);
    default:
      return assertNever(mode, 'combine mode');
  }
}

const WARN_RANK: Record<string, number> = { red: 3, yellow: 2, green: 1 };

/** The member whose score is highest (ties: the first); members scoring null never win. */
function pickMax(group: PendingRecommendation[], score: (p: PendingRecommendation) => number | null): PendingRecommendation {
  let best = 0;
  let bestScore = score(group[0]!);
  for (let i = 1; i < group.length; i++) {
    const v = score(group[i]!);
    if (v !== null && (bestScore === null || v > bestScore)) {
      best = i;
      bestScore = v;
    }
  }
  return group[best]!;
}

function mergeAction(kind: CombineActionKind, mode: CombineIR['mode'], group: PendingRecommendation[]): PendingRecommendation {
  if (mode === 'first' || mode === 'all') return group[0]!;
  switch (kind) {
    case 'warn':
      return pickMax(group, (p) => WARN_RANK[p.rec.level ?? ''] ?? 0);
    case 'rectify': {
      const days = (p: PendingRecommendation): number | null => p.rec.withinDays ?? null;
      if (mode === 'max') return pickMax(group, days);
      // most_severe and min: the shortest deadline.
      return pickMax(group, (p) => {
        const d = days(p);
        return d === null ? null : -d;
      });
    }
    case 'interview':
    case 'commend':
    case 'flag':
      return group[0]!; // only first/all fit these (combineOf drops the others)
    default:
      return assertNever(kind, 'combine action kind');
  }
}

function merge(c: CombineIR, group: PendingRecommendation[]): PendingRecommendation {
  // Every mode keeps a lone member as it is (a lone cancel or stop has no amount to drop).
  if (group.length === 1) return group[0]!;
  return c.action ? mergeAction(c.action, c.mode, group) : mergeLine(c.mode, group);
}

function finish(p: PendingRecommendation, mode: string, group: PendingRecommendation[]): Recommendation {
  const rec = p.rec;
  // Money fields in their declared position (key order is part of the output).
  const out = { rule: rec.rule, ruleBlock: rec.ruleBlock, action: rec.action } as Recommendation;
  if (rec.line !== undefined) out.line = rec.line;
  if (p.amount !== null) out.amount = formatMoney(p.amount.toDecimalPlaces(2, HALF_UP));
  if (p.percentage !== null) out.percentage = formatPercentage(p.percentage);
  if (rec.withinDays !== undefined) out.withinDays = rec.withinDays;
  if (rec.level !== undefined) out.level = rec.level;
  if (rec.text !== undefined) out.text = rec.text;
  out.reason = rec.reason;
  const from = new Array<string>(group.length);
  // A lone member's facts are its rule's, already shared by that rule's other recommendations.
  let facts: Record<string, unknown> = group.length === 1 ? group[0]!.rec.facts : {};
  for (let i = 0; i < group.length; i++) {
    const g = group[i]!.rec;
    from[i] = g.rule;
    if (group.length > 1) facts = Object.assign(facts, g.facts);
  }
  out.facts = facts;
  out.combined = { mode, from };
  return out;
}

/** Applies each block's combines: every group's merged recommendation takes its place. */
export function combineRecommendations(o: Output, scope: Scope): Recommendation[] {
  const { recs, groups } = o;
  if (groups === undefined) return recs;
  for (const { combine: c, members, at } of groups) {
    const first = members[0]!;
    const cap = c.cap === undefined ? null : valueOn(c.cap, scope, first.blockIndex);
    recs[at] = finish(applyCap(merge(c.ir, members), cap, c.capIsPercent), c.ir.mode, members);
  }
  return recs;
}
