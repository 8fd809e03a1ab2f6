/**
 * Amounts of the demo's terminal summary: 元 (exact decimal strings) shown in 万元 with two
 * decimals (columns are aligned by src/cli/text-table.ts).
 */
import { Decimal } from 'decimal.js';

/** 元 → 万元 with two decimals; `signed` marks increases with + (adjustments, not amounts). */
export function wan(amount: string | Decimal, unit: string, signed = false): string {
  const value = new Decimal(amount).div(10000);
  const sign = signed && value.isPos() && !value.isZero() ? '+' : '';
  return `${sign}${value.toFixed(2)} ${unit}`;
}
