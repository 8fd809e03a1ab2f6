/**
 * The narrow port through which the service reaches the library: compile files, check one
 * file's text, and prepare a compiled rule set for evaluation (record validation, scoring and
 * recommendations). The service holds no scoring logic of its own; everything it knows about
 * indicators comes through this interface. `real-toolchain.ts` binds it to the library façades
 * (`compile`, `createEvaluator`, `createRecordValidator`, `createRecommender`); tests may bind a
 * fake. Implementations never throw for user-caused problems: they return diagnostics or
 * field errors.
 */
import type { Diagnostic } from '../common/diagnostic.js';
import type { Lang } from '../common/lang.js';
import type { ExprIR, RuleSetIR } from '../compile/ir.js';
import type { EvaluationResult, TraceLevel } from '../engine/result.js';
import type { RecommendContext } from '../recommend/index.js';

export interface CompileOutput {
  /** One IR per framework found, with the rule blocks that apply to it. */
  rulesets: RuleSetIR[];
  diagnostics: Diagnostic[];
}

/** A data-level problem with one record, located by data path (`data.budget.adjusted`). */
export interface RecordError {
  path: string;
  message: string;
  code: string;
}

/** A rule set made ready to serve: built once per loaded version, reused by every request. */
export interface PreparedRuleSet {
  readonly ir: RuleSetIR;
  /** Field errors of a record against the rule set's data schema; empty when it is valid. */
  validate(record: unknown, lang?: Lang): RecordError[];
  /**
   * Scorecard with recommendations. Called only with records `validate` accepted; `context`
   * (last year's result, rectification status) reaches the recommendation rules; `trace` is how
   * much explanation the result carries (default 'full'), never what it decides; `lang` is the
   * language of its messages (the request's, default Chinese), as for `validate`.
   */
  evaluate(record: Record<string, unknown>, context?: RecommendContext, trace?: TraceLevel, lang?: Lang): Promise<EvaluationResult>;
  /** Builds now what is otherwise built on first use (the record validator), off the request path. */
  warm?(): void;
}

export interface Toolchain {
  /** Compiles the given entry files together (absolute paths). */
  compileFiles(entries: string[]): Promise<CompileOutput>;
  /**
   * Checks one file's text in memory; its imports resolve inside the rules folder only.
   * `formatted[i]` is `diagnostics[i]` as the CLI prints it, with the source line and caret;
   * both in `lang` (the request's; default Chinese).
   */
  checkSource(text: string, file: string, lang?: Lang): Promise<{ diagnostics: Diagnostic[]; formatted: string[] }>;
  prepare(ir: RuleSetIR): PreparedRuleSet;
  /** One-line JSON of a result in the engine's declared key order (byte-stable output). */
  serializeResult(result: EvaluationResult): string;
  /** An IR expression in the indicator language's own syntax (`>= 90%`), for /docs. */
  printExpr(expr: ExprIR): string;
}
