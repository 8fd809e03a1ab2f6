/**
 * `cancel <line>` / `stop <line>` (the line optional; these verbs take no amount, so a following
 * name is always the line) and `combine` whose target is an action keyword (`combine warn by
 * most_severe`, `合并 预警 按 most_severe`), as policy staff write them in English and Chinese.
 * Assertions are on AST shape and clean parses.
 */
import { describe, expect, it } from 'vitest';
import type { ActionDecl } from '../../src/dsl/ast.js';
import { parse } from '../../src/dsl/parse.js';
import { parseClean, rulesBlock } from './helpers.js';

function actions(then: string): ActionDecl[] {
  const ast = parseClean(`rules R for F {\n  line next_budget base data.x\n  rule r when true then ${then}\n  rule s when true then flag "x"\n}`);
  return rulesBlock(ast).rules[0]!.actions;
}

const shapes = (then: string): string[] => actions(then).map((a) => [a.verb, a.line?.text].filter((x) => x !== undefined).join(' '));

describe('cancel / stop with an optional line', () => {
  it('reads a following name as the line, in English and Chinese', () => {
    expect(shapes('cancel next_budget')).toEqual(['cancel next_budget']);
    expect(shapes('stop current_budget, interview')).toEqual(['stop current_budget', 'interview']);
    expect(shapes('取消 下年度预算，约谈')).toEqual(['cancel 下年度预算', 'interview']);
    expect(shapes('停止 本年预算')).toEqual(['stop 本年预算']);
  });

  it('keeps the bare verb before `,`, `reason`, the next rule and the end of the block', () => {
    expect(shapes('cancel, interview')).toEqual(['cancel', 'interview']);
    expect(shapes('cancel reason "重大违规"')).toEqual(['cancel']);
    expect(shapes('stop')).toEqual(['stop']);
    const ast = parseClean('rules R for F {\n  rule r when true then cancel\n}');
    expect(rulesBlock(ast).rules[0]!.actions.map((a) => a.line)).toEqual([undefined]);
    const block = rulesBlock(parseClean('rules R for F {\n  rule r when true then cancel next_budget reason "x"\n  line next_budget base data.x\n}'));
    expect(block.rules[0]!.reason).toBe('x');
    expect(block.lines.map((l) => l.name.text)).toEqual(['next_budget']);
  });

  it('carries the line range', () => {
    const [a] = actions('cancel next_budget');
    expect(a!.line!.range.start).toMatchObject({ line: 3, column: 32 });
  });
});

describe('combine on an action kind', () => {
  const combines = (body: string) => rulesBlock(parseClean(`rules R for F {\n  line next_budget base data.x\n${body}\n}`)).combines;

  it('marks action keywords, English or Chinese, and leaves lines alone', () => {
    const cs = combines(
      '  combine warn by most_severe\n  合并 整改 按 min\n  combine interview by first\n  combine 表扬 by first\n  combine flag by all\n  combine next_budget by sum',
    );
    expect(cs.map((c) => [c.line.text, c.action ?? null, c.mode])).toEqual([
      ['warn', 'warn', 'most_severe'],
      ['整改', 'rectify', 'min'],
      ['interview', 'interview', 'first'],
      ['表扬', 'commend', 'first'],
      ['flag', 'flag', 'all'],
      ['next_budget', null, 'sum'],
    ]);
  });

  it('a quoted "warn" is a line name, not the action', () => {
    expect(combines('  combine "warn" by sum')[0]!.action).toBeUndefined();
  });

  it('parses a cap after an action target (the compiler refuses it)', () => {
    const { diagnostics } = parse('rules R for F {\n  combine warn by first cap 3\n}', 'main.ind');
    expect(diagnostics).toEqual([]);
  });
});
