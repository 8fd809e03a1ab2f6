/**
 * Column alignment for the command line's plain-text tables (results, roll-ups, the demo
 * summary). Widths count display columns, so Chinese names (two columns each) line up with
 * ASCII; the last column is never padded, so lines carry no trailing spaces.
 */
import { displayWidth } from '../compile/code-frame.js';

/** Rows of cells → aligned lines, columns separated by two spaces. */
export function alignColumns(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((row) => displayWidth(row[c] ?? '')))) ?? [];
  return rows.map((row) => row.map((cell, c) => (c === row.length - 1 ? cell : padDisplay(cell, widths[c]!))).join('  '));
}

/** Pads `text` with spaces to `width` display columns. */
export function padDisplay(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
