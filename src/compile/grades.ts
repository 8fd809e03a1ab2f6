/**
 * Grade checks: cut-offs strictly descending (CMP307, quoting both numbers), no label twice
 * (CMP308), `otherwise` only last (CMP310) and present — without it scores below the lowest
 * cut get no grade, which must be a decision, not an accident (CMP309, warning) — cut-offs within
 * the scale (CMP310); vetoes name a real grade (CMP218) and caps stay within the scale (CMP325).
 */
import { Decimal } from './decimal.js';
import type { CheckInput } from './check-input.js';
import { suggest } from './suggest.js';
import { COMPILE_TERMS } from './messages-terms.js';
import { slotNumber } from './slots.js';

export function checkGrades(c: CheckInput): void {
  const { rf, accept } = c;
  const g = rf.grades;
  if (!g) return;
  const scale = new Decimal(c.ir.settings.scale);
  const seen = new Set<string>();
  let prev: { min: Decimal; text: string } | undefined;
  const cuts = g.decl.grades;
  cuts.forEach((cut, i) => {
    const label = cut.label.text;
    if (seen.has(label)) accept('CMP308', g.file, cut.label.range, { name: label });
    seen.add(label);
    if (!cut.min) {
      if (i !== cuts.length - 1) accept('CMP310', g.file, cut.range, { what: 'order' });
      return;
    }
    // A cut-off by a param that could not be resolved was reported where it was resolved.
    const lit = slotNumber(cut.min);
    if (!lit) return;
    const min = new Decimal(lit.value);
    if (scale.gt(0) && min.gt(scale)) accept('CMP310', g.file, lit.range, { what: 'scale', label, min: lit.text, scale: scale.toString() });
    if (prev && !min.lt(prev.min)) accept('CMP307', g.file, lit.range, { label, min: lit.text, prev: prev.text });
    prev = { min, text: lit.text };
  });
  const last = cuts[cuts.length - 1];
  if (last && cuts.every((cut) => cut.min !== undefined)) {
    accept('CMP309', g.file, last.range, { lowest: slotNumber(last.min)?.text ?? '' });
  }
}

export function checkVetoes(c: CheckInput): void {
  const { rf, accept } = c;
  const grades = c.env.grades;
  const scale = new Decimal(c.ir.settings.scale);
  for (const { decl, file } of rf.vetoes) {
    const e = decl.effect;
    if (e.kind === 'grade' && !grades.includes(e.grade.text)) {
      accept('CMP218', file, e.grade.range, { name: e.grade.text, grades: grades.join('、') || COMPILE_TERMS.none, suggestion: suggest(e.grade.text, grades) });
    }
    const cap = e.kind === 'cap' ? slotNumber(e.value) : undefined;
    if (cap && new Decimal(cap.value).gt(scale)) {
      accept('CMP325', file, cap.range, { value: cap.text, scale: scale.toString() });
    }
  }
}

/** Settings with values outside what the engine can honour. */
export function checkSettings(c: CheckInput): void {
  const { rf, accept } = c;
  for (const { decl, file } of rf.settings.values()) {
    if (decl.kind === 'scale' && !new Decimal(decl.value.value).gt(0)) {
      accept('CMP223', file, decl.range, { name: 'scale', value: decl.value.text, why: COMPILE_TERMS.scalePositive });
    }
    if (decl.kind === 'reported_precision' && decl.digits > 6) {
      accept('CMP223', file, decl.range, { name: 'reported precision', value: decl.digits, why: COMPILE_TERMS.precisionRange });
    }
    if (decl.kind === 'precision' && (decl.digits < 0 || decl.digits > 6 || !Number.isInteger(decl.digits))) {
      accept('CMP223', file, decl.range, { name: 'precision', value: decl.digits, why: COMPILE_TERMS.precisionRange });
    }
  }
}
