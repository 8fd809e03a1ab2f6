/**
 * The catalogue of evaluation and data messages (codes EVL4xx). Every user-facing sentence the
 * engine, the data loader and the validator produce is a template here; code elsewhere refers to
 * codes only, so tests can assert codes and translators touch one file. Templates use `{name}`
 * placeholders filled by `message()`, in Chinese and English (the one catalogue shape of
 * catalogue.ts); the language is an argument, default `DEFAULT_LANG`. What a value should be or
 * was (`{expected}`, `{found}`, `{what}`) is a term of `EVL_TERMS`, never an English literal, so a
 * Chinese message carries no English fragment. Record errors have no severity: they reject the
 * record or make one indicator unavailable.
 *
 * EVL40x: the record as a whole (unreadable, not an object, unsafe keys, schema mismatch).
 * EVL43x: one numeric field of the record as staff typed it (range, sign, whole number, unit).
 * EVL41x: one indicator could not be computed (missing data, division by zero, wrong type…).
 * EVL42x: scorecard-level problems (nothing applicable, veto condition not computable).
 */

import { defineCatalogue, render, termOf, type Arg, type Args } from './catalogue.js';
import { DEFAULT_LANG, type Lang, type Term } from './lang.js';

export const EVL = {
  SCHEMA: 'EVL401',
  FORBIDDEN_KEY: 'EVL402',
  NON_FINITE: 'EVL403',
  NOT_OBJECT: 'EVL404',
  UNREADABLE: 'EVL405',
  TOO_DEEP: 'EVL406',
  LABEL_SUGGEST: 'EVL407',
  LABEL: 'EVL408',
  OUT_OF_RANGE: 'EVL430',
  NEGATIVE_MONEY: 'EVL431',
  NOT_WHOLE: 'EVL432',
  NUMBER_TEXT: 'EVL433',
  WRONG_UNIT: 'EVL434',
  MISSING: 'EVL410',
  DIV_ZERO: 'EVL411',
  WRONG_TYPE: 'EVL412',
  UNKNOWN_LEVEL: 'EVL413',
  POINT_OUTSIDE_TIER: 'EVL414',
  EXPERT_CLIPPED: 'EVL415',
  NODE_UNAVAILABLE: 'EVL416',
  CYCLE: 'EVL417',
  NO_TARGET: 'EVL418',
  BAD_ARGUMENT: 'EVL419',
  NOTHING_APPLICABLE: 'EVL420',
  VETO_UNCOMPUTABLE: 'EVL421',
  UNKNOWN_NAME: 'EVL422',
} as const;

export const EVL_MESSAGES = defineCatalogue('evaluation', {
  EVL401: { zh: '记录 {id}：字段 {path} 应为 {expected}，实际为 {found}', en: 'record {id}: field {path} should be {expected}, found {found}' },
  EVL402: { zh: '记录 {id}：{path} 处的键“{key}”不允许出现在数据中', en: 'record {id}: key "{key}" at {path} is not allowed in data' },
  EVL403: { zh: '记录 {id}：{path} 处的数字不是有限数（{found}）', en: 'record {id}: number at {path} is not finite ({found})' },
  EVL404: { zh: '记录 {id}：记录必须是对象，实际为 {found}', en: 'record {id}: a record must be an object, found {found}' },
  EVL405: { zh: '{source}：无法读取记录：{detail}', en: '{source}: cannot read records: {detail}' },
  EVL406: { zh: '记录 {id}：{path} 处的数据嵌套超过 {limit} 层', en: 'record {id}: data nested deeper than {limit} levels at {path}' },
  EVL407: { zh: '记录 {id}：字段 {path} 的值为 {found}，不是可用的等级之一（{labels}）；您是否想写“{suggestion}”？请在数据中更正', en: 'record {id}: field {path} is {found}, which is not one of its labels ({labels}); did you mean "{suggestion}"? Correct the value in the data' },
  EVL408: { zh: '记录 {id}：字段 {path} 的值为 {found}，不是可用的等级之一（{labels}）；请在数据中照原样写出其中之一', en: 'record {id}: field {path} is {found}, which is not one of its labels ({labels}); write one of them exactly in the data' },
  EVL430: { zh: '记录 {id}：字段 {path} 的值为 {found}，超出其输入声明的取值范围 {range}；请在数据中更正（例如 {example}）', en: 'record {id}: field {path} is {found}, outside the range {range} its input declares; correct the value in the data (for example {example})' },
  EVL431: { zh: '记录 {id}：字段 {path} 是金额，不能为负数，实际为 {found}；请更正数值；若它确实可以为负，请在其输入声明中写明范围（input {path} money >= -1亿）', en: 'record {id}: field {path} is money and cannot be negative, found {found}; correct the value, or if it really may be negative, declare a range on its input (input {path} money >= -1亿)' },
  EVL432: { zh: '记录 {id}：字段 {path} 是计数，必须是 0 或正整数，实际为 {found}', en: 'record {id}: field {path} counts cases and must be a whole number, 0 or more, found {found}' },
  EVL433: { zh: '记录 {id}：字段 {path} 应为{kind}，例如 {example}，实际为 {found}；请像规则文件那样书写数字，最多带一个单位（中间不要空格、千位分隔符或其他文字）', en: 'record {id}: field {path} should be {kind}, for example {example}, found {found}; write digits with at most one unit, as the rules do (no spaces inside, no thousands separators, no other words)' },
  EVL434: { zh: '记录 {id}：字段 {path} 应为{kind}，但 {found} 的单位是 {unit}；请写成 {example} 这样的形式', en: 'record {id}: field {path} should be {kind}, but {found} is written in {unit}; write it like {example}' },
  EVL410: { zh: '缺少数据：{path}', en: 'missing data: {path}' },
  EVL411: { zh: '{what} 中出现除以零', en: 'division by zero in {what}' },
  EVL412: { zh: '{what} 应为 {expected}，实际为 {found}', en: '{what} should be {expected}, found {found}' },
  EVL413: { zh: '“{level}”不是已声明的等级之一（{levels}）', en: '"{level}" is not one of the declared levels ({levels})' },
  EVL414: { zh: '分值 {point} 超出档次 {tier} 的范围 [{low}, {high}]', en: 'point {point} lies outside tier {tier} [{low}, {high}]' },
  EVL415: { zh: '专家评分 {found} 超出 [0, {weight}]，已截断为 {clipped}', en: 'expert score {found} is outside [0, {weight}]; clipped to {clipped}' },
  EVL416: { zh: '{path} 无法计分，因此 {member} 不可用', en: '{path} could not be scored, so {member} is unavailable' },
  EVL417: { zh: '{path} 依赖于自身', en: '{path} depends on itself' },
  EVL418: { zh: '指标没有目标值；计分方法 {method} 需要目标值', en: 'indicator has no target; method {method} needs one' },
  EVL419: { zh: '{fn}：{detail}', en: '{fn}: {detail}' },
  EVL420: { zh: '没有适用的指标，无法计算总分', en: 'no indicator is applicable; the total cannot be computed' },
  EVL421: { zh: '否决项 {name}：条件无法求值（{detail}）', en: 'veto {name}: condition could not be evaluated ({detail})' },
  EVL422: { zh: '未知的名称 {name}', en: 'unknown name {name}' },
});

export type EvlCode = keyof typeof EVL_MESSAGES;

/**
 * Words the engine, the data validator and the guard put into `{expected}`, `{found}`, `{what}`
 * and `{detail}`: what a field should hold and what it held, which division had a zero divisor,
 * what a function's arguments lacked. Some have placeholders of their own (`evlTerm`).
 */
export const EVL_TERMS = defineCatalogue('evaluation-terms', {
  nothing: { zh: '空', en: 'nothing' },
  null: { zh: 'null', en: 'null' },
  list: { zh: '列表', en: 'a list' },
  object: { zh: '对象', en: 'an object' },
  text: { zh: '文本', en: 'text' },
  number: { zh: '数字', en: 'a number' },
  integer: { zh: '整数', en: 'a whole number' },
  boolean: { zh: '是或否（true/false）', en: 'true or false' },
  present: { zh: '必填', en: 'present' },
  absent: { zh: '不存在（未声明的字段）', en: 'absent (not a declared field)' },
  oneOf: { zh: '以下之一：', en: 'one of' },
  or: { zh: ' 或 ', en: ' or ' },
  finiteNumber: { zh: '有限数', en: 'a finite number' },
  levelName: { zh: '等级名称', en: 'a level name' },
  countNotNegative: { zh: '不小于 0 的数量', en: 'a count of 0 or more' },
  value: { zh: '指标值', en: 'value' },
  left: { zh: '左边的值', en: 'left' },
  right: { zh: '右边的值', en: 'right' },
  anObject: { zh: '一个对象', en: 'an object' },
  money: { zh: '以元计的金额', en: 'an amount of money in 元' },
  percent: { zh: '百分比', en: 'a percentage' },
  count: { zh: '整数个数', en: 'a whole number of cases' },
  date: { zh: '形如 2026-12-31 的日期', en: 'a date written like 2026-12-31' },
  moneyExample: { zh: '899740 或 89.974万', en: '899740 or 89.974万' },
  percentExample: { zh: '95% 或 0.95', en: '95% or 0.95' },
  target: { zh: '目标值', en: 'target' },
  upperTarget: { zh: '目标上限', en: 'upper target' },
  roundDigits: { zh: 'round 的小数位数', en: 'round digits' },
  divValueByTarget: { zh: '指标值 / 目标值（目标值为 0）', en: 'value / target (target 0)' },
  divTargetByValue: { zh: '目标值 / 指标值（指标值为 0）', en: 'target / value (value 0)' },
  divDeviationByTarget: { zh: '|指标值 − 目标值| / 目标值（目标值为 0）', en: '|value − target| / target (target 0)' },
  divValueByLower: { zh: '指标值 / 下限（下限为 0）', en: 'value / lower bound (bound 0)' },
  divUpperByValue: { zh: '上限 / 指标值（指标值为 0）', en: 'upper bound / value (value 0)' },
  stepZero: { zh: '步长为 0', en: 'step size 0' },
  avgOfNothing: { zh: '{call}（没有任何数值）', en: '{call} of no values' },
  weightsSumZero: { zh: '{call}：权重之和为 0', en: '{call}: weights sum to 0' },
  noValues: { zh: '没有任何数值', en: 'no values' },
  needsValuesAndWeights: { zh: '需要数值和权重两个参数', en: 'needs values and weights' },
  valuesButWeights: { zh: '{values} 个数值，却有 {weights} 个权重', en: '{values} values but {weights} weights' },
  badDigits: { zh: '小数位数 {digits}', en: 'digits {digits}' },
  needsClampArgs: { zh: '需要 x、下限、上限三个参数', en: 'needs x, low, high' },
  needsArgument: { zh: '需要一个参数', en: 'needs an argument' },
  noPoints: { zh: '没有任何坐标点', en: 'no points' },
  typeNumber: { zh: '数字', en: 'number' },
  typeBoolean: { zh: '是/否值', en: 'boolean' },
  typeString: { zh: '文本', en: 'string' },
  listSeparator: { zh: '、', en: ', ' },
  errorSeparator: { zh: '；', en: '; ' },
});

export type EvlWord = keyof typeof EVL_TERMS;

export function evlWord(word: EvlWord, lang: Lang = DEFAULT_LANG): string {
  return EVL_TERMS[word][lang];
}

/** A term with its placeholders filled, still in both languages (the failure picks one later). */
export function evlTerm(word: EvlWord, args: Args): Term {
  return termOf(EVL_TERMS[word], args);
}

function isTerm(v: unknown): v is Term {
  return typeof v === 'object' && v !== null && typeof (v as Term).zh === 'string' && typeof (v as Term).en === 'string';
}

/** Strings and terms as they are, any other value as JSON (as the messages always showed them). */
export function message(code: EvlCode, args: Record<string, unknown>, lang: Lang = DEFAULT_LANG): string {
  const shown: Record<string, Arg> = {};
  for (const [k, v] of Object.entries(args)) shown[k] = v === undefined || typeof v === 'string' || isTerm(v) ? (v as Arg) : JSON.stringify(v);
  return render(EVL_MESSAGES, code, shown, lang).message;
}
