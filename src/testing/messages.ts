/**
 * Message catalogue of the test runner (`jixiao test`), in Chinese and English (the one catalogue
 * shape of src/common/catalogue.ts; test/common/catalogue.test.ts checks both are complete).
 * Problems with test files are reported with the `TEST_PROBLEMS` templates; `TEST_WORDS` holds
 * the words of the terminal report (format.ts). Field diffs are data.
 */
import { defineCatalogue, render, type Arg } from '../common/catalogue.js';
import { DEFAULT_LANG, type Lang } from '../common/lang.js';

export const TEST_PROBLEMS = defineCatalogue('testing', {
  unreadable: { zh: '无法读取测试文件：{detail}', en: 'cannot read test file: {detail}' },
  notATestFile: { zh: '不是测试文件：应为含 `rules` 和 `cases` 的映射', en: 'not a test file: expected a mapping with `rules` and `cases`' },
  noRules: { zh: '测试文件没有写明 `rules` 文件', en: 'the test file names no `rules` file' },
  rulesDontCompile: { zh: '规则无法编译（{count} 个错误），用例未运行', en: 'the rules do not compile ({count} errors); cases not run' },
  badCase: { zh: '第 {index} 个用例没有名称，或不是映射', en: 'case {index} has no name or is not a mapping' },
  noData: { zh: '用例没有 `data`', en: 'case has no `data`' },
  dataUnreadable: { zh: '无法读取用例数据：{detail}', en: 'case data could not be read: {detail}' },
  noRecord: { zh: '没有记录', en: 'no record' },
  unknownName: { zh: '没有名为 {name} 的指标或维度', en: 'no indicator or dimension called {name}' },
  recommendFailed: { zh: '结果应用（建议）阶段出错：{detail}', en: 'the recommendation stage failed: {detail}' },
  badContext: {
    zh: '用例的 `context` 必须是映射，例如 { previous: { grade: 差 }, rectification: { status: 未整改 } }',
    en: 'case `context` must be a mapping, e.g. { previous: { grade: 差 }, rectification: { status: 未整改 } }',
  },
  nothingFound: { zh: '{paths} 下没有 *.test.yaml 文件', en: 'no *.test.yaml files under {paths}' },
  unknownKey: {
    zh: '第 {line} 行：{where}有未知的键 `{key}`，运行时会被忽略。可用的键：{allowed}',
    en: 'line {line}: unknown key `{key}` {where}; the runner would ignore it. Allowed: {allowed}',
  },
  unknownKeySuggest: {
    zh: '第 {line} 行：{where}有未知的键 `{key}`；您是否想写 `{suggestion}`？可用的键：{allowed}',
    en: 'line {line}: unknown key `{key}` {where}; did you mean `{suggestion}`? Allowed: {allowed}',
  },
  fileKeyInCase: {
    zh: '第 {line} 行：`{key}` 只能在测试文件开头为整个文件设置一次，不能按用例设置；其他框架或规则文件的用例请放进单独的测试文件',
    en: 'line {line}: `{key}` is set once for the whole test file, not per case; put cases for another framework or rules file in their own test file',
  },
  assertsNothing: {
    zh: '该用例没有检查任何内容：请写 `expect`（total、grade、indicators 等），或运行 `jixiao test --update` 记录规则当前的结果',
    en: 'the case asserts nothing: write an `expect` (total, grade, indicators, …), or run `jixiao test --update` to record what the rules produce now',
  },
  inFile: { zh: '测试文件开头', en: 'at the top of the test file' },
  inCase: { zh: '用例中', en: 'in a case' },
  inExpect: { zh: '`expect` 中', en: 'in `expect`' },
  inContext: { zh: '`context` 中', en: 'in `context`' },
});

export const TEST_WORDS = defineCatalogue('testing-report', {
  absent: { zh: '（无）', en: '(absent)' },
  rulesOf: { zh: '  （规则 {rules}{framework}）', en: '  (rules {rules}{framework})' },
  framework: { zh: '，框架 {name}', en: ', framework {name}' },
  expectRewritten: { zh: '（已改写 expect）', en: ' (expect rewritten)' },
  noExpect: { zh: '（没有 expect）', en: ' (no expect)' },
  diff: { zh: '{field}：期望 {expected}，实际 {actual}', en: '{field}: expected {expected}, actual {actual}' },
  passed: { zh: '{n} 个通过', en: '{n} passed' },
  failed: { zh: '{n} 个失败', en: '{n} failed' },
  errors: { zh: '{n} 个出错', en: '{n} errors' },
  updated: { zh: '{n} 个已更新', en: '{n} updated' },
  empty: { zh: '{n} 个没有 expect', en: '{n} without expect' },
  separator: { zh: '，', en: ', ' },
  listSeparator: { zh: '、', en: ', ' },
  indicatorsNeverScored: { zh: '从未计分的指标', en: 'indicators never scored' },
  branchesNeverHit: { zh: '从未命中的区间/等级/档位', en: 'bands/levels/tiers never hit' },
  gradesNeverProduced: { zh: '从未得出的等级', en: 'grades never produced' },
  rulesNeverFired: { zh: '从未触发的规则', en: 'rules never fired' },
  coverageOf: { zh: '{ruleset} 的覆盖情况：', en: 'coverage of {ruleset}:' },
  coverageComplete: { zh: '{ruleset} 的覆盖情况：完整', en: 'coverage of {ruleset}: complete' },
});

export type TestMessageKey = keyof typeof TEST_PROBLEMS;
export type TestReportKey = keyof typeof TEST_WORDS;

export function testMessage(key: TestMessageKey, args: Record<string, unknown> = {}, lang: Lang = DEFAULT_LANG): string {
  return render(TEST_PROBLEMS, key, args as Record<string, Arg>, lang).message;
}

export function reportWord(lang: Lang, key: TestReportKey, args: Record<string, unknown> = {}): string {
  return render(TEST_WORDS, key, args as Record<string, Arg>, lang).message;
}
