/**
 * Message catalogue of the test runner (`jixiao test`), in Chinese and English (same keys, both
 * complete; a unit test checks it). Problems with test files are reported with the `problems`
 * templates; `report` holds the words of the terminal report (format.ts). Field diffs are data.
 */
import { DEFAULT_LANG, fill, type Lang } from '../common/lang.js';

const en = {
  problems: {
    unreadable: 'cannot read test file: {detail}',
    notATestFile: 'not a test file: expected a mapping with `rules` and `cases`',
    noRules: 'the test file names no `rules` file',
    rulesDontCompile: 'the rules do not compile ({count} errors); cases not run',
    badCase: 'case {index} has no name or is not a mapping',
    noData: 'case has no `data`',
    dataUnreadable: 'case data could not be read: {detail}',
    noRecord: 'no record',
    unknownName: 'no indicator or dimension called {name}',
    recommendFailed: 'the recommendation stage failed: {detail}',
    badContext: 'case `context` must be a mapping, e.g. { previous: { grade: 差 }, rectification: { status: 未整改 } }',
    nothingFound: 'no *.test.yaml files under {paths}',
    unknownKey: 'line {line}: unknown key `{key}` {where}; the runner would ignore it. Allowed: {allowed}',
    unknownKeySuggest: 'line {line}: unknown key `{key}` {where}; did you mean `{suggestion}`? Allowed: {allowed}',
    fileKeyInCase: 'line {line}: `{key}` is set once for the whole test file, not per case; put cases for another framework or rules file in their own test file',
    assertsNothing: 'the case asserts nothing: write an `expect` (total, grade, indicators, …), or run `jixiao test --update` to record what the rules produce now',
    inFile: 'at the top of the test file',
    inCase: 'in a case',
    inExpect: 'in `expect`',
    inContext: 'in `context`',
  },
  report: {
    absent: '(absent)',
    rulesOf: '  (rules {rules}{framework})',
    framework: ', framework {name}',
    expectRewritten: ' (expect rewritten)',
    noExpect: ' (no expect)',
    diff: '{field}: expected {expected}, actual {actual}',
    passed: '{n} passed',
    failed: '{n} failed',
    errors: '{n} errors',
    updated: '{n} updated',
    empty: '{n} without expect',
    separator: ', ',
    listSeparator: ', ',
    indicatorsNeverScored: 'indicators never scored',
    branchesNeverHit: 'bands/levels/tiers never hit',
    gradesNeverProduced: 'grades never produced',
    rulesNeverFired: 'rules never fired',
    coverageOf: 'coverage of {ruleset}:',
    coverageComplete: 'coverage of {ruleset}: complete',
  },
};

type Catalogue = { [G in keyof typeof en]: Record<keyof (typeof en)[G], string> };

const zh: Catalogue = {
  problems: {
    unreadable: '无法读取测试文件：{detail}',
    notATestFile: '不是测试文件：应为含 `rules` 和 `cases` 的映射',
    noRules: '测试文件没有写明 `rules` 文件',
    rulesDontCompile: '规则无法编译（{count} 个错误），用例未运行',
    badCase: '第 {index} 个用例没有名称，或不是映射',
    noData: '用例没有 `data`',
    dataUnreadable: '无法读取用例数据：{detail}',
    noRecord: '没有记录',
    unknownName: '没有名为 {name} 的指标或维度',
    recommendFailed: '结果应用（建议）阶段出错：{detail}',
    badContext: '用例的 `context` 必须是映射，例如 { previous: { grade: 差 }, rectification: { status: 未整改 } }',
    nothingFound: '{paths} 下没有 *.test.yaml 文件',
    unknownKey: '第 {line} 行：{where}有未知的键 `{key}`，运行时会被忽略。可用的键：{allowed}',
    unknownKeySuggest: '第 {line} 行：{where}有未知的键 `{key}`；您是否想写 `{suggestion}`？可用的键：{allowed}',
    fileKeyInCase: '第 {line} 行：`{key}` 只能在测试文件开头为整个文件设置一次，不能按用例设置；其他框架或规则文件的用例请放进单独的测试文件',
    assertsNothing: '该用例没有检查任何内容：请写 `expect`（total、grade、indicators 等），或运行 `jixiao test --update` 记录规则当前的结果',
    inFile: '测试文件开头',
    inCase: '用例中',
    inExpect: '`expect` 中',
    inContext: '`context` 中',
  },
  report: {
    absent: '（无）',
    rulesOf: '  （规则 {rules}{framework}）',
    framework: '，框架 {name}',
    expectRewritten: '（已改写 expect）',
    noExpect: '（没有 expect）',
    diff: '{field}：期望 {expected}，实际 {actual}',
    passed: '{n} 个通过',
    failed: '{n} 个失败',
    errors: '{n} 个出错',
    updated: '{n} 个已更新',
    empty: '{n} 个没有 expect',
    separator: '，',
    listSeparator: '、',
    indicatorsNeverScored: '从未计分的指标',
    branchesNeverHit: '从未命中的区间/等级/档位',
    gradesNeverProduced: '从未得出的等级',
    rulesNeverFired: '从未触发的规则',
    coverageOf: '{ruleset} 的覆盖情况：',
    coverageComplete: '{ruleset} 的覆盖情况：完整',
  },
};

/** The catalogue of each language, for callers that list or check them. */
export const TEST_CATALOGUES: Record<Lang, Catalogue> = { en, zh };

export type TestMessageKey = keyof Catalogue['problems'];
export type TestReportKey = keyof Catalogue['report'];

export function testMessage(key: TestMessageKey, args: Record<string, unknown> = {}, lang: Lang = DEFAULT_LANG): string {
  return fill(TEST_CATALOGUES[lang].problems[key], args);
}

export function reportWord(lang: Lang, key: TestReportKey, args: Record<string, unknown> = {}): string {
  return fill(TEST_CATALOGUES[lang].report[key], args);
}
