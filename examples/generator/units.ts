/**
 * Builds the demo city's 15 town records (rules/common/town.ind, linked to transfer payments by
 * rules/policy/linkage.ind) and 96 department records (rules/common/department.ind, linked to the
 * department budget). A quality tier (0 best … 3 worst) per record drives its figures; a few
 * records carry the special cases the demo must show: a newly created town without last year's
 * revenue (not applicable), a town with new hidden debt and one failing the 三保 (vetoes), a
 * department with a major violation (veto), and departments without an economic function.
 */
import { cents, Prng, round } from './prng.js';
import { BUREAUS, TOWNS, UNITS } from './names.js';
import type { Rec } from './projects.js';

const rateT = (rng: Prng, t: number, table: readonly (readonly [number, number])[]): number => {
  const [lo, hi] = table[t] ?? [1, 1];
  return rng.rate(lo, hi);
};
const chanceT = (rng: Prng, t: number, ps: readonly number[]): boolean => rng.chance(ps[t] ?? 1);
const pickT = <T>(rng: Prng, t: number, table: readonly (readonly T[])[]): T => rng.pick(table[t] ?? table[0] ?? []);

export function townRecords(rng: Prng, tierOf: readonly number[]): Rec[] {
  return TOWNS.map((name, i) => {
    const t = tierOf[i] ?? 0;
    const general = rng.int(300, 3000) * 100000;
    const growth = rateT(rng, t, [[0.05, 0.09], [0.0, 0.05], [-0.04, 0.02], [-0.12, -0.03]]);
    const total = Math.round(general * rng.float(1.1, 1.6) / 1000) * 1000;
    const capacity = Math.round(total * rng.float(1.2, 1.6) / 1000) * 1000;
    const received = rng.int(50, 400) * 100000;
    const monthly = Math.round(total / 12 / 1000) * 1000;
    const threeLast = rng.int(40, 200) * 1000;
    const rec: Rec = {
      id: `T-${String(i + 1).padStart(2, '0')}`,
      name,
      stage: 'ex_post',
      revenue: {
        general,
        tax: cents(general, rateT(rng, t, [[0.72, 0.85], [0.6, 0.72], [0.5, 0.62], [0.3, 0.5]])),
        // 江滨街道 was created this year out of 城东街道: no comparable last-year revenue.
        ...(name === '江滨街道' ? {} : { last_year: Math.round(general / (1 + growth)) }),
      },
      expenditure: {
        total,
        livelihood: cents(total, rateT(rng, t, [[0.76, 0.85], [0.62, 0.76], [0.55, 0.65], [0.4, 0.55]])),
        adjusted_budget: Math.round(total / rateT(rng, t, [[0.95, 0.99], [0.9, 0.96], [0.8, 0.92], [0.55, 0.8]]) / 1000) * 1000,
        three_public: Math.round(threeLast * rateT(rng, t, [[0.9, 1], [0.98, 1.03], [1.02, 1.05], [1.05, 1.15]])),
        three_public_last: threeLast,
        basic_guarantee_failed: name === '柳营镇',
      },
      debt: {
        balance: Math.round(capacity * rateT(rng, t, [[0.3, 0.6], [0.55, 0.8], [0.75, 1], [0.95, 1.4]]) / 1000) * 1000,
        capacity,
        repaid_on_time: t < 3 || rng.chance(0.4),
        hidden_new: name === '凤鸣镇',
      },
      treasury: { balance: Math.round(monthly * rateT(rng, t, [[0.85, 1.4], [0.7, 1.5], [0.5, 1.9], [0.2, 0.6]]) / 1000) * 1000, monthly_outlay: monthly },
      transfer: { base: received, received, spent: cents(received, rateT(rng, t, [[0.9, 0.99], [0.8, 0.92], [0.65, 0.85], [0.4, 0.7]])), violations: [0, rng.int(0, 1), rng.int(1, 3), rng.int(3, 7)][t] ?? 0 },
      management: {
        budget_public: true,
        final_public: chanceT(rng, t, [1, 1, 0.8, 0.5]),
        three_public_public: chanceT(rng, t, [1, 0.9, 0.7, 0.3]),
        targets_public: chanceT(rng, t, [1, 0.8, 0.5, 0.2]),
        results_public: chanceT(rng, t, [1, 0.7, 0.4, 0.1]),
      },
      reform: { progress: pickT(rng, t, [['达成'], ['达成', '部分达成'], ['部分达成'], ['未达成', '部分达成']]) },
    };
    return rec;
  });
}

/** 96 budget units: 49 bureaus, then 47 subordinate units. */
export function departmentNames(): { name: string; sector?: string }[] {
  return [...BUREAUS.map((name) => ({ name })), ...UNITS];
}

export function departmentRecords(rng: Prng, tierOf: readonly number[]): Rec[] {
  return departmentNames().map((d, i) => {
    const t = tierOf[i] ?? 0;
    const initial = rng.amount(2000000, 300000000, 10000);
    const adjustment = pickT(rng, t, [[0, 0, 0.05], [0.05, 0.1, 0.15], [0.1, 0.2, 0.25], [0.25, 0.35, 0.45]]);
    const adjusted = Math.round(initial * (1 + adjustment) / 10000) * 10000;
    const spent = cents(adjusted, rateT(rng, t, [[0.93, 0.99], [0.88, 0.95], [0.78, 0.9], [0.5, 0.78]]));
    const authorized = rng.int(8, 400);
    const threeLast = rng.int(20, 300) * 1000;
    const economic = i < 10 || d.sector === 'agriculture' || rng.chance(0.15);
    return {
      id: `D-${String(i + 1).padStart(3, '0')}`,
      name: d.name,
      stage: 'ex_post',
      staff: { actual: t === 3 && rng.chance(0.5) ? authorized + rng.int(1, 5) : authorized - rng.int(0, Math.max(1, Math.floor(authorized / 10))), authorized },
      three_public: { current: Math.round(threeLast * rateT(rng, t, [[0.85, 1], [0.97, 1.035], [1.0, 1.08], [1.05, 1.2]])), previous: threeLast },
      key_spending: { key: cents(adjusted, rateT(rng, t, [[0.9, 0.97], [0.8, 0.92], [0.68, 0.85], [0.45, 0.7]])), total: adjusted },
      budget: { initial, adjusted, next_year: Math.round(adjusted * rng.float(0.95, 1.08) / 10000) * 10000 },
      spent,
      carryover: cents(adjusted - spent, rng.float(0.3, 1)),
      pay: { progress: rateT(rng, t, [[0.95, 0.99], [0.82, 0.96], [0.65, 0.85], [0.4, 0.65]]) },
      procurement: { planned: Math.round(adjusted * 0.2 / 1000) * 1000, actual: cents(Math.round(adjusted * 0.2 / 1000) * 1000, rateT(rng, t, [[0.96, 1.04], [0.92, 1.06], [0.88, 1.1], [0.5, 0.88]])) },
      management: {
        budget: true,
        finance: chanceT(rng, t, [1, 1, 0.8, 0.4]),
        asset: chanceT(rng, t, [1, 0.9, 0.6, 0.3]),
        internal_control: chanceT(rng, t, [1, 0.8, 0.5, 0.2]),
        violations: [0, rng.int(0, 1), rng.int(1, 3), rng.int(2, 6)][t] ?? 0,
        disclosed: chanceT(rng, t, [1, 1, 0.7, 0.3]),
      },
      assets: { in_use: rng.int(...([[90, 100], [80, 92], [65, 85], [40, 70]][t] as [number, number])), total: 100 },
      duties: {
        planned: 20,
        completed: [rng.int(19, 20), rng.int(17, 19), rng.int(14, 17), rng.int(8, 14)][t] ?? 20,
        quality: rateT(rng, t, [[0.98, 1], [0.9, 0.98], [0.8, 0.92], [0.6, 0.82]]),
        on_time: rateT(rng, t, [[0.95, 1], [0.85, 0.96], [0.7, 0.88], [0.4, 0.72]]),
      },
      goals: { target: pickT(rng, t, [['合理'], ['合理', '基本合理'], ['基本合理'], ['不合理', '基本合理']]), clarity: { decomposed: chanceT(rng, t, [1, 0.9, 0.7, 0.3]), measurable: chanceT(rng, t, [1, 0.8, 0.5, 0.2]), matched: chanceT(rng, t, [1, 0.8, 0.5, 0.2]) } },
      effect: {
        social: pickT(rng, t, [['达成'], ['达成', '部分达成'], ['部分达成'], ['未达成', '部分达成']]),
        ...(economic ? { economic: pickT(rng, t, [['达成'], ['达成', '部分达成'], ['部分达成'], ['未达成']]) } : {}),
        sustainable: pickT(rng, t, [['显著'], ['显著', '较好'], ['较好', '一般'], ['一般', '差']]),
      },
      survey: { satisfaction: round(rateT(rng, t, [[0.92, 0.99], [0.84, 0.93], [0.72, 0.86], [0.45, 0.7]]), 3) },
      audit: { major_violation: d.name === '市供销合作社' },
    };
  });
}
