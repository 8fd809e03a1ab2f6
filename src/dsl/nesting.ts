/**
 * A guard against input nested so deeply that the recursive-descent parser (or the visitor)
 * would exhaust the call stack: brackets `{ ( [` more than `MAX_NESTING` deep, or a run of more
 * than `MAX_NESTING` prefix operators (`- - - x`, `not not …`), or a chain of `if`s. Real
 * indicator files nest a handful of levels; the limit only stops hostile or broken input, which
 * then gets one DSL109 diagnostic instead of a crash. `parse.ts` also catches a `RangeError`
 * from the call stack as a last resort.
 */
import type { IToken } from 'chevrotain';

export const MAX_NESTING = 64;

const OPEN = new Set(['LCurly', 'LParen', 'LBracket']);
const CLOSE = new Set(['RCurly', 'RParen', 'RBracket']);
const PREFIX = new Set(['Minus', 'Plus', 'Not', 'If']);

/** The first token at which nesting exceeds the limit, or undefined. */
export function tooDeep(tokens: readonly IToken[]): IToken | undefined {
  let depth = 0;
  let run = 0;
  for (const t of tokens) {
    const name = t.tokenType.name;
    if (OPEN.has(name)) {
      depth++;
      if (depth > MAX_NESTING) return t;
    } else if (CLOSE.has(name)) {
      depth = Math.max(0, depth - 1);
    }
    if (PREFIX.has(name)) {
      run++;
      if (run > MAX_NESTING) return t;
    } else if (name !== 'LParen') {
      // `- ( - ( …` counts as one run: brackets between prefixes do not end it.
      run = 0;
    }
  }
  return undefined;
}
