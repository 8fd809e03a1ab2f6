/**
 * Text helpers of the demo's terminal summary: amounts in 元 (exact decimal strings) shown in
 * 万元 with two decimals, and wrapping to the terminal width the summary keeps to (100 display
 * columns, Chinese characters counting two). Columns are aligned by src/cli/text-table.ts.
 */
import { Decimal } from 'decimal.js';
import { displayWidth } from '../../compile/code-frame.js';

/** The widest line the demo prints: a common terminal, and what fits a code review pane. */
export const TERMINAL_WIDTH = 100;

/** 元 → 万元 with two decimals; `signed` marks increases with + (adjustments, not amounts). */
export function wan(amount: string | Decimal, unit: string, signed = false): string {
  const value = new Decimal(amount).div(10000);
  const sign = signed && value.isPos() && !value.isZero() ? '+' : '';
  return `${sign}${value.toFixed(2)} ${unit}`;
}

const CLOSING = /^[，。；：、）」』》！？”’]$/u;
const OPENING = /^[（「『《“‘]$/u;

/** Chinese line-breaking rules: closing punctuation never starts a line, opening never ends one. */
function glue(units: string[]): string[] {
  const out: string[] = [];
  let pending = '';
  for (const unit of units) {
    if (OPENING.test(unit)) pending += unit;
    else if (CLOSING.test(unit) && out.length > 0 && pending === '') out[out.length - 1] += unit;
    else {
      out.push(pending + unit);
      pending = '';
    }
  }
  if (pending) out.push(pending);
  return out;
}

/** Items joined by `sep`, wrapped only between items (an item is never split unless it alone is too wide). */
export function wrapItems(items: readonly string[], sep: string, indent: string, width = TERMINAL_WIDTH): string[] {
  const lines: string[] = [];
  let line = '';
  items.forEach((item, i) => {
    const piece = item + (i < items.length - 1 ? sep.trimEnd() : '');
    if (line !== '' && displayWidth(indent + line + ' ' + piece) > width) {
      lines.push(indent + line);
      line = '';
    }
    line = line === '' ? piece : line + (sep.endsWith(' ') ? ' ' : '') + piece;
  });
  if (line !== '') lines.push(indent + line);
  return lines.flatMap((l) => (displayWidth(l) > width ? wrapDisplay(l.slice(indent.length), indent, indent, width) : [l]));
}

/**
 * Greedy wrap of one paragraph to `width` display columns: the first line starts with `first`,
 * the rest with `rest`. Lines break at spaces, or between Chinese characters (which need none),
 * never inside a Latin word or number, so "14972.77 万元" stays whole.
 */
export function wrapDisplay(text: string, first: string, rest: string, width = TERMINAL_WIDTH): string[] {
  // Units that must not be split: runs of non-space non-wide characters, or one wide character.
  const units = glue(text.match(/ +|[^ \u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]+|./gsu) ?? []);
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const unit of units) {
    if (unit.startsWith(' ') && unit.trim() === '') {
      if (!empty) line += unit;
      continue;
    }
    if (!empty && displayWidth(line + unit) > width) {
      lines.push(line.trimEnd());
      line = rest;
      empty = true;
    }
    line += unit;
    empty = false;
  }
  if (!empty || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}
