/**
 * Compile diagnostics in Chinese and English with severity and hint, in the one catalogue shape
 * of src/common/catalogue.ts (rendered by `makeDiagnostic` in messages.ts, which picks variants).
 * REC501–REC545: the compiler's checks of rules blocks (the recommendation stage's own REC53x+
 * are in src/recommend/messages.ts). Variants: `REC504.verb` an action naming an undeclared
 * line, `REC522.field` a record part with a field to suggest, `REC545.cap` a cap on a kind that
 * has no money.
 */
import { defineCatalogue } from '../common/catalogue.js';

export const COMPILE_RULES = defineCatalogue('compile-rules', {
  REC501: {
    severity: 'error',
    zh: '规则集 “{block}” 适用的框架 “{name}” 不存在',
    en: 'the framework “{name}” of rules block “{block}” does not exist',
    hint: { zh: '您是否想写 “{suggestion}”？', en: 'did you mean “{suggestion}”?' },
  },
  REC502: {
    severity: 'error',
    zh: '规则中的名称 “{name}” 未定义',
    en: 'the name “{name}” in a rule is not defined',
    hint: { zh: '您是否想写 “{suggestion}”？', en: 'did you mean “{suggestion}”?' },
  },
  REC503: {
    severity: 'error',
    zh: '“{name}” 不是等级；已定义的等级：{grades}',
    en: '“{name}” is not a grade; grades defined: {grades}',
    hint: { zh: '您是否想写 “{suggestion}”？', en: 'did you mean “{suggestion}”?' },
  },
  REC504: {
    severity: 'error',
    zh: '预算线 “{name}” 没有 line 声明，无法按百分比调整',
    en: 'budget line “{name}” has no line declaration, so it cannot be adjusted by a percentage',
    hint: { zh: '加上 line {name} base data.… "说明"，写明百分比的基数。', en: 'Add line {name} base data.… "description" to say what the percentage is of.' },
  },
  'REC504.verb': {
    zh: '{verb} 的预算线 “{name}” 没有 line 声明',
    en: 'budget line “{name}” of {verb} has no line declaration',
    hint: { zh: '加上 line {name} base data.… "说明"，声明这条预算线。', en: 'Add line {name} base data.… "description" to declare the line.' },
  },
  REC505: {
    severity: 'error',
    zh: '使用了 unspent（结余资金），但没有定义它',
    en: 'unspent (the unspent funds) is used but not defined',
    hint: { zh: '加上 let unspent = data.budget.adjusted - data.spent。', en: 'Add let unspent = data.budget.adjusted - data.spent.' },
  },
  REC506: { severity: 'error', zh: '规则 “{name}” 重复，第一次定义在第 {line} 行', en: 'rule “{name}” is given twice; first defined on line {line}' },
  REC507: {
    severity: 'error',
    zh: 'combine 的预算线 “{name}” 没有 line 声明',
    en: 'budget line “{name}” of combine has no line declaration',
    hint: { zh: '您是否想写 “{suggestion}”？', en: 'did you mean “{suggestion}”?' },
  },
  REC508: { severity: 'error', zh: '预警等级 “{name}” 无效：只能是 green、yellow 或 red', en: 'warning level “{name}” is not valid: use green, yellow or red' },
  REC509: { severity: 'error', zh: '{what} 需要{expected}', en: '{what} needs {expected}' },
  REC510: { severity: 'error', zh: '规则 “{name}” 的条件不是“是/否”判断', en: 'the condition of rule “{name}” is not a yes/no test' },
  REC521: {
    severity: 'error',
    zh: '规则不能把整条记录 {name} 当作一个值来比较或计算',
    en: 'a rule cannot compare or compute with the whole record {name}',
    hint: { zh: '写出要比较的字段，例如 data.budget.adjusted > 0。', en: 'Name the field to compare, e.g. data.budget.adjusted > 0.' },
  },
  REC522: {
    severity: 'error',
    zh: '{name} 是{shape}，不能与数值或文字比较，也不能参与计算',
    en: '{name} is {shape}; it cannot be compared with a number or text, nor used in arithmetic',
    hint: { zh: '用 count(…)、sum(…) 等汇总函数得到一个数，再比较。', en: 'Turn it into a number with count(…), sum(…) or another aggregate, then compare.' },
  },
  'REC522.field': {
    zh: '{name} 是{shape}，不能与数值或文字比较，也不能参与计算',
    en: '{name} is {shape}; it cannot be compared with a number or text, nor used in arithmetic',
    hint: { zh: '写出其中的字段，例如 {field}。', en: 'Name one of its fields, e.g. {field}.' },
  },
  REC523: {
    severity: 'error',
    zh: '数字 {text} 超出规则能精确比较的范围',
    en: 'the number {text} is outside the range rules compare exactly',
    hint: {
      zh: '规则中的数字按双精度数比较：有效数字不超过 15 位（且绝对值不超过 1e308）总是精确的。',
      en: 'Numbers in rules are compared as doubles: up to 15 significant digits (and at most 1e308 in size) are always exact.',
    },
  },
  REC524: {
    severity: 'error',
    zh: '规则 “{name}” 的优先级 {priority} 超出范围 {min}–{max}',
    en: 'the priority {priority} of rule “{name}” is outside {min}–{max}',
    hint: { zh: '优先级是 {min} 到 {max} 之间的整数，数值大的先执行。', en: 'A priority is a whole number from {min} to {max}; higher runs first.' },
  },
  REC544: {
    severity: 'error',
    zh: '{verb} 的百分比 {amount} 没有基数：既没有写预算线，也没有定义 unspent',
    en: 'the percentage {amount} of {verb} has no base: no budget line is named and unspent is not defined',
    hint: {
      zh: '写明预算线，例如 {verb} transfer_payment {amount}（并声明 line transfer_payment base data.… "说明"），或定义 let unspent = data.budget.adjusted - data.spent。',
      en: 'Name a budget line, e.g. {verb} transfer_payment {amount} (with line transfer_payment base data.… "description"), or define let unspent = data.budget.adjusted - data.spent.',
    },
  },
  REC545: {
    severity: 'error',
    zh: 'combine {target}：合并方式 {mode} 不适用于 {kind}',
    en: 'combine {target}: mode {mode} makes no sense for {kind}',
    hint: { zh: '{kind} 可用的合并方式：{allowed}。', en: 'Modes for {kind}: {allowed}.' },
  },
  'REC545.cap': {
    zh: 'combine {target}：上限（cap）只适用于预算线上的金额，不适用于 {kind}',
    en: 'combine {target}: a cap applies only to money on a budget line, not to {kind}',
    hint: { zh: '{kind} 可用的合并方式：{allowed}。', en: 'Modes for {kind}: {allowed}.' },
  },
});
