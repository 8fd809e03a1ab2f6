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

/** Which step of the loop a declaration file drives (its first key: `rollup:`, `sample:`, `fund:`). */
export type LoopKind = 'rollup' | 'sample' | 'allocation';

/** A loop declaration read from the rules folder: checked once per load, kept opaque. */
export interface LoopDeclaration {
  kind: LoopKind;
  /** The title the file declares (its `rollup:`, `sample:` or `fund:` value). */
  title: string;
  /** For a roll-up: the entity's rules file (absolute), framework and policy files. */
  entity?: { rules: string; framework?: string; policy: string[] };
  /** The library's parsed declaration, handed back unchanged to the step functions. */
  parsed: unknown;
}

/** A member set of a roll-up: a served rule set's IR and the records it scores. */
export interface LoopMembers {
  ir: RuleSetIR;
  records: readonly unknown[];
}

/**
 * The loop's other steps (roll-up, re-check sampling, special-fund allocation) over records in
 * memory. Each answers the document the matching CLI command prints (`jixiao rollup`, `sample`,
 * `allocate`), as text, so both doors give the same bytes for the same input; problems with
 * the input come back as diagnostics, never thrown.
 */
export interface LoopToolchain {
  /** Undefined when the YAML file is not a loop declaration (a test file, a manifest). */
  readDeclaration(file: string, lang?: Lang): { declaration?: LoopDeclaration; diagnostics: Diagnostic[] } | undefined;
  rollup(
    declaration: LoopDeclaration,
    entityIr: RuleSetIR,
    entities: readonly unknown[],
    members: readonly LoopMembers[],
    lang?: Lang,
  ): { document: string; diagnostics: Diagnostic[] };
  sample(
    declaration: LoopDeclaration,
    records: readonly unknown[],
    options: { seed: number; threshold?: string; share?: string },
    lang?: Lang,
  ): { document?: string; diagnostics: Diagnostic[] };
  allocate(
    declaration: LoopDeclaration,
    pool: string,
    recipients: readonly unknown[],
    ir: RuleSetIR | undefined,
    lang?: Lang,
  ): { document?: string; diagnostics: Diagnostic[] };
}

export interface Toolchain {
  /** Roll-up, sampling and allocation; a toolchain without them serves evaluation only. */
  loop?: LoopToolchain;
  /** Compiles the given entry files together (absolute paths). */
  compileFiles(entries: string[]): Promise<CompileOutput>;
  /**
   * Checks one file's text in memory; its imports resolve inside the rules folder only.
   * `formatted[i]` is `diagnostics[i]` as the CLI prints it, with the source line and caret;
   * both in `lang` (the request's; default Chinese).
   */
  checkSource(text: string, file: string, lang?: Lang): Promise<{ diagnostics: Diagnostic[]; formatted: string[] }>;
  prepare(ir: RuleSetIR): PreparedRuleSet;
  /** One-line JSON of a result straight from `prepare`d evaluation, in the engine's declared key order (byte-stable output). */
  serializeResult(result: EvaluationResult): string;
  /** An IR expression in the indicator language's own syntax (`>= 90%`), for /docs. */
  printExpr(expr: ExprIR): string;
}
