/**
 * Runtime values of the expression language and the failure value that replaces exceptions.
 * An expression closure returns a `Val`: a decimal, a string, a boolean, null (data missing), a
 * list (from a `[]` data path) or a `Fail` — the error of that indicator as a value, carrying
 * its EVL code and a reason. Every operator checks for `Fail` and passes it on, so a broken
 * input makes one indicator `unavailable` and never throws.
 */
import { Num } from './num.js';
import { toPlainNumber } from './num-json.js';
import { DEFAULT_LANG, type Lang } from '../common/lang.js';
import { EVL, EVL_TERMS, message, type EvlCode } from './messages.js';
import type { Term } from '../common/lang.js';

export class Fail {
  constructor(
    readonly code: EvlCode,
    /** The message arguments; the text is rendered only when the language is known. */
    readonly args: Readonly<Record<string, unknown>>,
    readonly path?: string,
  ) {}

  /** The reason in the chosen language (default DEFAULT_LANG). */
  reason(lang: Lang = DEFAULT_LANG): string {
    return message(this.code, this.args, lang);
  }
}

export type Val = Num | string | boolean | null | Val[] | Fail | object;

export function fail(code: EvlCode, args: Record<string, unknown>, path?: string): Fail {
  return new Fail(code, args, path);
}

export function isFail(v: unknown): v is Fail {
  return v instanceof Fail;
}

export function isDec(v: unknown): v is Num {
  return v instanceof Num;
}

const HUNDRED = Num.fromNumber(100);
const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const PERCENT = /^[+-]?(\d+(\.\d*)?|\.\d+)%$/;

/** Converts a raw data value read from a record into a runtime value. */
export function fromData(raw: unknown): Val {
  if (raw === undefined || raw === null) return null;
  if (typeof raw === 'number')
    return Number.isFinite(raw) ? Num.fromNumber(raw) : fail(EVL.WRONG_TYPE, { what: EVL_TERMS.value, expected: EVL_TERMS.finiteNumber, found: String(raw) });
  if (typeof raw === 'string' || typeof raw === 'boolean') return raw;
  if (Array.isArray(raw)) return raw.map(fromData);
  return raw as object;
}

/** Short, stable description of a value for messages and traces. */
export function describe(v: Val): string {
  if (v === null) return 'nothing';
  if (isDec(v)) return v.toString();
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(describe).join(', ')}]`;
  if (isFail(v)) return `error ${v.code}`;
  return 'an object';
}

/** A value as a message quotes it: the words for nothing and an object are terms of both languages. */
function found(v: Val): string | Term {
  if (v === null) return EVL_TERMS.nothing;
  const text = describe(v);
  return text === 'an object' ? EVL_TERMS.anObject : text;
}

/** A number for arithmetic: decimals pass, numeric strings ("1600000.00", "95%") convert. */
export function asNumber(v: Val, what: string | Term, path?: string): Num | Fail {
  if (isDec(v)) return v;
  if (isFail(v)) return v;
  if (v === null) return fail(EVL.MISSING, { path: path ?? what }, path);
  if (typeof v === 'string') {
    const s = v.trim();
    if (NUMERIC.test(s)) return Num.parse(s);
    if (PERCENT.test(s)) return Num.parse(s.slice(0, -1)).div(HUNDRED);
  }
  return fail(EVL.WRONG_TYPE, { what, expected: EVL_TERMS.number, found: found(v) }, path);
}

const TRUE_WORDS = new Set(['true', 'yes', '是', '真', 'y']);
const FALSE_WORDS = new Set(['false', 'no', '否', '假', 'n']);

export function asBoolean(v: Val, what: string | Term, path?: string): boolean | Fail {
  if (typeof v === 'boolean') return v;
  if (isFail(v)) return v;
  if (v === null) return fail(EVL.MISSING, { path: path ?? what }, path);
  if (typeof v === 'string') {
    const s = v.trim().toLowerCase();
    if (TRUE_WORDS.has(s)) return true;
    if (FALSE_WORDS.has(s)) return false;
  }
  return fail(EVL.WRONG_TYPE, { what, expected: EVL_TERMS.boolean, found: found(v) }, path);
}

/** A level label for rating and tiers: strings as written, numbers and booleans as text. */
export function asLabel(v: Val, what: string | Term, path?: string): string | Fail {
  if (typeof v === 'string') return v.trim();
  if (isFail(v)) return v;
  if (v === null) return fail(EVL.MISSING, { path: path ?? what }, path);
  if (isDec(v)) return v.toString();
  if (typeof v === 'boolean') return String(v);
  return fail(EVL.WRONG_TYPE, { what, expected: EVL_TERMS.levelName, found: found(v) }, path);
}

/** Equality across the types users mix in data: numbers with numeric strings, else strict. */
export function valEquals(a: Val, b: Val): boolean {
  if (a === null || b === null) return a === b;
  if (isDec(a) || isDec(b)) {
    const x = asNumber(a, EVL_TERMS.left.en),
      y = asNumber(b, EVL_TERMS.right.en); // only tested, never shown
    return isDec(x) && isDec(y) && x.eq(y);
  }
  if (typeof a === 'string' && typeof b === 'string') return a.trim() === b.trim();
  if (typeof a === 'boolean' || typeof b === 'boolean') {
    const x = asBoolean(a, 'left'),
      y = asBoolean(b, 'right');
    return typeof x === 'boolean' && typeof y === 'boolean' && x === y;
  }
  return false;
}

/** A runtime value as JSON for results and traces (decimals become numbers). */
export function toJson(v: Val): unknown {
  if (v === null || isFail(v)) return null;
  if (isDec(v)) return toPlainNumber(v);
  if (Array.isArray(v)) return v.map(toJson);
  if (typeof v === 'object') return null;
  return v;
}
