/**
 * A guard, run on the tokens before parsing, against input nested so deeply that the
 * recursive-descent parser (or the visitor after it) would exhaust the call stack: brackets
 * `{ ( [` and `if`s inside one another more than `MAX_NESTING` deep in all, or a run of more than
 * `MAX_NESTING` prefix operators (`- - - x`, `not not …`). Real indicator files nest a handful of
 * levels; the limit only stops hostile or broken input. Instead of refusing the whole file, the
 * guard cuts out each stretch that goes too deep (a bracket with everything up to its matching
 * close, an `if` up to the end of its expression, the surplus prefixes) and reports where each
 * cut starts (DSL109), so the parser reads the rest of the file and its other findings still
 * arrive. A cut bracket `(` or `if` stands in a formula, so a `0` takes its place there and the
 * formula around it stays well formed (`… else 0`) instead of swallowing the next statement. `parse.ts` also catches a `RangeError` from the call stack as a last resort.
 */
import type { IToken } from 'chevrotain';
import { createTokenInstance } from './chevrotain.js';
import { MAX_NESTING } from './limits.js';
import { Number as NumberToken } from './tokens.js';

export { MAX_NESTING } from './limits.js';

const OPEN = new Set(['LCurly', 'LParen', 'LBracket']);
const CLOSE = new Set(['RCurly', 'RParen', 'RBracket']);
const PREFIX = new Set(['Minus', 'Plus', 'Not']);
/** Tokens after which an expression may still go on (so the `if`s before them are still open). */
const CONTINUES = new Set([
  'Or',
  'And',
  'EqEq',
  'NotEq',
  'Lt',
  'LtEq',
  'Gt',
  'GtEq',
  'Plus',
  'Minus',
  'Star',
  'Slash',
  'Then',
  'Otherwise',
  'Dot',
  'LBracket',
  'LParen',
  'Days',
  'Percent',
]);
/** Tokens that end an operand: after one, a token that does not continue ends the expression. */
const ENDS_OPERAND = new Set(['Identifier', 'Number', 'StringToken', 'UnterminatedString', 'BadNumber', 'True', 'False', 'RParen', 'RBracket']);
/** Tokens that end every expression open at their bracket level. */
const SEPARATES = new Set(['Semicolon', 'Comma', 'Colon', 'Arrow']);

export interface NestingGuard {
  /** The tokens to parse: the input without the stretches that went too deep. */
  tokens: IToken[];
  /** First token of each cut stretch, in order: where DSL109 is reported. */
  cuts: IToken[];
  /** Token right after each cut (undefined at the end of the file): parse errors there are the cut's echo. */
  resumes: (IToken | undefined)[];
}

/** Cuts every stretch nested beyond the limit out of `tokens`; a file within it comes back as is. */
export function guardNesting(tokens: readonly IToken[]): NestingGuard {
  const kept: IToken[] = [];
  const cuts: IToken[] = [];
  const resumes: (IToken | undefined)[] = [];
  let depth = 0;
  /** Open `if`s per bracket level, innermost last; `ifs` is their sum. */
  const levels: number[] = [0];
  let ifs = 0;
  let run = 0;
  let cuttingRun = false;
  let previous: IToken | undefined;
  const closeIfs = (): void => {
    ifs -= levels[levels.length - 1] ?? 0;
    levels[levels.length - 1] = 0;
  };
  const cut = (from: number, to: number): number => {
    cuts.push(tokens[from] as IToken);
    resumes.push(tokens[to + 1]);
    return to;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as IToken;
    const name = t.tokenType.name;
    const segment = previous?.tokenType.name === 'Dot';
    if (previous && !segment && ENDS_OPERAND.has(previous.tokenType.name) && !CONTINUES.has(name) && !CLOSE.has(name)) closeIfs();
    if (SEPARATES.has(name)) closeIfs();
    if (OPEN.has(name)) {
      if (depth + ifs >= MAX_NESTING) {
        if (name === 'LParen') kept.push(placeholder(t));
        i = cut(i, matchingClose(tokens, i));
        previous = tokens[i];
        run = 0;
        continue;
      }
      depth++;
      levels.push(0);
    } else if (CLOSE.has(name) && depth > 0) {
      depth--;
      ifs -= levels.pop() ?? 0;
    } else if (name === 'If' && !segment) {
      if (depth + ifs >= MAX_NESTING) {
        kept.push(placeholder(t));
        i = cut(i, expressionEnd(tokens, i));
        previous = tokens[i];
        run = 0;
        continue;
      }
      ifs++;
      levels[levels.length - 1] = (levels[levels.length - 1] ?? 0) + 1;
    }
    if (PREFIX.has(name) && !segment) {
      run++;
      if (run > MAX_NESTING) {
        // The surplus prefixes of one run are dropped; the run is reported once.
        if (!cuttingRun) {
          cuts.push(t);
          resumes.push(nextNonPrefix(tokens, i));
        }
        cuttingRun = true;
        continue;
      }
    } else if (name !== 'LParen') {
      // `- ( - ( …` counts as one run: brackets between prefixes do not end it.
      run = 0;
      cuttingRun = false;
    }
    kept.push(t);
    previous = t;
  }
  return { tokens: cuts.length === 0 ? (tokens as IToken[]) : kept, cuts, resumes };
}

/** A `0` where `t` was: stands for the formula cut out there. */
function placeholder(t: IToken): IToken {
  // Tokens carry offsets only (tokens.ts): positions are looked up from the offset.
  return createTokenInstance(NumberToken, '0', t.startOffset, t.startOffset, NaN, NaN, NaN, NaN);
}

/** Index of the bracket that closes the one at `i` (or the last token when none does). */
function matchingClose(tokens: readonly IToken[], i: number): number {
  let local = 0;
  for (let j = i; j < tokens.length; j++) {
    const name = (tokens[j] as IToken).tokenType.name;
    if (OPEN.has(name)) local++;
    else if (CLOSE.has(name) && --local === 0) return j;
  }
  return tokens.length - 1;
}

/** Index of the last token of the expression that starts at `i`: up to a separator or closer at its level. */
function expressionEnd(tokens: readonly IToken[], i: number): number {
  let local = 0;
  for (let j = i; j < tokens.length; j++) {
    const name = (tokens[j] as IToken).tokenType.name;
    if (OPEN.has(name)) local++;
    else if (CLOSE.has(name)) {
      if (local === 0) return j - 1;
      local--;
    } else if (local === 0 && SEPARATES.has(name)) return j - 1;
    else if (local === 0 && j > i && ENDS_OPERAND.has((tokens[j - 1] as IToken).tokenType.name) && !CONTINUES.has(name)) return j - 1;
  }
  return tokens.length - 1;
}

function nextNonPrefix(tokens: readonly IToken[], i: number): IToken | undefined {
  let j = i;
  while (j < tokens.length && PREFIX.has((tokens[j] as IToken).tokenType.name)) j++;
  return tokens[j];
}
