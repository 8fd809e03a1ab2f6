/**
 * The compiled rule set (IR): plain JSON, with its own JSON Schema, that the engine, the
 * recommendation stage, reports and the service consume without the parser. One IR is one
 * fully resolved framework (imports read, `extends` applied, names resolved, weights checked)
 * plus the rule blocks that apply to it.
 *
 * Numbers are decimal strings. Every node that came from source has an `id`, and `sourceMap`
 * maps ids to file:line:column so any number in a result can be traced back to its text.
 * `hash` is the sha-256 of the canonical JSON of everything except `hash` and `sourceMap`, so a
 * reformatted file keeps its hash and a changed weight does not.
 */
import type { ActionVerb, BinaryOp, CombineActionKind, CombineMode, MissingPolicy, NotApplicablePolicy, RoundingMode, Unit } from '../dsl/ast.js';

export const IR_VERSION = 2;
/**
 * Versions `loadIR` reads. Version 2 only added optional shapes (a dimension's or the framework's
 * `aggregate`, `outcomes`), so a version-1 IR is a valid version-2 IR and is read unchanged.
 */
export const READABLE_IR_VERSIONS: readonly number[] = [1, 2];

export interface RuleSetIR {
  /** `IR_VERSION` when compiled; a loaded IR may carry an older readable version. */
  irVersion: 1 | typeof IR_VERSION;
  name: string;
  label?: string;
  version: string;
  meta: MetaIR;
  /** Ancestors, nearest first: ['项目支出'] for 教育项目. */
  lineage: string[];
  hash: string;
  settings: SettingsIR;
  /** Highest first; the last may have `min: null` (the `otherwise` grade). */
  grades: GradeIR[];
  vetoes: VetoIR[];
  /** Statuses that override the grade (PART's "Results Not Demonstrated"); absent when none. */
  outcomes?: OutcomeIR[];
  /** A framework-level aggregation on a scale: the result's `rating` (and grade, without grades). */
  aggregate?: AggregateIR;
  requires: RequireIR[];
  params: ParamIR[];
  /** Topologically ordered: each `let` only refers to earlier ones. */
  lets: LetIR[];
  /** Top-level nodes (dimensions, or indicators directly under the framework). */
  nodes: NodeIR[];
  ruleBlocks: RuleBlockIR[];
  /** JSON Schema (draft 2020-12 subset ajv understands) of the record this rule set reads. */
  dataSchema: Record<string, unknown>;
  /** Files read, relative to the entry's directory, in load order. */
  files: string[];
  sourceMap: Record<string, SourceLocation>;
}

export interface SourceLocation {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface MetaIR {
  title?: string;
  description?: string;
  refs: string[];
  unit?: Unit;
}

export interface SettingsIR {
  scale: string;
  /** Digits after the decimal point in reported scores (default 2). */
  precision: number;
  rounding: RoundingMode;
  /**
   * Form mode (`reported precision 1`): digits a form rounds each row of reported scores to; the
   * reported total is Σ of the rounded rows. Absent: rows are rounded like scores (`precision`).
   * Not produced yet: the syntax waits for IR_VERSION 2 (a record's `reported.precision` does
   * the same meanwhile); the engine already honours it.
   */
  reportedPrecision?: number;
  missing: MissingPolicy;
  notApplicable: NotApplicablePolicy;
}

export interface GradeIR {
  label: string;
  min: string | null;
  id: string;
}

export interface VetoIR {
  id: string;
  name: string;
  when: ExprIR;
  effect: { kind: 'grade'; grade: string } | { kind: 'cap'; value: string } | { kind: 'zero' };
  meta: MetaIR;
}

export interface OutcomeIR {
  id: string;
  name: string;
  when: ExprIR;
  /** Reports leave the numeric total out (the result still carries it, marked hidden). */
  hideTotal: boolean;
  meta: MetaIR;
}

export interface RequireIR {
  id: string;
  names: string[];
  op: '>=' | '<=' | '=';
  value: string;
}

export interface ParamIR {
  id: string;
  name: string;
  value: ExprIR;
  unit: Unit | null;
  meta: MetaIR;
}

export interface LetIR {
  id: string;
  name: string;
  value: ExprIR;
  unit: Unit | null;
  meta: MetaIR;
}

// ── the indicator tree ─────────────────────────────────────────────────────────────────────

export type NodeIR = DimensionIR | IndicatorIR;

export interface DimensionIR {
  kind: 'dimension';
  id: string;
  /** Names from the root joined by '/': '决策/项目立项'. Unique in the rule set. */
  path: string;
  name: string;
  weight: string;
  meta: MetaIR;
  applicable?: ExprIR;
  /** How the children combine when not by the weighted sum (absent: the weighted sum). */
  aggregate?: AggregateIR;
  children: NodeIR[];
}

/**
 * A dimension's aggregation method. With `scale` (labels highest first) the children's values are
 * labels of that scale and the dimension gets a `rating`: `weakest_link` is the lowest label, with
 * its "+" step when any other child is higher (PEFA M1); `table` looks the children's labels up,
 * sorted highest first for an unordered table (PEFA M2); `min`/`max` by order. Without `scale`,
 * `min`/`max`/`mean` act on the children's shares of their weights (points ÷ weight), and the
 * dimension's points are that share of its own weight. `same` maps a label ranked as another
 * (`"D*" = D`) to it: the dimension's rating never carries the alias.
 */
export type AggregateIR =
  | { method: 'weakest_link'; scale: string[]; same?: Record<string, string> }
  | { method: 'table'; scale: string[]; same?: Record<string, string>; table: TableIR }
  | { method: 'min' | 'max'; scale?: string[]; same?: Record<string, string> }
  | { method: 'mean' };

/** A lookup table: rows of keys (labels, or numbers as decimal strings) and their result. */
export interface TableIR {
  name: string;
  unordered: boolean;
  rows: { keys: string[]; result: string }[];
  otherwise?: string;
}

export interface IndicatorIR {
  kind: 'indicator';
  id: string;
  path: string;
  name: string;
  weight: string;
  meta: MetaIR;
  /** Unit of the value, inferred or declared. */
  unit: Unit | null;
  value?: ExprIR;
  target?: TargetIR;
  score: ScoreIR;
  applicable?: ExprIR;
  missing: MissingPolicy;
}

export interface TargetIR {
  op: '>=' | '<=' | '=' | 'between';
  value: ExprIR;
  upper?: ExprIR;
  tolerance?: ExprIR;
}

/** An award: a share of the weight (`fraction`, 1 = full weight) or absolute points. */
export type AwardIR = { kind: 'fraction'; value: ExprIR } | { kind: 'points'; value: ExprIR };

export type BandConditionIR =
  | { kind: 'compare'; op: '>=' | '>' | '<=' | '<' | '='; bound: ExprIR }
  | { kind: 'interval'; low: ExprIR; lowInclusive: boolean; high: ExprIR; highInclusive: boolean }
  | { kind: 'else' };

export type ScoreIR =
  | { method: 'proportional'; id: string }
  | { method: 'bands'; id: string; centered: boolean; bands: { id: string; label: string; condition: BandConditionIR; award: AwardIR }[] }
  | { method: 'rating'; id: string; subject: ExprIR; levels: { id: string; label: string; award: AwardIR }[] }
  | {
      method: 'tiers';
      id: string;
      subject: ExprIR;
      point?: ExprIR;
      pick: 'low' | 'mid' | 'high';
      tiers: { id: string; label: string; low: AwardIR; high: AwardIR }[];
    }
  | { method: 'deduct'; id: string; per: ExprIR; count: ExprIR; max?: ExprIR }
  | {
      method: 'step';
      id: string;
      per: ExprIR;
      step: ExprIR;
      direction: 'above' | 'below';
      threshold: ExprIR;
      counting: 'whole' | 'fractional';
      max?: ExprIR;
    }
  | { method: 'yesno'; id: string }
  | { method: 'linear'; id: string; points: { x: ExprIR; y: AwardIR }[] }
  | { method: 'checklist'; id: string; items: { id: string; label: string; award: AwardIR; when: ExprIR }[] }
  | { method: 'expert'; id: string; source: ExprIR }
  | { method: 'formula'; id: string; expr: AwardIR };

export type ScoreMethodName = ScoreIR['method'];

// ── expressions ────────────────────────────────────────────────────────────────────────────

export type ExprIR =
  | { kind: 'number'; value: string; unit: Unit | null }
  | { kind: 'string'; value: string }
  | { kind: 'boolean'; value: boolean }
  /** `data.a.b`; a '[]' segment maps over an array (only inside aggregate calls). */
  | { kind: 'data'; path: string[] }
  | { kind: 'param'; name: string }
  | { kind: 'let'; name: string }
  /** Another node's result: `预算执行率.value` → { path: '过程/预算执行率', member: 'value' }. */
  /** `rating`: a dimension's label by its `aggregate` method on a scale (an indicator's is its value). */
  | { kind: 'node'; path: string; member: 'value' | 'points' | 'score' | 'status' | 'target' | 'rating' }
  /** Inside an indicator: its own value, target or weight. */
  | { kind: 'self'; member: 'value' | 'target' | 'weight' }
  /**
   * Scorecard-level facts, available to vetoes (total only) and rules. `grade` is only ever
   * compared for (in)equality with a string label: the compiler rewrites ordered comparisons
   * using the grades block (highest first), so `grade >= 良` arrives as
   * `grade == "优" or grade == "良"` and an empty set as the boolean `false`.
   */
  /** `reported.total` / `reported.grade` (rules only): what the record states itself, null when nothing. */
  | { kind: 'scorecard'; member: 'grade' | 'total' | 'stage' | 'reportedTotal' | 'reportedGrade' }
  /**
   * What the caller supplies beside the record, rule blocks only: `previous.grade` →
   * { root: 'previous', path: ['grade'] }, `rectification.status` → { root: 'rectification',
   * path: ['status'] }. Missing is like missing data. Like `grade`, `previous.grade` is only ever
   * compared for (in)equality with a label: ordered comparisons are rewritten by the compiler.
   */
  | { kind: 'context'; root: 'previous' | 'rectification'; path: string[] }
  | { kind: 'binary'; op: BinaryOp; left: ExprIR; right: ExprIR; unit: Unit | null }
  | { kind: 'unary'; op: '-' | 'not'; operand: ExprIR }
  | { kind: 'call'; fn: BuiltinFunction; args: ExprIR[] }
  | { kind: 'if'; condition: ExprIR; then: ExprIR; otherwise: ExprIR };

export type BuiltinFunction = 'min' | 'max' | 'abs' | 'round' | 'sum' | 'avg' | 'wavg' | 'count' | 'exists' | 'coalesce' | 'clamp';

// ── recommendation rules ───────────────────────────────────────────────────────────────────

export interface RuleBlockIR {
  id: string;
  name: string;
  /** The framework the block was written for (this rule set or one of its ancestors). */
  for: string;
  meta: MetaIR;
  params: ParamIR[];
  lets: LetIR[];
  lines: LineIR[];
  combines: CombineIR[];
  rules: RuleIR[];
}

export interface LineIR {
  id: string;
  name: string;
  base: ExprIR;
  meta: MetaIR;
}

export interface CombineIR {
  id: string;
  /** The budget line; for an action-kind combine, the action's English keyword (= `action`). */
  line: string;
  /** Set when the combine targets an action kind (`combine warn by most_severe`), not a line. */
  action?: CombineActionKind;
  mode: CombineMode;
  cap?: ExprIR;
}

export interface RuleIR {
  id: string;
  name: string;
  /** Higher runs first; ties keep source order. Default 1. */
  priority: number;
  when: ExprIR;
  actions: ActionIR[];
  reason: string;
  meta: MetaIR;
}

export interface ActionIR {
  id: string;
  verb: ActionVerb;
  line?: string;
  amount?: ExprIR;
  withinDays?: string;
  level?: string;
  text?: string;
}
