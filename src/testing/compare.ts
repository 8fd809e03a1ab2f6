/**
 * Compares one case's expectation with the scorecard the rules produced, field by field, and
 * builds the expectation `--update` writes back. Numbers compare within the case's tolerance;
 * indicators and dimensions are named by name (when unique) or path, with `.` or `/` between
 * levels; expected recommendations are rule names compared as a set; `error` must appear among
 * the record's or an indicator's error codes.
 */
import { assertNever } from '../common/diagnostic.js';
import type { EvaluationResult, Recommendation } from '../engine/result.js';
import { firedRules } from '../recommend/index.js';
import type { Expectation, FieldDiff } from './types.js';

const EPS = 1e-9;

interface Named {
  path: string;
  name: string;
}

/** Finds a node by path (`.` or `/`) or by a unique name; undefined when absent or ambiguous. */
export function findNode<T extends Named>(nodes: readonly T[], key: string): T | undefined {
  const path = key.replace(/\./g, '/');
  const byPath = nodes.find((n) => n.path === path);
  if (byPath) return byPath;
  const byName = nodes.filter((n) => n.name === key);
  return byName.length === 1 ? byName[0] : undefined;
}

function sameNumber(e: unknown, a: unknown, tol: number): boolean {
  if (e === null || e === undefined || a === null || a === undefined) return (e ?? null) === (a ?? null);
  return typeof e === 'number' && typeof a === 'number' && Math.abs(e - a) <= tol + EPS;
}

export function errorCodes(r: EvaluationResult): string[] {
  const codes = r.errors.map((e) => e.code);
  for (const i of r.indicators) if (i.error) codes.push(i.error.code);
  return [...new Set(codes)].sort();
}

export function compareCase(exp: Expectation, r: EvaluationResult, recs: Recommendation[] | undefined, tol: number): FieldDiff[] {
  const diffs: FieldDiff[] = [];
  if (exp.total !== undefined && !sameNumber(exp.total, r.total, tol)) diffs.push({ field: 'total', expected: exp.total, actual: r.total });
  if (exp.grade !== undefined && exp.grade !== r.grade) diffs.push({ field: 'grade', expected: exp.grade, actual: r.grade });
  for (const [key, want] of Object.entries(exp.indicators ?? {})) {
    const got = findNode(r.indicators, key);
    if (!got) diffs.push({ field: `indicators.${key}`, expected: want, actual: '(no such indicator)' });
    else if (!sameNumber(want, got.points, tol)) diffs.push({ field: `indicators.${key}`, expected: want, actual: got.points });
  }
  for (const [key, want] of Object.entries(exp.dimensions ?? {})) {
    const got = findNode(r.dimensions, key);
    if (!got) diffs.push({ field: `dimensions.${key}`, expected: want, actual: '(no such dimension)' });
    else if (!sameNumber(want, got.points, tol)) diffs.push({ field: `dimensions.${key}`, expected: want, actual: got.points });
  }
  for (const [key, want] of Object.entries(exp.ratings ?? {})) {
    const got = findNode(r.dimensions, key);
    if (!got) diffs.push({ field: `ratings.${key}`, expected: want, actual: '(no such dimension)' });
    else if ((got.rating ?? null) !== want) diffs.push({ field: `ratings.${key}`, expected: want, actual: got.rating ?? null });
  }
  if (exp.outcome !== undefined && (r.outcome?.name ?? null) !== exp.outcome)
    diffs.push({ field: 'outcome', expected: exp.outcome, actual: r.outcome?.name ?? null });
  for (const [key, want] of Object.entries(exp.status ?? {})) {
    const got = findNode(r.indicators, key) ?? findNode(r.dimensions, key);
    if (!got) diffs.push({ field: `status.${key}`, expected: want, actual: '(no such indicator)' });
    else if (got.status !== want) diffs.push({ field: `status.${key}`, expected: want, actual: got.status });
  }
  if (exp.recommendations !== undefined && recs) {
    const want = [...new Set(exp.recommendations)].sort();
    const got = [...firedRules(recs)].sort();
    if (want.join('\u0000') !== got.join('\u0000')) diffs.push({ field: 'recommendations', expected: want, actual: got });
  }
  if (exp.error !== undefined) {
    const want = Array.isArray(exp.error) ? exp.error : [exp.error];
    const got = errorCodes(r);
    if (!want.every((c) => got.includes(c))) diffs.push({ field: 'error', expected: exp.error, actual: got.length ? got : null });
  }
  return diffs;
}

/**
 * How many things an expectation checks: a case whose expectation checks nothing (no `expect`,
 * `indicators: {}`, `error: []`, or only `recommendations` when no recommendation stage runs)
 * would pass whatever the rules do, so the runner reports it instead of passing it.
 */
export function assertionCount(exp: Expectation | undefined, withRecommendations: boolean): number {
  if (!exp) return 0;
  const size = (m: unknown): number => (m && typeof m === 'object' ? Object.keys(m).length : 0);
  let n = (exp.total !== undefined ? 1 : 0) + (exp.grade !== undefined ? 1 : 0) + size(exp.indicators) + size(exp.dimensions) + size(exp.status);
  n += size(exp.ratings) + (exp.outcome !== undefined ? 1 : 0);
  if (exp.recommendations !== undefined && withRecommendations) n++;
  if (exp.error !== undefined && (!Array.isArray(exp.error) || exp.error.length > 0)) n++;
  return n;
}

/** What `--update` writes for a case: the full scorecard in the expectation's terms. */
export function expectationOf(r: EvaluationResult, recs: Recommendation[] | undefined): Expectation {
  const key = (n: Named, all: readonly Named[]): string => (all.filter((x) => x.name === n.name).length === 1 ? n.name : n.path);
  const exp: Expectation = { total: r.total, grade: r.grade };
  if (r.status === 'rejected') {
    exp.error = errorCodes(r)[0] ?? 'EVL401';
    return exp;
  }
  exp.indicators = Object.fromEntries(r.indicators.map((i) => [key(i, r.indicators), i.points]));
  if (r.dimensions.length) exp.dimensions = Object.fromEntries(r.dimensions.map((d) => [key(d, r.dimensions), d.points]));
  const odd = r.indicators.filter((i) => i.status !== 'scored');
  if (odd.length) exp.status = Object.fromEntries(odd.map((i) => [key(i, r.indicators), i.status]));
  if (recs) exp.recommendations = firedRules(recs);
  const codes = errorCodes(r);
  if (codes.length) exp.error = codes.length === 1 ? codes[0]! : codes;
  return exp;
}

/** For a failing case: the fields (and keys) the user declared, with the values produced now. */
export function refreshExpectation(declared: Expectation, r: EvaluationResult, recs: Recommendation[] | undefined): Expectation {
  const full = expectationOf(r, recs);
  const out: Expectation = {};
  const pick = <T>(keys: Record<string, unknown>, get: (k: string) => T): Record<string, T> => Object.fromEntries(Object.keys(keys).map((k) => [k, get(k)]));
  for (const k of Object.keys(declared) as (keyof Expectation)[]) {
    switch (k) {
      case 'indicators':
        out.indicators = pick(declared.indicators ?? {}, (n) => findNode(r.indicators, n)?.points ?? null);
        break;
      case 'dimensions':
        out.dimensions = pick(declared.dimensions ?? {}, (n) => findNode(r.dimensions, n)?.points ?? null);
        break;
      case 'ratings':
        out.ratings = pick(declared.ratings ?? {}, (n) => findNode(r.dimensions, n)?.rating ?? null);
        break;
      case 'outcome':
        out.outcome = r.outcome?.name ?? null;
        break;
      case 'status':
        out.status = pick(declared.status ?? {}, (n) => (findNode(r.indicators, n) ?? findNode(r.dimensions, n))?.status ?? 'missing');
        break;
      case 'recommendations':
        out.recommendations = full.recommendations ?? declared.recommendations ?? [];
        break;
      case 'total':
        out.total = r.total;
        break;
      case 'grade':
        out.grade = r.grade;
        break;
      case 'error': {
        const codes = errorCodes(r);
        out.error = codes.length === 1 ? codes[0]! : codes;
        break;
      }
      default:
        assertNever(k, 'expectation field');
    }
  }
  return out;
}
