/**
 * The small readers shared by roll-up, sampling and allocation declarations: amounts written the
 * way staff write them in .ind files (`500万`, `1.6亿元`, `1200000`, `100元`) and percentages
 * (`10%`, `0.1`), both to exact decimals; dotted data paths (`budget.adjusted`) read safely
 * (no `__proto__`/`constructor`/`prototype`, own properties only); and a seeded PRNG. Nothing
 * here throws on user input: unreadable values come back as null.
 */
import { Dec } from '../recommend/decimal.js';
import { resolveSegments } from '../recommend/path.js';

export { Dec };

const AMOUNT = /^\s*([+-]?\d+(?:\.\d+)?)\s*(万元|万|亿元|亿|元)?\s*$/u;
const SCALE: Record<string, string> = { 万: '10000', 万元: '10000', 亿: '100000000', 亿元: '100000000', 元: '1' };

/** `500万` → 5000000; numbers pass through; anything else → null. */
export function parseAmount(v: unknown): Dec | null {
  if (typeof v === 'number') return Number.isFinite(v) ? new Dec(v) : null;
  if (typeof v !== 'string') return null;
  const m = AMOUNT.exec(v);
  if (!m) return null;
  return new Dec(m[1]!).times(SCALE[m[2] ?? '元'] ?? '1');
}

/** `10%` → 0.1, `0.1` → 0.1; null otherwise. */
export function parsePercent(v: unknown): Dec | null {
  if (typeof v === 'number') return Number.isFinite(v) ? new Dec(v) : null;
  if (typeof v !== 'string') return null;
  const m = /^\s*([+-]?\d+(?:\.\d+)?)\s*(%)?\s*$/.exec(v);
  if (!m) return null;
  return m[2] ? new Dec(m[1]!).dividedBy(100) : new Dec(m[1]!);
}

const FORBIDDEN = /(^|\.)(__proto__|constructor|prototype)(\.|$)/;

/** True when `path` is a dotted path of non-empty segments with no forbidden segment. */
export function isSafePath(path: unknown): path is string {
  return typeof path === 'string' && path.length > 0 && !FORBIDDEN.test(path) && path.split('.').every((s) => s.length > 0);
}

/** Reads a scalar at a dotted path (`budget.adjusted`); undefined when absent or not scalar. */
export function readPath(record: unknown, path: string): unknown {
  return resolveSegments(record, path.split('.'));
}

/** A number or numeric string at a path as an exact decimal; null when absent or not numeric. */
export function readDecimal(record: unknown, path: string): Dec | null {
  const v = readPath(record, path);
  if (typeof v === 'number' && Number.isFinite(v)) return new Dec(v);
  if (typeof v === 'string' && /^\s*[+-]?\d+(\.\d+)?\s*$/.test(v)) return new Dec(v);
  return null;
}

export { SeededRandom } from '../common/seeded-random.js';
