/**
 * Declared criteria over a record's data, as policy staff write them in YAML:
 * `{ field: last_year.grade, op: "==", value: 差 }` (op defaults to `==`; `in` takes a list).
 * A list of criteria means all of them. Numbers compare as exact decimals, everything else by
 * strict equality; a missing field never matches (so "not rectified" must be written as
 * `== false`, not inferred from absence). Parsing returns diagnostics, matching never throws.
 */
import { assertNever, type Diagnostic } from '../common/diagnostic.js';
import { DEFAULT_LANG, type Lang } from '../common/lang.js';
import { ROL_TERMS, rolDiagnostic } from './messages.js';
import { Dec, isSafePath, readPath } from './quantity.js';

export type CriterionOp = '==' | '!=' | '>' | '>=' | '<' | '<=' | 'in';
const OPS: readonly CriterionOp[] = ['==', '!=', '>', '>=', '<', '<=', 'in'];

export interface Criterion {
  field: string;
  op: CriterionOp;
  value: unknown;
}

/** Reads `when:` (one criterion or a list); `where` names the place for diagnostics. */
export function parseCriteria(raw: unknown, where: string, file: string, diagnostics: Diagnostic[], lang: Lang = DEFAULT_LANG): Criterion[] {
  const list = Array.isArray(raw) ? raw : [raw];
  const out: Criterion[] = [];
  for (const item of list) {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      diagnostics.push(rolDiagnostic('ROL802', [where, 'when', ROL_TERMS.criterion], file, lang));
      continue;
    }
    const { field, op = '==', value } = item as Record<string, unknown>;
    if (!isSafePath(field)) {
      diagnostics.push(rolDiagnostic('ROL806', [where, String(field)], file, lang));
      continue;
    }
    if (!OPS.includes(op as CriterionOp)) {
      diagnostics.push(rolDiagnostic('ROL804', [where, field, String(op)], file, lang));
      continue;
    }
    if (op === 'in' && !Array.isArray(value)) {
      diagnostics.push(rolDiagnostic('ROL802', [where, 'value', ROL_TERMS.listForIn], file, lang));
      continue;
    }
    out.push({ field, op: op as CriterionOp, value });
  }
  return out;
}

function asDec(v: unknown): Dec | null {
  if (typeof v === 'number' && Number.isFinite(v)) return new Dec(v);
  if (typeof v === 'string' && /^\s*[+-]?\d+(\.\d+)?\s*$/.test(v)) return new Dec(v);
  return null;
}

function equal(a: unknown, b: unknown): boolean {
  const x = asDec(a);
  const y = asDec(b);
  if (x && y && typeof a === typeof b) return x.equals(y);
  return a === b;
}

function test(c: Criterion, actual: unknown): boolean {
  if (actual === undefined || actual === null) return false;
  switch (c.op) {
    case '==':
      return equal(actual, c.value);
    case '!=':
      return !equal(actual, c.value);
    case 'in':
      return (c.value as unknown[]).some((v) => equal(actual, v));
    case '>':
    case '>=':
    case '<':
    case '<=': {
      const x = asDec(actual);
      const y = asDec(c.value);
      if (!x || !y) return false;
      const cmp = x.comparedTo(y);
      return c.op === '>' ? cmp > 0 : c.op === '>=' ? cmp >= 0 : c.op === '<' ? cmp < 0 : cmp <= 0;
    }
    default:
      return assertNever(c.op, 'criterion operator');
  }
}

/** The facts read when all criteria hold, else null. */
export function matchCriteria(criteria: readonly Criterion[], record: unknown): Record<string, unknown> | null {
  const facts: Record<string, unknown> = {};
  for (const c of criteria) {
    const actual = readPath(record, c.field);
    if (!test(c, actual)) return null;
    facts[c.field] = actual;
  }
  return facts;
}
