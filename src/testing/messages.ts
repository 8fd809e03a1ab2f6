/**
 * Message catalogue of the test runner (`jixiao test`). Problems with test files are reported
 * with these templates; field diffs are data and are worded by the formatter.
 */
export const TEST_MESSAGES = {
  unreadable: 'cannot read test file: {detail}',
  notATestFile: 'not a test file: expected a mapping with `rules` and `cases`',
  noRules: 'the test file names no `rules` file',
  rulesDontCompile: 'the rules do not compile ({count} errors); cases not run',
  badCase: 'case {index} has no name or is not a mapping',
  noData: 'case has no `data`',
  dataUnreadable: 'case data could not be read: {detail}',
  unknownName: 'no indicator or dimension called {name}',
  recommendFailed: 'the recommendation stage failed: {detail}',
  nothingFound: 'no *.test.yaml files under {paths}',
} as const;

export function testMessage(key: keyof typeof TEST_MESSAGES, args: Record<string, unknown> = {}): string {
  return TEST_MESSAGES[key].replace(/\{(\w+)\}/g, (_, k: string) => (args[k] === undefined ? `{${k}}` : String(args[k])));
}
