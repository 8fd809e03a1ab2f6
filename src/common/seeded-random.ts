/**
 * mulberry32: a 32-bit seeded generator in integer arithmetic (Math.imul, unsigned shifts), so a
 * seed gives the same sequence on every machine and Node version. Not for secrets — for
 * reproducible audit samples, demo data and generated test batches. The one copy in the project:
 * re-check sampling, the demo generator, benches and property tests all draw from it.
 */
export class SeededRandom {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** An unsigned 32-bit integer. */
  nextUint32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }
  /** A float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }
  /** An integer in [0, n) without modulo bias (rejection sampling). */
  below(n: number): number {
    if (n <= 1) return 0;
    const limit = Math.floor(0x100000000 / n) * n;
    for (;;) {
      const x = this.nextUint32();
      if (x < limit) return x % n;
    }
  }
}

/** The generator as a plain `() => number` in [0, 1), for code that only needs floats. */
export function seededFloats(seed: number): () => number {
  const r = new SeededRandom(seed);
  return () => r.next();
}
