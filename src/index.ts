/**
 * The jixiao library's core entry, exported by name: compile indicator files, evaluate records,
 * apply the recommendation rules, run golden tests, format files, roll up and sample. Typed, ESM,
 * no global state. It loads none of the optional packages: reports are `jixiao/report`
 * (ECharts), the results workbook `jixiao/sheets` (ExcelJS), the HTTP service `jixiao/service`
 * (fastify). Reading `.xlsx` records through `readRecords` loads ExcelJS on first use.
 *
 *   const { ir, diagnostics } = compile(['rules/sectors/education.ind', 'rules/policy/result-application.ind']);
 *   const assessor = createAssessor(ir!);            // evaluate + recommend, built once
 *   const result = assessor.assess(record);          // scorecard with trace and recommendations
 */
export { parse } from './dsl/parse.js';
export type { FileAst } from './dsl/ast.js';

export { compile, compileSource, memorySourceHost, nodeSourceHost } from './compile/compile.js';
export type { CompileOptions, CompileResult, SourceHost } from './compile/compile.js';
export { loadIR } from './compile/load-ir.js';
export { formatDiagnostic } from './compile/code-frame.js';
export type { RuleSetIR } from './compile/ir.js';
export type { Diagnostic, Severity, SourceRange } from './common/diagnostic.js';

export { createEvaluator, evaluate, evaluateMany, serializeResult } from './engine/index.js';
export type {
  EvaluateOptions,
  EvaluationError,
  EvaluationResult,
  Evaluator,
  IndicatorResult,
  Recommendation,
} from './engine/index.js';

export { readRecords, createRecordValidator, readReported, defaultFormMapping, parseFormMapping, readFormWorkbook } from './data/index.js';
export type { ReportedData, FormMapping, FormRecord, FormProblem } from './data/index.js';

export { createRecommender, recommendWithReference, emitRules, allocate } from './recommend/index.js';
export type { Recommender, RecommendContext, AllocationInput, AllocationResult } from './recommend/index.js';

export { createAssessor, assessMany } from './pipeline/assess.js';
export type { Assessor, AssessManyOptions } from './pipeline/assess.js';
export { loadContextSources, createContextJoin } from './pipeline/context-sources.js';
export type { ContextJoin, ContextFiles, ContextRow } from './pipeline/context-sources.js';
export { assessParallel } from './pipeline/parallel.js';

export { runTestFiles, formatTestReport } from './testing/index.js';
export type { TestReport } from './testing/index.js';

export { parseRollupDeclaration, rollup, runRollup, parseSampleDeclaration, sample, parseFactorFile, allocationInput } from './rollup/index.js';
export type { RollupDeclaration, RollupResult, SampleDeclaration, SampleResult } from './rollup/index.js';

export { formatSource } from './fmt/format.js';
