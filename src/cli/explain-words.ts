/**
 * The words of `jixiao explain` (headings and labels of one record's scorecard as text), in the
 * one catalogue shape. Indicator statuses, reasons for lost points, action names and value
 * formats are the reports' own (src/report/i18n), so a record reads the same in its report and
 * in the terminal.
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
