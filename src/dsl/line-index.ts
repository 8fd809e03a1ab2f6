/**
 * Line and column of a source offset, from a table of line starts built once per parse. The
 * parser tracks only offsets of CST nodes (chevrotain's `onlyOffset`), and the lexer only offsets
 * of tokens (tokens.ts): keeping six position fields per node made up a tenth of parsing, full
 * tracking in the lexer half of lexing, and only the nodes and tokens a range is built from need
 * positions.
 * Line breaks are counted as chevrotain's lexer counts them (\n, \r\n and a lone \r), so a
 * range built here equals one chevrotain's full tracking would give (test/dsl/token-positions.test.ts).
 */
import type { Position } from '../common/diagnostic.js';

export interface LineIndex {
  /** Position of the character at `offset` (line and column 1-based). */
  at(offset: number): Position;
  /** Position just after the character at `offset`, on its line: where a range ending with it ends. */
  after(offset: number): Position;
}

export function lineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  /** Index of the line holding `offset`. */
  const lineOf = (offset: number): number => {
    let lo = 0,
      hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return {
    at(offset) {
      const i = lineOf(offset);
      return { line: i + 1, column: offset - starts[i]! + 1, offset };
    },
    after(offset) {
      const i = lineOf(offset);
      return { line: i + 1, column: offset - starts[i]! + 2, offset: offset + 1 };
    },
  };
}
