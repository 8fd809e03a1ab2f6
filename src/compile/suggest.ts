/**
 * "Did you mean …" suggestions: the candidate with the smallest edit distance to a misspelt name.
 * Distance counts Unicode code points (so one Chinese character is one edit, not three bytes),
 * and a candidate is only offered when it is close relative to the name's length — a two-
 * character Chinese name allows one edit, longer names about a third of their length.
 * Bounded, whatever the file: a name longer than `MAX_SUGGEST_LENGTH` code points gets no
 * suggestion and a candidate longer than `MAX_CANDIDATE_LENGTH` UTF-16 units is never offered
 * (no one mistypes a name that long), a candidate whose length alone puts it out of reach is
 * skipped, and the distance is computed only in the band it may still win in, stopping as soon
 * as it cannot — O(length × allowed distance) per candidate, never length².
 */

export const MAX_SUGGEST_LENGTH = 64;
export const MAX_CANDIDATE_LENGTH = 2 * MAX_SUGGEST_LENGTH;

/** Cells of the distance table filled so far: lets a test hold the bound without a clock. */
export const distanceWork = { cells: 0 };

/** Levenshtein distance over code points. */
export function editDistance(a: string, b: string): number {
  const s = Array.from(a);
  const t = Array.from(b);
  return boundedDistance(s, t, Math.max(s.length, t.length));
}

/**
 * Levenshtein distance of two code-point arrays when it is at most `max`, else `max + 1`. Only
 * the cells within `max` of the diagonal are filled (the others are over `max` anyway), and a
 * row whose every cell is over `max` ends the computation.
 */
export function boundedDistance(s: readonly string[], t: readonly string[], max: number): number {
  const n = s.length;
  const m = t.length;
  const over = max + 1;
  if (Math.abs(n - m) > max) return over;
  if (n === 0 || m === 0) return Math.max(n, m);
  let prev = new Int32Array(m + 2);
  let cur = new Int32Array(m + 2);
  const first = Math.min(m, max);
  for (let j = 0; j <= first; j++) prev[j] = j;
  prev[first + 1] = over;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(m, i + max);
    cur[lo - 1] = lo === 1 ? Math.min(i, over) : over;
    let rowMin = cur[lo - 1] as number;
    const si = s[i - 1];
    for (let j = lo; j <= hi; j++) {
      const v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + (si === t[j - 1] ? 0 : 1), over);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    distanceWork.cells += hi - lo + 1;
    cur[hi + 1] = over;
    if (rowMin >= over) return over;
    [prev, cur] = [cur, prev];
  }
  return Math.min(prev[m] as number, over);
}

/** The closest candidate within the allowed distance, ties broken by candidate order; or undefined. */
export function suggest(name: string, candidates: Iterable<string>): string | undefined {
  const s = Array.from(name);
  const len = s.length;
  if (len > MAX_SUGGEST_LENGTH) return undefined;
  const allowed = Math.max(1, Math.floor(len / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    if (c === name || c.length > MAX_CANDIDATE_LENGTH) continue;
    // Only a candidate strictly closer than the best so far can win.
    if (bestDistance <= 1) break;
    // A shortened name (满意度 for 服务对象满意度) is a common slip too: it counts as one edit.
    if (len >= 2 && c.includes(name)) {
      best = c;
      bestDistance = 1;
      continue;
    }
    const t = Array.from(c);
    const limit = Math.min(Math.max(allowed, Math.floor(t.length / 3)), bestDistance - 1);
    if (Math.abs(t.length - len) > limit) continue;
    const d = boundedDistance(s, t, limit);
    if (d <= limit) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}
