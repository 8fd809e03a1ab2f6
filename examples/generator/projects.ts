/**
 * Builds the demo city's project records at the three stages, each shaped exactly as the rule
 * file of that stage reads it: ex-ante requests (rules/common/ex-ante.ind), August monitoring
 * snapshots (rules/common/monitoring.ind + rules/policy/monitoring-actions.ind) and year-end
 * results (rules/sectors/<sector>.ind + rules/policy/*.ind). A project's quality tier (0 best …
 * 3 worst) drives its year-end data; its review profile drives the ex-ante conclusion; its pace
 * drives the August snapshot. Projects rejected ex ante never reach the later stages, and the
 * multi-year station renovation has no year-end result yet.
 */
import { assertNever } from '../../src/common/diagnostic.js';
import { cents, Prng, round } from './prng.js';
import { PROJECT_TEMPLATES, type Sector, SECTOR_BUREAU, STATION, TOWNS } from './names.js';

export type Rec = Record<string, unknown>;

export interface Project {
  id: string;
  name: string;
  sector: Sector;
  department: string;
  town: string;
  requested: number;
  /** 0 予以支持, 1 部分支持, 2 不予支持 (intended; the engine decides). */
  review: 0 | 1 | 2;
  /** An ex-ante veto: illegal financing or a duplicate of an existing project. */
  exAnteVeto?: 'financing' | 'duplicate';
  approved: number;
  tier: number;
  pace: number;
}

/**
 * Review levels by position of the check inside a review point, per intended conclusion, chosen
 * so the conclusion is certain: 予以支持 ≥ 80 (every check 良 or better), 部分支持 65–72.5,
 * 不予支持 ≤ 45.
 */
const LEVELS: readonly (readonly (readonly string[])[])[] = [
  [['优', '优', '良'], ['优', '优', '良'], ['优', '优', '良'], ['优', '优', '良']],
  [['良'], ['良'], ['良', '中'], ['中']],
  [['中', '差'], ['差'], ['差', '良'], ['中']],
];
const CHECKS: Record<string, readonly string[]> = {
  necessity: ['policy', 'demand', 'mandate', 'non_duplication'],
  economy: ['costing', 'standards', 'sharing', 'alternatives'],
  targets: ['alignment', 'quantified', 'values', 'matching'],
  feasibility: ['organization', 'technical', 'schedule', 'risk'],
  financing: ['legal_source', 'affordability', 'debt_risk', 'cost_sharing'],
};

export function planProjects(rng: Prng, sector: Sector, count: number, tierOf: number[], units: readonly string[]): Project[] {
  const out: Project[] = [];
  const prefix = sector === 'civil-affairs' ? 'CIV' : sector.slice(0, 3).toUpperCase();
  for (let i = 0; i < count; i++) {
    const town = rng.pick(TOWNS);
    const review: 0 | 1 | 2 = i % 20 === 7 ? 2 : rng.chance(0.22) ? 1 : 0;
    const requested = sector === 'civil-affairs' ? rng.amount(500000, 20000000) : rng.amount(200000, 30000000);
    const cut = review === 0 ? rng.pick([1, 1, 0.95, 0.9]) : review === 1 ? round(rng.float(0.7, 0.9), 2) : 0;
    out.push({
      id: `P-${prefix}-${String(i + 1).padStart(3, '0')}`,
      name: rng.pick(PROJECT_TEMPLATES[sector]).replace('{镇}', town),
      sector,
      department: rng.chance(0.6) ? SECTOR_BUREAU[sector] : rng.pick(units),
      town,
      requested,
      review,
      approved: Math.round((requested * cut) / 1000) * 1000,
      tier: tierOf[i] ?? 0,
      pace: rng.pick([0, 0, 0, 0, 0, 1, 1, 1, 2, 2]),
    });
  }
  return out;
}

/** The station renovation: a housing project requested at 2.4亿 and approved at 1.6亿. */
export function stationProject(): Project {
  return { id: STATION.id, name: STATION.name, sector: 'housing', department: SECTOR_BUREAU.housing, town: '城北街道', requested: STATION.requested, review: 0, approved: STATION.approved, tier: 0, pace: 2 };
}

/** Whether the project goes on to be funded (and so monitored and evaluated). */
export function funded(p: Project): boolean {
  return p.review < 2 && p.exAnteVeto === undefined;
}

export function exAnteRecord(rng: Prng, p: Project): Rec {
  const review: Rec = {};
  for (const [point, checks] of Object.entries(CHECKS)) {
    const levels: Rec = {};
    checks.forEach((c, k) => {
      levels[c] = p.id === STATION.id ? '优' : rng.pick(LEVELS[p.review]?.[k] ?? ['优']);
    });
    review[point] = levels;
  }
  // The station: strong necessity, but the costing was marked down in review (2.4亿 → 1.6亿).
  if (p.id === STATION.id) (review.economy as Rec).costing = '中';
  return {
    id: p.id,
    name: p.name,
    stage: 'ex_ante',
    sector: p.sector,
    department: p.department,
    town: p.town,
    budget: { requested: p.requested, approved: p.approved },
    financing: { illegal: p.exAnteVeto === 'financing' },
    necessity_duplicate: p.exAnteVeto === 'duplicate',
    review,
  };
}

export function monitoringRecord(rng: Prng, p: Project): Rec {
  const adjusted = p.approved;
  const exec = [rng.float(0.62, 0.82), rng.float(0.45, 0.63), rng.float(0.2, 0.52)][p.pace] ?? 0.7;
  const progress = [rng.rate(0.62, 0.85), rng.rate(0.45, 0.66), rng.rate(0.2, 0.5)][p.pace] ?? 0.7;
  const outlook = [['能完成'], ['能完成', '可能偏离'], ['可能偏离', '无法完成']][p.pace] ?? ['能完成'];
  return {
    id: p.id,
    name: p.name,
    stage: 'monitoring',
    sector: p.sector,
    department: p.department,
    monitor: { month: 8 },
    budget: { adjusted },
    spent: p.id === STATION.id ? 72000000 : cents(adjusted, exec),
    targets: { progress: p.id === STATION.id ? 0.4 : progress, outlook: p.id === STATION.id ? '可能偏离' : rng.pick(outlook) },
    deviation: { cause: p.pace > 0 && rng.chance(0.25) ? '客观' : '主观' },
  };
}

const pickT = <T>(rng: Prng, t: number, table: readonly (readonly T[])[]): T => rng.pick(table[t] ?? table[0] ?? []);
const rateT = (rng: Prng, t: number, table: readonly (readonly [number, number])[]): number => {
  const [lo, hi] = table[t] ?? [1, 1];
  return rng.rate(lo, hi);
};
const chanceT = (rng: Prng, t: number, ps: readonly number[]): boolean => rng.chance(ps[t] ?? 1);

/** Year-end record: the common 决策/过程 block plus the sector's 产出/效益 data. */
export function exPostRecord(rng: Prng, p: Project, index: number): Rec {
  const t = p.tier;
  const adjusted = Math.round((p.approved * rng.pick([1, 1, 0.97, 1.03])) / 1000) * 1000;
  const done = (x: number): number => rateT(rng, t, [[0.97, 1], [0.88, 0.97], [0.7, 0.9], [0.35, 0.7]]) * x;
  const hasCost = p.sector !== 'civil-affairs' && rng.chance(0.8);
  const plannedCost = Math.round(adjusted * 0.95);
  const rec: Rec = {
    id: p.id,
    name: p.name,
    stage: 'ex_post',
    sector: p.sector,
    department: p.department,
    town: p.town,
    budget: { initial: p.approved, adjusted, next: Math.round((adjusted * rng.pick([0.9, 1, 1, 1.1])) / 1000) * 1000 },
    spent: cents(adjusted, rateT(rng, t, [[0.96, 1], [0.88, 0.98], [0.7, 0.9], [0.35, 0.62]])),
    funds: { planned: adjusted, arrived: cents(adjusted, rateT(rng, t, [[1, 1], [0.92, 1], [0.8, 0.95], [0.5, 0.8]])) },
    decision: {
      basis: pickT(rng, t, [['A', 'A', 'B'], ['A', 'B', 'B'], ['B', 'C', 'C'], ['C', 'D', 'D']]),
      procedure: { applied: t < 3 || rng.chance(0.5), assessed: chanceT(rng, t, [1, 0.9, 0.6, 0.3]), collective: chanceT(rng, t, [1, 0.9, 0.6, 0.3]) },
      target: pickT(rng, t, [['合理'], ['合理', '基本合理'], ['基本合理'], ['基本合理', '不合理']]),
      clarity: { decomposed: chanceT(rng, t, [1, 0.9, 0.7, 0.3]), measurable: chanceT(rng, t, [1, 0.85, 0.5, 0.2]), matched: chanceT(rng, t, [1, 0.85, 0.5, 0.2]) },
      budgeting: pickT(rng, t, [['A', 'A', 'B'], ['A', 'B', 'B'], ['B', 'C', 'C'], ['C', 'D', 'D']]),
      allocation_reasonable: chanceT(rng, t, [1, 0.9, 0.6, 0.3]),
    },
    process: {
      violations: [0, rng.int(0, 1), rng.int(1, 3), rng.int(3, 7)][t] ?? 0,
      system: { finance: chanceT(rng, t, [1, 1, 0.8, 0.4]), project: chanceT(rng, t, [1, 0.9, 0.7, 0.3]), procurement: chanceT(rng, t, [1, 0.9, 0.6, 0.3]), archive: chanceT(rng, t, [1, 0.8, 0.5, 0.2]) },
      execution_points: [5, rng.int(4, 5), rng.int(3, 4), rng.int(0, 2)][t] ?? 5,
    },
    output: {
      delay_days: [0, rng.int(0, 15), rng.int(15, 50), rng.int(45, 120)][t] ?? 0,
      ...(hasCost ? { planned_cost: plannedCost, actual_cost: cents(plannedCost, rateT(rng, t, [[0.9, 1], [0.97, 1.03], [1, 1.08], [1.05, 1.25]])) } : {}),
    },
    plan: {},
    effect: {},
    audit: { major_violation: index === 5 && (p.sector === 'education' || p.sector === 'housing'), false_claim: index === 13 && p.sector === 'agriculture' },
    last_year: { rectified: t < 3 || rng.chance(0.5), grade: pickT(rng, t, [['优', '良'], ['良', '优'], ['中', '良'], ['差', '中']]) },
  };
  if (rng.chance(0.9)) rec.survey = { satisfaction: rateT(rng, t, [[0.93, 0.99], [0.84, 0.94], [0.7, 0.86], [0.45, 0.7]]) };
  if (rng.chance(0.4)) rec.fund = { next_allocation: Math.round((adjusted * rng.float(0.8, 1.2)) / 1000) * 1000 };
  sectorData(rng, p.sector, t, rec, done);
  return rec;
}

function sectorData(rng: Prng, sector: Sector, t: number, rec: Rec, done: (x: number) => number): void {
  const output = rec.output as Rec;
  const plan = rec.plan as Rec;
  const effect = rec.effect as Rec;
  const inspected = rng.int(10, 40);
  const passed = Math.max(0, inspected - ([0, rng.int(0, 1), rng.int(1, 2), rng.int(3, 6)][t] ?? 0));
  switch (sector) {
    case 'education': {
      plan.area = rng.int(20, 200) * 100;
      plan.new_places = rng.int(6, 40) * 45;
      output.area = Math.round(done(plan.area as number));
      Object.assign(output, { inspected, passed });
      const large = rng.chance(0.6) ? rng.int(2, 12) : 0;
      Object.assign(effect, { new_places: Math.round(done(plan.new_places as number)), large_classes: large, large_classes_resolved: Math.round(done(large)), safety_cleared: chanceT(rng, t, [1, 0.9, 0.6, 0.3]) });
      return;
    }
    case 'health': {
      const children = rng.int(20, 200) * 100;
      const population = rng.int(20, 200) * 1000;
      plan.incidence = rng.int(40, 80);
      Object.assign(output, { eligible_children: children, vaccinated: Math.round(children * rateT(rng, t, [[0.95, 0.99], [0.9, 0.96], [0.85, 0.93], [0.6, 0.86]])), inspected, passed, wastage: rateT(rng, t, [[0.005, 0.02], [0.015, 0.025], [0.02, 0.04], [0.04, 0.1]]) });
      Object.assign(effect, { population, records: Math.round(population * rateT(rng, t, [[0.9, 0.97], [0.85, 0.93], [0.72, 0.88], [0.4, 0.7]])), incidence: round((plan.incidence as number) * rateT(rng, t, [[0.6, 1], [0.9, 1.2], [1.1, 1.6], [1.5, 3]]), 1) });
      return;
    }
    case 'housing': {
      plan.households = rng.int(50, 600);
      const households = Math.max(1, Math.round(done(plan.households as number)));
      const shortfall = (share: number): number => households - Math.round(households * share);
      Object.assign(output, { households, passed: shortfall(rateT(rng, t, [[0, 0], [0, 0.03], [0.02, 0.05], [0.05, 0.12]])), on_time_households: Math.round(done(households)) });
      Object.assign(effect, { safe_households: shortfall(rateT(rng, t, [[0, 0], [0, 0.03], [0.02, 0.06], [0.1, 0.3]])), living: pickT(rng, t, [['达成'], ['达成', '部分达成'], ['部分达成'], ['部分达成', '未达成']]) });
      return;
    }
    case 'agriculture': {
      plan.area_mu = rng.int(30, 300) * 100;
      Object.assign(output, { area_mu: Math.round(done(plan.area_mu as number)), inspected, passed });
      const [lo, hi] = [[100, 130], [85, 105], [60, 90], [20, 60]][t] ?? [100, 130];
      Object.assign(effect, { yield_gain: rng.int(lo ?? 100, hi ?? 130), irrigation_coefficient: rateT(rng, t, [[0.55, 0.6], [0.5, 0.56], [0.46, 0.52], [0.4, 0.47]]) });
      return;
    }
    case 'civil-affairs': {
      const eligible = rng.int(500, 8000);
      const covered = Math.round(done(eligible));
      const payments = covered * 12;
      Object.assign(output, { eligible, covered, payments, paid_on_time: Math.round(payments * rateT(rng, t, [[1, 1], [0.98, 1], [0.95, 0.99], [0.85, 0.95]])), wrongly_covered: Math.round(covered * rateT(rng, t, [[0, 0.01], [0.005, 0.02], [0.015, 0.03], [0.025, 0.06]])) });
      effect.guarantee = pickT(rng, t, [['有力'], ['有力', '较好'], ['较好', '一般'], ['一般', '较差']]);
      delete rec.plan;
      return;
    }
    default:
      assertNever(sector, 'sector');
  }
}
