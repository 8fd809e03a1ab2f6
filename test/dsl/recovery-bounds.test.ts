/**
 * The parser's bounded recovery and depth (recovery.ts), held structurally rather than by a
 * clock: the chevrotain internals it overrides still exist; thousands of errors in one list no
 * longer run the call stack out (the file's findings all arrive, not one DSL109 at 1:1); the
 * look-ahead for a place to resume stays within its window per attempt; and recovery that nests
 * (`if c then x if c then x …`, an `else` inserted each time) stops at the parser's depth limit
 * with one DSL109 at the token reached, the next statement still read.
 */
import { CstParser } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { MAX_PARSER_DEPTH } from '../../src/dsl/limits.js';
import { parse } from '../../src/dsl/parse.js';
import { jixiaoParser } from '../../src/dsl/parser.js';
import { RESYNC_WINDOW } from '../../src/dsl/recovery.js';

const codes = (text: string, max = Infinity): string[] =>
  parse(text, 'r.ind', { maxDiagnostics: max }).diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.code}`);

describe('bounded recovery', () => {
  it('overrides chevrotain internals that still exist', () => {
    const proto = CstParser.prototype as unknown as Record<string, unknown>;
    const internals = [
      'findReSyncTokenType',
      'flattenFollowSet',
      'tryInRepetitionRecovery',
      'ruleInvocationStateUpdate',
      'invokeRuleCatch',
      'SAVE_ERROR',
      'exportLexerState',
      'importLexerState',
      'getCurrRuleFullName',
    ];
    for (const m of internals) {
      expect(typeof proto[m], m).toBe('function');
    }
  });

  it('recovers from thousands of top-level errors without running out of stack', () => {
    // Each stray `1` between frameworks is one error recovered in the file's list of blocks.
    const blocks = Array.from({ length: 5000 }, (_, i) => `framework F${i} { } 1`).join('\n');
    const found = codes(blocks);
    expect(found).toHaveLength(5000);
    expect(found.every((c) => c.endsWith('DSL102'))).toBe(true);
    expect(found[4999]).toBe(`5000:${'framework F4999 { } '.length + 1} DSL102`);
  });

  it('recovers from thousands of errors inside one block, each where it is', () => {
    const body = Array.from({ length: 3000 }, (_, i) => `  indicator I${i} weight { }`).join('\n');
    const found = codes(`framework F {\n${body}\n}`);
    expect(found).toHaveLength(3000);
    expect(found[2999]).toBe(`3001:${'  indicator I2999 weight '.length + 1} DSL102`);
  });

  it('looks ahead at most its window per error, so errors far from a `}` cost linear time', () => {
    // Every rule has a stray `1 2 3` after it, and the only follower, the closing `}`, is at the
    // end: chevrotain looked all the way there for each error (quadratic; 72 million look-aheads
    // for 4,000 rules). Count the parser's look-aheads instead of timing it.
    const text = `rules R for F {\n${'  rule r when 1 then stop 1 2 3\n'.repeat(2000)}}\nframework G { indicator J weight { } }`;
    const parser = jixiaoParser as unknown as { LA(k: number): unknown };
    const la = parser.LA;
    const own = Object.getOwnPropertyDescriptor(parser, 'LA');
    let calls = 0;
    parser.LA = function (this: unknown, k: number) {
      calls++;
      return la.call(this, k);
    };
    try {
      const found = codes(text);
      expect(found).toHaveLength(2001);
      expect(calls / found.length).toBeLessThan(RESYNC_WINDOW + 64);
      // The framework after the long block is still read and its mistake reported.
      expect(found[found.length - 1]).toBe('2003:34 DSL102');
    } finally {
      if (own) Object.defineProperty(parser, 'LA', own);
      else delete (parser as { LA?: unknown }).LA;
    }
  });

  it('stops nested recovery at the depth limit with one DSL109 and reads the next statement', () => {
    const chain = 'if c then x '.repeat(3000);
    const found = codes(`framework F {\n  let a = ${chain}1\n  indicator I weight { }\n}`);
    const deep = found.filter((c) => c.endsWith('DSL109'));
    expect(deep).toHaveLength(1);
    expect(deep[0]).toMatch(/^2:\d+ DSL109$/);
    expect(deep[0]).not.toBe('1:1 DSL109');
    expect(found).toContain('3:22 DSL102');
    expect(MAX_PARSER_DEPTH).toBeGreaterThan(4 * 64 + 20);
  });
});
