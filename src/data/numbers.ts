/**
 * Numeric fields of a record as staff type them. The data schema marks each numeric input (and
 * each field counted by `deduct … per`) with `x-jixiao`: its kind (money, percent, number,
 * count) and its range as exact decimal strings (data-schema.ts, input-bounds.ts). Text is read
 * exactly as the language reads a number literal (src/dsl/literals.ts): `"89.974万"` for money is
 * 899740 元, `"95%"` for a percent is 0.95, a plain `"160000000.00"` stays as written; a number
 * typed with a unit of another kind (`"95%"` for a count, `"5万"` for a percent) or text that is
 * no number (`"1,000"`, `"约5万"`) is refused in plain words (EVL433/EVL434), never as a regular
 * expression. The value read must be whole for a count (EVL432) and inside the range (EVL430;
 * money below 0 without a declared range is EVL431). `check` returns those errors; `normalize`
 * returns the record with each unit-suffixed text replaced by the number it means (a copy along
 * the changed paths only — the caller's object is never changed), so the scorecard and the
 * rules see the same value. Missing values (absent, null) and other types (left to the schema)
 * pass untouched. Paths inside lists are not read here.
 */
import type { RuleSetIR } from '../compile/ir.js';
import { Decimal } from '../compile/decimal.js';
import { parseNumberText } from '../dsl/literals.js';
import type { EvaluationError } from '../common/evaluation-error.js';
import { DEFAULT_LANG, type Lang } from '../common/lang.js';
import { EVL, evlWord, message, type EvlWord } from '../common/evaluation-messages.js';

type Kind = 'money' | 'percent' | 'number' | 'count';

interface NumberField {
  segments: string[];
  path: string;
  kind: Kind;
  min?: Decimal;
  minExclusive: boolean;
  max?: Decimal;
  maxExclusive: boolean;
  /** A range written on the input (else the default of its kind, or none). */
  declared: boolean;
  /** The doubles nearest min and max, for the check of a JSON number (`passesAsNumber`). */
  minNumber: number;
  maxNumber: number;
}

const KINDS = new Set<string>(['money', 'percent', 'number', 'count']);
const example = (kind: Kind, lang: Lang): string =>
  kind === 'money' ? evlWord('moneyExample', lang) : kind === 'percent' ? evlWord('percentExample', lang) : kind === 'count' ? '3' : '12.5';
const PLAIN = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** The numeric fields of a rule set's data schema, in schema order. */
export function numberFields(schema: unknown): NumberField[] {
  const out: NumberField[] = [];
  const walk = (node: unknown, at: string[]): void => {
    if (!node || typeof node !== 'object') return;
    const s = node as { properties?: Record<string, unknown>; 'x-jixiao'?: Record<string, unknown> };
    const x = s['x-jixiao'];
    if (x && typeof x === 'object' && KINDS.has(String(x.kind)) && at.length > 0) {
      const kind = x.kind as Kind;
      const dec = (v: unknown): Decimal | undefined => (typeof v === 'string' && PLAIN.test(v) ? new Decimal(v) : undefined);
      const min = dec(x.min);
      const max = dec(x.max);
      const isDefault = (kind === 'money' || kind === 'count') && x.min === '0' && x.max === undefined && !x.minExclusive;
      out.push({
        segments: at,
        path: `data.${at.join('.')}`,
        kind,
        ...(min ? { min } : {}),
        minExclusive: x.minExclusive === true,
        ...(max ? { max } : {}),
        maxExclusive: x.maxExclusive === true,
        declared: !isDefault,
        minNumber: min ? Number(min.toString()) : Number.NEGATIVE_INFINITY,
        maxNumber: max ? Number(max.toString()) : Number.POSITIVE_INFINITY,
      });
    }
    if (s.properties && typeof s.properties === 'object') {
      for (const [k, v] of Object.entries(s.properties)) {
        if (at.length === 0 && (k === 'reported' || k === 'not_applicable' || k === 'id')) continue;
        walk(v, [...at, k]);
      }
    }
  };
  walk(schema, []);
  return out;
}

function valueAt(record: unknown, segments: readonly string[]): unknown {
  let cur = record;
  for (const s of segments) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur) || !Object.hasOwn(cur, s)) return undefined;
    cur = (cur as Record<string, unknown>)[s];
  }
  return cur;
}

/** What a message shows of the value found. */
export function describeFound(v: unknown, lang: Lang = DEFAULT_LANG): string {
  if (v === undefined) return evlWord('nothing', lang);
  if (v === null) return 'null';
  if (Array.isArray(v)) return evlWord('list', lang);
  if (typeof v === 'object') return evlWord('object', lang);
  if (typeof v === 'string') return `${evlWord('text', lang)} ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
  // "number 5" in English; Chinese and English share the JSON words for the booleans themselves.
  if (typeof v === 'number') return `${evlWord('typeNumber', lang)} ${String(v)}`;
  if (typeof v === 'boolean') return `${evlWord('typeBoolean', lang)} ${String(v)}`;
  return `${typeof v} ${String(v)}`;
}

type Read = { value: Decimal; text: boolean } | { error: 'text' } | { error: 'unit'; unit: string };

const UNIT_SHOWN: Record<string, string> = { '%': '%', 元: '元', count: '个/项/次…', people: '人', days: '天', 'm²': 'm²', km: 'km' };

/** A value of a numeric field as the language reads a literal; undefined for other types. */
function read(v: unknown, kind: Kind): Read | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? { value: new Decimal(v), text: false } : undefined;
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  if (PLAIN.test(s)) return { value: new Decimal(s), text: false };
  const m = /^([+-]?)(.*)$/su.exec(s)!;
  const parsed = parseNumberText(m[2]!, m[1] === '-');
  if (!parsed) return { error: 'text' };
  const want = kind === 'money' ? '元' : kind === 'percent' ? '%' : null;
  if (parsed.unit !== want && !(kind !== 'money' && kind !== 'percent' && parsed.unit === 'count'))
    return { error: 'unit', unit: UNIT_SHOWN[parsed.unit ?? ''] ?? String(parsed.unit) };
  return { value: new Decimal(parsed.value), text: true };
}

/**
 * Whether a finite JSON number certainly passes its field's check, without a decimal: reading
 * a decimal as its nearest double is monotone, so v below or above the double nearest a bound
 * means the number's decimal is below or above the bound itself. Equal to that double, or
 * failing, the caller decides exactly (and writes the message).
 */
function passesAsNumber(f: NumberField, v: number): boolean {
  const negative = v < 0 || Object.is(v, -0); // decimal's isNeg() is true for -0
  if (f.kind === 'count' && (!Number.isInteger(v) || (!f.declared && negative))) return false;
  if (f.kind === 'money' && !f.declared && negative) return false;
  return v > f.minNumber && v < f.maxNumber;
}

function rangeText(f: NumberField): string {
  const show = (d: Decimal): string => (f.kind === 'percent' ? `${d.times(100).toFixed()}%` : d.toFixed());
  if (f.min && f.max) return `${f.minExclusive ? '(' : '['}${show(f.min)}, ${show(f.max)}${f.maxExclusive ? ')' : ']'}`;
  if (f.min) return `${f.minExclusive ? '>' : '>='} ${show(f.min)}`;
  return `${f.maxExclusive ? '<' : '<='} ${show(f.max!)}`;
}

function inRange(f: NumberField, d: Decimal): boolean {
  if (f.min && (f.minExclusive ? d.lte(f.min) : d.lt(f.min))) return false;
  if (f.max && (f.maxExclusive ? d.gte(f.max) : d.gt(f.max))) return false;
  return true;
}

/** The number a read text stands for: a double when it is exact, else its decimal string. */
function asData(d: Decimal): number | string {
  const text = d.toFixed();
  const n = Number(text);
  return new Decimal(n).eq(d) ? n : text;
}

export interface NumberCheck {
  check(record: unknown, id: string): EvaluationError[];
  normalize<T>(record: T): T;
  readonly paths: ReadonlySet<string>;
}

export function createNumberCheck(ir: RuleSetIR, lang: Lang = DEFAULT_LANG): NumberCheck {
  const fields = numberFields(ir.dataSchema);
  const paths = new Set(fields.map((f) => f.path));
  const kindWord = (k: Kind): string => evlWord((k === 'number' ? 'number' : k) as EvlWord, lang);
  const check = (record: unknown, id: string): EvaluationError[] => {
    const errors: EvaluationError[] = [];
    for (const f of fields) {
      const raw = valueAt(record, f.segments);
      if (typeof raw === 'number' && Number.isFinite(raw) && passesAsNumber(f, raw)) continue;
      const r = read(raw, f.kind);
      if (r === undefined) continue;
      const base = { id, path: f.path, found: describeFound(raw, lang) };
      const push = (code: (typeof EVL)[keyof typeof EVL], args: Record<string, unknown>): void => {
        errors.push({ code, message: message(code, { ...base, ...args }, lang), path: f.path });
      };
      if ('error' in r) {
        if (r.error === 'text') push(EVL.NUMBER_TEXT, { kind: kindWord(f.kind), example: example(f.kind, lang) });
        else push(EVL.WRONG_UNIT, { kind: kindWord(f.kind), unit: r.unit, example: example(f.kind, lang) });
        continue;
      }
      if (f.kind === 'count' && (!r.value.isInteger() || (!f.declared && r.value.isNeg()))) push(EVL.NOT_WHOLE, {});
      else if (f.kind === 'money' && !f.declared && r.value.isNeg()) push(EVL.NEGATIVE_MONEY, {});
      else if (!inRange(f, r.value)) push(EVL.OUT_OF_RANGE, { range: rangeText(f), example: example(f.kind, lang) });
    }
    return errors;
  };
  const normalize = <T>(record: T): T => {
    let out: unknown = record;
    for (const f of fields) {
      const raw = valueAt(out, f.segments);
      if (typeof raw !== 'string') continue; // only text carries a unit to read
      const r = read(raw, f.kind);
      if (r === undefined || 'error' in r || !r.text) continue;
      out = replaced(out, f.segments, asData(r.value));
    }
    return out as T;
  };
  return { check, normalize, paths };
}

/** `record` with the value at `segments` replaced: objects on the way are copied, never changed. */
function replaced(record: unknown, segments: readonly string[], value: unknown): unknown {
  if (segments.length === 0) return value;
  const obj = record as Record<string, unknown>;
  const [head, ...rest] = segments as [string, ...string[]];
  const copy: Record<string, unknown> = { ...obj };
  Object.defineProperty(copy, head, { value: replaced(obj[head], rest, value), enumerable: true, writable: true, configurable: true });
  return copy;
}
