/**
 * The bench's realistic scorecard: a 30-indicator project-expenditure framework (proportional,
 * bands, rating, per-incident deduction, yes/no and linear, over four dimensions, weights
 * summing to 100) written as .ind text for the compiler, plus a deterministic generator of
 * records (mulberry32, seeded) with money to the cent, missing values and edge cases. The same
 * scorecard is also written by hand (`handScore`) and as json-rules-engine rules (jre-fixture).
 */
import { D, type Dec } from '../../src/engine/decimal.js';
import { seededFloats } from '../../src/common/seeded-random.js';

export type Method = 'proportional' | 'bands' | 'rating' | 'deduct' | 'yesno' | 'linear';
export const METHODS: Method[] = ['proportional', 'bands', 'rating', 'deduct', 'yesno', 'linear'];

export interface BenchIndicator {
  key: string;
  name: string;
  dimension: string;
  weight: number;
  method: Method;
}

const DIMS: [string, number][] = [
  ['决策', 6],
  ['过程', 7],
  ['产出', 9],
  ['效益', 8],
];

export function benchIndicators(): BenchIndicator[] {
  const out: BenchIndicator[] = [];
  let i = 0;
  for (const [dim, n] of DIMS) {
    for (let k = 0; k < n; k++, i++) {
      out.push({ key: `k${i}`, name: `指标${i + 1}`, dimension: dim, weight: i < 10 ? 4 : 3, method: METHODS[i % METHODS.length]! });
    }
  }
  return out;
}

function body(ind: BenchIndicator): string {
  const k = ind.key;
  switch (ind.method) {
    case 'proportional':
      return `value = data.${k}.actual / data.${k}.plan\n      target >= 100%\n      score proportional`;
    case 'bands':
      return `value = data.${k}.spent / data.${k}.budget\n      score bands { >= 95%: 100%; [80%, 95%): 80%; [60%, 80%): 50%; else: 0 }`;
    case 'rating':
      return `score rating data.${k}.level { A: 100%; B: 80%; C: 50%; D: 0% }`;
    case 'deduct':
      return `score deduct 1 per data.${k}.count max ${ind.weight}`;
    case 'yesno':
      return `value = data.${k}.ok\n      score yesno`;
    case 'linear':
      return `value = data.${k}.rate\n      score linear { 60%: 0%; 100%: 100% }`;
  }
}

export function benchRulesText(): string {
  const inds = benchIndicators();
  const lines = ['framework 基准项目 "bench framework" {', '  scale 100', '  grades { 优 >= 90; 良 >= 80; 中 >= 60; 差 otherwise }'];
  for (const [dim] of DIMS) {
    const mine = inds.filter((x) => x.dimension === dim);
    lines.push(`  dimension ${dim} weight ${mine.reduce((s, x) => s + x.weight, 0)} {`);
    for (const ind of mine) lines.push(`    indicator ${ind.name} weight ${ind.weight} {\n      ${body(ind)}\n    }`);
    lines.push('  }');
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}

const cents = (x: number): number => Math.round(x * 100) / 100;

/** Deterministic records; the same seed gives the same stream on every machine. */
export function* benchRecords(count: number, seed = 2026): Generator<Record<string, unknown>> {
  const inds = benchIndicators();
  const rnd = seededFloats(seed);
  for (let n = 0; n < count; n++) {
    const rec: Record<string, unknown> = { id: `P${String(n).padStart(6, '0')}` };
    for (const ind of inds) {
      const r = rnd();
      switch (ind.method) {
        case 'proportional': {
          const plan = cents(100000 + rnd() * 9900000);
          rec[ind.key] = { plan, actual: cents(plan * (0.5 + r * 0.7)) };
          break;
        }
        case 'bands': {
          const budget = cents(50000 + rnd() * 5000000);
          rec[ind.key] = { budget, spent: cents(budget * (0.4 + r * 0.65)) };
          break;
        }
        case 'rating':
          rec[ind.key] = { level: 'ABCD'[Math.floor(r * 4)] };
          break;
        case 'deduct':
          rec[ind.key] = { count: Math.floor(r * r * 6) };
          break;
        case 'yesno':
          rec[ind.key] = { ok: r < 0.8 };
          break;
        case 'linear':
          rec[ind.key] = { rate: Math.round((0.4 + r * 0.7) * 10000) / 10000 };
          break;
      }
    }
    yield rec;
  }
}

const RATING: Record<string, string> = { A: '1', B: '0.8', C: '0.5', D: '0' };

/** One indicator's unrounded points, written by hand with the same decimal library. */
export function handPoints(ind: BenchIndicator, rec: Record<string, unknown>): Dec {
  const v = rec[ind.key] as Record<string, number | string | boolean>;
  const w = new D(ind.weight);
  switch (ind.method) {
    case 'proportional': {
      const ratio = new D(v.actual as number).div(v.plan as number);
      return ratio.gte(1) ? w : w.times(ratio);
    }
    case 'bands': {
      const x = new D(v.spent as number).div(v.budget as number);
      return x.gte(0.95) ? w : x.gte(0.8) ? w.times(0.8) : x.gte(0.6) ? w.times(0.5) : new D(0);
    }
    case 'rating':
      return w.times(RATING[v.level as string]!);
    case 'deduct':
      return D.max(w.minus(D.min(new D(v.count as number), w)), 0);
    case 'yesno':
      return v.ok ? w : new D(0);
    case 'linear': {
      const x = new D(v.rate as number);
      return x.lte(0.6) ? new D(0) : x.gte(1) ? w : w.times(x.minus(0.6).div(0.4));
    }
  }
}

/** The same scorecard written by hand with the same decimal library: the total, unrounded. */
export function handScore(rec: Record<string, unknown>, inds: BenchIndicator[]): Dec {
  let total = new D(0);
  for (const ind of inds) total = total.plus(handPoints(ind, rec));
  return total;
}
