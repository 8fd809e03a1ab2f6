/**
 * `summarize(inputs, irs?)` turns a batch of results (optionally paired with each record's
 * `ProjectInfo`) into the numbers of the batch summary report, as plain data the CLI can print
 * and the renderers lay out: counts and average, grade distribution, budget-review cuts (审减额,
 * from requested/approved amounts), money moved by recommendations per department and per town
 * and budget line, and monitoring warnings by level. Scores are counted per kind of evaluation
 * (`kinds`: ex-ante, monitoring, ex-post, self, department, town — per rule set, from its records'
 * entity or stage, else the rule set itself), because a 予以支持 is no 优 and a town's 80 is no project's 80: no
 * average or grade count ever mixes kinds. Every amount is summed with decimal.js and returned as
 * a decimal string in 元 with two decimals; orders are fixed so output is stable.
 */
import { Decimal } from 'decimal.js';
import type { RuleSetIR } from '../compile/ir.js';
import type { Recommendation } from '../engine/result.js';
import { toDecimal } from './format.js';
import { toReportItem, type ProjectInfo, type ReportInput, type ReportItem } from './input.js';
import { stageKey } from './public-text.js';

export interface GradeCount {
  grade: string;
  count: number;
}

export interface ReviewSummary {
  /** Records that carry both amounts. */
  count: number;
  requested: string;
  approved: string;
  cut: string;
  /** cut / requested as a decimal fraction string with 4 decimals ("0.1667"); null when nothing was requested. */
  rate: string | null;
}

export interface AdjustmentGroup {
  /** Department or town; '' when the records did not say. */
  key: string;
  /**
   * Sum per budget line; money actions without a line are keyed `@<action>` (`@recall`).
   * recall / withhold / suspend count as reductions (negative) whatever sign the amount had.
   */
  lines: Record<string, string>;
  total: string;
  projects: number;
}

export interface WarningCount {
  level: string;
  count: number;
  projects: string[];
}

/** The scores of one kind of evaluation in the batch. */
export interface KindSummary {
  /** `ex-ante`, `monitoring`, `ex-post`, `self`, `department`, `town`, or `rules:<rule set name>`. */
  kind: string;
  count: number;
  scored: number;
  rejected: number;
  /** Mean of this kind's scored totals, 2 decimals half-up; null when none was scored. */
  average: string | null;
  /** Full marks of this kind's rule sets (the first seen). */
  scale: string | null;
  grades: GradeCount[];
}

export interface BatchSummary {
  count: number;
  scored: number;
  rejected: number;
  /** Mean of the scored totals when the batch is of one kind; null when mixed or nothing was scored. */
  average: string | null;
  /** Counts by grade label over the whole batch (labels of different kinds never coincide in practice). */
  grades: GradeCount[];
  /** One entry per kind of evaluation, in KIND_ORDER then first-seen order. */
  kinds: KindSummary[];
  review: ReviewSummary | null;
  /** Budget lines that appear in `byDepartment`/`byTown`, in first-seen order. */
  lines: string[];
  byDepartment: AdjustmentGroup[];
  byTown: AdjustmentGroup[];
  warnings: WarningCount[];
  rulesets: { name: string; version: string; count: number }[];
}

const DEFAULT_GRADE_ORDER = ['优', '良', '中', '差'];
export const KIND_ORDER = ['ex-ante', 'monitoring', 'ex-post', 'self', 'department', 'town'];

/** What one record says about its kind of evaluation: its entity, else its stage; null when neither. */
export function declaredKind(info: ProjectInfo): string | null {
  if (info.entity === 'department' || info.entity === 'town') return info.entity;
  return stageKey(info.stage);
}

/**
 * The kind of each rule set: what its first record that says declares. A rule set is scored one
 * way, so all its records count in one kind, whatever a stray record's stage field says; rule
 * sets of the same kind (the five sectors' ex-post sets) share one section.
 */
export function kindsOfRuleSets(items: readonly ReportItem[]): Map<string, string> {
  const kinds = new Map<string, string>();
  for (const { result, info } of items) {
    if (kinds.has(result.ruleset.name)) continue;
    const kind = declaredKind(info);
    if (kind !== null) kinds.set(result.ruleset.name, kind);
  }
  return kinds;
}
const WARNING_ORDER = ['red', 'yellow', 'green'];
const TAKES_MONEY = new Set(['recall', 'withhold', 'suspend']);

/** The money a recommendation moves, negative for cuts; recall/withhold/suspend always count as cuts. */
export function signedAmount(rec: Recommendation): Decimal | null {
  const amount = toDecimal(rec.amount);
  if (amount === null) return null;
  return TAKES_MONEY.has(rec.action) ? amount.abs().neg() : amount;
}

function gradeOrder(irs: readonly RuleSetIR[]): string[] {
  const order: string[] = [];
  for (const ir of irs) for (const g of ir.grades) if (!order.includes(g.label)) order.push(g.label);
  return order.length > 0 ? order : DEFAULT_GRADE_ORDER;
}

function rank(order: readonly string[], key: string): number {
  const i = order.indexOf(key);
  return i < 0 ? order.length : i;
}

class Groups {
  private readonly map = new Map<string, { lines: Map<string, Decimal>; total: Decimal; projects: Set<string> }>();

  add(key: string, line: string, amount: Decimal, project: string): void {
    let group = this.map.get(key);
    if (!group) {
      group = { lines: new Map(), total: new Decimal(0), projects: new Set() };
      this.map.set(key, group);
    }
    group.lines.set(line, (group.lines.get(line) ?? new Decimal(0)).plus(amount));
    group.total = group.total.plus(amount);
    group.projects.add(project);
  }

  /** Named groups sorted by name (code point order, stable everywhere), the unnamed last. */
  list(): AdjustmentGroup[] {
    return [...this.map.entries()]
      .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a < b ? -1 : a > b ? 1 : 0))
      .map(([key, g]) => ({
        key,
        lines: Object.fromEntries([...g.lines.entries()].map(([line, sum]) => [line, sum.toFixed(2)])),
        total: g.total.toFixed(2),
        projects: g.projects.size,
      }));
  }
}

/**
 * The part of a result and its info the summary (numbers and renderers) reads: id, rule set,
 * status, total, grade, the recommendations without their facts, and name/department/town and
 * the review amounts. A batch keeps these instead of whole results, so a long batch's summary
 * costs a few hundred bytes per project, not its scorecard and trace.
 */
export function summaryInput(input: ReportInput): ReportItem {
  const { result, info } = toReportItem(input);
  const keep: ReportItem['info'] = {};
  for (const key of ['name', 'department', 'town', 'requested', 'approved', 'stage'] as const) if (info[key] !== undefined) keep[key] = info[key];
  if (info.entity !== undefined) keep.entity = info.entity;
  return {
    result: {
      ruleset: result.ruleset,
      id: result.id,
      status: result.status,
      // A total the rules hide (an outcome like RND) is left out of every summary figure.
      total: result.outcome?.totalHidden ? null : result.total,
      grade: result.grade,
      scale: result.scale,
      dimensions: [],
      indicators: [],
      vetoes: [],
      lostPoints: [],
      nextGrade: null,
      recommendations: result.recommendations.map(({ facts: _facts, ...rest }) => ({ ...rest, facts: {} })),
      errors: [],
      trace: { rawTotal: '', applicableWeight: '0', steps: [] },
    },
    info: keep,
  };
}

export function summarize(inputs: readonly ReportInput[], irs: readonly RuleSetIR[] = []): BatchSummary {
  const items = inputs.map(toReportItem);
  const order = gradeOrder(irs);
  const grades = new Map<string, number>();
  const warnings = new Map<string, string[]>();
  const rulesets = new Map<string, { name: string; version: string; count: number }>();
  const byDepartment = new Groups();
  const byTown = new Groups();
  const lines: string[] = [];
  let totalSum = new Decimal(0);
  let scored = 0;
  let review = { count: 0, requested: new Decimal(0), approved: new Decimal(0) };
  const kindOfSet = kindsOfRuleSets(items);
  const kinds = new Map<string, { count: number; scored: number; sum: Decimal; scale: string | null; grades: Map<string, number>; rulesets: Set<string> }>();

  for (const { result, info } of items) {
    const rsKey = `${result.ruleset.name}@${result.ruleset.version}`;
    const rs = rulesets.get(rsKey) ?? { name: result.ruleset.name, version: result.ruleset.version, count: 0 };
    rs.count += 1;
    rulesets.set(rsKey, rs);
    const kindKey = kindOfSet.get(result.ruleset.name) ?? `rules:${result.ruleset.name}`;
    const kind = kinds.get(kindKey) ?? {
      count: 0,
      scored: 0,
      sum: new Decimal(0),
      scale: null,
      grades: new Map<string, number>(),
      rulesets: new Set<string>(),
    };
    kinds.set(kindKey, kind);
    kind.count += 1;
    kind.rulesets.add(result.ruleset.name);
    if (result.status === 'ok' && result.total !== null && !result.outcome?.totalHidden) {
      scored += 1;
      totalSum = totalSum.plus(result.total);
      kind.scored += 1;
      kind.sum = kind.sum.plus(result.total);
      kind.scale ??= String(result.scale);
      if (result.grade !== null) {
        grades.set(result.grade, (grades.get(result.grade) ?? 0) + 1);
        kind.grades.set(result.grade, (kind.grades.get(result.grade) ?? 0) + 1);
      }
    }
    const requested = toDecimal(info.requested);
    const approved = toDecimal(info.approved);
    if (requested !== null && approved !== null) {
      review = { count: review.count + 1, requested: review.requested.plus(requested), approved: review.approved.plus(approved) };
    }
    for (const rec of result.recommendations) {
      if (rec.action === 'warn') {
        const level = rec.level ?? '';
        const list = warnings.get(level) ?? [];
        if (!list.includes(result.id)) list.push(result.id);
        warnings.set(level, list);
      }
      // Recalled, withheld or suspended money leaves the budget even when written positive.
      const signed = signedAmount(rec);
      if (signed === null) continue;
      const line = rec.line ?? `@${rec.action}`;
      if (!lines.includes(line)) lines.push(line);
      byDepartment.add(info.department ?? '', line, signed, result.id);
      byTown.add(info.town ?? '', line, signed, result.id);
    }
  }

  const cut = review.requested.minus(review.approved);
  const byGrade = (ord: readonly string[]) => (a: GradeCount, b: GradeCount) => rank(ord, a.grade) - rank(ord, b.grade) || (a.grade < b.grade ? -1 : 1);
  const kindList: KindSummary[] = [...kinds.entries()]
    .map(([key, k], seen) => ({ key, k, seen }))
    .sort((a, b) => rank(KIND_ORDER, a.key) - rank(KIND_ORDER, b.key) || a.seen - b.seen)
    .map(({ key, k }) => {
      const kindOrder = gradeOrder(irs.filter((ir) => k.rulesets.has(ir.name)));
      return {
        kind: key,
        count: k.count,
        scored: k.scored,
        rejected: k.count - k.scored,
        average: k.scored === 0 ? null : k.sum.div(k.scored).toFixed(2, Decimal.ROUND_HALF_UP),
        scale: k.scale,
        grades: [...k.grades.entries()].map(([grade, count]) => ({ grade, count })).sort(byGrade(kindOrder)),
      };
    });
  return {
    count: items.length,
    scored,
    rejected: items.length - scored,
    average: scored === 0 || kinds.size > 1 ? null : totalSum.div(scored).toFixed(2, Decimal.ROUND_HALF_UP),
    grades: [...grades.entries()].map(([grade, count]) => ({ grade, count })).sort(byGrade(order)),
    kinds: kindList,
    review:
      review.count === 0
        ? null
        : {
            count: review.count,
            requested: review.requested.toFixed(2),
            approved: review.approved.toFixed(2),
            cut: cut.toFixed(2),
            rate: review.requested.isZero() ? null : cut.div(review.requested).toFixed(4, Decimal.ROUND_HALF_UP),
          },
    lines,
    byDepartment: byDepartment.list(),
    byTown: byTown.list(),
    warnings: [...warnings.entries()]
      .map(([level, projects]) => ({ level, count: projects.length, projects }))
      .sort((a, b) => rank(WARNING_ORDER, a.level) - rank(WARNING_ORDER, b.level) || (a.level < b.level ? -1 : 1)),
    rulesets: [...rulesets.values()],
  };
}
