/**
 * The demo city's only source of randomness: a seeded mulberry32 generator and the small
 * helpers the record builders draw from. Same seed → same sequence on every machine (integer
 * arithmetic with Math.imul and unsigned shifts; no Math.random, no clock). Amounts come out as
 * numbers in 元 with at most two decimals, rates as numbers with at most three.
 */
import { SeededRandom } from '../../src/common/seeded-random.js';

export class Prng extends SeededRandom {
  /** A float in [lo, hi). */
  float(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /** An integer in [lo, hi], both ends included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** A rate in [lo, hi] rounded to three decimals (0.913), as the survey forms report it. */
  rate(lo: number, hi: number): number {
    return round(this.float(lo, hi), 3);
  }

  /** Fisher–Yates, in place, deterministic. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const a = items[i] as T;
      items[i] = items[j] as T;
      items[j] = a;
    }
    return items;
  }

  /**
   * An amount in 元 between lo and hi, log-uniform (many small projects, few large ones),
   * rounded to `step` 元 (budgets are set in thousands).
   */
  amount(lo: number, hi: number, step = 1000): number {
    const v = Math.exp(this.float(Math.log(lo), Math.log(hi)));
    return Math.max(step, Math.round(v / step) * step);
  }
}

export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** `base × factor` in 元, exact to the cent. */
export function cents(base: number, factor: number): number {
  return Math.round(base * factor * 100) / 100;
}

/**
 * A deterministic assignment of quality tiers (0 best … 3 worst) to `n` items: quotas by share,
 * at least one of each, then shuffled — so every grade is exercised whatever the seed.
 */
export function tiers(rng: Prng, n: number, shares: readonly number[]): number[] {
  const counts = shares.map((s) => Math.max(1, Math.round(n * s)));
  let total = counts.reduce((a, b) => a + b, 0);
  if (n < counts.length) throw new Error(`cannot give each of ${counts.length} tiers one of ${n} items`);
  // Take the surplus from the largest tiers first (each keeps at least one item).
  while (total > n) {
    const i = counts.indexOf(Math.max(...counts));
    counts[i] = (counts[i] ?? 1) - 1;
    total--;
  }
  for (; total < n; total++) counts[0] = (counts[0] ?? 0) + 1;
  const out: number[] = [];
  counts.forEach((c, tier) => {
    for (let k = 0; k < c; k++) out.push(tier);
  });
  return rng.shuffle(out);
}
