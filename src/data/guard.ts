/**
 * The safety check every record passes before anything reads it: it must be a plain object,
 * hold no `__proto__` / `constructor` / `prototype` key at any depth (prototype pollution),
 * no non-finite number (Infinity, NaN from YAML `.inf`/`.nan` or JSON `1e400`) and nest no
 * deeper than a fixed limit (YAML aliases can build cycles). A record that fails is rejected
 * whole — never evaluated — and the errors name the field path.
 */
import type { EvaluationError } from '../common/evaluation-error.js';
import { DEFAULT_LANG, type Lang } from '../common/lang.js';
import { EVL, evlWord, message } from '../common/evaluation-messages.js';

// The forbidden keys (__proto__, constructor, prototype) are compared inline in `walk`: a Set
// lookup per key of every record showed in the profile.
export const MAX_DEPTH = 64;

function join(path: string, key: string | number): string {
  return typeof key === 'number' ? `${path}[${key}]` : `${path}.${key}`;
}

/** The JSON type of a value that is not a record, in `lang` ("number" in English, 数字 in Chinese). */
function typeWord(type: string, lang: Lang): string {
  if (type === 'number') return evlWord('typeNumber', lang);
  if (type === 'boolean') return evlWord('typeBoolean', lang);
  return type === 'string' ? evlWord('typeString', lang) : type;
}

/** Errors that make a record unusable; empty when the record may be evaluated. */
export function checkRecord(record: unknown, id: string, lang: Lang = DEFAULT_LANG): EvaluationError[] {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    const found = record === null ? 'null' : Array.isArray(record) ? evlWord('list', lang) : typeWord(typeof record, lang);
    return [{ code: EVL.NOT_OBJECT, message: message(EVL.NOT_OBJECT, { id, found }, lang), path: 'data' }];
  }
  const errors: EvaluationError[] = [];
  walk(record, [], id, errors, lang);
  return errors;
}

// Paths are built only when there is something to report: most records have none.
function pathOf(keys: (string | number)[]): string {
  return keys.reduce<string>((p, k) => join(p, k), 'data');
}

function walk(v: unknown, keys: (string | number)[], id: string, errors: EvaluationError[], lang: Lang): void {
  if (errors.length >= 20) return; // enough to act on; a hostile record must not flood output
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) {
      const path = pathOf(keys);
      errors.push({ code: EVL.NON_FINITE, message: message(EVL.NON_FINITE, { id, path, found: String(v) }, lang), path });
    }
    return;
  }
  if (v === null || typeof v !== 'object') return;
  if (keys.length >= MAX_DEPTH) {
    const path = pathOf(keys);
    errors.push({ code: EVL.TOO_DEEP, message: message(EVL.TOO_DEEP, { id, path, limit: MAX_DEPTH }, lang), path });
    return;
  }
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      if (needsWalk(v[i])) {
        keys.push(i);
        walk(v[i], keys, id, errors, lang);
        keys.pop();
      }
    }
    return;
  }
  // Own keys only, including a literal "__proto__" that JSON.parse creates as an own property.
  for (const key of Object.keys(v)) {
    const child = (v as Record<string, unknown>)[key];
    const forbidden = key === '__proto__' || key === 'constructor' || key === 'prototype';
    if (!forbidden && !needsWalk(child)) continue;
    keys.push(key);
    if (forbidden) {
      const path = pathOf(keys);
      errors.push({ code: EVL.FORBIDDEN_KEY, message: message(EVL.FORBIDDEN_KEY, { id, key, path }, lang), path });
    } else {
      walk(child, keys, id, errors, lang);
    }
    keys.pop();
  }
}

/** Whether a value has anything `walk` checks: an object or list inside, or a non-finite number. */
function needsWalk(v: unknown): boolean {
  return typeof v === 'object' ? v !== null : typeof v === 'number' && !Number.isFinite(v);
}

/** The id a result carries: the record's own `id` when it has one, else the fallback. */
export function recordId(record: unknown, fallback: string): string {
  if (record && typeof record === 'object' && !Array.isArray(record) && Object.hasOwn(record, 'id')) {
    const id = (record as Record<string, unknown>).id;
    if (typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id))) return String(id);
  }
  return fallback;
}
