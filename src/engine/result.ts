/**
 * The scorecard the engine returns for one record: the stable public shape that the CLI prints,
 * reports render, the recommendation stage reads and the service returns. Keys are declared in
 * the order they are serialised (see `serializeResult`); never reorder them casually — golden
 * files and auditors depend on byte-identical output.
 *
 * Scores are JSON numbers already rounded to the rule set's precision (half-up by default);
 * the unrounded value is kept in the trace as a decimal string. Money is a decimal string in 元
 * with two decimals ("160000000.00").
 */
import type { ActionVerb, MissingPolicy } from '../dsl/ast.js';
import type { ScoreMethodName } from '../compile/ir.js';
import type { EvaluationError } from '../common/evaluation-error.js';

export interface RuleSetRef {
  name: string;
  version: string;
  hash: string;
}

/**
 * 'full': every indicator's inputs and arithmetic steps, the record's steps (what golden files
 * hold). 'summary': the numbers plus what decided them — hit bands/levels, raw points, source,
 * raw total and the record's steps — but no inputs and no per-indicator steps. 'none': the
 * numbers only; every trace field is present (the result's shape never changes) but empty.
 */
export const TRACE_LEVELS = ['none', 'summary', 'full'] as const;
export type TraceLevel = (typeof TRACE_LEVELS)[number];

export type IndicatorStatus = 'scored' | 'not_applicable' | 'unavailable';

export type { EvaluationError } from '../common/evaluation-error.js';

/** A step of arithmetic shown to the reader: `"value = 950000 / 1000000 = 0.95"`. */
export interface TraceStep {
  what: string;
  result: string;
}

export interface IndicatorTrace {
  /** Every data field read, with the value found (null when missing). */
  inputs: Record<string, unknown>;
  /** The band, level, tier or checklist elements that decided the points. */
  hit?: string[];
  steps: TraceStep[];
  /** Unrounded points as a decimal string. */
  rawPoints: string;
  /** Source location of the indicator: "rules/common/project.ind:12:5". */
  source?: string;
}

export interface IndicatorResult {
  path: string;
  name: string;
  dimension: string;
  weight: number;
  /** Weight after not-applicable redistribution, when it changed (points are out of this). */
  effectiveWeight?: number;
  /** Number, string (level), boolean, or null when unavailable / not applicable. */
  value: number | string | boolean | null;
  unit: string | null;
  target: { op: string; value: number | string | null; upper?: number | null; tolerance?: number | null } | null;
  method: ScoreMethodName;
  /** Rounded for display; null when not applicable. */
  points: number | null;
  status: IndicatorStatus;
  missingPolicy?: MissingPolicy;
  error?: EvaluationError;
  /** Present when the record states a score for this indicator (自评得分, beside the rule's 评价得分). */
  reported?: ReportedScore;
  trace: IndicatorTrace;
}

export interface DimensionResult {
  path: string;
  name: string;
  weight: number;
  /** Weight after not-applicable redistribution, when it changed. */
  effectiveWeight?: number;
  points: number | null;
  status: 'scored' | 'not_applicable';
  /** The label an aggregation method on a scale gave (`aggregate weakest_link`); null when unrated. */
  rating?: string | null;
  /** How an `aggregate` method combined the children (traced levels only). */
  aggregation?: DimensionAggregation;
  /** Stated for this dimension, or Σ of its rows when any of them is stated. */
  reported?: ReportedScore;
}

/** The explanation of a dimension's aggregation: like an indicator's trace, inputs → method → result. */
export interface DimensionAggregation {
  method: string;
  /** Each applicable child's label, or its share of its weight for a numeric method. */
  inputs: Record<string, string | null>;
  result: string | null;
  steps: TraceStep[];
}

/**
 * A score the record states beside the rule score, rounded as the form rounds rows; `differs`
 * compares it with the rule points rounded the same way; `reason` is '' when none was given.
 */
export interface ReportedScore {
  points: number;
  reason: string;
  differs: boolean;
}

/** The form's own result (自评): present when the record has a `reported` block. */
export interface ReportedTotal {
  /** The stated total, else Σ rows (a row not stated counts its rule points, rounded per row). */
  total: number | null;
  /** Σ of the rounded rows, whatever the stated total says. */
  rows: number | null;
  /** The stated grade, else the grade of `total`. */
  grade: string | null;
  reason: string;
  gradeReason: string;
  /** Total or grade not those of the rules. */
  differs: boolean;
}

/** An inconsistency of the reported figures (EVL45x): never a rejection, always with its numbers. */
export interface Finding {
  code: string;
  message: string;
  path?: string;
  numbers: Record<string, number | string>;
}

export interface VetoResult {
  name: string;
  effect: string;
  /** The data that made the veto fire. */
  facts: Record<string, unknown>;
}

export interface LostPoints {
  path: string;
  lost: number;
  /** Stable reason code: BELOW_TARGET, BAND, DEDUCTION, UNAVAILABLE, LEVEL, TIER, CHECKLIST, … */
  reason: string;
}

export interface NextGrade {
  grade: string;
  pointsNeeded: number;
  /** Indicators with points still to gain, most first. */
  candidates: { path: string; available: number }[];
}

export interface Recommendation {
  rule: string;
  ruleBlock: string;
  action: ActionVerb;
  line?: string;
  /** Decimal string in 元, exact to the cent, where the action moves money. */
  amount?: string;
  /** The percentage the rule declared, e.g. "-0.30". */
  percentage?: string;
  withinDays?: number;
  level?: string;
  text?: string;
  reason: string;
  /** The facts the rule's condition read, with their values. */
  facts: Record<string, unknown>;
  /** Set when this recommendation is the combination of several fired rules on one line. */
  combined?: { mode: string; from: string[] };
}

export interface EvaluationResult {
  ruleset: RuleSetRef;
  id: string;
  status: 'ok' | 'rejected';
  /** Rounded total; null when the record was rejected. */
  total: number | null;
  grade: string | null;
  /** Grade before vetoes capped it, when a veto changed it. */
  gradeBeforeVeto?: string;
  /** What the record itself states (自评得分 and 等级), when it states anything. */
  reported?: ReportedTotal;
  scale: number;
  dimensions: DimensionResult[];
  indicators: IndicatorResult[];
  vetoes: VetoResult[];
  lostPoints: LostPoints[];
  nextGrade: NextGrade | null;
  recommendations: Recommendation[];
  /** Record-level problems (rejected data, or indicators that could not be scored). */
  errors: EvaluationError[];
  /** Inconsistencies among the reported figures, when there are any. */
  findings?: Finding[];
  trace: { rawTotal: string; applicableWeight: string; steps: TraceStep[] };
  /** A declared outcome that replaced the grade (`outcome … when …`); absent when none held. */
  outcome?: OutcomeResult;
  /** The framework's rating by its own `aggregate …` on a scale; null when unrated. */
  rating?: string | null;
}

/** `outcome "Results Not Demonstrated" when … hide total`: what replaced the grade, and the grade it replaced. */
export interface OutcomeResult {
  name: string;
  /** The grade the total earned before the outcome replaced it. */
  grade: string | null;
  /** Reports leave the total out; the result still carries it. */
  totalHidden: boolean;
}
