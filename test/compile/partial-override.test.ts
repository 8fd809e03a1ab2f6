/**
 * Partial override and what removing takes with it: `modify` changes an inherited indicator's
 * weight or some clauses and keeps the rest; `remove` of an indicator drops the inherited inputs
 * only it read, so a record missing that field is no longer rejected; `remove input data.x`
 * drops one outright. Inputs still read by anything left — an indicator, a rule — stay.
 */
import { describe, expect, it } from 'vitest';
import { compile, memorySourceHost } from '../../src/compile/compile.js';
import type { IndicatorIR, NodeIR, RuleSetIR } from '../../src/compile/ir.js';

const PARENT = `
framework P {
  input data.survey.satisfaction percent required "满意度"
  input data.spent money required
  input data.budget money required
  input data.audit.extra number required "备用"
  grades { 优 >= 90; 差 otherwise }
  dimension 过程 weight 50 { indicator 执行率 weight 50 { title "预算执行率"; value = data.spent / data.budget; target >= 100%; score bands { >= 95%: 100%; else: 0 } } }
  dimension 效益 weight 50 { indicator 满意度 weight 50 { value = data.survey.satisfaction; target >= 90% } }
}`;

/** The child compiled; the parent's own warning (its spare input is unused there) is left out. */
function build(child: string): ReturnType<typeof compile> {
  const r = compile(['c.ind'], { fs: memorySourceHost({ 'p.ind': PARENT, 'c.ind': `import "p.ind"\n${child}` }) });
  return { ...r, diagnostics: r.diagnostics.filter((d) => !(d.code === 'CMP217' && d.file === 'p.ind')) };
}

function indicator(ir: RuleSetIR | undefined, path: string): IndicatorIR {
  const all = (ns: NodeIR[]): NodeIR[] => ns.flatMap((n) => (n.kind === 'dimension' ? [n, ...all(n.children)] : [n]));
  const found = all(ir!.nodes).find((n) => n.path === path);
  expect(found?.kind).toBe('indicator');
  return found as IndicatorIR;
}

const required = (ir: RuleSetIR | undefined): unknown => (ir!.dataSchema as { required?: string[] }).required;

describe('modify', () => {
  it('changes the weight alone and keeps value, target, method and title', () => {
    const r = build(
      'framework C extends P {\n  dimension 过程 weight 40 { }\n  dimension 效益 weight 60 { indicator 新增 weight 10 { value = data.x; target >= 1 } }\n  modify 执行率 weight 40\n}',
    );
    expect(r.diagnostics).toEqual([]);
    const parent = compile(['p.ind'], { fs: memorySourceHost({ 'p.ind': PARENT }) });
    const before = indicator(parent.ir, '过程/执行率');
    const after = indicator(r.ir, '过程/执行率');
    expect(after.weight).toBe('40');
    expect({ ...after, id: '', weight: '' }).toEqual({ ...before, id: '', weight: '' });
  });

  it('replaces only the clauses given', () => {
    const r = build('framework C extends P {\n  modify indicator 效益.满意度 { target >= 95%; missing not_applicable }\n}');
    expect(r.diagnostics).toEqual([]);
    const m = indicator(r.ir, '效益/满意度');
    expect(m.weight).toBe('50');
    expect(m.value).toEqual({ kind: 'data', path: ['survey', 'satisfaction'] });
    expect(m.target?.value).toMatchObject({ value: '0.95' });
    expect(m.missing).toBe('not_applicable');
    expect(m.score.method).toBe('proportional');
  });

  it('is refused for a dimension (CMP255), outside extends (CMP219) and for nothing (CMP207)', () => {
    expect(build('framework C extends P { modify 过程 weight 50 }').diagnostics.map((d) => d.code)).toEqual(['CMP255']);
    const alone = compile(['a.ind'], { fs: memorySourceHost({ 'a.ind': 'framework A { modify x weight 5 }' }) });
    expect(alone.diagnostics.map((d) => d.code)).toContain('CMP219');
    expect(build('framework C extends P { modify 不存在 weight 5 }').diagnostics.map((d) => d.code)).toEqual(['CMP207']);
  });
});

describe('remove and the inputs it leaves', () => {
  it('drops the inputs only the removed indicator read', () => {
    const r = build(
      'framework C extends P {\n  dimension 效益 {\n    remove 满意度\n    indicator 受益面 weight 50 { value = data.coverage; target >= 90% }\n  }\n}',
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // data.audit.extra stays: the parent declares it though nothing reads it, and nothing was removed that did.
    expect(required(r.ir)).toEqual(['id', 'audit', 'budget', 'spent']);
    expect(Object.keys((r.ir!.dataSchema as { properties: object }).properties)).not.toContain('survey');
  });

  it('keeps an input the removed indicator read when a rule still reads it', () => {
    const r = build(
      'framework C extends P {\n  dimension 效益 {\n    remove 满意度\n    indicator 受益面 weight 50 { value = data.coverage; target >= 90% }\n  }\n}\nrules R for C { rule 低 when data.survey.satisfaction < 60% then interview }',
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(Object.keys((r.ir!.dataSchema as { properties: object }).properties)).toContain('survey');
  });

  it('drops an input by remove input, and reports one that is not inherited', () => {
    const ok = build('framework C extends P { remove input data.audit.extra }');
    expect(ok.diagnostics).toEqual([]);
    expect(Object.keys((ok.ir!.dataSchema as { properties: object }).properties)).not.toContain('audit');
    const bad = build('framework C extends P { remove input data.audit.extr }');
    expect(bad.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.column])).toEqual([['CMP208', 2, 38]]);
    expect(bad.diagnostics[0]!.hint).toContain('audit.extra');
  });
});
