/**
 * Scoring-method checks per indicator: a method at all (CMP322; a target alone means
 * proportional), the value and target a method needs (CMP323, CMP318), yes/no needs a yes/no
 * value (CMP319), rating/tiers/linear/checklist need their entries (CMP320), linear points in
 * ascending order (CMP326), tier ranges not upside down (CMP327), constant awards within 0–100% of
 * the weight or within the weight in points (CMP315, CMP316), and deductions that may exceed the
 * weight (CMP317, warning: the floor at 0 — 扣完为止 — always applies, `max` makes it explicit).
 */
import { assertNever } from '../common/diagnostic.js';
import { Decimal } from './decimal.js';
import type { Award, IndicatorDecl } from '../dsl/ast.js';
import type { CheckInput } from './check-input.js';
import { constOf, showConst } from './const.js';
import type { RNode } from './model.js';
import { isIndicator, walkNodes } from './model.js';
import { RATIO } from './units.js';
import { COMPILE_TERMS } from './messages-terms.js';

const NEEDS_VALUE = new Set(['proportional', 'bands', 'yesno', 'linear', 'step']);

export function checkMethods(c: CheckInput): void {
  walkNodes(c.rf.roots, (n) => {
    if (isIndicator(n)) checkIndicator(c, n, n.decl);
  });
}

function checkIndicator(c: CheckInput, n: RNode, d: IndicatorDecl): void {
  const { accept } = c;
  const file = n.file;
  const weight = n.weight ? new Decimal(n.weight.decl.value) : undefined;
  const m = d.score;
  if (!m) {
    if (!d.target) accept('CMP322', file, d.name.range, { name: n.name });
    else if (!d.value) accept('CMP323', file, d.name.range, { method: 'proportional' });
    return;
  }
  if (NEEDS_VALUE.has(m.method) && !d.value) accept('CMP323', file, m.range, { method: m.method });
  switch (m.method) {
    case 'proportional':
      if (!d.target) accept('CMP318', file, m.range, { method: 'proportional' });
      break;
    case 'yesno': {
      const t = c.env.valueTy(n);
      if (d.value && t.k !== 'bool' && t.k !== 'any')
        accept('CMP319', file, d.value.range, {
          actual:
            t.k === 'num' ? COMPILE_TERMS.number : t.k === 'str' ? COMPILE_TERMS.text : t.k === 'grade' ? COMPILE_TERMS.kindGrade : COMPILE_TERMS.kindList,
        });
      break;
    }
    case 'bands':
      if (m.bands.length === 0 && !m.table) accept('CMP320', file, m.range, { method: 'bands', what: COMPILE_TERMS.atLeastOneBand });
      m.bands.forEach((b) => checkAward(c, file, b.award, weight));
      break;
    case 'rating':
      if (m.levels.length === 0 && !m.table) accept('CMP320', file, m.range, { method: 'rating', what: COMPILE_TERMS.levelsWithAwards });
      m.levels.forEach((l) => checkAward(c, file, l.award, weight));
      break;
    case 'tiers':
      if (m.tiers.length === 0) accept('CMP320', file, m.range, { method: 'tiers', what: COMPILE_TERMS.tiersExample });
      for (const t of m.tiers) {
        checkAward(c, file, t.low, weight);
        checkAward(c, file, t.high, weight);
        const lo = constOf(t.low, c.scope);
        const hi = constOf(t.high, c.scope);
        if (lo && hi && lo.unit === hi.unit && lo.value.gt(hi.value)) {
          accept('CMP327', file, t.range, { label: t.label.text, low: showConst(lo), high: showConst(hi) });
        }
      }
      break;
    case 'linear': {
      if (m.points.length < 2) accept('CMP320', file, m.range, { method: 'linear', what: COMPILE_TERMS.atLeastTwoPoints });
      let prev: Decimal | undefined;
      let prevText = '';
      for (const p of m.points) {
        checkAward(c, file, p.y, weight);
        const x = constOf(p.x, c.scope);
        if (x && prev && !x.value.gt(prev)) accept('CMP326', file, p.range, { x: showConst(x), prev: prevText });
        if (x) {
          prev = x.value;
          prevText = showConst(x);
        }
      }
      break;
    }
    case 'checklist':
      if (m.items.length === 0) accept('CMP320', file, m.range, { method: 'checklist', what: COMPILE_TERMS.atLeastOneElement });
      m.items.forEach((i) => checkAward(c, file, i.award, weight));
      break;
    case 'deduct':
    case 'step': {
      const per = constOf(m.per, c.scope);
      const max = m.max ? constOf(m.max, c.scope) : undefined;
      if (!weight) break;
      if (m.max) {
        if (max && max.value.gt(weight)) accept('CMP317', file, m.max.range, { max: max.value.toString(), weight: weight.toString() });
      } else if (!(m.method === 'deduct' && per && constOf(m.count, c.scope) && per.value.times(constOf(m.count, c.scope)!.value).lte(weight))) {
        accept('CMP317', file, m.range, { per: per ? per.value.toString() : COMPILE_TERMS.some, weight: weight.toString() });
      }
      break;
    }
    case 'expert':
      break;
    case 'formula':
      checkAward(c, file, m.expr, weight);
      break;
    default:
      assertNever(m, 'score method');
  }
}

function checkAward(c: CheckInput, file: string, a: Award, weight: Decimal | undefined): void {
  const k = constOf(a, c.scope);
  if (!k) return;
  if (k.unit === RATIO) {
    if (k.value.gt(1) || k.value.isNegative()) c.accept('CMP315', file, a.range, { award: showConst(k) });
    return;
  }
  if (k.unit !== null) return;
  if (k.value.isNegative()) c.accept('CMP315', file, a.range, { award: showConst(k) });
  else if (weight && k.value.gt(weight)) c.accept('CMP316', file, a.range, { points: k.value.toString(), weight: weight.toString() });
}
