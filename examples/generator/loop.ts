/**
 * The closed-loop data of the demo city, derived from the year-end (ex-post) records so that the
 * files agree with each other: last year's result of every evaluated project (last-year.yaml:
 * id, grade, total — the grade is the one the ex-post record already carries in
 * `last_year.grade`, the total a plausible score inside that grade's band), the rectification
 * status of last year's 中/差 projects (rectification.yaml: 已整改 when the record says
 * `last_year.rectified: true`, otherwise 整改中 or 未整改), and every project's self-evaluation
 * form (self-evaluation.yaml, shaped as rules/common/self-evaluation.ind reads it) with the
 * self-reported total `self_score`. Honest units report their own reckoning of the form (the
 * same weights as the framework, give or take three points); some weaker projects inflate it by
 * 12–25 points and a few strong ones understate it — so the bureau's re-check finds 自评不实 in
 * both directions. Deterministic: each builder draws from its own seeded generator, records in
 * the order given.
 */
import { cents, Prng, round } from './prng.js';
import type { Project, Rec } from './projects.js';

/** One evaluated project: its plan (quality tier) and its generated year-end record. */
export interface ExPost {
  project: Project;
  record: Rec;
}

const BANDS: Record<string, [number, number]> = { 优: [90, 98.5], 良: [80, 89.9], 中: [60, 79.9], 差: [38, 59.9] };

const pickT = <T>(rng: Prng, t: number, table: readonly (readonly T[])[]): T => rng.pick(table[t] ?? table[0] ?? []);
const rateT = (rng: Prng, t: number, table: readonly (readonly [number, number])[]): number => {
  const [lo, hi] = table[t] ?? table[0] ?? [1, 1];
  return rng.rate(lo, hi);
};

function lastYear(record: Rec): { grade: string; rectified: boolean } {
  const ly = (record.last_year ?? {}) as { grade?: unknown; rectified?: unknown };
  return { grade: typeof ly.grade === 'string' ? ly.grade : '良', rectified: ly.rectified !== false };
}

/** last-year.yaml: id, grade (as in the record's last_year.grade) and a total inside that grade's band. */
export function lastYearRecords(rng: Prng, projects: readonly ExPost[]): Rec[] {
  return projects.map(({ record }) => {
    const { grade } = lastYear(record);
    const [lo, hi] = BANDS[grade] ?? [60, 79.9];
    return { id: record.id, grade, total: round(rng.float(lo, hi), 2) };
  });
}

/** rectification.yaml: last year's 中/差 projects and how far their rectification has got. */
export function rectificationRecords(rng: Prng, projects: readonly ExPost[]): Rec[] {
  return projects.flatMap(({ record }) => {
    const { grade, rectified } = lastYear(record);
    if (grade !== '中' && grade !== '差') return [];
    const status = rectified ? '已整改' : rng.chance(0.5) ? '整改中' : '未整改';
    return [{ id: record.id, status }];
  });
}

const SOCIAL = { 达成: 0.8, 部分达成: 0.5, 未达成: 0 } as const;
const SUSTAINABLE = { 显著: 1, 较好: 0.8, 一般: 0.5, 差: 0 } as const;
const capped = (x: number): number => Math.min(Math.max(x, 0), 1);

/**
 * The unit's own reckoning of the self-evaluation form: the weights of
 * rules/common/self-evaluation.ind (10 / 20+15+10+5 / 15+5+10 / 10), proportional scores capped
 * at full marks, 社会效益/经济效益 at the low end of their tier, and the weight of a missing
 * 经济效益 spread over the rest. An honest unit reports this; the bureau's re-check recomputes it.
 */
export function reckon(f: SelfForm): number {
  const o = f.output;
  let points =
    10 * capped(f.spent / f.budget.adjusted) +
    20 * capped(o.actual / o.planned) +
    15 * capped(o.passed / o.inspected / 0.98) +
    10 * capped(o.on_time_items / o.items) +
    5 * capped(o.planned_cost / o.actual_cost) +
    15 * SOCIAL[f.effect.social] +
    10 * SUSTAINABLE[f.effect.sustainable] +
    10 * capped(f.survey.satisfaction / 0.9);
  if (f.effect.economic) points += 5 * SOCIAL[f.effect.economic];
  else points = (points * 100) / 95;
  return points;
}

export interface SelfForm {
  budget: { adjusted: number };
  spent: number;
  output: { planned: number; actual: number; inspected: number; passed: number; items: number; on_time_items: number; planned_cost: number; actual_cost: number };
  effect: { social: keyof typeof SOCIAL; economic?: keyof typeof SOCIAL; sustainable: keyof typeof SUSTAINABLE };
  survey: { satisfaction: number };
}

/** self-evaluation.yaml: one self-evaluation form per evaluated project, with the self-reported total. */
export function selfEvaluationRecords(rng: Prng, projects: readonly ExPost[]): Rec[] {
  return projects.map(({ project: p, record }) => {
    const t = p.tier;
    const budget = record.budget as { adjusted: number };
    const exOutput = (record.output ?? {}) as { planned_cost?: number; actual_cost?: number };
    const planned = rng.int(8, 120);
    const inspected = rng.int(20, 160);
    const items = rng.int(4, 16);
    const plannedCost = exOutput.planned_cost ?? Math.round(budget.adjusted * 0.95);
    const form: SelfForm = {
      budget: { adjusted: budget.adjusted },
      spent: record.spent as number,
      output: {
        planned,
        actual: Math.round(planned * rateT(rng, t, [[1, 1.05], [0.93, 1], [0.8, 0.95], [0.5, 0.8]])),
        inspected,
        passed: Math.round(inspected * rateT(rng, t, [[0.98, 1], [0.95, 0.99], [0.88, 0.96], [0.7, 0.9]])),
        items,
        on_time_items: Math.round(items * rateT(rng, t, [[1, 1], [0.85, 1], [0.6, 0.9], [0.3, 0.7]])),
        planned_cost: plannedCost,
        actual_cost: exOutput.actual_cost ?? cents(plannedCost, rateT(rng, t, [[0.9, 1], [0.97, 1.03], [1, 1.08], [1.05, 1.25]])),
      },
      effect: {
        social: pickT(rng, t, [['达成'], ['达成', '部分达成'], ['部分达成'], ['部分达成', '未达成']]),
        ...(rng.chance(0.5) ? { economic: pickT(rng, t, [['达成'], ['达成', '部分达成'], ['部分达成', '未达成'], ['未达成']]) } : {}),
        sustainable: pickT(rng, t, [['显著'], ['显著', '较好'], ['较好', '一般'], ['一般', '差']]),
      },
      survey: { satisfaction: (record.survey as { satisfaction?: number } | undefined)?.satisfaction ?? rateT(rng, t, [[0.93, 0.99], [0.84, 0.94], [0.7, 0.86], [0.45, 0.7]]) },
    };
    // Weaker projects are the ones tempted to inflate; a few strong units are over-modest.
    const own = reckon(form);
    const roll = rng.next();
    const inflate = [0.03, 0.1, 0.3, 0.45][t] ?? 0;
    const understate = [0.08, 0.04, 0, 0][t] ?? 0;
    const reported = roll < inflate ? own + rng.float(12, 25) : roll < inflate + understate ? own - rng.float(12, 18) : own + rng.float(-3, 3);
    const selfScore = Math.min(100, Math.max(0, Math.round(reported * 2) / 2));
    return {
      id: record.id,
      name: record.name,
      stage: 'self_evaluation',
      sector: record.sector,
      department: record.department,
      town: record.town,
      ...form,
      self_score: selfScore,
    };
  });
}
