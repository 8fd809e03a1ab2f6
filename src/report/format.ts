/**
 * Number, money, value and text formatting shared by every report renderer. Money arrives as
 * decimal strings in 元 and is formatted with decimal.js only, so "160000000.00" prints as
 * "16,000.00 万元（160,000,000.00 元）" with no binary rounding on the way: 万元 to two decimals,
 * 元 to the cent. Scores are JSON
 * numbers the engine already rounded; they are printed with exactly the rule set's precision.
 * Percent values are fractions (0.95 → "95%"). The escaping helpers are the only way user text
 * reaches HTML or Markdown output.
 */
import { Decimal } from 'decimal.js';
import type { IndicatorResult } from '../engine/result.js';
import { hasMessage, t, type Lang } from './i18n/index.js';

/** Groups the integer part with commas: "1234567.5" → "1,234,567.5". */
function groupDigits(fixed: string): string {
  const negative = fixed.startsWith('-');
  const body = negative ? fixed.slice(1) : fixed;
  const [int = '0', frac] = body.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (negative ? '-' : '') + grouped + (frac !== undefined ? '.' + frac : '');
}

/** Parses a decimal string or number; null when it is not a finite decimal. */
export function toDecimal(value: unknown): Decimal | null {
  if (typeof value === 'number') return Number.isFinite(value) ? new Decimal(value) : null;
  if (typeof value !== 'string' || !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(value.trim())) return null;
  return new Decimal(value.trim());
}

/** Fixed-point text of a decimal, never in exponent notation. */
function fixed(d: Decimal, digits: number): string {
  return d.toFixed(digits, Decimal.ROUND_HALF_UP);
}

/** Yuan to the cent with grouping: "160000000" → "160,000,000.00". */
export function formatYuan(amount: Decimal): string {
  return groupDigits(fixed(amount, 2));
}

/**
 * 万元 to two decimals, half-up (11,802,348 元 → "1,180.23"): published tables state 万元 that
 * way. The exact figure is never lost, since `formatMoney` prints 元 to the cent beside it.
 */
export function formatWan(amount: Decimal): string {
  return groupDigits(fixed(amount.div(10000), 2));
}

/** Money in both units from a decimal string in 元; the raw text when it is not a number. */
export function formatMoney(lang: Lang, amount: string | number | Decimal): string {
  const d = amount instanceof Decimal ? amount : toDecimal(amount);
  if (d === null) return String(amount);
  // Below 1万元 the 万元 figure only adds noise.
  if (d.abs().lt(10000)) return t(lang, 'money/yuan', { yuan: formatYuan(d) });
  return t(lang, 'money/both', { yuan: formatYuan(d), wan: formatWan(d) });
}

/** A score with exactly `precision` decimals, half-up ("92.5" at 2 → "92.50"). */
export function formatScore(value: number | string | null | undefined, precision: number): string {
  if (value === null || value === undefined) return '—';
  const d = toDecimal(value);
  return d === null ? String(value) : fixed(d, precision);
}

/** A fraction as a percentage with up to `maxDigits` decimals: 0.9512 → "95.12%". */
export function formatPercent(value: number | string | Decimal, maxDigits = 2): string {
  const d = value instanceof Decimal ? value : toDecimal(value);
  if (d === null) return String(value);
  const pct = d.times(100).toDecimalPlaces(maxDigits, Decimal.ROUND_HALF_UP);
  return pct.toFixed() + '%';
}

/** A plain number without trailing zeros and without exponent: 12.500 → "12.5". */
export function formatNumber(value: number | string | Decimal): string {
  const d = value instanceof Decimal ? value : toDecimal(value);
  return d === null ? String(value) : groupDigits(d.toFixed());
}

/** The display name of a unit in the catalogue, or the unit itself. */
export function unitLabel(lang: Lang, unit: string | null | undefined): string {
  if (!unit) return '';
  const key = `unit/${unit}`;
  return hasMessage(key) ? t(lang, key) : unit;
}

/** An indicator value (or target bound) in its unit: 0.95 with '%' → "95%", money in 元/万元. */
export function formatValue(
  lang: Lang,
  value: number | string | boolean | null | undefined,
  unit: string | null | undefined,
): string {
  if (value === null || value === undefined) return t(lang, 'value/none');
  if (typeof value === 'boolean') return t(lang, value ? 'value/yes' : 'value/no');
  const d = toDecimal(value);
  if (d === null) return String(value);
  if (unit === '%') return formatPercent(d);
  if (unit === '元') return formatMoney(lang, d);
  const label = unitLabel(lang, unit);
  const text = formatNumber(d.toDecimalPlaces(4, Decimal.ROUND_HALF_UP));
  return label ? `${text} ${label}` : text;
}

const TARGET_OPS: Record<string, string> = { '>=': '≥', '<=': '≤', '=': '=', between: '' };

/** "≥ 95%", "= 100%", "80% – 90%", with "± 5%" when a tolerance is set. */
export function formatTarget(lang: Lang, indicator: IndicatorResult): string {
  const target = indicator.target;
  if (!target || target.value === null) return t(lang, 'value/none');
  let text: string;
  if (target.op === 'between') {
    text = `${formatValue(lang, target.value, indicator.unit)} – ${formatValue(lang, target.upper ?? null, indicator.unit)}`;
  } else {
    const op = TARGET_OPS[target.op] ?? target.op;
    text = `${op} ${formatValue(lang, target.value, indicator.unit)}`;
  }
  if (target.tolerance !== undefined && target.tolerance !== null) {
    text += ` ± ${formatValue(lang, target.tolerance, indicator.unit)}`;
  }
  return text;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/**
 * Escapes text for a Markdown table cell or paragraph: characters that start markup, pipes that
 * would split a cell, HTML that renderers would pass through, and line breaks that would end a
 * table row.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r?\n/g, ' ')
    .replace(/[\\`*_[\]|<>~]/g, (c) => '\\' + c)
    .replace(/&(?=#?\w+;)/g, '&amp;')
    // Only a line start can open a heading, list or quote.
    .replace(/^(\s*)([#+-])(?=\s|$)/, '$1\\$2')
    .replace(/^(\s*)(\d+)\.(?=\s|$)/, '$1$2\\.');
}

/** Text in the language's parentheses: "（x）" in Chinese, " (x)" in English. */
export function paren(lang: Lang, text: string): string {
  return t(lang, 'punct/paren', { text });
}

/** Joins list items with the language's separator. */
export function joinList(lang: Lang, items: readonly string[]): string {
  return items.join(t(lang, 'list/sep'));
}
