/**
 * Public surface of the golden test-case runner behind `jixiao test`: run test files, format
 * the report, and the report's types.
 */
export { runTestFiles } from './run-tests.js';
export { formatTestReport } from './format.js';
export { findTestFiles, TEST_SUFFIX } from './load-tests.js';
export type { CaseReport, CaseStatus, Coverage, Expectation, FieldDiff, FileReport, RecommendFn, TestCase, TestOptions, TestReport } from './types.js';
