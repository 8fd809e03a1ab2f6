/**
 * The words of the commands that read a rule set aloud — `jixiao explain` (one record's
 * scorecard as text), `jixiao inspect` (what a rule set is made of) and `jixiao bench` (its
 * speed on the user's records) — in the one catalogue shape. Indicator statuses, reasons for
 * lost points, action names and value formats are the reports' own (src/report/i18n), so a
 * record reads the same in its report and in the terminal.
 */
import { defineCatalogue, render } from '../common/catalogue.js';
import type { Lang } from '../common/lang.js';

export const EXPLAIN_WORDS = defineCatalogue('cli-explain', {
  title: { zh: '记录 {id} 的评分说明', en: 'Scorecard of record {id}' },
  ruleset: { zh: '规则集：{name} {version}', en: 'rule set: {name} {version}' },
  hash: { zh: '校验码：{hash}', en: 'hash: {hash}' },
  total: { zh: '总分 {total} / {scale}，等级 {grade}', en: 'total {total} of {scale}, grade {grade}' },
  gradeBeforeVeto: { zh: '（否决前为 {grade}）', en: ' (before vetoes: {grade})' },
  rejected: { zh: '记录被拒绝，未评分：', en: 'the record was rejected and not scored:' },
  dimension: { zh: '{name}  {points} / {weight}', en: '{name}  {points} of {weight}' },
  indicator: { zh: '{name}  {points} / {weight}  [{method}]', en: '{name}  {points} of {weight}  [{method}]' },
  // the scoring methods by the keyword a Chinese indicator file spells them with
  method_proportional: { zh: '完成率', en: 'proportional' },
  method_bands: { zh: '区间', en: 'bands' },
  method_centered: { zh: '居中', en: 'centered' },
  method_rating: { zh: '定性', en: 'rating' },
  method_tiers: { zh: '分档', en: 'tiers' },
  method_deduct: { zh: '扣分', en: 'deduct' },
  method_fractional: { zh: '按比例', en: 'fractional' },
  method_yesno: { zh: '是否', en: 'yesno' },
  method_linear: { zh: '线性', en: 'linear' },
  method_checklist: { zh: '要素', en: 'checklist' },
  method_expert: { zh: '专家', en: 'expert' },
  method_formula: { zh: '公式', en: 'formula' },

  effectiveWeight: { zh: '（权重按不适用指标调整为 {weight}）', en: ' (weight {weight} after not-applicable indicators)' },
  value: { zh: '数值 {value}', en: 'value {value}' },
  target: { zh: '目标 {target}', en: 'target {target}' },
  inputs: { zh: '输入：{inputs}', en: 'inputs: {inputs}' },
  step: { zh: '{what} → {result}', en: '{what} → {result}' },
  lost: { zh: '失 {lost} 分：{reason}', en: 'lost {lost}: {reason}' },
  unavailable: { zh: '{status}：{code} {message}', en: '{status}: {code} {message}' },
  notApplicable: { zh: '不适用，不计入总分', en: 'not applicable: left out of the total' },
  reported: { zh: '自评 {points} 分：{reason}', en: 'self-reported {points}: {reason}' },
  calculation: { zh: '总分计算', en: 'How the total was reached' },
  vetoes: { zh: '一票否决', en: 'Vetoes' },
  veto: { zh: '{name}：{effect}；依据 {facts}', en: '{name}: {effect}; because {facts}' },
  noVetoes: { zh: '无', en: 'none' },
  nextGrade: { zh: '距等级 {grade} 还差 {points} 分；可得分最多的：{candidates}', en: 'to reach {grade}: {points} more points; most to gain: {candidates}' },
  recommendations: { zh: '结果应用建议', en: 'Recommendations' },
  noRecommendations: { zh: '无', en: 'none' },
  recommendation: { zh: '{n}. {action}{amount}', en: '{n}. {action}{amount}' },
  rule: { zh: '规则 {rule}：{reason}', en: 'rule {rule}: {reason}' },
  facts: { zh: '触发依据：{facts}', en: 'fired on: {facts}' },
  noFacts: { zh: '（未读取数据）', en: '(no facts read)' },
  errors: { zh: '记录问题', en: 'Problems of the record' },
  several: {
    zh: '{file} 中有 {count} 条记录，此处说明第一条（{id}）；用 --id 选择其他记录',
    en: '{file} holds {count} records; explaining the first ({id}); pick another with --id',
  },
  noSuchId: { zh: '{file} 中没有编号为“{id}”的记录', en: 'no record with id "{id}" in {file}' },
  noRecord: { zh: '{file} 中没有记录', en: 'no record in {file}' },
});

export type ExplainWord = keyof typeof EXPLAIN_WORDS;

export function ew(lang: Lang, key: ExplainWord, args: Record<string, string | number> = {}): string {
  return render(EXPLAIN_WORDS, key, args, lang).message;
}

/** A scoring method as a reader of this language writes it (`完成率` for proportional); unknown ones as they are. */
export function methodWord(lang: Lang, method: string): string {
  const key = `method_${method}`;
  return Object.hasOwn(EXPLAIN_WORDS, key) ? ew(lang, key as ExplainWord) : method;
}

export const INSPECT_WORDS = defineCatalogue('cli-inspect', {
  ruleset: { zh: '规则集 {name}（{label}），版本 {version}', en: 'rule set {name} ({label}), version {version}' },
  hash: { zh: '校验码   {hash}', en: 'hash        {hash}' },
  irVersion: { zh: 'IR 版本  {v}', en: 'IR version  {v}' },
  files: { zh: '文件     {files}', en: 'files       {files}' },
  frameworks: { zh: '框架', en: 'Frameworks' },
  extends: { zh: '继承 {list}', en: 'extends {list}' },
  selected: { zh: '（本次选用）', en: ' (selected)' },
  inputs: { zh: '输入（{n} 项）', en: 'Inputs ({n})' },
  required: { zh: '必填', en: 'required' },
  params: { zh: '参数（{n} 项）', en: 'Params ({n})' },
  usedBy: { zh: '引用：{list}', en: 'used by: {list}' },
  unused: { zh: '未被引用', en: 'not referenced' },
});

export function inspectWord(lang: Lang, key: keyof typeof INSPECT_WORDS, args: Record<string, string | number> = {}): string {
  return render(INSPECT_WORDS, key, args, lang).message;
}

export const BENCH_WORDS = defineCatalogue('cli-bench', {
  heading: {
    zh: '{name} {version}（{hash}）：{records} 条记录，每个级别计时 {rounds} 轮',
    en: '{name} {version} ({hash}): {records} record(s), {rounds} timed passes per level',
  },
  scope: {
    zh: '在当前线程评分并应用规则，预热之后计时；不含读文件与输出',
    en: 'scored and recommended in this thread after a warm-up; reading and output not timed',
  },
  trace: { zh: '计算过程', en: 'trace' },
  perSecond: { zh: '记录/秒', en: 'records/s' },
  perRecord: { zh: '微秒/记录', en: 'µs/record' },
  rejected: { zh: '另有 {n} 条记录无法读取，未计入', en: '{n} unreadable record(s) left out' },
});

export function benchWord(lang: Lang, key: keyof typeof BENCH_WORDS, args: Record<string, string | number> = {}): string {
  return render(BENCH_WORDS, key, args, lang).message;
}
