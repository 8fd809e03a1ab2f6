/**
 * Compile diagnostics in Chinese and English with severity and hint, in the one catalogue shape
 * of src/common/catalogue.ts (rendered by `makeDiagnostic` in messages.ts, which picks variants).
 * CMP3xx: weights, grade cut-offs, bands and the other scoring methods. Variants:
 * `CMP310.order` an otherwise grade that is not last, `CMP317.max` a deduction limit above the
 * weight.
 */
import { defineCatalogue } from '../common/catalogue.js';

export const COMPILE_STRUCTURE = defineCatalogue('compile-structure', {
  CMP301: {
    severity: 'error',
    zh: '“{name}” 的下级权重合计为 {sum}，但其权重为 {weight}',
    en: 'the weights under “{name}” add up to {sum}, but its weight is {weight}',
    hint: {
      zh: '相差 {diff} 分；请调整下级指标的权重，使合计等于 {weight}。',
      en: '{diff} point(s) apart; adjust the weights below so they add up to {weight}.',
    },
  },
  CMP302: {
    severity: 'error',
    zh: '框架 “{name}” 的一级权重合计为 {sum}，但满分为 {weight}',
    en: 'the top-level weights of framework “{name}” add up to {sum}, but the scale is {weight}',
    hint: {
      zh: '相差 {diff} 分；一级维度（或指标）的权重合计应等于满分 {weight}。',
      en: '{diff} point(s) apart; the top-level dimensions (or indicators) must add up to the scale {weight}.',
    },
  },
  CMP303: {
    severity: 'error',
    zh: '指标 “{name}” 没有权重',
    en: 'indicator “{name}” has no weight',
    hint: { zh: '写成 indicator 名称 weight 5 { … }。', en: 'Write indicator <name> weight 5 { … }.' },
  },
  CMP304: {
    severity: 'error',
    zh: '“{name}” 的权重 {weight} 不是正数',
    en: 'the weight {weight} of “{name}” is not a positive number',
    hint: { zh: '权重是以分计的正数，例如 weight 5。', en: 'A weight is a positive number of points, e.g. weight 5.' },
  },
  CMP305: {
    severity: 'error',
    zh: '要求 {names} {op} {value} 不满足：实际为 {sum}',
    en: 'requirement {names} {op} {value} is not met: the actual value is {sum}',
    hint: {
      zh: '部门评价和财政评价要求 产出 + 效益 的权重不低于 60。',
      en: 'Department and fiscal evaluations require the weights of 产出 + 效益 to be at least 60.',
    },
  },
  CMP307: {
    severity: 'error',
    zh: '等级分数线应从高到低严格递减：“{label}” 的 {min} 不低于前一等级的 {prev}',
    en: 'grade cut-offs must strictly decrease: {min} of “{label}” is not below {prev} of the grade before',
  },
  CMP308: { severity: 'error', zh: '等级 “{name}” 重复', en: 'grade “{name}” is given twice' },
  CMP309: {
    severity: 'warning',
    zh: '没有 otherwise 等级：低于 {lowest} 分的得分将没有等级',
    en: 'no otherwise grade: scores below {lowest} get no grade',
    hint: { zh: '加上 “差 otherwise”，或在说明中写明低分如何处理。', en: 'Add “差 otherwise”, or say in the description how low scores are handled.' },
  },
  CMP310: { severity: 'error', zh: '等级 “{label}” 的分数线 {min} 超出满分 {scale}', en: 'the cut-off {min} of grade “{label}” exceeds the scale {scale}' },
  'CMP310.order': { zh: 'otherwise 等级必须写在最后', en: 'the otherwise grade must come last' },
  CMP311: {
    severity: 'warning',
    zh: '区间 {a} 与区间 {b} 重叠：落在 {overlap} 的数值按先写的区间计分',
    en: 'band {a} overlaps band {b}: values in {overlap} are scored by the band written first',
    hint: { zh: '区间按书写顺序匹配；请确认区间端点的开闭。', en: 'Bands match in the order written; check whether the ends are open or closed.' },
  },
  CMP312: {
    severity: 'error',
    zh: '区间之间有空档：{gap} 内的数值不落在任何区间',
    en: 'the bands leave a gap: values in {gap} fall in no band',
    hint: { zh: '补上这一段区间，或加上 else。', en: 'Add a band for this range, or add else.' },
  },
  CMP313: {
    severity: 'warning',
    zh: '区间 {band} 永远不会被匹配：前面的区间已经覆盖了它',
    en: 'band {band} can never match: the bands before it already cover it',
  },
  CMP314: {
    severity: 'warning',
    zh: '没有 else：{gap} 内的数值不落在任何区间',
    en: 'no else: values in {gap} fall in no band',
    hint: { zh: '加上 else: 0，写明其余情况得几分。', en: 'Add else: 0 to say what the remaining cases score.' },
  },
  CMP315: {
    severity: 'error',
    zh: '得分比例 {award} 超出 0%–100%',
    en: 'the award {award} is outside 0%–100%',
    hint: { zh: '百分比表示占权重的比例，最高 100%。', en: 'A percentage is a share of the weight, at most 100%.' },
  },
  CMP316: {
    severity: 'error',
    zh: '得分 {points} 分超过该指标的权重 {weight} 分',
    en: '{points} point(s) exceed the weight of {weight} point(s) of this indicator',
  },
  CMP317: {
    severity: 'warning',
    zh: '扣分没有上限（每次扣 {per} 分），可能超过权重 {weight} 分；得分最低为 0（扣完为止）',
    en: 'deductions have no limit ({per} point(s) each) and may exceed the weight of {weight}; the score never goes below 0',
    hint: { zh: '用 max 写明最多扣几分。', en: 'Say the most that can be deducted with max.' },
  },
  'CMP317.max': {
    zh: '最多扣 {max} 分，超过了权重 {weight} 分',
    en: 'at most {max} point(s) are deducted, more than the weight of {weight}',
    hint: { zh: '用 max 写明最多扣几分。', en: 'Say the most that can be deducted with max.' },
  },
  CMP318: {
    severity: 'error',
    zh: '{method} 计分方法需要 target（目标值）',
    en: 'scoring method {method} needs a target',
    hint: { zh: '例如 target >= 100%。', en: 'For example target >= 100%.' },
  },
  CMP319: {
    severity: 'error',
    zh: 'yesno 计分需要“是/否”的值，但 value 是{actual}',
    en: 'yesno scoring needs a yes/no value, but value is {actual}',
    hint: { zh: '例如 value = data.done == true。', en: 'For example value = data.done == true.' },
  },
  CMP320: { severity: 'error', zh: '{method} 计分方法需要{what}', en: 'scoring method {method} needs {what}' },
  CMP322: {
    severity: 'error',
    zh: '指标 “{name}” 没有计分方法',
    en: 'indicator “{name}” has no scoring method',
    hint: { zh: '写 score proportional、score bands { … } 等。', en: 'Write score proportional, score bands { … } or another method.' },
  },
  CMP323: {
    severity: 'error',
    zh: '{method} 计分方法需要 value（指标值）',
    en: 'scoring method {method} needs a value',
    hint: { zh: '例如 value = data.spent / data.budget.adjusted。', en: 'For example value = data.spent / data.budget.adjusted.' },
  },
  CMP324: {
    severity: 'warning',
    zh: '维度 “{name}” 没有任何指标，它的 {weight} 分无法得到',
    en: 'dimension “{name}” has no indicators; its {weight} point(s) can never be earned',
  },
  CMP325: { severity: 'error', zh: '否决后封顶分 {value} 超出满分 {scale}', en: 'the cap after a veto, {value}, exceeds the scale {scale}' },
  CMP326: {
    severity: 'error',
    zh: '线性插值的点应按横坐标从小到大排列：{x} 不大于前一点 {prev}',
    en: 'points of a linear line must increase along x: {x} is not greater than the point before, {prev}',
  },
  CMP327: { severity: 'error', zh: '档位 “{label}” 的下限 {low} 高于上限 {high}', en: 'the lower end {low} of tier “{label}” is above its upper end {high}' },
});
