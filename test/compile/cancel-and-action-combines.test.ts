/**
 * The checker on `cancel <line>` / `stop <line>` (the line must be declared: REC504, as for
 * adjust) and on `combine` whose target is an action kind: the modes that fit each kind, no cap
 * (REC545), the IR's `action` field with the English keyword whatever the spelling, and
 * precedence of a declared line of the same name. Assertions are on codes, ranges and IR.
 */
import { describe, expect, it } from 'vitest';
import { compileSource } from '../../src/compile/compile.js';

const FRAMEWORK = `framework F {
  grades { 优 >= 90; 良 >= 80; 中 >= 60; 差 otherwise }
  indicator A weight 100 { value = data.a; target >= 100%; score proportional }
}
`;

function compileRules(body: string): ReturnType<typeof compileSource> {
  return compileSource(`${FRAMEWORK}rules R for F {\n  line next_budget base data.b\n${body}\n}\n`, 'r.ind');
}

const codes = (r: ReturnType<typeof compileSource>): string[] => r.diagnostics.map((d) => d.code);
const at = (r: ReturnType<typeof compileSource>): string[] => r.diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.column}`);

describe('cancel / stop lines', () => {
  it('accepts a declared line or none and lowers the line into the IR', () => {
    const r = compileRules('  rule r when grade == 差 then cancel next_budget, stop, 取消 next_budget');
    expect(codes(r)).toEqual([]);
    expect(r.ir!.ruleBlocks[0]!.rules[0]!.actions.map((a) => [a.verb, a.line ?? null])).toEqual([
      ['cancel', 'next_budget'],
      ['stop', null],
      ['cancel', 'next_budget'],
    ]);
  });

  it('reports an undeclared line at the line name (REC504)', () => {
    const r = compileRules('  rule r when grade == 差 then stop current_budget');
    expect(at(r)).toEqual(['REC504@7:36']);
    expect(r.diagnostics[0]!.message).toContain('current_budget');
  });
});

describe('combine on an action kind', () => {
  it('accepts the modes that fit and records the kind in the IR', () => {
    const r = compileRules(
      '  combine warn by most_severe\n  合并 整改 按 min\n  combine interview by first\n  combine commend by first\n  combine flag by all',
    );
    expect(codes(r)).toEqual([]);
    expect(r.ir!.ruleBlocks[0]!.combines.map((c) => [c.line, c.action, c.mode])).toEqual([
      ['warn', 'warn', 'most_severe'],
      ['rectify', 'rectify', 'min'],
      ['interview', 'interview', 'first'],
      ['commend', 'commend', 'first'],
      ['flag', 'flag', 'all'],
    ]);
  });

  it('refuses modes that make no sense for the kind, on the statement (REC545)', () => {
    const r = compileRules('  combine warn by sum\n  combine interview by most_severe\n  combine flag by max\n  combine rectify by sum');
    expect(at(r)).toEqual(['REC545@7:3', 'REC545@8:3', 'REC545@9:3', 'REC545@10:3']);
    expect(r.diagnostics.every((d) => d.severity === 'error' && d.hint)).toBe(true);
  });

  it('refuses a cap on an action kind, on the cap (REC545), but not on a line', () => {
    const r = compileRules('  combine warn by most_severe cap 3\n  combine next_budget by sum cap 30%');
    expect(at(r)).toEqual(['REC545@7:35']);
  });

  it('does not ask for a line declaration for an action target (no REC507)', () => {
    expect(codes(compileRules('  combine 预警 按 first'))).toEqual([]);
    expect(codes(compileRules('  combine current_budget by first'))).toEqual(['REC507']);
  });

  it('gives English and Chinese messages', () => {
    const src = `${FRAMEWORK}rules R for F {\n  combine warn by sum\n}\n`;
    const zh = compileSource(src, 'r.ind').diagnostics[0]!;
    const en = compileSource(src, 'r.ind', { lang: 'en' }).diagnostics[0]!;
    expect(zh.code).toBe('REC545');
    expect(en.code).toBe('REC545');
    expect(zh.message).not.toBe(en.message);
  });
});
