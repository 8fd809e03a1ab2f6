/**
 * The abstract syntax tree of an indicator file (.ind), produced by `parse` and consumed by
 * `compile`. Every node is a plain object tagged by `kind` and carries the source range it came
 * from, so later phases can point at the exact text. Numbers are kept as decimal strings so no
 * binary rounding happens before the engine's decimal arithmetic.
 *
 * Recovery: when the parser recovers from a syntax error, a node may be missing optional parts;
 * required children that could not be read are left out of lists rather than invented.
 */
import type { SourceRange } from '../common/diagnostic.js';
import type { DataPath, Expr, Meta, Name, NumberLit, NumberSlot, ScaleDecl, TableDecl } from './ast-expr.js';

export type * from './ast-expr.js';

// ── file and top-level declarations ───────────────────────────────────────────────────────

export interface FileAst {
  kind: 'file';
  file: string;
  imports: ImportDecl[];
  declarations: (FrameworkDecl | RulesDecl)[];
  /** File-level ordinal scales and lookup tables (absent when the file declares none). */
  scales?: ScaleDecl[];
  tables?: TableDecl[];
  range: SourceRange;
}

export interface ImportDecl {
  kind: 'import';
  path: string;
  range: SourceRange;
}

export type MissingPolicy = 'unavailable' | 'zero' | 'not_applicable';
export type NotApplicablePolicy = 'rescale' | 'redistribute';
export type RoundingMode = 'half_up' | 'half_even' | 'down' | 'up';

export type Setting =
  | { kind: 'scale'; value: NumberLit; range: SourceRange }
  | { kind: 'precision'; digits: number; range: SourceRange }
  | { kind: 'rounding'; mode: RoundingMode; range: SourceRange }
  /** `reported precision 1`: form mode — reported rows rounded to these digits, total = Σ rows. */
  | { kind: 'reported_precision'; digits: number; range: SourceRange }
  | { kind: 'version'; value: string; range: SourceRange }
  | { kind: 'missing'; policy: MissingPolicy; range: SourceRange }
  /** `not_applicable rescale` (total = Σ points / Σ applicable weights × scale) or `redistribute` (to siblings, by weight). */
  | { kind: 'not_applicable'; policy: NotApplicablePolicy; range: SourceRange };

export interface FrameworkDecl {
  kind: 'framework';
  name: Name;
  /** The quoted display name after the identifier: `framework 项目支出 "Project expenditure"`. */
  label?: string;
  extends?: Name;
  meta: Meta;
  settings: Setting[];
  grades?: GradesDecl;
  vetoes: VetoDecl[];
  /** `outcome … when …`: statuses that override the grade, first that holds wins (absent: none). */
  outcomes?: OutcomeDecl[];
  /** `aggregate weakest_link` at the top: the framework's rating (and grade, without grades). */
  aggregate?: AggregateDecl;
  requires: RequireDecl[];
  params: ParamDecl[];
  lets: LetDecl[];
  inputs: InputDecl[];
  /** Band tables and rating scales used by name (`bands 满意度档 { … }`). */
  sharedMethods: SharedMethodDecl[];
  members: NodeMember[];
  range: SourceRange;
}

/** `grades { 优 >= 90; 良 >= 80; 中 >= 60; 差 otherwise }` — highest first. */
export interface GradesDecl {
  kind: 'grades';
  grades: GradeCut[];
  range: SourceRange;
}

export interface GradeCut {
  label: Name;
  /** Undefined for the `otherwise` grade. Lower bound, inclusive. */
  min?: NumberSlot;
  range: SourceRange;
}

/** `veto 重大违规 when data.audit.major_violation == true -> grade 差` or `-> cap 59`. */
export interface VetoDecl {
  kind: 'veto';
  name: Name;
  when: Expr;
  effect: { kind: 'grade'; grade: Name } | { kind: 'cap'; value: NumberSlot } | { kind: 'zero' };
  meta: Meta;
  range: SourceRange;
}

/** `require 产出 + 效益 >= 60` — a share rule over dimension weights. */
export interface RequireDecl {
  kind: 'require';
  names: Name[];
  op: '>=' | '<=' | '=';
  value: NumberSlot;
  range: SourceRange;
}

/** `param 调增比例 = 10% "说明"` — a named constant users tune yearly. */
export interface ParamDecl {
  kind: 'param';
  name: Name;
  /**
   * For a param by fiscal year, the choice the periods make: `if data.fiscal_year == 2025 then
   * 8% else if data.fiscal_year >= 2026 then 10% else 10%` (the last value stands in for a year
   * no period has, which the data schema refuses before any scoring; see dated-params.ts).
   */
  value: Expr;
  /** `{ 2025: 8% "文号"; 2026..: 10% "文号" }`: the values by fiscal year, as written. */
  periods?: ParamPeriod[];
  meta: Meta;
  range: SourceRange;
}

/** One value of a param by fiscal year: `from..to` both included, `to` null for "from then on". */
export interface ParamPeriod {
  from: number;
  to: number | null;
  value: Expr;
  /** The legal reference (文号) the value comes from. */
  ref?: string;
  range: SourceRange;
}

/** `let 执行率 = data.spent / data.budget.adjusted` — a derived value, usable by name. */
export interface LetDecl {
  kind: 'let';
  name: Name;
  value: Expr;
  meta: Meta;
  range: SourceRange;
}

export type InputType = 'number' | 'count' | 'money' | 'percent' | 'text' | 'boolean' | 'date' | 'list';

/** `input data.budget.adjusted money required "调整后预算"` — declares a data field explicitly. */
export interface InputDecl {
  kind: 'input';
  path: DataPath;
  type: InputType;
  required: boolean;
  /** For `text`: the allowed values, e.g. `input data.decision.basis text of A, B, C, D`. */
  allowed?: string[];
  /** The values a number may take: `[0%, 100%]`, `>= 0`; an end left out is open. */
  bounds?: InputBounds;
  /** `input data.x PEFA`: typed by an ordinal scale of the file (`type` is then 'text'). */
  scale?: ScaleDecl;
  meta: Meta;
  range: SourceRange;
}

/** `[low, high]`, `(low, high)`, `>= low`, `< high`: constants, checked by the compiler. */
export interface InputBounds {
  low?: Expr;
  lowInclusive: boolean;
  high?: Expr;
  highInclusive: boolean;
  range: SourceRange;
}

export type NodeMember = DimensionDecl | IndicatorDecl | RemoveDecl;

export interface DimensionDecl {
  kind: 'dimension';
  name: Name;
  weight?: NumberSlot;
  /** `override dimension …` in an extending framework replaces the inherited one wholesale. */
  override: boolean;
  meta: Meta;
  applicable?: Expr;
  /** How the children are combined when not by the weighted sum (`aggregate weakest_link`). */
  aggregate?: AggregateDecl;
  members: NodeMember[];
  range: SourceRange;
}

/** `remove 效益.服务对象满意度` (also `remove indicator …`): drops an inherited node. */
export interface RemoveDecl {
  kind: 'remove';
  /** The node removed; empty for `remove input data.x`. */
  path: Name[];
  /** `remove input data.x`: an inherited input declaration dropped. */
  input?: DataPath;
  range: SourceRange;
}

export interface IndicatorDecl {
  kind: 'indicator';
  name: Name;
  weight?: NumberSlot;
  override: boolean;
  /** `modify …`: only the weight and clauses given replace the inherited indicator's. */
  partial?: boolean;
  meta: Meta;
  value?: Expr;
  target?: TargetDecl;
  score?: ScoreMethod;
  applicable?: Expr;
  missing?: MissingPolicy;
  range: SourceRange;
}

/**
 * `target >= 100%`, `target <= 5%`, `target = 100%`, `target between 90% and 110%`,
 * each optionally `tolerance 2%` (absolute, in the target's unit). `>=` is forward, `<=` is
 * reverse (lower is better).
 */
export interface TargetDecl {
  kind: 'target';
  op: '>=' | '<=' | '=' | 'between';
  value: Expr;
  upper?: Expr;
  tolerance?: Expr;
  range: SourceRange;
}

// ── scoring methods ────────────────────────────────────────────────────────────────────────

/**
 * An award is what a band, level or element gives: `100%` means that share of the indicator's
 * weight, a plain number means points (`5`).
 */
export type Award = Expr;

export type ScoreMethod =
  | ProportionalMethod
  | BandsMethod
  | RatingMethod
  | TiersMethod
  | DeductMethod
  | StepDeductMethod
  | YesNoMethod
  | LinearMethod
  | ChecklistMethod
  | ExpertMethod
  | FormulaMethod;

/** 完成率法: forward B/A, reverse A/B, equal: proportional to closeness. Capped at the weight. */
export interface ProportionalMethod {
  method: 'proportional';
  range: SourceRange;
}

/**
 * 区间法: `score bands { >= 95%: 100%; >= 80%: 80%; [60%, 80%): 50%; else: 0 }` over the value;
 * `score centered bands { <= 10%: 5; … }` applies the bands to |value| (centred band).
 * The first matching band wins, in the order written.
 */
export interface BandsMethod {
  method: 'bands';
  centered: boolean;
  /** Empty when written by a table's name (`bands 满意度档`) until compile fills them in. */
  bands: Band[];
  /** `bands 满意度档`: the band table declared with `bands 满意度档 { … }` in the framework. */
  table?: Name;
  range: SourceRange;
}

export type BandCondition =
  | { kind: 'compare'; op: '>=' | '>' | '<=' | '<' | '='; bound: Expr }
  | { kind: 'interval'; low: Expr; lowInclusive: boolean; high: Expr; highInclusive: boolean }
  | { kind: 'else' };

export interface Band {
  condition: BandCondition;
  award: Award;
  range: SourceRange;
}

/** 定性分级: `score rating data.decision.basis { A: 100%; B: 80%; C: 50%; D: 0% }`. */
export interface RatingMethod {
  method: 'rating';
  subject: Expr;
  /** Empty when written by a scale's name (`rating data.q by 评审档`) until compile fills them in. */
  levels: { label: Name; award: Award; range: SourceRange }[];
  /** `by 评审档`: the rating scale declared with `rating 评审档 { … }` in the framework. */
  table?: Name;
  range: SourceRange;
}

/**
 * A band table or rating scale declared once in a framework (and inherited by `extends`) and
 * used by name: `bands 满意度档 { >= 90%: 100%; … }`, `rating 评审档 { 优: 100%; … }`.
 */
export type SharedMethodDecl =
  | { kind: 'sharedBands'; name: Name; bands: Band[]; range: SourceRange }
  | { kind: 'sharedRating'; name: Name; levels: RatingMethod['levels']; range: SourceRange };

/**
 * Qualitative three tiers where an evaluator picks the point inside the tier:
 * `score tiers data.q.level point data.q.point { 达成: 80%..100%; 部分达成: 50%..80%; 未达成: 0%..50% }`.
 * Without `point` (or when the data has none) the declared `pick low|mid|high` applies (default low).
 */
export interface TiersMethod {
  method: 'tiers';
  subject: Expr;
  point?: Expr;
  pick: 'low' | 'mid' | 'high';
  tiers: { label: Name; low: Award; high: Award; range: SourceRange }[];
  range: SourceRange;
}

/** 扣分法, per incident: `score deduct 2 per data.process.violations [max 6]` — floor at 0 (扣完为止). */
export interface DeductMethod {
  method: 'deduct';
  per: Expr;
  count: Expr;
  max?: Expr;
  range: SourceRange;
}

/**
 * Step deduction: `score deduct 0.5 per 1% above 0% whole` — "每超过一个百分点扣0.5分".
 * `whole` counts only complete steps (3.4pp → 3 steps), `fractional` counts partial ones.
 * `below` deducts for shortfall under the threshold instead.
 */
export interface StepDeductMethod {
  method: 'step';
  per: Expr;
  step: Expr;
  direction: 'above' | 'below';
  threshold: Expr;
  counting: 'whole' | 'fractional';
  max?: Expr;
  range: SourceRange;
}

/** `score yesno` — value true → full weight, false → 0. */
export interface YesNoMethod {
  method: 'yesno';
  range: SourceRange;
}

/** Linear interpolation between points, clamped at the ends: `score linear { 60%: 0%; 100%: 100% }`. */
export interface LinearMethod {
  method: 'linear';
  points: { x: Expr; y: Award; range: SourceRange }[];
  range: SourceRange;
}

/** Element checklist: `score checklist { 制度健全: 1 when data.a; 执行有效: 40% when data.b }`. */
export interface ChecklistMethod {
  method: 'checklist';
  items: { label: Name; award: Award; when: Expr; range: SourceRange }[];
  range: SourceRange;
}

/** Expert score read from data, bounded by the weight: `score expert data.expert.points`. */
export interface ExpertMethod {
  method: 'expert';
  source: Expr;
  range: SourceRange;
}

/** Custom formula; its result is an award (`%` of weight or points): `score formula min(value / target, 1) * 100%`. */
export interface FormulaMethod {
  method: 'formula';
  expr: Award;
  range: SourceRange;
}

// ── recommendation rules ───────────────────────────────────────────────────────────────────

/** `rules 结果应用 for 项目支出 { param …; combine …; rule … }` */
export interface RulesDecl {
  kind: 'rules';
  name: Name;
  for: Name;
  /** `rules … for … when <cond> { … }`: every rule of the block fires only where it holds. */
  when?: Expr;
  meta: Meta;
  params: ParamDecl[];
  lets: LetDecl[];
  lines: LineDecl[];
  combines: CombineDecl[];
  rules: RuleDecl[];
  range: SourceRange;
}

/**
 * `line next_budget base data.budget.next "下年度预算"` — the amount a percentage on this budget
 * line applies to. `adjust next_budget -30%` needs the line declared; `adjust x -50万` does not.
 */
export interface LineDecl {
  kind: 'line';
  name: Name;
  base: Expr;
  meta: Meta;
  range: SourceRange;
}

export type CombineMode = 'most_severe' | 'sum' | 'first' | 'max' | 'min' | 'all';

/** Action kinds without money that a `combine` may target: `combine warn by most_severe`. */
export type CombineActionKind = 'warn' | 'rectify' | 'interview' | 'commend' | 'flag';

/**
 * `combine next_budget by sum cap 30%` — how several fired rules on one budget line combine;
 * `combine warn by most_severe` / `合并 预警 按 most_severe` — how several recommendations of one
 * action kind combine (the target is then the action keyword, English or Chinese).
 */
export interface CombineDecl {
  kind: 'combine';
  /** The target as written: a line name, or the action keyword when `action` is set. */
  line: Name;
  /** Set when the target is an action keyword rather than a budget line. */
  action?: CombineActionKind;
  mode: CombineMode;
  cap?: Expr;
  range: SourceRange;
}

export interface RuleDecl {
  kind: 'rule';
  name: Name;
  priority?: number;
  when: Expr;
  actions: ActionDecl[];
  reason?: string;
  meta: Meta;
  range: SourceRange;
}

export type ActionVerb = 'adjust' | 'recall' | 'withhold' | 'suspend' | 'stop' | 'cancel' | 'rectify' | 'interview' | 'commend' | 'warn' | 'flag';

/**
 * `recall unspent` reads the name `unspent`, which the rules block or framework defines with
 * `let unspent = …` (the checker reports it when it does not).
 * `adjust next_budget +10%`, `adjust transfer_payment -50万`, `recall unspent`, `recall 30%`,
 * `withhold 50%`, `withhold transfer_payment 50%`, `suspend special_fund`, `cancel next_budget`, `stop current_budget`, `rectify within 90 days`, `warn red`, `flag "自评不实"`, `interview`, `commend`.
 */
export interface ActionDecl {
  kind: 'action';
  verb: ActionVerb;
  /**
   * Budget line: required for adjust (next_budget, department_budget, transfer_payment,
   * special_fund, …), optional for recall/withhold/suspend (`withhold transfer_payment 50%`) and
   * for cancel/stop (`cancel next_budget`, `取消 下年度预算`, which take no amount). A
   * bare `withhold transfer_payment` parses as an amount; compile turns it into the line.
   */
  line?: Name;
  /** Percentage or money; `unspent` for recall is the ref `unspent`. */
  amount?: Expr;
  withinDays?: NumberSlot;
  level?: Name;
  text?: string;
  range: SourceRange;
}

// ── aggregation and outcomes (issue 15) ────────────────────────────────────────────────────

export type AggregateMethod = 'weighted_sum' | 'weakest_link' | 'min' | 'max' | 'mean' | 'table';

/** `aggregate weakest_link` · `aggregate table M2` · `aggregate min|max|mean` in a dimension. */
export interface AggregateDecl {
  method: AggregateMethod;
  /** For `table`: the table's name and, when it is declared in the same file, the table. */
  tableName?: Name;
  table?: TableDecl;
  range: SourceRange;
}

/** `outcome "Results Not Demonstrated" when not data.measures hide total`: overrides the grade. */
export interface OutcomeDecl {
  kind: 'outcome';
  name: Name;
  when: Expr;
  hideTotal: boolean;
  meta: Meta;
  range: SourceRange;
}
