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

/**
 * Breaks `text` into lines of at most `width` display columns: at spaces for words, anywhere
 * between two wide (Chinese) characters, never inside a Latin word; a word longer than the
 * width stays whole on its own line.
 */
export function wrapDisplay(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const piece of text.match(/[^\s\u2e80-\u9fff\uff00-\uffef]+|[\u2e80-\u9fff\uff00-\uffef]|\s+/g) ?? []) {
    const space = /^\s+$/.test(piece);
    if (displayWidth(line + piece) <= width || line.trim() === '') {
      if (!(space && line === '')) line += piece;
      continue;
    }
    lines.push(line.trimEnd());
    line = space ? '' : piece;
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}
