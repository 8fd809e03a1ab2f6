/**
 * "Did you mean …" suggestions: the candidate with the smallest edit distance to a misspelt name.
 * Distance counts Unicode code points (so one Chinese character is one edit, not three bytes),
 * and a candidate is only offered when it is close relative to the name's length — a two-
 * character Chinese name allows one edit, longer names about a third of their length.
 */

/** Levenshtein distance over code points. */
export function editDistance(a: string, b: string): number {
  const s = Array.from(a);
  const t = Array.from(b);
  if (s.length === 0) return t.length;
  if (t.length === 0) return s.length;
  let prev = Array.from({ length: t.length + 1 }, (_, i) => i);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    prev = cur;
  }
  return prev[t.length]!;
}

/** The closest candidate within the allowed distance, ties broken by candidate order; or undefined. */
export function suggest(name: string, candidates: Iterable<string>): string | undefined {
  const len = Array.from(name).length;
  const allowed = Math.max(1, Math.floor(len / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    if (c === name) continue;
    const d = editDistance(name, c);
    // A shortened name (满意度 for 服务对象满意度) is a common slip too.
    const contained = len >= 2 && c.includes(name) ? 1 : Infinity;
    const score = Math.min(d, contained);
    const limit = Math.max(allowed, Math.floor(Array.from(c).length / 3));
    if (score <= limit && score < bestDistance) {
      best = c;
      bestDistance = score;
    }
  }
  return best;
}
