/**
 * The checker on context names and on the budget line of recall/withhold/suspend: where
 * `previous.*` / `rectification.*` may be used (CMP225 outside rules blocks), how
 * `previous.grade` comparisons lower (label checks, grade order as label sets and pairs), and
 * when a bare name after withhold is the line (a declared line that no param or let shadows) —
 * with the percentage-base diagnostics REC504 and REC544. Assertions are on codes and IR.
 */
import { describe, expect, it } from 'vitest';
import { compileSource } from '../../src/compile/compile.js';
import type { ActionIR, ExprIR } from '../../src/compile/ir.js';

const FRAMEWORK = `framework F {
  grades { 优 >= 90; 良 >= 80; 中 >= 60; 差 otherwise }
  indicator A weight 100 { value = data.a; target >= 100%; score proportional }
}
`;

function compileRules(body: string): ReturnType<typeof compileSource> {
  return compileSource(`${FRAMEWORK}rules R for F {\n${body}\n}\n`, 'r.ind');
}

const codes = (r: ReturnType<typeof compileSource>): string[] => r.diagnostics.map((d) => d.code);
const when = (r: ReturnType<typeof compileSource>, i = 0): ExprIR => r.ir!.ruleBlocks[0]!.rules[i]!.when;
const acts = (r: ReturnType<typeof compileSource>, i = 0): ActionIR[] => r.ir!.ruleBlocks[0]!.rules[i]!.actions;

/** The labels an `or` of `previous.grade == "x"` tests compare with, in order. */
function labels(e: ExprIR): string[] {
  if (e.kind === 'binary' && e.op === 'or') return [...labels(e.left), ...labels(e.right)];
  if (e.kind === 'binary' && e.op === '==' && e.right.kind === 'string') return [e.right.value];
  return [];
}

describe('context names in the checker', () => {
  it('are allowed in rule conditions, block params and lets, and amounts', () => {
    const r = compileRules(`  param 上年分 = previous.total
  let 未整改 = rectification.status == "未整改"
  line tp base data.tp
  rule r when 未整改 and 上年分 < 60 then recall tp 1000 * (60 - previous.total)`);
    expect(codes(r)).toEqual([]);
    expect(acts(r)[0]!.amount).toMatchObject({ kind: 'binary', right: { kind: 'binary', right: { kind: 'context', root: 'previous', path: ['total'] } } });
  });

  it('outside rules blocks are CMP225, reported once per use', () => {
    const r = compileSource(
      `framework F {
  grades { 优 >= 90; 差 otherwise }
  veto v when previous.grade == 差 -> cap 59
  indicator A weight 100 { value = rectification.score; target >= 100%; score proportional }
}`,
      'f.ind',
    );
    expect(codes(r)).toEqual(['CMP225', 'CMP225']);
  });

  it('previous.grade is checked against the grade labels like grade (REC503) and ordered the same way', () => {
    expect(codes(compileRules('  rule r when previous.grade == 很差 then interview'))).toEqual(['REC503']);
    const r = compileRules('  rule r when previous.grade <= 中 then interview\n  rule s when 良 < 上年.grade then interview');
    expect(labels(when(r, 0))).toEqual(['中', '差']);
    expect(labels(when(r, 1))).toEqual(['优']);
  });

  it('previous.grade against grade becomes the label pairs whose order holds', () => {
    const r = compileRules('  rule r when previous.grade > grade then flag "下降"');
    // previous better than this year: 6 of the 16 pairs over four grades.
    const text = JSON.stringify(when(r));
    expect(text.match(/"op":"and"/g)?.length).toBe(6);
    expect(codes(compileRules('  rule r when previous.grade == grade then flag "持平"'))).toEqual([]);
  });
});

describe('recall / withhold / suspend lines in the checker', () => {
  it('a bare declared line is the line with no amount; a param or let of that name stays the amount', () => {
    const r = compileRules('  line tp base data.tp\n  rule r when grade == 差 then withhold tp, suspend tp, recall tp');
    expect(acts(r).map((a) => [a.verb, a.line, a.amount])).toEqual([
      ['withhold', 'tp', undefined],
      ['suspend', 'tp', undefined],
      ['recall', 'tp', undefined],
    ]);
    const shadowed = compileRules('  let tp = 5万\n  line tp base data.tp\n  rule r when grade == 差 then withhold tp');
    expect(acts(shadowed)[0]).toMatchObject({ verb: 'withhold', amount: { kind: 'let', name: 'tp' } });
    expect(acts(shadowed)[0]!.line).toBeUndefined();
  });

  it('a bare name that is no line stays a name (REC502 when undefined)', () => {
    expect(codes(compileRules('  rule r when grade == 差 then withhold tp'))).toEqual(['REC502']);
  });

  it('a percentage needs a base: the declared line (REC504 otherwise) or unspent (REC544 otherwise)', () => {
    expect(codes(compileRules('  rule r when grade == 差 then withhold 50%'))).toEqual(['REC544']);
    expect(codes(compileRules('  param 比例 = 30%\n  rule r when grade == 差 then suspend 比例'))).toEqual(['REC544']);
    expect(codes(compileRules('  rule r when grade == 差 then recall tp 20%'))).toEqual(['REC504']);
    expect(codes(compileRules('  let unspent = data.b - data.s\n  rule r when grade == 差 then withhold 50%, recall unspent'))).toEqual([]);
    expect(codes(compileRules('  line tp base data.tp\n  rule r when grade == 差 then withhold tp 50%'))).toEqual([]);
    expect(codes(compileRules('  rule r when grade == 差 then withhold tp 50万, withhold 20万'))).toEqual([]);
  });

  it('REC544 has a hint showing both fixes, in Chinese and English', () => {
    const zh = compileRules('  rule r when grade == 差 then withhold 50%').diagnostics[0]!;
    expect(zh.hint).toContain('withhold transfer_payment 50%');
    expect(zh.hint).toContain('let unspent');
    const en = compileSource(`${FRAMEWORK}rules R for F {\n  rule r when grade == 差 then withhold 50%\n}\n`, 'r.ind', { lang: 'en' }).diagnostics[0]!;
    expect(en.message).toMatch(/no base/);
  });
});
