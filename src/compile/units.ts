/**
 * Value types and the unit algebra the checker applies to expressions. A number's unit is either
 * a concrete unit (元, days, m², …), '%' — which also stands for any plain ratio, so 元/元 is
 * compatible with a percentage — or null ("free"): a bare literal like `2` or a data field with no
 * `input` declaration, compatible with everything. Adding or comparing two different concrete
 * units is an error (CMP212/CMP213); multiplication and division propagate units where the answer
 * is clear and fall back to free otherwise, so the checker never guesses an error.
 */
import { assertNever } from '../common/diagnostic.js';
import type { Term } from '../common/lang.js';
import { termOf } from '../common/catalogue.js';
import { COMPILE_TERMS } from './messages-terms.js';

export type Ty =
  | { k: 'num'; unit: string | null }
  /** Text; `scale` when the text is a label of an ordinal scale (highest first). */
  | { k: 'str'; scale?: ScaleTy }
  | { k: 'bool' }
  /** Unknown: an undeclared data field, or an expression whose parts were already reported. */
  | { k: 'any' }
  | { k: 'grade' }
  | { k: 'list' };

/** An ordinal scale as the checker sees it: its name and labels, highest first. */
export interface ScaleTy {
  name: string;
  labels: string[];
  /** `"D*" = D`: a label ranked as another. */
  same: Record<string, string>;
}

export const ANY: Ty = { k: 'any' };
export const BOOL: Ty = { k: 'bool' };
export const STR: Ty = { k: 'str' };
export const num = (unit: string | null): Ty => ({ k: 'num', unit });

export const RATIO = '%';
/** Points (分): totals, dimension and indicator points, weights. `total < 60%` is a unit error. */
export const SCORE = 'score';

/** The unit of a number (null for free or non-numbers). */
export function unitOf(t: Ty): string | null {
  return t.k === 'num' ? t.unit : null;
}

export function isNumeric(t: Ty): boolean {
  return t.k === 'num' || t.k === 'any';
}

export function isBoolean(t: Ty): boolean {
  return t.k === 'bool' || t.k === 'any';
}

/** How a unit is named in messages for policy staff. */
export function describeUnit(u: string | null): Term {
  if (u === null) return COMPILE_TERMS.plainNumber;
  if (u === RATIO) return COMPILE_TERMS.percentage;
  if (u === 'days') return COMPILE_TERMS.days;
  if (u === 'months') return COMPILE_TERMS.months;
  if (u === SCORE) return COMPILE_TERMS.points;
  if (u === 'count') return COMPILE_TERMS.count;
  if (u === 'people') return COMPILE_TERMS.people;
  return termOf(COMPILE_TERMS.amountOrQuantity, { unit: u });
}

/**
 * A unit where a message names what it found (CMP214): in Chinese as `describeUnit` names it
 * (天数, not `days`); in English as written, as that message always showed it.
 */
export function unitFound(u: string): Term {
  return { zh: describeUnit(u).zh, en: u };
}

export function describeTy(t: Ty): Term {
  switch (t.k) {
    case 'num':
      return describeUnit(t.unit);
    case 'str':
      return COMPILE_TERMS.text;
    case 'bool':
      return COMPILE_TERMS.yesNoValue;
    case 'any':
      return COMPILE_TERMS.unknownType;
    case 'grade':
      return COMPILE_TERMS.grade;
    case 'list':
      return COMPILE_TERMS.list;
    default:
      return assertNever(t, 'type');
  }
}

/** Unit of a + b / a - b, or 'mismatch'. */
export function addUnits(a: string | null, b: string | null): string | null | 'mismatch' {
  if (a === null) return b;
  if (b === null) return a;
  return a === b ? a : 'mismatch';
}

/** Unit of a * b: a ratio or a free number scales the other side; two concrete units are unknown. */
export function mulUnits(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  if (a === RATIO) return b;
  if (b === RATIO) return a;
  return null;
}

/** Unit of a / b: like units give a ratio (元/元 → %), dividing by a ratio or free number keeps a. */
export function divUnits(a: string | null, b: string | null): string | null {
  if (a !== null && b !== null && a === b) return RATIO;
  if (b === null || b === RATIO) return a;
  return null;
}

/** Unit a data field has when declared by `input … <type>`. */
export function inputTy(type: string): Ty {
  switch (type) {
    case 'money':
      return num('元');
    case 'percent':
      return num(RATIO);
    case 'number':
    case 'count':
      return num(null);
    case 'text':
    case 'date':
      return STR;
    case 'boolean':
      return BOOL;
    case 'list':
      return { k: 'list' };
    default:
      return ANY;
  }
}
