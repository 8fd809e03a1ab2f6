/**
 * The catalogue of reported scores (自评得分): what a record states beside the rule score — per
 * indicator and dimension points, the reported total and grade, the form's funds row — and the
 * consistency findings computed over it. Codes are stable and live in the evaluation range:
 * EVL440–EVL449 are problems of the record's `reported` block (a wrong name, a value that is no
 * number, a grade that is not a label, a missing reason), each naming the field and saying how to
 * fix it; EVL450–EVL459 are findings — inconsistencies a published form really contains (a
 * totals row that is not the sum of its rows, points above a weight, an execution rate that does
 * not follow from its amounts, a row's 分值 that is not the rule set's weight). Findings never reject a record: they are part of the result,
 * with the numbers that show them. Both share the one catalogue shape (catalogue.ts).
 */
import { defineCatalogue, render, type Arg } from './catalogue.js';
import { DEFAULT_LANG, type Lang } from './lang.js';

export const REPORTED = {
  UNKNOWN_NAME: 'EVL440',
  NOT_NUMBER: 'EVL441',
  NEGATIVE: 'EVL442',
  UNKNOWN_GRADE: 'EVL443',
  BAD_ENTRY: 'EVL444',
  AMBIGUOUS: 'EVL445',
  REASON_REQUIRED: 'EVL446',
  TOTAL_NOT_ROWS: 'EVL450',
  TOTAL_UNREACHABLE: 'EVL451',
  ABOVE_WEIGHT: 'EVL452',
  RATE_MISMATCH: 'EVL453',
  GRADE_NOT_TOTAL: 'EVL454',
  WEIGHT_DIFFERS: 'EVL455',
} as const;

export const REPORTED_MESSAGES = defineCatalogue('reported', {
  EVL440: {
    zh: '记录 {id}：字段 {path} 的“{name}”不是本规则集的指标或维度，自评得分无处可放',
    en: 'record {id}: field {path}: "{name}" is no indicator or dimension of this rule set, so its reported score has nowhere to go',
    hint: { zh: '您是否想写“{suggestion}”？', en: 'did you mean "{suggestion}"?' },
  },
  EVL441: {
    zh: '记录 {id}：字段 {path} 应为分数（如 7 或 7.5），实际为 {found}',
    en: 'record {id}: field {path} should be points (like 7 or 7.5), found {found}',
    hint: { zh: '只写数字，不带“分”以外的文字', en: 'write digits only, with no words besides 分' },
  },
  EVL442: {
    zh: '记录 {id}：字段 {path} 的自评得分不能为负数，实际为 {found}',
    en: 'record {id}: field {path} is a reported score and cannot be negative, found {found}',
  },
  EVL443: {
    zh: '记录 {id}：字段 {path} 的自评等级“{found}”不是本规则集的等级之一（{labels}）',
    en: 'record {id}: field {path}: reported grade "{found}" is not one of the grades of this rule set ({labels})',
    hint: { zh: '您是否想写“{suggestion}”？', en: 'did you mean "{suggestion}"?' },
  },
  EVL444: {
    zh: '记录 {id}：字段 {path} 应为{expected}，实际为 {found}',
    en: 'record {id}: field {path} should be {expected}, found {found}',
  },
  EVL445: {
    zh: '记录 {id}：字段 {path} 的“{name}”同时是多个节点的名称（{candidates}）',
    en: 'record {id}: field {path}: "{name}" names several nodes ({candidates})',
    hint: { zh: '请写出完整路径，例如“{first}”', en: 'write the full path, for example "{first}"' },
  },
  EVL446: {
    zh: '记录 {id}：{what}的自评得分 {reported} 与评价得分 {rule} 不同，但字段 {path} 没有写明原因',
    en: 'record {id}: the reported score {reported} of {what} differs from the rule score {rule}, but field {path} gives no reason',
    hint: { zh: '在 {path} 写明偏差原因（表中的“偏差原因”栏）', en: 'state the reason in {path} (the form’s 偏差原因 column)' },
  },
  EVL450: {
    zh: '自评总分 {stated} 不等于各行自评得分之和 {rows}（相差 {difference}）',
    en: 'the reported total {stated} is not the sum of the reported rows {rows} (a difference of {difference})',
  },
  EVL451: {
    zh: '自评总分 {stated} 高于各行最多能得的 {reachable} 分',
    en: 'the reported total {stated} is above the {reachable} points the rows can reach',
  },
  EVL452: {
    zh: '“{name}”自评得分 {points} 分，超过其分值 {weight} 分',
    en: '"{name}" is reported at {points} points, above its weight of {weight}',
  },
  EVL453: {
    zh: '资金执行率填报为 {stated}，而全年执行数 {spent} ÷ 全年预算数 {budget} = {computed}',
    en: 'the execution rate is stated as {stated}, but 全年执行数 {spent} ÷ 全年预算数 {budget} = {computed}',
  },
  EVL455: {
    zh: '表中“{name}”的分值为 {stated} 分，而规则集中其权重为 {weight} 分',
    en: 'the form gives "{name}" {stated} points, but the rule set weighs it {weight}',
  },
  EVL454: {
    zh: '自评等级“{stated}”与自评总分 {total} 对应的等级“{expected}”不符',
    en: 'the reported grade "{stated}" is not the grade "{expected}" that the reported total {total} earns',
  },
});

/** Words put into `{expected}` and `{what}`: what a field of the block should hold. */
export const REPORTED_TERMS = defineCatalogue('reported-terms', {
  block: {
    zh: '以指标名为键的对象（total、grade、funds 及各指标、维度）',
    en: 'an object keyed by indicator names (total, grade, funds and the indicators and dimensions)',
  },
  text: { zh: '文本', en: 'text' },
  funds: { zh: '资金行对象（budget、spent、rate）', en: 'a funds row object (budget, spent, rate)' },
  rate: { zh: '执行率（如 98.5% 或 0.985）', en: 'a rate (like 98.5% or 0.985)' },
  amount: { zh: '金额数字', en: 'an amount' },
  entry: { zh: '分数或 { points, reason } 对象', en: 'points or a { points, reason } object' },
  total: { zh: '总分', en: 'the total' },
  precision: { zh: '0 到 6 的整数（表中每行保留的小数位数）', en: 'a whole number from 0 to 6 (the decimals the form keeps per row)' },
  grade: { zh: '等级', en: 'the grade' },
});

export type ReportedCode = keyof typeof REPORTED_MESSAGES;

/** Message with its hint (when the arguments give one) joined the way EVL407 words it. */
export function reportedMessage(code: ReportedCode, args: Readonly<Record<string, Arg>>, lang: Lang = DEFAULT_LANG): string {
  const r = render(REPORTED_MESSAGES, code, args, lang);
  return r.hint ? `${r.message}${lang === 'zh' ? '；' : '; '}${r.hint}` : r.message;
}
