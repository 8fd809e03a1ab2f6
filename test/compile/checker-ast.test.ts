/**
 * The checker works on the AST alone: these tests build ASTs by hand (no parser) and run the
 * compiler behind the façade, so a parser change cannot hide a checker regression.
 */
import { describe, expect, it } from 'vitest';
import type { SourceRange } from '../../src/common/diagnostic.js';
import type { Expr, FileAst, FrameworkDecl, IndicatorDecl, Name, NumberLit } from '../../src/dsl/ast.js';
import { compileLoaded } from '../../src/compile/program.js';

let offset = 0;
const at = (line: number): SourceRange => {
  offset += 10;
  return { start: { line, column: 1, offset }, end: { line, column: 5, offset: offset + 4 } };
};
const name = (text: string, line: number): Name => ({ text, range: at(line) });
const num = (value: string, line: number, unit: string | null = null): NumberLit => ({ kind: 'number', value, unit, text: value, range: at(line) });
const path = (line: number, ...segments: string[]): Expr => ({ kind: 'path', segments, range: at(line) });
const meta = { refs: [] };

function indicator(n: string, weight: string, line: number, extra: Partial<IndicatorDecl> = {}): IndicatorDecl {
  return {
    kind: 'indicator',
    name: name(n, line),
    weight: num(weight, line),
    override: false,
    meta,
    value: { kind: 'binary', op: '/', left: path(line, 'spent'), right: path(line, 'budget'), range: at(line) },
    target: { kind: 'target', op: '>=', value: num('1', line, '%'), range: at(line) },
    score: { method: 'proportional', range: at(line) },
    range: at(line),
    ...extra,
  };
}

function framework(members: FrameworkDecl['members'], extra: Partial<FrameworkDecl> = {}): FileAst {
  const fw: FrameworkDecl = {
    kind: 'framework',
    name: name('手工框架', 1),
    meta,
    settings: [],
    grades: {
      kind: 'grades',
      grades: [
        { label: name('合格', 2), min: num('60', 2), range: at(2) },
        { label: name('不合格', 2), range: at(2) },
      ],
      range: at(2),
    },
    vetoes: [],
    requires: [],
    params: [],
    lets: [],
    inputs: [],
    sharedMethods: [],
    members,
    range: at(1),
    ...extra,
  };
  return { kind: 'file', file: 'hand.ind', imports: [], declarations: [fw], range: at(1) };
}

const run = (ast: FileAst) => compileLoaded([{ path: 'hand.ind', text: '', ast, entry: true }], []);

describe('checker on hand-built ASTs', () => {
  it('compiles a correct tree into an IR with paths and ids', () => {
    const r = run(framework([indicator('甲', '60', 3), indicator('乙', '40', 4)]));
    expect(r.diagnostics).toEqual([]);
    expect(r.ir?.nodes.map((n) => [n.id, n.path, n.weight])).toEqual([
      ['n1', '甲', '60'],
      ['n2', '乙', '40'],
    ]);
  });

  it('reports top-level weights against the scale, and a missing weight without a follow-on sum error', () => {
    const short = run(framework([indicator('甲', '60', 3), indicator('乙', '30', 4)]));
    expect(short.diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([['CMP302', 1]]);
    expect(short.diagnostics[0]?.message).toContain('90');
    expect(short.ir).toBeUndefined();
    const noWeight = indicator('丙', '0', 5);
    delete noWeight.weight;
    const missing = run(framework([indicator('甲', '60', 3), indicator('乙', '30', 4), noWeight]));
    expect(missing.diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([['CMP303', 5]]);
  });

  it('resolves a reference to another indicator and reports an unknown one with a suggestion', () => {
    const ref = (text: string, line: number): Expr => ({ kind: 'ref', parts: [name(text, line), name('value', line)], range: at(line) });
    const ok = run(
      framework([
        indicator('资金到位率', '50', 3),
        indicator('乙', '50', 4, { applicable: { kind: 'binary', op: '>', left: ref('资金到位率', 4), right: num('0', 4), range: at(4) } }),
      ]),
    );
    expect(ok.diagnostics).toEqual([]);
    const applicable = ok.ir?.nodes[1]?.kind === 'indicator' ? ok.ir.nodes[1].applicable : undefined;
    expect(applicable).toMatchObject({ kind: 'binary', left: { kind: 'node', path: '资金到位率', member: 'value' } });
    const bad = run(
      framework([
        indicator('资金到位率', '50', 3),
        indicator('乙', '50', 4, { applicable: { kind: 'binary', op: '>', left: ref('资金到位', 4), right: num('0', 4), range: at(4) } }),
      ]),
    );
    expect(bad.diagnostics.map((d) => [d.code, d.hint?.includes('资金到位率.value')])).toEqual([['CMP202', true]]);
  });
});
