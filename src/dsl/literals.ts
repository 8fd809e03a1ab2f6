/**
 * Meaning of literal text: numbers with unit suffixes (normalised exactly with decimal.js, so
 * `1.6亿` is "160000000" 元 and `90%` is "0.9" %), string escapes, unit words after `unit`, and
 * the option words of settings and actions with their Chinese spellings. Pure functions that
 * never throw; an unknown word yields `undefined` and the caller reports it.
 */
import { Decimal } from 'decimal.js';
import type { CombineActionKind, CombineMode, InputType, MissingPolicy, NotApplicablePolicy, RoundingMode, Unit } from './ast.js';

/** Suffix → [multiplier, unit]. Money is normalised to 元, percentages to fractions. */
const SUFFIX_UNITS: Record<string, [string, Unit]> = {
  '%': ['0.01', '%'],
  元: ['1', '元'],
  万: ['10000', '元'],
  万元: ['10000', '元'],
  亿: ['100000000', '元'],
  亿元: ['100000000', '元'],
  'm²': ['1', 'm²'],
  平方米: ['1', 'm²'],
  km: ['1', 'km'],
  公里: ['1', 'km'],
  天: ['1', 'days'],
  // 月 and 个月 are months; 亩 is its own unit of land area (1 亩 = 666⅔ m², not exact in decimals).
  月: ['1', 'months'],
  个月: ['1', 'months'],
  亩: ['1', '亩'],
  '‰': ['0.001', '%'],
  days: ['1', 'days'],
  人: ['1', 'people'],
  人次: ['1', 'people'],
  个: ['1', 'count'],
  项: ['1', 'count'],
  次: ['1', 'count'],
  户: ['1', 'count'],
  所: ['1', 'count'],
  家: ['1', 'count'],
  份: ['1', 'count'],
};

export interface ParsedNumber {
  value: string;
  unit: Unit | null;
}

/**
 * `"1.6亿"` → { value: "160000000", unit: "元" }. Returns undefined when the suffix is no known
 * unit (`10分`). The value is a plain decimal string without exponent.
 */
export function parseNumberText(text: string, negative = false): ParsedNumber | undefined {
  const m = /^(\d+(?:\.\d+)?)(.*)$/su.exec(text);
  if (!m) return undefined;
  const digits = m[1] ?? '0';
  const suffix = (m[2] ?? '').trim();
  let unit: Unit | null = null;
  let value = new Decimal(digits);
  if (suffix !== '') {
    const known = SUFFIX_UNITS[suffix];
    if (!known) return undefined;
    value = value.times(known[0]);
    unit = known[1];
  }
  if (negative) value = value.negated();
  return { value: plain(value), unit };
}

/** A decimal as a plain string: no exponent, no trailing zeros, no "-0". */
export function plain(d: Decimal): string {
  if (d.isZero()) return '0';
  return d.toFixed();
}

/** The unit a bare `30 days` suffix word gives. */
export const DAYS_UNIT: Unit = 'days';

/** `unit 元` / `unit 万元` / `unit %` → the unit name used by the checker. */
export function unitWord(word: string): Unit {
  const known = SUFFIX_UNITS[word];
  if (known) return known[1];
  switch (word) {
    case '百分比':
    case 'percent':
      return '%';
    case '分':
    case 'points':
    case 'score':
      return 'score';
    case '日':
      return 'days';
    default:
      return word;
  }
}

/** Removes the quotes of `"…"` / `“…”` and resolves `\"`, `\\` (and `\n`, `\t`). */
export function unquote(image: string): string {
  if (image.startsWith('“')) return image.slice(1, image.endsWith('”') && image.length > 1 ? -1 : undefined);
  const body = image.length > 1 && image.endsWith('"') && !isEscapedEnd(image) ? image.slice(1, -1) : image.slice(1);
  return body.replace(/\\(.)/gsu, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
}

function isEscapedEnd(image: string): boolean {
  // `"abc\"` (unterminated) ends in an escaped quote: count the backslashes before the last quote.
  let n = 0;
  for (let i = image.length - 2; i > 0 && image[i] === '\\'; i--) n++;
  return n % 2 === 1;
}

function lookup<T extends string>(table: Record<string, T>, word: string): T | undefined {
  return Object.hasOwn(table, word) ? table[word] : undefined;
}

const MISSING: Record<string, MissingPolicy> = {
  unavailable: 'unavailable',
  不可用: 'unavailable',
  zero: 'zero',
  零: 'zero',
  零分: 'zero',
  计零: 'zero',
  not_applicable: 'not_applicable',
  不适用: 'not_applicable',
};
const NOT_APPLICABLE: Record<string, NotApplicablePolicy> = {
  rescale: 'rescale',
  折算: 'rescale',
  redistribute: 'redistribute',
  再分配: 'redistribute',
};
const ROUNDING: Record<string, RoundingMode> = {
  half_up: 'half_up',
  四舍五入: 'half_up',
  half_even: 'half_even',
  银行家舍入: 'half_even',
  down: 'down',
  舍去: 'down',
  up: 'up',
  进位: 'up',
};
const INPUT_TYPES: Record<string, InputType> = {
  number: 'number',
  数值: 'number',
  数字: 'number',
  count: 'count',
  计数: 'count',
  money: 'money',
  金额: 'money',
  percent: 'percent',
  百分比: 'percent',
  text: 'text',
  文本: 'text',
  boolean: 'boolean',
  布尔: 'boolean',
  date: 'date',
  日期: 'date',
  list: 'list',
  列表: 'list',
};
const COMBINE: Record<string, CombineMode> = {
  most_severe: 'most_severe',
  最严重: 'most_severe',
  sum: 'sum',
  累加: 'sum',
  求和: 'sum',
  first: 'first',
  首个: 'first',
  max: 'max',
  最多: 'max',
  最大: 'max',
  min: 'min',
  最小: 'min',
  all: 'all',
  全部: 'all',
};
const PICK: Record<string, 'low' | 'mid' | 'high'> = {
  low: 'low',
  下限: 'low',
  mid: 'mid',
  中值: 'mid',
  high: 'high',
  上限: 'high',
};
const WARN_LEVELS: Record<string, string> = {
  green: 'green',
  绿: 'green',
  绿色: 'green',
  yellow: 'yellow',
  黄: 'yellow',
  黄色: 'yellow',
  red: 'red',
  红: 'red',
  红色: 'red',
};

export const missingPolicy = (w: string): MissingPolicy | undefined => lookup(MISSING, w);
export const notApplicablePolicy = (w: string): NotApplicablePolicy | undefined => lookup(NOT_APPLICABLE, w);
export const roundingMode = (w: string): RoundingMode | undefined => lookup(ROUNDING, w);
export const inputType = (w: string): InputType | undefined => lookup(INPUT_TYPES, w);
export const combineMode = (w: string): CombineMode | undefined => lookup(COMBINE, w);
/**
 * The modes that mean something for each action kind without money (`combine warn by …`): warn
 * keeps the highest level, rectify the shortest (`most_severe`, `min`) or longest (`max`)
 * deadline; interview, commend and flag carry nothing to compare, so only `first` merges them.
 * `all` always fits. The compiler (REC545) and the recommender (REC546, for hand-written IR) read it.
 */
export const ACTION_COMBINE_MODES: Readonly<Record<CombineActionKind, readonly CombineMode[]>> = {
  warn: ['most_severe', 'first', 'all'],
  rectify: ['most_severe', 'min', 'max', 'first', 'all'],
  interview: ['first', 'all'],
  commend: ['first', 'all'],
  flag: ['first', 'all'],
};
export const pickMode = (w: string): 'low' | 'mid' | 'high' | undefined => lookup(PICK, w);
/** Warn levels are normalised to green/yellow/red; other words are kept for the checker. */
export const warnLevel = (w: string): string => lookup(WARN_LEVELS, w) ?? w;
/** Words allowed after `-> ` in a veto besides `grade X` and `cap N`. */
export const isZeroWord = (w: string): boolean => w === 'zero' || w === '零分' || w === '零' || w === '计零';
export const isGradeWord = (w: string): boolean => w === 'grade' || w === '等级';

/** The spellings offered in messages when an option word is unknown. */
export const OPTION_WORDS = {
  missing: Object.keys(MISSING),
  not_applicable: Object.keys(NOT_APPLICABLE),
  rounding: Object.keys(ROUNDING),
  input: Object.keys(INPUT_TYPES),
  combine: Object.keys(COMBINE),
  pick: Object.keys(PICK),
};
