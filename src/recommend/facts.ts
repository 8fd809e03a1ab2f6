/**
 * Builds, for one record, the facts object both evaluation paths read (layout in
 * to-rules-engine.ts) and the expression environment of each rule block (block params and lets
 * first, then the framework's). Only what the planned rules reference is built: the indicators
 * and dimensions named in conditions, the params/lets conditions read and the derived facts.
 * Values are plain JSON (decimals become numbers for comparison; amounts are computed later from
 * the decimal environment, never from these numbers). Missing values are `null`.
 */
import type { IndicatorResult, DimensionResult, EvaluationResult } from '../engine/result.js';
import type { LetIR, ParamIR, RuleBlockIR, RuleSetIR } from '../compile/ir.js';
import { evalExpr, toFact, unitOf, type ExprEnv, type NodeMember, type Value } from './expr-eval.js';
import type { RulePlan } from './to-rules-engine.js';

/**
 * What the caller knows beyond the scorecard: stage, last year's result (`previous.grade`,
 * `previous.total`, … in rules), the rectification of last year's problems
 * (`rectification.status`: 已整改 / 整改中 / 未整改). Absent fields read as missing.
 */
export interface RecommendContext {
  stage?: string;
  previous?: { grade?: string | null; total?: number | null; [key: string]: unknown };
  rectification?: { status?: string; [key: string]: unknown };
  [key: string]: unknown;
}

export interface Facts {
  scorecard: Record<string, unknown>;
  data: unknown;
  params: Record<string, Record<string, unknown>>;
  derived: Record<string, Record<string, unknown>>;
  context: RecommendContext;
}

/** Per-record state: the facts and a memoised expression environment per block. */
export interface RecordScope {
  facts: Facts;
  env(blockIndex: number): ExprEnv;
  /** Unit of a name in a block's scope ('%', '元', …) or null. */
  unitOf(blockIndex: number, kind: 'param' | 'let', name: string): string | null;
}

function findName(block: RuleBlockIR | undefined, ir: RuleSetIR, name: string): ParamIR | LetIR | undefined {
  const scopes = block ? [block.params, block.lets, ir.params, ir.lets] : [ir.params, ir.lets];
  for (const list of scopes) {
    const hit = list.find((d) => d.name === name);
    if (hit) return hit;
  }
  return undefined;
}

/** A name's declared unit, else the unit of its value (`param 调增比例 = 10%` is '%'). */
function nameUnit(block: RuleBlockIR | undefined, ir: RuleSetIR, name: string, depth: number): string | null {
  const decl = findName(block, ir, name);
  if (!decl || depth > 16) return null;
  return decl.unit ?? unitOf(decl.value, (_k, n) => nameUnit(block, ir, n, depth + 1));
}

function indicatorEntry(r: IndicatorResult | undefined): Record<string, unknown> | null {
  if (!r) return null;
  return { value: r.value, points: r.points, score: r.points, status: r.status, target: r.target?.value ?? null };
}

function dimensionEntry(r: DimensionResult | undefined): Record<string, unknown> | null {
  if (!r) return null;
  return { points: r.points, score: r.points, status: r.status };
}

/** Shared per rule set: what every record's scope needs. Classes keep per-record allocation low. */
interface Shared {
  ir: RuleSetIR;
  plan: RulePlan;
}

/** The expression environment of one rule block for one record. */
class BlockEnv implements ExprEnv {
  private memo: Map<string, Value> | undefined;
  private busy: Set<string> | undefined;
  readonly data: unknown;
  constructor(
    private readonly scope: Scope,
    private readonly block: RuleBlockIR | undefined,
  ) {
    this.data = scope.record;
  }
  node(path: string, member: NodeMember): unknown {
    const ind = this.scope.indicator(path);
    if (ind) return indicatorEntry(ind)?.[member];
    return dimensionEntry(this.scope.dimension(path))?.[member];
  }
  scorecard(member: 'grade' | 'total' | 'stage'): unknown {
    const r = this.scope.result;
    return member === 'grade' ? r.grade : member === 'total' ? r.total : this.scope.stage;
  }
  name(_kind: 'param' | 'let', name: string): Value {
    const memo = (this.memo ??= new Map());
    if (memo.has(name)) return memo.get(name) ?? null;
    const busy = (this.busy ??= new Set());
    const decl = findName(this.block, this.scope.shared.ir, name);
    if (!decl || busy.has(name)) return null;
    busy.add(name);
    const v = evalExpr(decl.value, this);
    busy.delete(name);
    memo.set(name, v);
    return v;
  }
  gradeRank(label: string): number | undefined {
    return this.scope.shared.plan.gradeRanks.get(label);
  }
  get context(): unknown {
    return this.scope.context;
  }
}

/**
 * The `context` fact: the caller's context, with `previous.gradeRank` added when last year's
 * grade is one of this rule set's grades (null otherwise), so `previous.grade <= 中` ranks like
 * `grade <= 中`. The caller's objects are copied, never changed.
 */
function contextFact(context: RecommendContext, ranks: ReadonlyMap<string, number>): RecommendContext {
  const prev = context.previous as unknown;
  if (prev === null || typeof prev !== 'object' || Array.isArray(prev)) return context;
  const grade = (prev as { grade?: unknown }).grade;
  const gradeRank = typeof grade === 'string' ? (ranks.get(grade) ?? null) : null;
  return { ...context, previous: { ...(prev as Record<string, unknown>), gradeRank } };
}

class Scope implements RecordScope {
  private indicatorMap: Map<string, IndicatorResult> | undefined;
  private dimensionMap: Map<string, DimensionResult> | undefined;
  private readonly envs: BlockEnv[] = [];
  readonly stage: string | null;
  readonly context: RecommendContext;
  readonly facts: Facts;
  constructor(
    readonly shared: Shared,
    readonly result: EvaluationResult,
    readonly record: unknown,
    context: RecommendContext,
  ) {
    // Like the engine: the caller's stage, else the record's own `stage` field.
    const own = record !== null && typeof record === 'object' && Object.hasOwn(record, 'stage') ? (record as { stage?: unknown }).stage : undefined;
    this.stage = context.stage ?? (typeof own === 'string' ? own : null);
    this.context = contextFact(context !== null && typeof context === 'object' ? context : {}, shared.plan.gradeRanks);
    this.facts = this.buildFacts(this.context);
  }
  indicator(path: string): IndicatorResult | undefined {
    return (this.indicatorMap ??= new Map(this.result.indicators.map((i) => [i.path, i]))).get(path);
  }
  dimension(path: string): DimensionResult | undefined {
    return (this.dimensionMap ??= new Map(this.result.dimensions.map((d) => [d.path, d]))).get(path);
  }
  env(blockIndex: number): ExprEnv {
    return (this.envs[blockIndex] ??= new BlockEnv(this, this.shared.plan.blocks[blockIndex]?.block));
  }
  unitOf(blockIndex: number, _kind: 'param' | 'let', name: string): string | null {
    return nameUnit(this.shared.plan.blocks[blockIndex]?.block, this.shared.ir, name, 0);
  }
  private buildFacts(context: RecommendContext): Facts {
    const { plan } = this.shared;
    const result = this.result;
    const indicators: Record<string, unknown> = {};
    for (const p of plan.indicatorPaths) indicators[p] = indicatorEntry(this.indicator(p));
    const dimensions: Record<string, unknown> = {};
    for (const p of plan.dimensionPaths) dimensions[p] = dimensionEntry(this.dimension(p));
    const params: Record<string, Record<string, unknown>> = {};
    const derived: Record<string, Record<string, unknown>> = {};
    for (let i = 0; i < plan.blocks.length; i++) {
      const bp = plan.blocks[i]!;
      if (bp.names.size > 0) {
        const scope: Record<string, unknown> = {};
        for (const n of bp.names) scope[n] = toFact(this.env(i).name('let', n));
        params[bp.key] = scope;
      }
      if (bp.derived.size > 0) {
        const scope: Record<string, unknown> = {};
        for (const [key, expr] of bp.derived) scope[key] = toFact(evalExpr(expr, this.env(i)));
        derived[bp.key] = scope;
      }
    }
    const gradeRank = result.grade === null ? null : (plan.gradeRanks.get(result.grade) ?? null);
    return {
      scorecard: { grade: result.grade, gradeRank, total: result.total, stage: this.stage, indicators, dimensions },
      // A record that is not an object must not reach json-rules-engine as the `data` fact: it
      // would return the value itself for every path (the engine rejects such records anyway).
      data: this.record !== null && typeof this.record === 'object' && !Array.isArray(this.record) ? this.record : {},
      params,
      derived,
      context,
    };
  }
}

/** Returns the per-record scope builder for a planned rule set. */
export function createScopeBuilder(ir: RuleSetIR, plan: RulePlan): (result: EvaluationResult, record: unknown, context?: RecommendContext) => RecordScope {
  const shared: Shared = { ir, plan };
  return (result, record, context = {}) => new Scope(shared, result, record, context);
}
