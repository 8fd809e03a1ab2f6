/**
 * Lowers an indicator's scoring method to its IR form. Awards become `{ kind: 'fraction' }` when
 * their unit is a percentage (`80%` = 0.8 of the weight) and `{ kind: 'points' }` for plain
 * numbers; an award in any other unit is a type error (CMP214). Subjects and sources are noted in
 * the data facts with the type the method implies (rating and tiers subjects are text, tier
 * points and expert scores numbers). An indicator with a target but no `score` line is scored
 * `proportional` (完成率法); the method checks themselves live in methods.ts and bands.ts.
 */
import { assertNever } from '../common/diagnostic.js';
import type { Award, BandCondition, Expr, ScoreMethod } from '../dsl/ast.js';
import type { AwardIR, BandConditionIR, ExprIR, ScoreIR } from './ir.js';
import { exprText } from '../dsl/print-expr.js';
import { expect, lowerExpr, noteCount } from './expr.js';
import type { IdGen } from './ids.js';
import type { ExprCtx } from './scope.js';
import { RATIO, SCORE, unitFound } from './units.js';
import { COMPILE_TERMS } from './messages-terms.js';

export function lowerAward(a: Award, ctx: ExprCtx): AwardIR {
  const l = lowerExpr(a, ctx);
  if (l.ty.k === 'num' && l.ty.unit === RATIO) return { kind: 'fraction', value: l.ir };
  if (l.ty.k === 'num' && l.ty.unit !== null && l.ty.unit !== SCORE) {
    ctx.env.accept('CMP214', ctx.file, a.range, { expected: COMPILE_TERMS.percentageOrPoints, actual: unitFound(l.ty.unit) });
  } else expect(l, 'num', a.range, ctx);
  return { kind: 'points', value: l.ir };
}

export function bandLabel(c: BandCondition): string {
  switch (c.kind) {
    case 'compare':
      return `${c.op} ${exprText(c.bound)}`;
    case 'interval':
      return `${c.lowInclusive ? '[' : '('}${exprText(c.low)}, ${exprText(c.high)}${c.highInclusive ? ']' : ')'}`;
    case 'else':
      return 'else';
    default:
      return assertNever(c, 'band condition');
  }
}

function lowerBound(e: Expr, ctx: ExprCtx): ReturnType<typeof lowerExpr>['ir'] {
  const l = lowerExpr(e, ctx);
  expect(l, 'num', e.range, ctx);
  return l.ir;
}

function lowerCondition(c: BandCondition, ctx: ExprCtx): BandConditionIR {
  switch (c.kind) {
    case 'compare':
      return { kind: 'compare', op: c.op, bound: lowerBound(c.bound, ctx) };
    case 'interval':
      return {
        kind: 'interval',
        low: lowerBound(c.low, ctx),
        lowInclusive: c.lowInclusive,
        high: lowerBound(c.high, ctx),
        highInclusive: c.highInclusive,
      };
    case 'else':
      return { kind: 'else' };
    default:
      return assertNever(c, 'band condition');
  }
}

export function lowerScore(m: ScoreMethod, ctx: ExprCtx, ids: IdGen): ScoreIR {
  const id = ids.next('s', ctx.file, m.range);
  const sub = (range: ScoreMethod['range']): string => ids.next('b', ctx.file, range);
  switch (m.method) {
    case 'proportional':
      return { method: 'proportional', id };
    case 'yesno':
      return { method: 'yesno', id };
    case 'bands':
      return {
        method: 'bands',
        id,
        centered: m.centered,
        bands: m.bands.map((b) => ({ id: sub(b.range), label: bandLabel(b.condition), condition: lowerCondition(b.condition, ctx), award: lowerAward(b.award, ctx) })),
      };
    case 'rating': {
      const s = lowerExpr(m.subject, ctx);
      expect(s, 'str', m.subject.range, ctx);
      allowNumericLabels(s.ir, m.levels.map((l) => l.label.text), ctx);
      return { method: 'rating', id, subject: s.ir, levels: m.levels.map((l) => ({ id: sub(l.range), label: l.label.text, award: lowerAward(l.award, ctx) })) };
    }
    case 'tiers': {
      const s = lowerExpr(m.subject, ctx);
      expect(s, 'str', m.subject.range, ctx);
      allowNumericLabels(s.ir, m.tiers.map((t) => t.label.text), ctx);
      const out: ScoreIR = {
        method: 'tiers',
        id,
        subject: s.ir,
        pick: m.pick,
        tiers: m.tiers.map((t) => ({ id: sub(t.range), label: t.label.text, low: lowerAward(t.low, ctx), high: lowerAward(t.high, ctx) })),
      };
      if (m.point) {
        const p = lowerExpr(m.point, ctx);
        expect(p, 'num', m.point.range, ctx);
        out.point = p.ir;
      }
      return out;
    }
    case 'deduct': {
      const out: ScoreIR = { method: 'deduct', id, per: lowerBound(m.per, ctx), count: lowerBound(m.count, ctx) };
      noteCount(out.count, ctx);
      if (m.max) out.max = lowerBound(m.max, ctx);
      return out;
    }
    case 'step': {
      const out: ScoreIR = {
        method: 'step',
        id,
        per: lowerBound(m.per, ctx),
        step: lowerBound(m.step, ctx),
        direction: m.direction,
        threshold: lowerBound(m.threshold, ctx),
        counting: m.counting,
      };
      if (m.max) out.max = lowerBound(m.max, ctx);
      return out;
    }
    case 'linear':
      return { method: 'linear', id, points: m.points.map((p) => ({ x: lowerBound(p.x, ctx), y: lowerAward(p.y, ctx) })) };
    case 'checklist':
      return {
        method: 'checklist',
        id,
        items: m.items.map((i) => {
          const w = lowerExpr(i.when, ctx);
          expect(w, 'bool', i.when.range, ctx);
          return { id: sub(i.range), label: i.label.text, award: lowerAward(i.award, ctx), when: w.ir };
        }),
      };
    case 'expert': {
      const s = lowerExpr(m.source, ctx);
      expect(s, 'num', m.source.range, ctx);
      return { method: 'expert', id, source: s.ir };
    }
    case 'formula':
      return { method: 'formula', id, expr: lowerAward(m.expr, ctx) };
    default:
      return assertNever(m, 'score method');
  }
}

/** Levels labelled with numbers (`1: 100%`) also accept numeric data: records often code levels 1–4. */
function allowNumericLabels(ir: ExprIR, labels: readonly string[], ctx: ExprCtx): void {
  if (ir.kind !== 'data' || !labels.some((l) => /^\d+(?:\.\d+)?$/.test(l))) return;
  const use = ctx.env.facts.data.get(ir.path.join('.'));
  if (use && use.type === 'string') use.type = 'label';
}
