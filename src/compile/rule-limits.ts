/**
 * The documented limits of recommendation rules, shared by the checker (REC523, REC524) and by
 * the validation of rule JSON before either evaluation path runs it (src/recommend/
 * rule-json-check.ts), so a rule the compiler accepts is a rule both paths read alike.
 *
 * - Priority: a whole number from 1 to RULE_PRIORITY_MAX. json-rules-engine reads a priority
 *   with `parseInt(priority, 10)`: 0 silently becomes 1 (`priority || 1`), 1.5 becomes 1, and a
 *   number of 21 or more digits is printed in exponent form first, so 1e21 becomes 1, while the
 *   compiled path kept 1e21 — the order of events differed. A million priorities is far more
 *   than any rule set needs and every one of them is read exactly by both.
 * - Numbers in rule conditions travel as JSON numbers (doubles). A literal is exact when the
 *   double it becomes prints back as the same decimal value: 0.1, 90, 5000000 are; a 400-digit
 *   literal (Infinity, which a JSON copy turns into null) or 9007199254740993 (read as …992) is
 *   not. Any literal of at most 15 significant digits within ±1e308 is exact.
 */

export const RULE_PRIORITY_MIN = 1;
export const RULE_PRIORITY_MAX = 1_000_000;

/** True when `p` is a priority both evaluation paths read as itself. */
export function priorityInRange(p: unknown): p is number {
  return typeof p === 'number' && Number.isInteger(p) && p >= RULE_PRIORITY_MIN && p <= RULE_PRIORITY_MAX;
}

/** A decimal as sign, significant digits without leading/trailing zeros, and a power of ten. */
interface Decimal {
  negative: boolean;
  digits: string;
  exponent: number;
}

/** Parses `-12.50`, `1e+21`, `5e-7`; null when the text is not a plain decimal number. */
function parseDecimal(text: string): Decimal | null {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
  const int = m[2] ?? '';
  const frac = m[3] ?? '';
  let digits = (int + frac).replace(/^0+/, '');
  let exponent = Number(m[4] ?? '0') - frac.length;
  if (digits === '') return { negative: false, digits: '0', exponent: 0 };
  const trailing = digits.length - digits.replace(/0+$/, '').length;
  digits = digits.slice(0, digits.length - trailing);
  exponent += trailing;
  return { negative: m[1] === '-', digits, exponent };
}

/**
 * True when the decimal text (an IR number such as "0.9" or "5000000") becomes a finite double
 * that prints back as the same value: the number a rule compares is the number written.
 */
export function exactAsDouble(text: string): boolean {
  const n = Number(text);
  if (!Number.isFinite(n)) return false;
  const written = parseDecimal(text);
  const read = parseDecimal(String(n));
  if (!written || !read) return false;
  if (written.digits === '0' && read.digits === '0') return true;
  return written.negative === read.negative && written.digits === read.digits && written.exponent === read.exponent;
}
