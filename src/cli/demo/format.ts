/**
 * Text helpers of the demo's terminal summary: amounts in 元 (exact decimal strings) shown in
 * 万元 with two decimals, and columns aligned by display width (CJK characters count two).
 */
import { Decimal } from 'decimal.js';
import { displayWidth } from '../../compile/code-frame.js';

/** 元 → 万元 with two decimals; `signed` marks increases with + (adjustments, not amounts). */
export function wan(amount: string | Decimal, unit: string, signed = false): string {
  const value = new Decimal(amount).div(10000);
  const sign = signed && value.isPos() && !value.isZero() ? '+' : '';
  return `${sign}${value.toFixed(2)} ${unit}`;
}

/** Pads every column but the last to its widest cell. */
export function align(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => displayWidth(r[c] ?? '')))) ?? [];
  return rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell + ' '.repeat(widths[c]! - displayWidth(cell)))).join('  '));
}
