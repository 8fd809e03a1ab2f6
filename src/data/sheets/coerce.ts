/**
 * Turns one spreadsheet cell into a data value of the field's type. Numbers accept what people
 * type into sheets: thousands separators (`1,200,000`), a percent sign (`95%` → 0.95, computed
 * with decimal.js so no binary noise appears), money suffixes (`500万`, `1.6亿元`, `100元`).
 * Yes/no accepts true/false, 是/否, yes/no, y/n, 1/0, √/×, 有/无. Empty cells are `undefined`
 * (missing), so the engine's missing-value policy decides, not the reader.
 */
import { Decimal } from 'decimal.js';
import type { FieldType } from './mapping.js';

/** A raw cell: text from CSV, or a primitive from a workbook. */
export type Cell = string | number | boolean | Date | null | undefined;

export type Coerced = { ok: true; value: unknown } | { ok: false; code: 'number' | 'integer' | 'boolean' | 'enum' };
// 'decimal' failures report as 'number': to the user both are "not a number".

const PLAIN_NUMBER = /^-?\d{1,15}(\.\d{1,15})?$/;
const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', '是', '真', '√', '✓', '有', '对']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', '否', '假', '×', '✗', '无', '错']);
const MULTIPLIERS: [RegExp, string][] = [
  [/亿元?$/, '100000000'],
  [/万元?$/, '10000'],
  [/元$/, '1'],
  [/%$/, '0.01'],
];

/** Parses a decimal typed by a person; null when it is not one. */
export function parseNumberText(text: string): Decimal | null {
  let s = text.trim().replace(/\s+/g, '');
  let factor: string | null = null;
  for (const [re, f] of MULTIPLIERS) {
    if (re.test(s)) {
      s = s.replace(re, '');
      factor = f;
      break;
    }
  }
  // Grouping commas only where they group thousands, so "1,5" is not silently 15.
  if (/^[+-]?\d{1,3}([,，]\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/[,，]/g, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return null;
  const d = new Decimal(s);
  return factor === null ? d : d.times(factor);
}

function isoDate(d: Date): string {
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

function toText(cell: Exclude<Cell, null | undefined>): string {
  if (cell instanceof Date) return isoDate(cell);
  return String(cell);
}

export function isEmptyCell(cell: Cell): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

export function coerceCell(cell: Cell, type: FieldType | undefined, allowed?: readonly unknown[]): Coerced {
  if (isEmptyCell(cell)) return { ok: true, value: undefined };
  const value = cell as Exclude<Cell, null | undefined>;
  let out: unknown;
  switch (type) {
    case 'number':
    case 'integer':
    case 'decimal': {
      let d: Decimal | null;
      if (typeof value === 'string' && type !== 'decimal' && PLAIN_NUMBER.test(value)) {
        // Fast path for the common case: a plain decimal converts to the same double either way.
        const n = Number(value);
        if (type === 'integer' && !Number.isInteger(n)) return { ok: false, code: 'integer' };
        out = n;
        break;
      }
      if (typeof value === 'number') d = Number.isFinite(value) ? new Decimal(value) : null;
      else if (typeof value === 'string') d = parseNumberText(value);
      else d = null;
      if (d === null) return { ok: false, code: 'number' };
      if (type === 'integer' && !d.isInteger()) return { ok: false, code: 'integer' };
      out = type === 'decimal' ? d.toFixed() : d.toNumber();
      break;
    }
    case 'boolean': {
      if (typeof value === 'boolean') out = value;
      else {
        const word = toText(value).trim().toLowerCase();
        if (TRUE_WORDS.has(word)) out = true;
        else if (FALSE_WORDS.has(word)) out = false;
        else return { ok: false, code: 'boolean' };
      }
      break;
    }
    case 'string':
      out = toText(value).trim();
      break;
    case undefined:
      // No declared type: keep what the file holds (text from CSV, typed cells from xlsx).
      out = value instanceof Date ? isoDate(value) : typeof value === 'string' ? value.trim() : value;
      break;
  }
  if (allowed && allowed.length > 0 && !allowed.includes(out)) {
    // Enums of numbers may arrive as text from CSV; accept them when they match exactly.
    const asText = allowed.find((a) => String(a) === String(out));
    if (asText === undefined) return { ok: false, code: 'enum' };
    out = asText;
  }
  return { ok: true, value: out };
}
