/**
 * The one boundary between the recommendation stage and the engine's expression compiler
 * (src/engine/expr.ts). Rule-block params and lets, derived facts, line bases, action amounts and
 * combine caps are compiled once per rule block by `compileExpr` — the same closures, the same
 * meaning of `==`, numeric strings, trimming, yes/no words and division as in scoring — and run
 * against the finished scorecard through a `Ctx` whose `node`, `scorecard` and `context` read the
 * result and the caller's context. Whatever the engine returns as a failure (missing data, a type
 * mismatch, a division by zero) becomes "unavailable" here and nowhere else: `null` as a fact,
 * no number as an amount. A block's own params and lets shadow the framework's of the same name.
 */
import type { ExprIR, RuleBlockIR, RuleSetIR } from '../compile/ir.js';
import { compileExpr, type Ctx, type ExprEnv, type Fn, type NodeMember } from '../engine/expr.js';
import { asNumber, isDec, isFail, toJson, type Val } from '../engine/values.js';
import type { Num } from '../engine/num.js';
import { findName } from './units.js';
import { assertNever } from '../common/diagnostic.js';

/** The scorecard's values as expressions read them (`total`, `grade`, …). */
export type CardValues = { total?: Val; grade?: Val; stage?: Val; reportedTotal?: Val; reportedGrade?: Val };

/** What a record offers the expressions of every block: the scorecard's nodes and the context. */
export interface RecordView {
  node(path: string, member: NodeMember): Val;
  readContext(root: string, path: readonly string[]): Val;
  /** Built on first read: most records' rule blocks never read the scorecard's values. */
  card(): CardValues;
}

/** One block's expressions, compiled on first use and kept for every record. */
export class BlockExprs {
  private readonly env: ExprEnv;
  private readonly fns = new Map<ExprIR, Fn>();
  private readonly names = new Map<string, Fn>();
  constructor(
    private readonly ir: RuleSetIR,
    private readonly block: RuleBlockIR | undefined,
    gradeRank: Map<string, number>,
  ) {
    const params = new Map<string, ExprIR>();
    const lets = new Map<string, ExprIR>();
    for (const p of ir.params) params.set(p.name, p.value);
    for (const l of ir.lets) lets.set(l.name, l.value);
    // The block's names shadow the framework's, whichever kind either side declared.
    for (const p of block?.params ?? []) lets.delete(p.name), params.set(p.name, p.value);
    for (const l of block?.lets ?? []) params.delete(l.name), lets.set(l.name, l.value);
    this.env = { params, lets, gradeRank, compiled: new Map() };
  }

  /** The closure of an expression of this block (cached by IR node). */
  fn(e: ExprIR): Fn {
    let f = this.fns.get(e);
    if (f === undefined) {
      f = compileExpr(e, this.env);
      this.fns.set(e, f);
    }
    return f;
  }

  /** Whether `e` reads nothing of a record; a chain of names deeper than 64 counts as reading. */
  isConstant(e: ExprIR, depth: number): boolean {
    if (depth > 64) return false;
    switch (e.kind) {
      case 'number':
      case 'string':
      case 'boolean':
        return true;
      case 'param':
      case 'let': {
        const def = (e.kind === 'param' ? this.env.params : this.env.lets).get(e.name);
        return def !== undefined && this.isConstant(def, depth + 1);
      }
      case 'unary':
        return this.isConstant(e.operand, depth + 1);
      case 'binary':
        return this.isConstant(e.left, depth + 1) && this.isConstant(e.right, depth + 1);
      case 'if':
        return this.isConstant(e.condition, depth + 1) && this.isConstant(e.then, depth + 1) && this.isConstant(e.otherwise, depth + 1);
      case 'call':
        // Every built-in is a pure function of its arguments.
        return e.args.every((a) => this.isConstant(a, depth + 1));
      case 'data':
      case 'node':
      case 'self':
      case 'scorecard':
      case 'context':
        return false;
      default:
        return assertNever(e, 'expression kind');
    }
  }

  /** A param or let by name as an expression, of the kind its declaration in the block's scope has. */
  nameExpr(name: string): ExprIR {
    const decl = findName(this.block, this.ir, name);
    const isParam = decl !== undefined && (this.block?.params.includes(decl as never) || this.ir.params.includes(decl as never));
    return { kind: isParam ? 'param' : 'let', name };
  }

  /** The closure reading a param or let by name, resolved in the block's scope. */
  name(name: string): Fn {
    let f = this.names.get(name);
    if (f === undefined) {
      f = compileExpr(this.nameExpr(name), this.env);
      this.names.set(name, f);
    }
    return f;
  }
}

/** A context for expressions that read nothing of a record (`BlockExprs.constant`). */
const NO_CARD: CardValues = {};
const NO_RECORD: RecordView = { node: () => null, readContext: () => null, card: () => NO_CARD };

/**
 * The value of `e` when it reads nothing of a record — literals, operators, built-ins and names
 * defined by such (`-调减比例`, a cap of `50%`) — computed once, as the engine computes it for
 * any record; `undefined` when it reads data, the scorecard, a node or the context. A name
 * resolves as the engine resolves it (`named` in engine/expr.ts: the env map of its kind).
 */
export function constantValue(exprs: BlockExprs, e: ExprIR): Val | undefined {
  if (!exprs.isConstant(e, 0)) return undefined;
  return exprs.fn(e)(new RecordCtx({}, NO_RECORD), null);
}

/** A record's context for one block: its own let cache, the shared data and scorecard. */
export class RecordCtx implements Ctx {
  private lets: Map<string, Val> | undefined;
  constructor(
    readonly data: Record<string, unknown>,
    private readonly view: RecordView,
  ) {}
  // Made on first use: a record whose block expressions read no name needs no cache.
  get cache(): Map<string, Val> {
    return (this.lets ??= new Map());
  }
  get scorecard(): CardValues {
    return this.view.card();
  }
  node(path: string, member: NodeMember): Val {
    return this.view.node(path, member);
  }
  context(root: string, path: readonly string[]): Val {
    return this.view.readContext(root, path);
  }
}

/** An engine value as a fact (plain JSON): a failure is unavailable, `null`. */
export function factOf(v: Val): unknown {
  return toJson(v);
}

/** An engine value as an exact amount, read as scoring reads numbers; a failure is no amount. */
export function decOf(v: Val): Num | null {
  if (v === null || isFail(v)) return null;
  const n = asNumber(v, 'amount');
  return isDec(n) ? n : null;
}
