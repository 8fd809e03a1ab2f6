/**
 * The middle layer of the one CST visitor: indicator clauses (value, unit, target, applicable,
 * missing) and every scoring method (proportional, bands, centered bands, rating, tiers,
 * deduct, step deduct, yesno, linear, checklist, expert, formula). Each visit method receives
 * its CST node as the visitor parameter so the AST node gets the node's exact range. Entries
 * that recovery left incomplete are dropped, never invented.
 */
import type { CstNode, IToken } from 'chevrotain';
import { Decimal } from 'decimal.js';
import type { Band, BandCondition, Expr, MissingPolicy, Name, ScoreMethod, SharedMethodDecl, TargetDecl, Unit } from './ast.js';
import type {
  ApplicableClauseCstChildren,
  BandCstChildren,
  BandListCstChildren,
  RangeConditionCstChildren,
  BandsMethodCstChildren,
  CheckItemCstChildren,
  ChecklistMethodCstChildren,
  DeductMethodCstChildren,
  LinearMethodCstChildren,
  LinearPointCstChildren,
  MissingClauseCstChildren,
  RatingLevelCstChildren,
  RatingListCstChildren,
  RatingMethodCstChildren,
  ScoreClauseCstChildren,
  SharedMethodDeclCstChildren,
  TargetClauseCstChildren,
  TierCstChildren,
  TiersMethodCstChildren,
  UnitClauseCstChildren,
  ValueClauseCstChildren,
} from './cst-types.js';
import { missingPolicy, OPTION_WORDS, parseNumberText, pickMode, unitWord } from './literals.js';
import * as msg from './messages.js';
import { ExprVisitor, first } from './to-ast-expr.js';

type RatingLevel = { label: Name; award: Expr; range: import('../common/diagnostic.js').SourceRange };

export class ScoreVisitor extends ExprVisitor {
  /** Visits `node` passing the node itself, so the method can take its range. */
  protected sub<T>(node: CstNode | undefined): T | undefined {
    return node ? (this.visit(node, node) as T | undefined) : undefined;
  }

  protected subs<T>(nodes: readonly CstNode[] | undefined): T[] {
    const out: T[] = [];
    if (nodes) {
      for (const n of nodes) {
        const x = this.sub<T>(n);
        if (x !== undefined) out.push(x);
      }
    }
    return out;
  }

  // ── indicator clauses ───────────────────────────────────────────────────────────────────
  valueClause(ctx: ValueClauseCstChildren): Expr | undefined {
    return this.exprOf(first(ctx.expression));
  }

  unitClause(ctx: UnitClauseCstChildren): Unit | undefined {
    if (ctx.Percent) return '%';
    const base = first(ctx.perBase);
    // The base's own unit is dropped: `per 10万` means per 100000, whatever 万 means for money.
    if (base) return Number.isFinite(base.startOffset) ? `per ${parseNumberText(base.image)?.value ?? base.image}` : undefined;
    const n = this.nameOf(first(ctx.name));
    return n ? unitWord(n.text) : undefined;
  }

  targetClause(ctx: TargetClauseCstChildren, node: CstNode): TargetDecl | undefined {
    const between = ctx.Between !== undefined;
    const value = this.exprOf(between ? first(ctx.low) : first(ctx.expression));
    const upper = between ? this.exprOf(first(ctx.high)) : undefined;
    const tolerance = this.exprOf(first(ctx.tolerance));
    if (!value || (between && !upper)) return undefined;
    const op = between ? 'between' : ctx.GtEq ? '>=' : ctx.LtEq ? '<=' : '=';
    return { kind: 'target', op, value, ...(upper ? { upper } : {}), ...(tolerance ? { tolerance } : {}), range: this.nodeRange(node) };
  }

  applicableClause(ctx: ApplicableClauseCstChildren): Expr | undefined {
    return this.exprOf(first(ctx.expression));
  }

  missingClause(ctx: MissingClauseCstChildren): MissingPolicy | undefined {
    const n = this.nameOf(first(ctx.name));
    return n ? this.option(n, missingPolicy, 'missing', OPTION_WORDS.missing) : undefined;
  }

  /** Looks an option word up; reports DSL106 when unknown. */
  protected option<T>(n: Name, lookup: (w: string) => T | undefined, what: msg.OptionKind, allowed: readonly string[]): T | undefined {
    const v = lookup(n.text);
    if (v === undefined) this.report(msg.DSL.unknownOption, msg.unknownOption(this.lang, n.text, what, allowed), n.range);
    return v;
  }

  // ── scoring methods ─────────────────────────────────────────────────────────────────────
  scoreClause(ctx: ScoreClauseCstChildren, node: CstNode): ScoreMethod | undefined {
    const inner: ScoreMethod | undefined = ctx.Proportional
      ? { method: 'proportional', range: this.tokRange(first(ctx.Proportional)) }
      : ctx.YesNo
        ? { method: 'yesno', range: this.tokRange(first(ctx.YesNo)) }
        : ctx.Expert
          ? this.single('expert', first(ctx.expertSource))
          : ctx.Formula
            ? this.single('formula', first(ctx.formula))
            : this.sub<ScoreMethod>(
                first(ctx.bandsMethod) ??
                  first(ctx.ratingMethod) ??
                  first(ctx.tiersMethod) ??
                  first(ctx.deductMethod) ??
                  first(ctx.linearMethod) ??
                  first(ctx.checklistMethod),
              );
    if (!inner) return undefined;
    // The method's range covers the whole clause, `score` keyword included.
    inner.range = this.nodeRange(node);
    return inner;
  }

  private single(method: 'expert' | 'formula', exprNode: CstNode | undefined): ScoreMethod | undefined {
    const e = this.exprOf(exprNode);
    if (!e) return undefined;
    return method === 'expert' ? { method, source: e, range: e.range } : { method, expr: e, range: e.range };
  }

  bandsMethod(ctx: BandsMethodCstChildren, node: CstNode): ScoreMethod {
    const list = first(ctx.bandList);
    const bands = list ? (this.visit(list) as Band[]) : [];
    const table = this.nameOf(first(ctx.table));
    return { method: 'bands', centered: ctx.Centered !== undefined, bands, ...(table ? { table } : {}), range: this.nodeRange(node) };
  }

  bandList(ctx: BandListCstChildren): Band[] {
    return this.subs<Band>(ctx.band);
  }

  ratingList(ctx: RatingListCstChildren): RatingLevel[] {
    return this.subs<RatingLevel>(ctx.ratingLevel);
  }

  /** `bands 满意度档 { … }` / `rating 评审档 { … }` declared in a framework. */
  sharedMethodDecl(ctx: SharedMethodDeclCstChildren, node: CstNode): SharedMethodDecl | undefined {
    const name = this.nameOf(first(ctx.name));
    if (!name) return undefined;
    const range = this.nodeRange(node);
    const bands = first(ctx.bandList);
    if (bands) return { kind: 'sharedBands', name, bands: this.visit(bands) as Band[], range };
    const levels = first(ctx.ratingList);
    return levels ? { kind: 'sharedRating', name, levels: this.visit(levels) as RatingLevel[], range } : undefined;
  }

  band(ctx: BandCstChildren, node: CstNode): Band | undefined {
    let condition: BandCondition | undefined;
    if (ctx.Otherwise) {
      condition = { kind: 'else' };
      this.tokRange(first(ctx.Otherwise));
    } else {
      condition = this.sub<BandCondition>(first(ctx.rangeCondition));
    }
    const award = this.exprOf(first(ctx.award));
    if (!condition || !award) return undefined;
    return { condition, award, range: this.nodeRange(node) };
  }

  /** A comparison with a bound or an interval; `else` is the band's own alternative. */
  rangeCondition(ctx: RangeConditionCstChildren): BandCondition | undefined {
    if (ctx.open) {
      const low = this.exprOf(first(ctx.low));
      const high = this.exprOf(first(ctx.high));
      const open = first(ctx.open);
      const close = first(ctx.close);
      if (!low || !high || !open || !close) return undefined;
      return { kind: 'interval', low, lowInclusive: open.tokenType.name === 'LBracket', high, highInclusive: close.tokenType.name === 'RBracket' };
    }
    const op = ctx.GtEq ? '>=' : ctx.Gt ? '>' : ctx.LtEq ? '<=' : ctx.Lt ? '<' : '=';
    const bound = this.exprOf(first(ctx.bound));
    return bound ? { kind: 'compare', op, bound } : undefined;
  }

  ratingMethod(ctx: RatingMethodCstChildren, node: CstNode): ScoreMethod | undefined {
    const subject = this.exprOf(first(ctx.expression));
    const list = first(ctx.ratingList);
    const levels = list ? (this.visit(list) as RatingLevel[]) : [];
    const table = this.nameOf(first(ctx.table));
    return subject ? { method: 'rating', subject, levels, ...(table ? { table } : {}), range: this.nodeRange(node) } : undefined;
  }

  /**
   * A label, or a number used as one. A plain number is normalised the way the engine prints a
   * numeric data value (`1.50` → `1.5`), so `1: 100%` matches the data value 1; a number with a
   * unit (`1个`) keeps its text as written and matches that text only.
   */
  private levelLabel(ctx: { label?: CstNode[]; numberLabel?: IToken[] }): Name | undefined {
    const n = first(ctx.numberLabel);
    if (n) {
      if (!Number.isFinite(n.startOffset)) return undefined;
      const text = /^\d+(?:\.\d+)?$/.test(n.image) ? new Decimal(n.image).toFixed() : n.image;
      return { text, range: this.tokRange(n) };
    }
    return this.nameOf(first(ctx.label));
  }

  ratingLevel(ctx: RatingLevelCstChildren, node: CstNode): RatingLevel | undefined {
    const label = this.levelLabel(ctx);
    const award = this.exprOf(first(ctx.award));
    return label && award ? { label, award, range: this.nodeRange(node) } : undefined;
  }

  tiersMethod(ctx: TiersMethodCstChildren, node: CstNode): ScoreMethod | undefined {
    const subject = this.exprOf(first(ctx.subject));
    const point = this.exprOf(first(ctx.point));
    const pickName = this.nameOf(first(ctx.pick));
    const pick = (pickName && this.option(pickName, pickMode, 'pick', OPTION_WORDS.pick)) ?? 'low';
    const tiers = this.subs<{ label: Name; low: Expr; high: Expr; range: RatingLevel['range'] }>(ctx.tier);
    if (!subject) return undefined;
    return { method: 'tiers', subject, ...(point ? { point } : {}), pick, tiers, range: this.nodeRange(node) };
  }

  tier(ctx: TierCstChildren, node: CstNode): { label: Name; low: Expr; high: Expr; range: RatingLevel['range'] } | undefined {
    const label = this.levelLabel(ctx);
    const low = this.exprOf(first(ctx.low));
    const high = this.exprOf(first(ctx.high));
    return label && low && high ? { label, low, high, range: this.nodeRange(node) } : undefined;
  }

  deductMethod(ctx: DeductMethodCstChildren, node: CstNode): ScoreMethod | undefined {
    const per = this.exprOf(first(ctx.per));
    const count = this.exprOf(first(ctx.count));
    const threshold = this.exprOf(first(ctx.threshold));
    const max = this.exprOf(first(ctx.max));
    const maxPart = max ? { max } : {};
    if (!per || !count) return undefined;
    if (ctx.Above || ctx.Below) {
      if (!threshold) return undefined;
      return {
        method: 'step',
        per,
        step: count,
        direction: ctx.Above ? 'above' : 'below',
        threshold,
        counting: ctx.Fractional ? 'fractional' : 'whole',
        ...maxPart,
        range: this.nodeRange(node),
      };
    }
    return { method: 'deduct', per, count, ...maxPart, range: this.nodeRange(node) };
  }

  linearMethod(ctx: LinearMethodCstChildren, node: CstNode): ScoreMethod {
    const points = this.subs<{ x: Expr; y: Expr; range: RatingLevel['range'] }>(ctx.linearPoint);
    return { method: 'linear', points, range: this.nodeRange(node) };
  }

  linearPoint(ctx: LinearPointCstChildren, node: CstNode): { x: Expr; y: Expr; range: RatingLevel['range'] } | undefined {
    const x = this.exprOf(first(ctx.x));
    const y = this.exprOf(first(ctx.y));
    return x && y ? { x, y, range: this.nodeRange(node) } : undefined;
  }

  checklistMethod(ctx: ChecklistMethodCstChildren, node: CstNode): ScoreMethod {
    const items = this.subs<{ label: Name; award: Expr; when: Expr; range: RatingLevel['range'] }>(ctx.checkItem);
    return { method: 'checklist', items, range: this.nodeRange(node) };
  }

  checkItem(ctx: CheckItemCstChildren, node: CstNode): { label: Name; award: Expr; when: Expr; range: RatingLevel['range'] } | undefined {
    const label = this.nameOf(first(ctx.label));
    const award = this.exprOf(first(ctx.award));
    const when = this.exprOf(first(ctx.expression));
    return label && award && when ? { label, award, when, range: this.nodeRange(node) } : undefined;
  }
}

export type { IToken };
