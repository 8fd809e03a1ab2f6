/**
 * The one catalogue of user-facing messages of the recommendation stage (REC5xx): rule blocks
 * turned into json-rules-engine rules (REC53x; REC501–REC524 belong to the
 * compiler's rule-block checks), actions and combination (REC54x), special-fund allocation
 * (REC55x), rule JSON that either path would misread (REC561–REC571, rule-json-check.ts) and
 * conditions that cannot be compared on a record (REC572), rules reading a let that failed (REC573). Code builds diagnostics through `recDiagnostic`, which looks the template
 * up here and places it in the source via the IR's `sourceMap`; tests assert codes, not wording.
 * Every code has a severity and a Chinese and an English template (the one catalogue shape of
 * src/common/catalogue.ts); the language is an argument of `recDiagnostic` (default Chinese, as
 * everywhere in the library).
 */
import { defineCatalogue, render } from '../common/catalogue.js';
import type { Diagnostic, Severity, SourceRange } from '../common/diagnostic.js';
import { NO_RANGE } from '../common/diagnostic.js';
import type { RuleSetIR } from '../compile/ir.js';
import { DEFAULT_LANG, type Lang } from '../common/lang.js';

export const REC_MESSAGES = defineCatalogue('recommend', {
  REC531: { severity: 'error', zh: '规则“{0}”：优先级 {1} 必须是不小于 1 的整数；该规则不予采用', en: 'rule "{0}": priority {1} must be a whole number of at least 1; the rule is left out' },
  REC532: { severity: 'error', zh: '规则“{0}”：“{1}”不是本规则集的等级', en: 'rule "{0}": "{1}" is not a grade of this rule set' },
  REC533: { severity: 'error', zh: '规则“{0}”：本规则集中没有名为“{1}”的指标或维度', en: 'rule "{0}": no indicator or dimension "{1}" in this rule set' },
  REC534: { severity: 'error', zh: '规则“{0}”：“{1}”不能用在规则条件中', en: 'rule "{0}": "{1}" cannot be used in a rule condition' },
  REC541: { severity: 'error', zh: '规则“{0}”：adjust（调整）需要写明预算线', en: 'rule "{0}": adjust needs a budget line' },
  REC542: { severity: 'warning', zh: '规则“{0}”：预算线“{1}”没有声明基数，百分比无法换算为金额', en: 'rule "{0}": line "{1}" has no declared base, so a percentage gives no amount' },
  REC543: { severity: 'warning', zh: 'combine {0}：合并方式为 “all” 时上限不起作用', en: 'combine {0}: a cap has no effect with mode "all"' },
  REC546: { severity: 'warning', zh: 'combine {0}：合并方式 “{1}” 不适用于这类处理（可用：{2}）；不予合并', en: 'combine {0}: mode "{1}" makes no sense for this action kind (allowed: {2}); nothing is merged' },
  REC561: { severity: 'error', zh: '规则 {0}：规则必须是含有 "conditions" 和 "event" 的对象；该规则不予采用', en: 'rule {0}: a rule must be an object with "conditions" and "event"; the rule is left out' },
  REC562: { severity: 'error', zh: '规则 {0}：event 必须是含有文字 "type" 的对象；该规则不予采用', en: 'rule {0}: the event must be an object with a text "type"; the rule is left out' },
  REC563: { severity: 'error', zh: '规则 {0}："conditions" 的根必须是含有 "all"、"any" 或 "not" 的对象；该规则不予采用', en: 'rule {0}: "conditions" must be an object with "all", "any" or "not" at its root; the rule is left out' },
  REC564: { severity: 'error', zh: '规则 {0}：{1} 处的 "all" 和 "any" 必须是条件对象的列表，"not" 必须是一个条件对象；该规则不予采用', en: 'rule {0}: at {1}, "all" and "any" must be lists of condition objects and "not" one condition object; the rule is left out' },
  REC565: { severity: 'error', zh: '规则 {0}：{1} 处的条件缺少 "{2}"；该规则不予采用', en: 'rule {0}: the condition at {1} has no "{2}"; the rule is left out' },
  REC566: { severity: 'error', zh: '规则 {0}：{1} 处条件的 "{2}" 必须是文字；该规则不予采用', en: 'rule {0}: "{2}" of the condition at {1} must be text; the rule is left out' },
  REC567: { severity: 'error', zh: '规则 {0}：{1} 处的运算符 "{2}" 不受支持（支持：{3}）；该规则不予采用', en: 'rule {0}: operator "{2}" at {1} is not supported (supported: {3}); the rule is left out' },
  REC568: { severity: 'error', zh: '规则 {0}：{1} 处的值必须是有限数值、文字、true/false、null 或事实引用 {"fact": …}；该规则不予采用', en: 'rule {0}: the value at {1} must be a finite number, text, true/false, null or a fact reference {"fact": …}; the rule is left out' },
  REC569: { severity: 'error', zh: '规则 {0}：优先级 {1} 必须是 {2} 到 {3} 之间的整数；该规则不予采用', en: 'rule {0}: priority {1} must be a whole number from {2} to {3}; the rule is left out' },
  REC570: { severity: 'error', zh: '规则 {0}：{1} 处的条件同时含有 "{2}" 和 "{3}"；每个条件只能写一种；该规则不予采用', en: 'rule {0}: the condition at {1} has both "{2}" and "{3}"; write one per condition; the rule is left out' },
  REC571: { severity: 'error', zh: '规则 {0}：{1} 处的 "{2}" 不受编译求值器支持；该规则不予采用', en: 'rule {0}: "{2}" at {1} is not supported by the compiled evaluator; the rule is left out' },
  REC572: { severity: 'error', zh: '规则 {0}：{1} 处的条件读取的 {2} 不是数值、文字、是/否或 null，无法比较；该规则对本条记录不可用', en: 'rule {0}: the condition at {1} reads {2}, which is not a number, text, true/false or null and cannot be compared; the rule is unavailable for this record' },
  REC573: { severity: 'error', zh: '规则 {0}：本条记录无法计算 {1}（{2}；定义于 {3}）；该规则对本条记录不可用——请检查它用作除数或读取的数据', en: 'rule {0}: {1} could not be computed for this record ({2}; declared at {3}); the rule is unavailable for this record — check the data it divides by or reads' },
  REC551: { severity: 'error', zh: '资金分配：资金总额“{0}”不是以元计的非负金额', en: 'allocation: the pool "{0}" is not a non-negative amount in 元' },
  REC552: { severity: 'error', zh: '资金分配：因素“{0}”的权重为“{1}”；权重必须是正数', en: 'allocation: factor "{0}" has weight "{1}"; weights must be positive numbers' },
  REC553: { severity: 'error', zh: '资金分配：因素“{0}”对分配对象“{1}”没有可用的值', en: 'allocation: factor "{0}" has no usable value for recipient "{1}"' },
  REC554: { severity: 'error', zh: '资金分配：反向因素“{0}”对分配对象“{1}”的值为 0', en: 'allocation: inverse factor "{0}" has value 0 for recipient "{1}"' },
  REC555: { severity: 'error', zh: '资金分配：因素“{0}”对所有分配对象都为零', en: 'allocation: factor "{0}" is zero for every recipient' },
  REC556: { severity: 'error', zh: '资金分配：没有分配对象，或分配对象编号重复（“{0}”）', en: 'allocation: no recipients, or a recipient id repeats ("{0}")' },
  REC557: { severity: 'error', zh: '资金分配：分配对象“{0}”的系数为“{1}”；系数必须是非负数', en: 'allocation: recipient "{0}" has coefficient "{1}"; it must be a non-negative number' },
  REC558: { severity: 'error', zh: '资金分配：所有分配对象的加权份额都为零', en: 'allocation: every recipient has a weighted share of zero' },
});

export type RecCode = keyof typeof REC_MESSAGES;

export function formatMessage(code: RecCode, args: readonly (string | number)[], lang: Lang = DEFAULT_LANG): string {
  return render(REC_MESSAGES, code, args, lang).message;
}

/** A diagnostic at the IR node `id` (via `sourceMap`), or at the file start when unmapped. */
export function recDiagnostic(code: RecCode, args: readonly (string | number)[], ir?: RuleSetIR, id?: string, lang: Lang = DEFAULT_LANG): Diagnostic {
  const loc = ir && id ? ir.sourceMap?.[id] : undefined;
  const range: SourceRange = loc
    ? {
        start: { line: loc.line, column: loc.column, offset: 0 },
        end: { line: loc.endLine, column: loc.endColumn, offset: 0 },
      }
    : NO_RANGE;
  return {
    code,
    severity: REC_MESSAGES[code].severity as Severity,
    message: formatMessage(code, args, lang),
    file: loc?.file ?? (ir?.files?.[0] ?? '<input>'),
    range,
  };
}
