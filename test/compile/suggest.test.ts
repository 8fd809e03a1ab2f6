import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SUGGEST_LENGTH, boundedDistance, distanceWork, editDistance, suggest } from '../../src/compile/suggest.js';

describe('suggest', () => {
  it('measures edits in characters, not bytes, so one Chinese character is one edit', () => {
    expect(editDistance('预算执行', '预算执行率')).toBe(1);
    expect(editDistance('资金到位率', '资金使用率')).toBe(2);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('offers the closest known name for a typo, in Chinese and English', () => {
    expect(suggest('预算执行', ['资金到位率', '预算执行率'])).toBe('预算执行率');
    expect(suggest('budget_rat', ['budget_rate', 'output'])).toBe('budget_rate');
    expect(suggest('满意度', ['预算执行率', '服务对象满意度'])).toBe('服务对象满意度');
  });

  it('stays silent when nothing is close', () => {
    expect(suggest('质量', ['预算执行率', '资金到位率'])).toBeUndefined();
    expect(suggest('x', [])).toBeUndefined();
  });
});

/** The unbounded algorithm the bounded one replaced: full table, every candidate. */
function reference(name: string, candidates: readonly string[]): string | undefined {
  const full = (a: string[], b: string[]): number => {
    let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      const cur = [i];
      for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
    return prev[b.length]!;
  };
  const len = Array.from(name).length;
  const allowed = Math.max(1, Math.floor(len / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    if (c === name) continue;
    const score = Math.min(full(Array.from(name), Array.from(c)), len >= 2 && c.includes(name) ? 1 : Infinity);
    if (score <= Math.max(allowed, Math.floor(Array.from(c).length / 3)) && score < bestDistance) {
      best = c;
      bestDistance = score;
    }
  }
  return best;
}

describe('suggest, bounded', () => {
  const word = fc.array(fc.constantFrom('a', 'b', 'c', '预', '算', '率', '执', '行'), { maxLength: 14 }).map((cs) => cs.join(''));

  it('gives the same suggestion as the full computation for names of ordinary length', () => {
    fc.assert(
      fc.property(word, fc.array(word, { maxLength: 12 }), (name, candidates) => {
        expect(suggest(name, candidates)).toBe(reference(name, candidates));
      }),
      { numRuns: 2000, seed: 7 },
    );
    for (const [a, b, d] of [
      ['预算执行', '预算执行率', 1],
      ['kitten', 'sitting', 3],
      ['', 'abc', 3],
      ['abc', '', 3],
      ['flaw', 'lawn', 2],
    ] as const) {
      expect(editDistance(a, b)).toBe(d);
      // Bounded at 1: exact when within it, "2" (over) otherwise.
      expect(boundedDistance(Array.from(a), Array.from(b), 1)).toBe(Math.min(d, 2));
    }
  });

  it('computes nothing for a name too long to be a typo', () => {
    const before = distanceWork.cells;
    expect(suggest('x'.repeat(32_000), ['x'.repeat(32_001), 'y'.repeat(31_999), 'x'])).toBeUndefined();
    expect(suggest('x'.repeat(MAX_SUGGEST_LENGTH + 1), ['x'.repeat(MAX_SUGGEST_LENGTH)])).toBeUndefined();
    expect(distanceWork.cells).toBe(before);
    // Just under the limit a suggestion is still made.
    expect(suggest('x'.repeat(MAX_SUGGEST_LENGTH), ['x'.repeat(MAX_SUGGEST_LENGTH - 1) + 'y'])).toBe('x'.repeat(MAX_SUGGEST_LENGTH - 1) + 'y');
  });

  it('fills only the band around the diagonal: O(length × allowed distance) per candidate', () => {
    const name = 'ab'.repeat(MAX_SUGGEST_LENGTH / 2);
    const allowed = Math.floor(MAX_SUGGEST_LENGTH / 3);
    const candidates = Array.from({ length: 500 }, (_, i) => `${'cd'.repeat(MAX_SUGGEST_LENGTH / 2 - 2)}${i}`);
    const before = distanceWork.cells;
    expect(suggest(name, candidates)).toBeUndefined();
    const perCandidate = (distanceWork.cells - before) / candidates.length;
    expect(perCandidate).toBeLessThanOrEqual((2 * allowed + 1) * (allowed + 2));
    // A candidate whose length alone is out of reach costs nothing.
    const skip = distanceWork.cells;
    suggest('abc', ['abcdefghijklmnop', 'x'.repeat(1_000_000)]);
    expect(distanceWork.cells).toBe(skip);
  });
});
