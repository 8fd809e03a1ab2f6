/**
 * The phrases compile diagnostics put into their placeholders, in Chinese and English, in the
 * one catalogue shape of src/common/catalogue.ts: how a unit or a type is named for policy staff
 * (`describeUnit`, `describeTy` in units.ts), where a name may not be used and why (CMP216),
 * the operation two units cannot meet in (CMP212), what a scoring method or an action lacks
 * (CMP320, REC509) and the reasons a setting is refused (CMP223). Each is passed whole as a
 * `Term` argument and resolved in the language of the message, so the check that reports it
 * holds no wording; `amountOrQuantity` has a placeholder of its own, filled with `termOf`.
 */
import { defineCatalogue } from '../common/catalogue.js';

export const COMPILE_TERMS = defineCatalogue('compile-terms', {
  plainNumber: { zh: '数值', en: 'a plain number' },
  percentage: { zh: '百分比（%）', en: 'a percentage (%)' },
  days: { zh: '天数', en: 'a number of days' },
  months: { zh: '月数', en: 'a number of months' },
  points: { zh: '分数', en: 'points' },
  count: { zh: '个数', en: 'a count' },
  people: { zh: '人数', en: 'a number of people' },
  amountOrQuantity: { zh: '金额或数量（{unit}）', en: 'an amount or quantity ({unit})' },
  number: { zh: '数值', en: 'a number' },
  aLet: { zh: '定义（let），其值随数据而变', en: 'a let, whose value depends on the data' },
  aParamReadingData: { zh: '不是常数的参数', en: 'a param whose value is not a constant' },
  text: { zh: '文字', en: 'text' },
  yesNoValue: { zh: '是/否', en: 'a yes/no value' },
  yesNoCondition: { zh: '“是/否”条件', en: 'a yes/no condition' },
  unknownType: { zh: '未知类型', en: 'an unknown type' },
  grade: { zh: '等级', en: 'a grade' },
  list: { zh: '列表', en: 'a list' },
  kindGrade: { zh: '等级', en: 'grade' },
  kindList: { zh: '列表', en: 'list' },
  fieldGroup: { zh: '一组字段（对象）', en: 'a group of fields (an object)' },
  none: { zh: '（无）', en: '(none)' },
  some: { zh: '若干', en: 'some' },
  outsideIndicator: { zh: '指标之外', en: 'outside an indicator' },
  outsideIndicatorWhy: { zh: '在指标之外请写 指标名.value。', en: 'Outside an indicator write <indicator>.value.' },
  inScoring: { zh: '指标、维度和否决条件中', en: 'indicators, dimensions or vetoes' },
  gradeOnlyInRules: {
    zh: '等级在全部得分算完后才确定，只能在 rules 规则中使用。',
    en: 'The grade is known only after every score is computed; use it in rules blocks only.',
  },
  inIndicatorsOrDimensions: { zh: '指标和维度中', en: 'indicators or dimensions' },
  totalKnownLater: { zh: '总分在全部指标算完后才确定。', en: 'The total is known only after every indicator is scored.' },
  scalePositive: { zh: '满分必须是正数。', en: 'The scale must be a positive number.' },
  precisionRange: { zh: '小数位数应在 0 到 6 之间。', en: 'Decimal places must be between 0 and 6.' },
  opListTogether: { zh: '并列', en: 'list together' },
  opAdd: { zh: '加', en: 'add' },
  opSubtract: { zh: '减', en: 'subtract' },
  opCompare: { zh: '比较', en: 'compare' },
  percentageOrPoints: { zh: '百分比（占权重的比例）或分数', en: 'a percentage (share of the weight) or points' },
  budgetLineAndAmount: { zh: '预算线和调整幅度，例如 adjust next_budget -10%', en: 'a budget line and an amount, e.g. adjust next_budget -10%' },
  positiveDays: { zh: '正的天数，例如 rectify within 90 days', en: 'a positive number of days, e.g. rectify within 90 days' },
  atLeastOneBand: { zh: '至少一个区间', en: 'at least one band' },
  levelsWithAwards: { zh: '等级及得分，例如 { A: 100%; B: 80% }', en: 'levels with awards, e.g. { A: 100%; B: 80% }' },
  tiersExample: { zh: '档位，例如 { 达成: 80%..100% }', en: 'tiers, e.g. { 达成: 80%..100% }' },
  atLeastTwoPoints: { zh: '至少两个点', en: 'at least two points' },
  atLeastOneElement: { zh: '至少一个要素', en: 'at least one element' },
  longLiteral: { zh: '{head}…（共 {length} 个字符）', en: '{head}… ({length} characters)' },
});
