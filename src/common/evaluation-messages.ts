/**
 * The catalogue of evaluation and data messages (codes EVL4xx). Every user-facing sentence the
 * engine, the data loader and the validator produce is a template here; code elsewhere refers to
 * codes only, so tests can assert codes and translators touch one file. Templates use `{name}`
 * placeholders filled by `message()`, in Chinese and English (same codes, same placeholders); the
 * language is an argument, default `DEFAULT_LANG`.
 *
 * EVL40x: the record as a whole (unreadable, not an object, unsafe keys, schema mismatch).
 * EVL43x: one numeric field of the record as staff typed it (range, sign, whole number, unit).
 * EVL41x: one indicator could not be computed (missing data, division by zero, wrong type…).
 * EVL42x: scorecard-level problems (nothing applicable, veto condition not computable).
 */

import { DEFAULT_LANG, type Lang } from './lang.js';

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

export type EvlCode = (typeof EVL)[keyof typeof EVL];

/** English templates. */
const EN: Record<EvlCode, string> = {
  EVL401: 'record {id}: field {path} should be {expected}, found {found}',
  EVL402: 'record {id}: key "{key}" at {path} is not allowed in data',
  EVL403: 'record {id}: number at {path} is not finite ({found})',
  EVL404: 'record {id}: a record must be an object, found {found}',
  EVL405: '{source}: cannot read records: {detail}',
  EVL406: 'record {id}: data nested deeper than {limit} levels at {path}',
  EVL407: 'record {id}: field {path} is {found}, which is not one of its labels ({labels}); did you mean "{suggestion}"? Correct the value in the data',
  EVL408: 'record {id}: field {path} is {found}, which is not one of its labels ({labels}); write one of them exactly in the data',
  EVL430: 'record {id}: field {path} is {found}, outside the range {range} its input declares; correct the value in the data (for example {example})',
  EVL431: 'record {id}: field {path} is money and cannot be negative, found {found}; correct the value, or if it really may be negative, declare a range on its input (input {path} money >= -1亿)',
  EVL432: 'record {id}: field {path} counts cases and must be a whole number, 0 or more, found {found}',
  EVL433: 'record {id}: field {path} should be {kind}, for example {example}, found {found}; write digits with at most one unit, as the rules do (no spaces inside, no thousands separators, no other words)',
  EVL434: 'record {id}: field {path} should be {kind}, but {found} is written in {unit}; write it like {example}',
  EVL410: 'missing data: {path}',
  EVL411: 'division by zero in {what}',
  EVL412: '{what} should be {expected}, found {found}',
  EVL413: '"{level}" is not one of the declared levels ({levels})',
  EVL414: 'point {point} lies outside tier {tier} [{low}, {high}]',
  EVL415: 'expert score {found} is outside [0, {weight}]; clipped to {clipped}',
  EVL416: '{path} could not be scored, so {member} is unavailable',
  EVL417: '{path} depends on itself',
  EVL418: 'indicator has no target; method {method} needs one',
  EVL419: '{fn}: {detail}',
  EVL420: 'no indicator is applicable; the total cannot be computed',
  EVL421: 'veto {name}: condition could not be evaluated ({detail})',
  EVL422: 'unknown name {name}',
};

/** Chinese templates: same codes, same placeholders. */
const ZH: Record<EvlCode, string> = {
  EVL401: '记录 {id}：字段 {path} 应为 {expected}，实际为 {found}',
  EVL402: '记录 {id}：{path} 处的键“{key}”不允许出现在数据中',
  EVL403: '记录 {id}：{path} 处的数字不是有限数（{found}）',
  EVL404: '记录 {id}：记录必须是对象，实际为 {found}',
  EVL405: '{source}：无法读取记录：{detail}',
  EVL406: '记录 {id}：{path} 处的数据嵌套超过 {limit} 层',
  EVL407: '记录 {id}：字段 {path} 的值为 {found}，不是可用的等级之一（{labels}）；您是否想写“{suggestion}”？请在数据中更正',
  EVL408: '记录 {id}：字段 {path} 的值为 {found}，不是可用的等级之一（{labels}）；请在数据中照原样写出其中之一',
  EVL430: '记录 {id}：字段 {path} 的值为 {found}，超出其输入声明的取值范围 {range}；请在数据中更正（例如 {example}）',
  EVL431: '记录 {id}：字段 {path} 是金额，不能为负数，实际为 {found}；请更正数值；若它确实可以为负，请在其输入声明中写明范围（input {path} money >= -1亿）',
  EVL432: '记录 {id}：字段 {path} 是计数，必须是 0 或正整数，实际为 {found}',
  EVL433: '记录 {id}：字段 {path} 应为{kind}，例如 {example}，实际为 {found}；请像规则文件那样书写数字，最多带一个单位（中间不要空格、千位分隔符或其他文字）',
  EVL434: '记录 {id}：字段 {path} 应为{kind}，但 {found} 的单位是 {unit}；请写成 {example} 这样的形式',
  EVL410: '缺少数据：{path}',
  EVL411: '{what} 中出现除以零',
  EVL412: '{what} 应为 {expected}，实际为 {found}',
  EVL413: '“{level}”不是已声明的等级之一（{levels}）',
  EVL414: '分值 {point} 超出档次 {tier} 的范围 [{low}, {high}]',
  EVL415: '专家评分 {found} 超出 [0, {weight}]，已截断为 {clipped}',
  EVL416: '{path} 无法计分，因此 {member} 不可用',
  EVL417: '{path} 依赖于自身',
  EVL418: '指标没有目标值；计分方法 {method} 需要目标值',
  EVL419: '{fn}：{detail}',
  EVL420: '没有适用的指标，无法计算总分',
  EVL421: '否决项 {name}：条件无法求值（{detail}）',
  EVL422: '未知的名称 {name}',
};

/**
 * Words the data validator puts into `{expected}`/`{found}` (EVL401, EVL404): what a field should
 * hold and what it held, so a Chinese message has no English fragment in it.
 */
export type EvlWord =
  | 'nothing' | 'null' | 'list' | 'object' | 'text' | 'number' | 'integer' | 'boolean' | 'present' | 'absent' | 'oneOf' | 'or'
  | 'money' | 'percent' | 'count' | 'date';

const WORDS: Record<Lang, Record<EvlWord, string>> = {
  en: {
    nothing: 'nothing',
    null: 'null',
    list: 'a list',
    object: 'an object',
    text: 'text',
    number: 'a number',
    integer: 'a whole number',
    boolean: 'true or false',
    present: 'present',
    absent: 'absent (not a declared field)',
    oneOf: 'one of',
    or: ' or ',
    money: 'an amount of money in 元',
    percent: 'a percentage',
    count: 'a whole number of cases',
    date: 'a date written like 2026-12-31',
  },
  zh: {
    nothing: '空',
    null: 'null',
    list: '列表',
    object: '对象',
    text: '文本',
    number: '数字',
    integer: '整数',
    boolean: '是或否（true/false）',
    present: '必填',
    absent: '不存在（未声明的字段）',
    oneOf: '以下之一：',
    or: ' 或 ',
    money: '以元计的金额',
    percent: '百分比',
    count: '整数个数',
    date: '形如 2026-12-31 的日期',
  },
};

export function evlWord(word: EvlWord, lang: Lang = DEFAULT_LANG): string {
  return WORDS[lang][word];
}

/** Both catalogues, for the completeness test. */
export const EVL_CATALOGUES: Readonly<Record<Lang, Readonly<Record<EvlCode, string>>>> = { zh: ZH, en: EN };

/** Templates and words together, as the completeness test walks them. */
export const EVL_ALL_CATALOGUES = { zh: { templates: ZH, words: WORDS.zh }, en: { templates: EN, words: WORDS.en } } as const;

export function message(code: EvlCode, args: Record<string, unknown>, lang: Lang = DEFAULT_LANG): string {
  return EVL_CATALOGUES[lang][code].replace(/\{(\w+)\}/g, (_, key: string) => {
    const v = args[key];
    return v === undefined ? `{${key}}` : typeof v === 'string' ? v : JSON.stringify(v);
  });
}
