/**
 * Special-fund allocation by the factor method (因素法), linked to performance: a fixed pool in 元
 * is split across recipients by declared factors (each with a weight and a value per recipient;
 * `inverse` factors favour smaller values, e.g. fiscal capacity) and a performance coefficient per
 * recipient (given, or looked up from its grade; default 1).
 *
 *   factor share_r = Σ_f (w_f / Σw) × x_rf / Σ_j x_jf      (x = v, or 1/v when inverse)
 *   quota_r        = pool × c_r × share_r / Σ_j c_j × share_j
 *
 * Amounts are exact to the cent and sum EXACTLY to the pool: each quota is floored to the cent and
 * the remaining cents go one each to the largest remainders, ties broken by recipient id
 * (ascending, by UTF-16 code units) so the result never depends on input order. Every amount is
 * within one cent of its exact quota. Quotas are computed with 50 significant digits and rounded
 * to 30 decimals of a cent before flooring, so a quota that is exactly a whole cent is not lost
 * to a trailing …999. Bad input is reported as REC55x diagnostics, never thrown.
 */
import type { Diagnostic } from '../common/diagnostic.js';
import type { TraceStep } from '../engine/result.js';
import { Dec } from './decimal.js';
import { recDiagnostic } from './messages.js';

export type DecimalInput = string | number;

export interface AllocationFactor {
  name: string;
  weight: DecimalInput;
  inverse?: boolean;
  /** Value per recipient id. */
  values: Record<string, DecimalInput>;
}

export interface AllocationRecipient {
  id: string;
  coefficient?: DecimalInput;
  grade?: string;
}

export interface AllocationInput {
  /** The pool in 元, at most two decimals. */
  pool: DecimalInput;
  factors: AllocationFactor[];
  recipients: AllocationRecipient[];
  /** Coefficient per grade label, used when a recipient has a grade and no coefficient. */
  gradeCoefficients?: Record<string, DecimalInput>;
}

export interface AllocationShare {
  id: string;
  coefficient: string;
  factors: { name: string; value: string; share: string; weighted: string }[];
  /** Σ weighted factor shares (before the coefficient), 12 decimals. */
  factorShare: string;
  /** The exact quota in 元, 6 decimals (for audit; `amount` is what is paid). */
  quota: string;
  amount: string;
  /** 1 when this recipient received one of the remainder cents. */
  extraCent: 0 | 1;
}

export interface AllocationResult {
  pool: string;
  shares: AllocationShare[];
  total: string;
  trace: TraceStep[];
  diagnostics: Diagnostic[];
}

function dec(v: unknown): Dec | null {
  if (typeof v === 'number' && !Number.isFinite(v)) return null;
  if (typeof v !== 'number' && typeof v !== 'string') return null;
  try {
    const d = new Dec(v);
    return d.isFinite() ? d : null;
  } catch {
    return null;
  }
}

const fmt = (d: Dec, dp: number): string => d.toFixed(dp, Dec.ROUND_HALF_UP);

/** Allocates the pool; see the module docblock. With diagnostics, `shares` is empty. */
export function allocate(input: AllocationInput): AllocationResult {
  const diagnostics: Diagnostic[] = [];
  const pool = dec(input.pool);
  const poolText = String(input.pool);
  if (pool === null || pool.isNegative() || pool.decimalPlaces() > 2) diagnostics.push(recDiagnostic('REC551', [poolText]));
  const ids = input.recipients.map((r) => r.id);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (ids.length === 0 || dup !== undefined) diagnostics.push(recDiagnostic('REC556', [dup ?? '']));

  const coefficients = new Map<string, Dec>();
  for (const r of input.recipients) {
    const raw = r.coefficient ?? (r.grade !== undefined ? input.gradeCoefficients?.[r.grade] : undefined) ?? 1;
    const c = dec(raw);
    if (c === null || c.isNegative()) diagnostics.push(recDiagnostic('REC557', [r.id, String(raw)]));
    else coefficients.set(r.id, c);
  }

  const weights = input.factors.map((f) => {
    const w = dec(f.weight);
    if (w === null || !w.isPositive() || w.isZero()) diagnostics.push(recDiagnostic('REC552', [f.name, String(f.weight)]));
    return w ?? new Dec(0);
  });
  const weightSum = weights.reduce((a, b) => a.plus(b), new Dec(0));

  // x_rf per factor, validated.
  const xs = input.factors.map((f) => {
    const row = new Map<string, { value: Dec; x: Dec }>();
    for (const id of ids) {
      const v = Object.hasOwn(f.values, id) ? dec(f.values[id]) : null;
      if (v === null || v.isNegative()) {
        diagnostics.push(recDiagnostic('REC553', [f.name, id]));
        continue;
      }
      if (f.inverse && v.isZero()) {
        diagnostics.push(recDiagnostic('REC554', [f.name, id]));
        continue;
      }
      row.set(id, { value: v, x: f.inverse ? new Dec(1).dividedBy(v) : v });
    }
    const total = [...row.values()].reduce((a, b) => a.plus(b.x), new Dec(0));
    if (ids.length > 0 && row.size === ids.length && total.isZero()) diagnostics.push(recDiagnostic('REC555', [f.name]));
    return { row, total };
  });
  if (input.factors.length === 0) diagnostics.push(recDiagnostic('REC552', ['', '']));
  const empty = { pool: poolText, shares: [], total: '0.00', trace: [], diagnostics };
  if (diagnostics.length > 0 || pool === null) return empty;

  const trace: TraceStep[] = [];
  const breakdown = ids.map((id) => {
    let share = new Dec(0);
    const factors = input.factors.map((f, i) => {
      const { row, total } = xs[i]!;
      const cell = row.get(id)!;
      const s = cell.x.dividedBy(total);
      const weighted = s.times(weights[i]!).dividedBy(weightSum);
      share = share.plus(weighted);
      return { name: f.name, value: cell.value.toString(), share: fmt(s, 12), weighted: fmt(weighted, 12) };
    });
    const adjusted = share.times(coefficients.get(id)!);
    return { id, factors, share, adjusted };
  });
  const adjustedSum = breakdown.reduce((a, b) => a.plus(b.adjusted), new Dec(0));
  if (adjustedSum.isZero()) return { ...empty, diagnostics: [recDiagnostic('REC558', [])] };

  const cents = pool.times(100);
  const exact = breakdown.map((b) => cents.times(b.adjusted).dividedBy(adjustedSum).toDecimalPlaces(30, Dec.ROUND_HALF_UP));
  const floors = exact.map((q) => q.floor());
  const remaining = cents.minus(floors.reduce((a, b) => a.plus(b), new Dec(0))).toNumber();
  const byRemainder = ids
    .map((id, i) => ({ id, i, frac: exact[i]!.minus(floors[i]!) }))
    .sort((a, b) => b.frac.comparedTo(a.frac) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const extra = new Set(byRemainder.slice(0, remaining).map((x) => x.i));

  trace.push({ what: `pool = ${fmt(pool, 2)} 元 = ${cents.toFixed(0)} 分; Σ weights = ${weightSum.toString()}`, result: fmt(pool, 2) });
  const shares: AllocationShare[] = breakdown.map((b, i) => {
    const amountCents = floors[i]!.plus(extra.has(i) ? 1 : 0);
    const coefficient = coefficients.get(b.id)!;
    trace.push({
      what: `${b.id}: share ${fmt(b.share, 12)} × coefficient ${coefficient.toString()} / ${fmt(adjustedSum, 12)} × ${fmt(pool, 2)} = ${fmt(exact[i]!.dividedBy(100), 6)}; floor ${floors[i]!.toFixed(0)} 分${extra.has(i) ? ' + 1 分 (largest remainder)' : ''}`,
      result: fmt(amountCents.dividedBy(100), 2),
    });
    return {
      id: b.id,
      coefficient: coefficient.toString(),
      factors: b.factors,
      factorShare: fmt(b.share, 12),
      quota: fmt(exact[i]!.dividedBy(100), 6),
      amount: fmt(amountCents.dividedBy(100), 2),
      extraCent: extra.has(i) ? 1 : 0,
    };
  });
  const total = shares.reduce((a, s) => a.plus(s.amount), new Dec(0));
  return { pool: fmt(pool, 2), shares, total: fmt(total, 2), trace, diagnostics };
}
