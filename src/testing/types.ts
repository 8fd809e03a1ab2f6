/**
 * Shapes of the golden test-case runner behind `jixiao test`: the options a caller passes (an
 * optional recommendation stage, `update`), and the report it gets back — per file, per case,
 * per field — plus coverage of the rule set by the cases. Plain data, so the CLI can print it
 * and a service could return it as JSON.
 */
import type { Diagnostic } from '../common/diagnostic.js';
import type { Lang } from '../common/lang.js';
import type { RuleSetIR } from '../compile/ir.js';
import type { EvaluationResult, Recommendation } from '../engine/result.js';
import type { RecommendContext } from '../recommend/facts.js';

/**
 * The recommendation stage as the runner calls it; `context` is the case's `context:` (last
 * year's result, rectification status) when it has one.
 */
export type RecommendFn = (
  ir: RuleSetIR,
  result: EvaluationResult,
  record: unknown,
  context?: RecommendContext,
) => Recommendation[] | Promise<Recommendation[]>;

export interface TestOptions {
  /** Rewrite the `expect` blocks of failing and empty cases with what the rules produce now. */
  update?: boolean;
  /** The recommendation stage; without it `expect.recommendations` is not checked. */
  recommend?: RecommendFn;
  /** Language of problems and compile diagnostics in the report (default Chinese). */
  lang?: Lang;
}

/** One field that differs: `total`, `grade`, `indicators.预算执行率`, `status.满意度`, … */
export interface FieldDiff {
  field: string;
  expected: unknown;
  actual: unknown;
}

export type CaseStatus = 'pass' | 'fail' | 'updated' | 'error' | 'empty';

export interface CaseReport {
  name: string;
  status: CaseStatus;
  diffs: FieldDiff[];
  /** Why the case could not run (bad data file, unknown indicator name in expect…). */
  message?: string;
}

export interface FileReport {
  /** The test file as given (relative where the caller passed relative paths). */
  file: string;
  rules?: string;
  framework?: string;
  /** Compile diagnostics of the referenced rules (errors make every case `error`). */
  diagnostics: Diagnostic[];
  /** A problem with the test file itself (unreadable, not a test file). */
  message?: string;
  cases: CaseReport[];
  updated: boolean;
}

export interface Coverage {
  ruleset: string;
  /** Test files that exercised this rule set. */
  files: string[];
  indicatorsNeverScored: string[];
  /** `path: label` of bands, levels and tiers no case hit. */
  branchesNeverHit: string[];
  gradesNeverProduced: string[];
  /** Only when a recommend function was given. */
  rulesNeverFired?: string[];
}

export interface TestReport {
  files: FileReport[];
  passed: number;
  failed: number;
  errors: number;
  updated: number;
  empty: number;
  coverage: Coverage[];
}

/** A case as read from the YAML file. */
export interface TestCase {
  name: string;
  data?: unknown;
  stage?: string;
  /** Passed to the recommendation stage: `{ previous: { grade: 差, total: 55 }, rectification: { status: 未整改 } }`. */
  context?: unknown;
  expect?: Expectation;
  tolerance?: number;
}

export interface Expectation {
  total?: number | null;
  grade?: string | null;
  indicators?: Record<string, number | null>;
  dimensions?: Record<string, number | null>;
  /** Dimension ratings an `aggregate` method on a scale gave (`PI-1: "B+"`). */
  ratings?: Record<string, string | null>;
  /** The outcome that replaced the grade, or null for none. */
  outcome?: string | null;
  status?: Record<string, string>;
  recommendations?: string[];
  error?: string | string[];
}
