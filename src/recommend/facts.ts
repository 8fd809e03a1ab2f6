/**
 * Per record, what both evaluation paths read (fact layout in to-rules-engine.ts), built lazily
 * from the finished scorecard: the reference path asks for the whole `facts` object, which
 * json-rules-engine needs; the compiled path never builds it and reads each (fact, pointer) of
 * its rules through a reader compiled once per rule set (fact-readers.ts), which returns exactly
 * what `resolvePointer(facts[fact], pointer)` would (a test holds the two together). Params,
 * lets and derived facts are the engine's values (exprs.ts), evaluated at most once per record
 * and turned into plain JSON there; indicators are found by the position they had in the last
 * result, so no per-record map is built. Missing values are `null`.
 */
import type { ExprIR, RuleSetIR } from '../compile/ir.js';
import type { DimensionResult, EvaluationResult, IndicatorResult } from '../engine/result.js';
import { readPath, type Fn, type NodeMember } from '../engine/expr.js';
import { fromData, isFail, type Fail, type Val } from '../engine/values.js';
import { EVL } from '../engine/messages.js';
import { BlockExprs, type CardValues, constantValue, factOf, RecordCtx, type RecordView } from './exprs.js';
import { ownProperty } from './path.js';
import type { RulePlan } from './to-rules-engine.js';
import { nameUnit } from './units.js';

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

/** Shared per rule set: the plan, each block's compiled expressions, the fact slots. */
export interface Shared {
  ir: RuleSetIR;
  plan: RulePlan;
  exprs: BlockExprs[];
  /** Slot of each block's planned names and derived facts in a record's memo. */
  nameSlots: Map<string, number>[];
  derivedSlots: Map<string, number>[];
  slotCount: number;
  /**
   * A record's memo before any read: the value of each planned fact that reads nothing of a
   * record (a param `执行率收回线 = 60%`) and cannot fail, computed once; UNSET elsewhere.
   */
  memoStart: unknown[];
  /** Last seen position of each indicator/dimension path in a result's list. */
  indicatorAt: Map<string, Position>;
  dimensionAt: Map<string, Position>;
}

export const UNSET = Symbol('unset');

/** Where a path was in the last result's list (-1: not seen yet). */
export interface Position {
  at: number;
}

export function createShared(ir: RuleSetIR, plan: RulePlan): Shared {
  let slot = 0;
  const nameSlots = plan.blocks.map((bp) => new Map([...bp.names].map((n) => [n, slot++])));
  const derivedSlots = plan.blocks.map((bp) => new Map([...bp.derived.keys()].map((k) => [k, slot++])));
  const exprs = ir.ruleBlocks.map((b) => new BlockExprs(ir, b, plan.gradeRanks));
  const memoStart = new Array<unknown>(slot).fill(UNSET);
  const fixed = (slot: number, v: Val | undefined): void => {
    // A failure stays per record: reading it is what reports it (REC573).
    if (v !== undefined && !isFail(v)) memoStart[slot] = factOf(v);
  };
  plan.blocks.forEach((bp, i) => {
    const ex = exprs[i]!;
    for (const [n, s] of nameSlots[i]!) fixed(s, constantValue(ex, ex.nameExpr(n)));
    for (const [k, s] of derivedSlots[i]!) fixed(s, constantValue(ex, bp.derived.get(k)!));
  });
  return {
    ir,
    plan,
    exprs,
    nameSlots,
    derivedSlots,
    slotCount: slot,
    memoStart,
    indicatorAt: new Map(),
    dimensionAt: new Map(),
  };
}

export const scalar = (v: unknown): unknown => (v !== null && typeof v === 'object' ? undefined : v);

/** A new memo slot, UNSET on every record; only before the first record is scoped. */
export function addSlot(shared: Shared): number {
  shared.memoStart.push(UNSET);
  return shared.slotCount++;
}

export function indicatorMember(r: IndicatorResult, member: string): unknown {
  switch (member) {
    case 'value':
      return r.value;
    case 'points':
    case 'score':
      return r.points;
    case 'status':
      return r.status;
    case 'target':
      return r.target?.value ?? null;
    case 'rating':
      return r.value;
    default:
      return undefined;
  }
}

export function dimensionMember(r: DimensionResult, member: string): unknown {
  return member === 'points' || member === 'score' ? r.points : member === 'status' ? r.status : member === 'rating' ? (r.rating ?? null) : undefined;
}

function indicatorEntry(r: IndicatorResult | undefined): Record<string, unknown> | null {
  if (!r) return null;
  return { value: r.value, points: r.points, score: r.points, status: r.status, target: r.target?.value ?? null };
}

function dimensionEntry(r: DimensionResult | undefined): Record<string, unknown> | null {
  if (!r) return null;
  return { points: r.points, score: r.points, status: r.status, ...(r.rating !== undefined ? { rating: r.rating } : {}) };
}

/**
 * The entry for a path: `list[at]` when the last result had it there (results of one rule set
 * list their nodes in the same order), else the last entry with that path. Paths are unique in
 * the engine's results; both evaluation paths use this one lookup, so even a hand-made result
 * with repeated paths reads the same in both.
 */
export function find<T extends { path: string }>(list: readonly T[], path: string, cell: Position): T | undefined {
  const hit = list[cell.at];
  if (hit !== undefined && hit.path === path) return hit;
  for (let j = list.length - 1; j >= 0; j--) {
    const x = list[j]!;
    if (x.path === path) {
      cell.at = j;
      return x;
    }
  }
  return undefined;
}

/** The shared cell of a path's last position; a reader compiled for the path holds it directly. */
export function positionOf(at: Map<string, Position>, path: string): Position {
  let cell = at.get(path);
  if (cell === undefined) at.set(path, (cell = { at: -1 }));
  return cell;
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

const EMPTY: RecommendContext = {};

/** One record's scope: lazily evaluated names and derived facts, the facts object on demand. */
export class Scope implements RecordView {
  readonly context: RecommendContext;
  /** The `data` fact: the record when it is a plain object, else `{}`. */
  readonly data: Record<string, unknown>;
  private readonly givenStage: string | undefined;
  private stageValue: string | null | typeof UNSET = UNSET;
  private ctxs: (RecordCtx | undefined)[] | undefined;
  private memo: unknown[] | undefined;
  private built: Facts | undefined;
  private cardValues: CardValues | undefined;
  constructor(
    readonly shared: Shared,
    readonly result: EvaluationResult,
    private readonly record: unknown,
    context: RecommendContext,
  ) {
    this.givenStage = context.stage;
    const ctx = context !== null && typeof context === 'object' ? context : EMPTY;
    this.context = ctx.previous === undefined ? ctx : contextFact(ctx, shared.plan.gradeRanks);
    // A record that is not an object must not reach json-rules-engine as the `data` fact: it
    // would return the value itself for every path (the engine rejects such records anyway).
    this.data = record !== null && typeof record === 'object' && !Array.isArray(record) ? (record as Record<string, unknown>) : {};
  }

  /**
   * Like the engine: the caller's stage, else the record's own `stage` field; trimmed, as the
   * engine's `==` trims, so the leaf `stage == "事后"` decides as scoring does. Read on first use.
   */
  get stage(): string | null {
    let s = this.stageValue;
    if (s === UNSET) {
      const record = this.record;
      const own = record !== null && typeof record === 'object' && Object.hasOwn(record, 'stage') ? (record as { stage?: unknown }).stage : undefined;
      const stage = this.givenStage ?? (typeof own === 'string' ? own : null);
      s = this.stageValue = typeof stage === 'string' ? stage.trim() : stage;
    }
    return s;
  }

  indicator(path: string): IndicatorResult | undefined {
    return find(this.result.indicators, path, positionOf(this.shared.indicatorAt, path));
  }
  dimension(path: string): DimensionResult | undefined {
    return find(this.result.dimensions, path, positionOf(this.shared.dimensionAt, path));
  }
  gradeRank(): number | null {
    const g = this.result.grade;
    return g === null ? null : (this.shared.plan.gradeRanks.get(g) ?? null);
  }
  /** The rank of the grade the record states (`reported.grade`), ranked like `grade`. */
  reportedGradeRank(): number | null {
    const g = this.result.reported?.grade ?? null;
    return g === null ? null : (this.shared.plan.gradeRanks.get(g) ?? null);
  }

  node(path: string, member: NodeMember): Val {
    const ind = this.indicator(path);
    if (ind) return fromData(indicatorMember(ind, member));
    const dim = this.dimension(path);
    return dim ? fromData(dimensionMember(dim, member)) : null;
  }
  readContext(root: string, path: readonly string[]): Val {
    return fromData(readPath(ownProperty(this.context, root), path));
  }

  card(): CardValues {
    const r = this.result;
    return (this.cardValues ??= {
      total: fromData(r.total),
      grade: fromData(r.grade),
      stage: this.stage,
      reportedTotal: fromData(r.reported?.total ?? null),
      reportedGrade: fromData(r.reported?.grade ?? null),
    });
  }

  private ctx(blockIndex: number): RecordCtx {
    const ctxs = (this.ctxs ??= []);
    let c = ctxs[blockIndex];
    if (c === undefined) {
      c = new RecordCtx(this.data, this);
      ctxs[blockIndex] = c;
    }
    return c;
  }

  /** An expression of a block, evaluated by the engine for this record. */
  value(blockIndex: number, e: ExprIR): Val {
    return this.shared.exprs[blockIndex]!.fn(e)(this.ctx(blockIndex), null);
  }
  /** A block's compiled expression (BlockExprs.fn), run for this record. */
  run(blockIndex: number, fn: Fn): Val {
    return fn(this.ctx(blockIndex), null);
  }
  /** A param or let of a block's scope. */
  name(blockIndex: number, name: string): Val {
    return this.shared.exprs[blockIndex]!.name(name)(this.ctx(blockIndex), null);
  }
  /** Unit of a name in a block's scope ('%', '元', …) or null. */
  unitOf(blockIndex: number, name: string): string | null {
    return nameUnit(this.shared.plan.blocks[blockIndex]?.block, this.shared.ir, name);
  }

  /** A planned param/let as a fact, evaluated once per record. */
  nameFact(blockIndex: number, slot: number, name: string): unknown {
    const memo = (this.memo ??= this.shared.memoStart.slice());
    let v = memo[slot];
    if (v === UNSET) memo[slot] = v = this.kept(slot, this.name(blockIndex, name));
    return v;
  }
  /** A fact read by rules, in a slot of its own (`addSlot`): read once per record. */
  cached(slot: number, read: (scope: Scope) => unknown): unknown {
    const memo = (this.memo ??= this.shared.memoStart.slice());
    let v = memo[slot];
    if (v === UNSET) memo[slot] = v = read(this);
    return v;
  }
  /** A planned derived fact, evaluated once per record. */
  derivedFact(blockIndex: number, slot: number, e: ExprIR): unknown {
    const memo = (this.memo ??= this.shared.memoStart.slice());
    let v = memo[slot];
    if (v === UNSET) memo[slot] = v = this.kept(slot, this.value(blockIndex, e));
    return v;
  }
  /**
   * Why the fact in `slot` could not be computed (a division by zero, a wrong type), once it was
   * read; undefined when it was computed or its data is only missing (missing stays "false", as
   * documented, and is no error). failed-facts.ts makes the rules reading it unavailable.
   */
  failure(slot: number): Fail | undefined {
    return this.failures?.get(slot);
  }
  /** Whether any fact read so far could not be computed. */
  anyFailure(): boolean {
    return this.failures !== undefined;
  }
  private failures: Map<number, Fail> | undefined;
  private kept(slot: number, v: Val): unknown {
    if (isFail(v) && v.code !== EVL.MISSING) (this.failures ??= new Map()).set(slot, v);
    return factOf(v);
  }

  /** The whole facts object, as json-rules-engine reads it; built on first use. */
  get facts(): Facts {
    return (this.built ??= this.buildFacts());
  }
  private buildFacts(): Facts {
    const { plan, nameSlots, derivedSlots } = this.shared;
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
        for (const [n, slot] of nameSlots[i]!) scope[n] = this.nameFact(i, slot, n);
        params[bp.key] = scope;
      }
      if (bp.derived.size > 0) {
        const scope: Record<string, unknown> = {};
        for (const [key, slot] of derivedSlots[i]!) scope[key] = this.derivedFact(i, slot, bp.derived.get(key)!);
        derived[bp.key] = scope;
      }
    }
    return {
      scorecard: {
        grade: result.grade,
        gradeRank: this.gradeRank(),
        total: result.total,
        stage: this.stage,
        reportedTotal: result.reported?.total ?? null,
        reportedGrade: result.reported?.grade ?? null,
        reportedGradeRank: this.reportedGradeRank(),
        indicators,
        dimensions,
      },
      data: this.data,
      params,
      derived,
      context: this.context,
    };
  }
}
