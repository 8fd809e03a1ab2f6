import { describe, expect, it } from 'vitest';
import { compile, memorySourceHost } from '../../src/compile/compile.js';
import type { DimensionIR, IndicatorIR, NodeIR, RuleSetIR } from '../../src/compile/ir.js';

const BASE = `
framework 基础 {
  grades { 优 >= 90; 良 >= 80; 中 >= 60; 差 otherwise }
  param 目标完成率 = 100%
  dimension 过程 weight 40 {
    indicator 预算执行率 weight 20 { value = data.spent / data.budget; target >= 目标完成率; score proportional }
    indicator 资金使用合规性 weight 20 { deduct 2 per data.violations max 20 }
  }
  dimension 产出 weight 60 {
    indicator 实际完成率 weight 60 { value = data.done / data.planned; target >= 目标完成率; score proportional }
  }
}
`;

function build(main: string): { ir?: RuleSetIR; codes: string[] } {
  const r = compile(['main.ind'], { fs: memorySourceHost({ 'base.ind': BASE, 'main.ind': main }) });
  return { ir: r.ir, codes: r.diagnostics.map((d) => d.code) };
}

const flat = (nodes: NodeIR[]): NodeIR[] => nodes.flatMap((n) => [n, ...(n.kind === 'dimension' ? flat(n.children) : [])]);
const node = (ir: RuleSetIR, path: string): NodeIR | undefined => flat(ir.nodes).find((n) => n.path === path);

describe('extends', () => {
  it('merges a same-named dimension, changing its weight and adding indicators', () => {
    const { ir, codes } = build(`import "base.ind"
framework 子 extends 基础 {
  dimension 过程 weight 30 { remove 资金使用合规性; indicator 资金到位率 weight 10 { value = data.received / data.planned_in; target >= 100%; score proportional } }
  dimension 产出 weight 70 { indicator 质量达标率 weight 10 { value = data.ok / data.done; target >= 100%; score proportional } }
}`);
    expect(codes).toEqual([]);
    expect((node(ir!, '过程') as DimensionIR).weight).toBe('30');
    expect((node(ir!, '过程') as DimensionIR).children.map((c) => c.name)).toEqual(['预算执行率', '资金到位率']);
    expect((node(ir!, '产出') as DimensionIR).children.map((c) => c.name)).toEqual(['实际完成率', '质量达标率']);
  });

  it('override replaces the node in place; a child param replaces the inherited one', () => {
    const { ir, codes } = build(`import "base.ind"
framework 子 extends 基础 {
  param 目标完成率 = 95%
  override indicator 过程.预算执行率 weight 20 { value = data.spent / data.budget; target >= 目标完成率; score bands { >= 95%: 100%; else: 0 } }
}`);
    expect(codes).toEqual([]);
    expect((node(ir!, '过程/预算执行率') as IndicatorIR).score.method).toBe('bands');
    expect((node(ir!, '过程') as DimensionIR).children.map((c) => c.name)).toEqual(['预算执行率', '资金使用合规性']);
    expect(ir!.params.map((p) => [p.name, p.value])).toEqual([['目标完成率', { kind: 'number', value: '0.95', unit: '%' }]]);
  });

  it('keeps the whole lineage, nearest first, and leaves the parent untouched', () => {
    const r = compile(['main.ind'], {
      fs: memorySourceHost({
        'base.ind': BASE,
        'mid.ind':
          'import "base.ind"\nframework 中间 extends 基础 { dimension 产出 { remove 实际完成率; indicator 新指标 weight 60 { score expert data.expert } } }',
        'main.ind': 'import "mid.ind"\nframework 孙 extends 中间 { }\nframework 另一个 extends 基础 { }',
      }),
    });
    expect(r.diagnostics).toEqual([]);
    const [grandchild, sibling] = r.rulesets;
    expect(grandchild!.lineage).toEqual(['中间', '基础']);
    expect(node(grandchild!, '产出/新指标')).toBeDefined();
    expect(node(sibling!, '产出/实际完成率')).toBeDefined();
    expect(node(sibling!, '产出/新指标')).toBeUndefined();
  });
});
