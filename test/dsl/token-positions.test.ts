/**
 * Token positions. The lexer tracks offsets only (tokens.ts) and a token's line and column are
 * looked up in the file's line table (line-index.ts): this holds every token's range, and every
 * lexing error's start, to what chevrotain's own full position tracking gives over the same
 * tokens, on the fixtures, the shipped rules and texts made of line breaks of every kind
 * (`\n`, `\r\n`, a lone `\r`), tabs, full-width spaces, comments and broken tokens.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Lexer } from '../../src/dsl/chevrotain.js';
import { lineIndex } from '../../src/dsl/line-index.js';
import { tokenRange } from '../../src/dsl/syntax-errors.js';
import { allTokens, jixiaoLexer } from '../../src/dsl/tokens.js';
import { fixtureNames, readFixture } from './helpers.js';

const tracked = new Lexer(allTokens, { positionTracking: 'full', ensureOptimizations: true });

/** Each token's range and each lexing error's start, as `line:column-line:column@offset`. */
function positions(text: string, full: boolean): string[] {
  const lex = (full ? tracked : jixiaoLexer).tokenize(text);
  const lines = lineIndex(text);
  const tokens = lex.tokens.map((t) => {
    if (full) return `${t.image} ${t.startLine}:${t.startColumn}-${t.endLine}:${(t.endColumn ?? 0) + 1}@${t.startOffset}..${t.endOffset}`;
    // The end offset is the token's own (the parser builds CST locations from it), not derived.
    const r = tokenRange(t, lines);
    return `${t.image} ${r?.start.line}:${r?.start.column}-${r?.end.line}:${r?.end.column}@${r?.start.offset}..${t.endOffset}`;
  });
  const errors = lex.errors.map((e) => {
    const at = full ? { line: e.line, column: e.column } : lines.at(e.offset);
    return `error ${at.line}:${at.column}@${e.offset}+${e.length}`;
  });
  return [...tokens, ...errors];
}

function shippedRules(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? shippedRules(p) : f.endsWith('.ind') ? [readFileSync(p, 'utf8')] : [];
  });
}

describe('token positions from the line table', () => {
  it('equal chevrotain’s tracked positions on the fixtures and the shipped rules', () => {
    const texts = [...fixtureNames().map(readFixture), ...shippedRules('rules')];
    expect(texts.length).toBeGreaterThan(10);
    for (const text of texts) expect(positions(text, false)).toEqual(positions(text, true));
  });

  it('equal them on any mix of line breaks, spaces, comments and broken tokens', () => {
    const pieces = [
      '\n',
      '\r\n',
      '\r',
      '\t',
      '\u3000',
      ' ',
      'a',
      '指标',
      '10%',
      '3abc',
      '"s"',
      '"open',
      '“全角”',
      '// c\n',
      '/* b\r\n */',
      '/* open',
      '#',
      '@',
      '{',
      '->',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(positions(text, false)).toEqual(positions(text, true));
      }),
      { numRuns: 500 },
    );
  });
});
