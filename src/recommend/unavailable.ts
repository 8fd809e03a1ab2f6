/**
 * Conditions that cannot be compared on a record, the same way on both evaluation paths. A
 * condition compares scalars: undefined (missing), null, true/false, numbers and text. A fact
 * read whole (no `path`, or the empty path — the compiler emits `data` that way) may be an
 * object or a list: json-rules-engine's number check then calls `parseFloat` on it, which throws
 * on a record such as `{"toString": 0}`, while the compiled path short-circuited past it. So a
 * rule any of whose conditions reads a value that is not a scalar is *unavailable* for that
 * record: it does not fire, whatever its other conditions say (order-independent, so neither
 * path's evaluation order matters), and the reason (REC572, the rule, the condition's JSON
 * Pointer and the fact read) is added to the result's `errors`, as an indicator that cannot be
 * scored is. Path reads never give objects (path.ts turns them into undefined).
 */
import type { EvaluationResult } from '../engine/result.js';
import { DEFAULT_LANG, type Lang } from '../common/lang.js';
import { formatMessage } from './messages.js';

/** A value a condition can compare without converting an object. */
export function isScalar(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  const t = typeof v;
  return t === 'string' || t === 'number' || t === 'boolean' || t === 'bigint';
}

/** One rule left unavailable on one record. */
export interface Unavailable {
  /** Index of the rule in the rule JSON given to the evaluator. */
  index: number;
  /** The rule as named in messages (`"r1"` or `#0`). */
  rule: string;
  /** JSON Pointer of the condition inside the rule: `/conditions/any/1`. */
  at: string;
  /** The fact and path read: `data`, `scorecard/grade`. */
  fact: string;
  /** The event the rule would have emitted. */
  event: unknown;
}

export const UNAVAILABLE_CODE = 'REC572';

/** The fact label of a read: `data` or `data/a/b`. */
export const factLabel = (fact: unknown, path: unknown): string => `${String(fact)}${typeof path === 'string' ? path : ''}`;

/**
 * Adds each reason to `result.errors` once (both paths may be asked about the same result, as
 * the golden suite does; a second report of the same reason is not a second problem).
 */
export function noteUnavailable(result: EvaluationResult, list: readonly Unavailable[], lang: Lang = DEFAULT_LANG): void {
  for (const u of list) {
    const message = formatMessage(UNAVAILABLE_CODE, [u.rule, u.at, u.fact], lang);
    if (result.errors.some((e) => e.code === UNAVAILABLE_CODE && e.message === message)) continue;
    result.errors.push({ code: UNAVAILABLE_CODE, message, path: u.fact });
  }
}
