/**
 * Numbers written by a param's name where a literal stood (grade cut-offs, `-> cap`, `require`,
 * `rectify within`): the compiled rule set is the one the literals give, apart from the params
 * themselves; wrong units, lets and params that read data are located diagnostics; a child
 * framework that inherits a cut-off by name sees its parent's value.
 */
import { describe, expect, it } from 'vitest';
import { compileSource, memorySourceHost, compile } from '../../src/compile/compile.js';
import type { RuleSetIR } from '../../src/compile/ir.js';

const body = (cut: string, cap: string, req: string, days: string, params = ''): string => `
framework T {
  ${params}
  grades { 优 >= ${cut}; 良 >= 80; 差 otherwise }
  veto 违规 when data.bad == true -> cap ${cap}
  require 过程 >= ${req}
  dimension 过程 weight 60 { indicator 执行率 weight 60 { value = data.a / data.b; target >= 100% } }
  dimension 产出 weight 40 { indicator 完成率 weight 40 { value = data.c / data.d; target >= 100% } }
}
rules R for T { rule 差评 when grade == 差 then rectify within ${days} }
`;

/** The IR without what differs by construction: params, source positions, hash, files. */
function core(ir: RuleSetIR | undefined): unknown {
  expect(ir).toBeDefined();
  const { params: _p, sourceMap: _s, hash: _h, files: _f, ...rest } = ir!;
  return rest;
}

describe('params where a literal stood', () => {
  it('compiles to the same grades, cap, require and deadline as the literals', () => {
    const lit = compileSource(body('90', '59', '50', '90 days'));
    const named = compileSource(
      body('优秀线', '封顶分', '过程下限', '整改期限', 'param 优秀线 = 90; param 封顶分 = 59; param 过程下限 = 50; param 整改期限 = 90天'),
    );
    expect(lit.diagnostics).toEqual([]);
    expect(named.diagnostics).toEqual([]);
    expect(core(named.ir)).toEqual(core(lit.ir));
    expect(named.ir!.grades[0]!.min).toBe('90');
    expect(named.ir!.vetoes[0]!.effect).toEqual({ kind: 'cap', value: '59' });
    expect(named.ir!.ruleBlocks[0]!.rules[0]!.actions[0]!.withinDays).toBe('90');
  });

  it('reports a cut-off in the wrong unit, a let and a param that reads data where they are written', () => {
    const r = compileSource(body('线', '上限', '下限', '钱', 'param 线 = 90%; let 上限 = 59; param 下限 = data.x; param 钱 = 5万'));
    const at = r.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.range.start.line, d.range.start.column]);
    expect(at).toEqual([
      ['CMP251', 4, 17],
      ['CMP250', 5, 40],
      ['CMP250', 6, 17],
      ['CMP251', 10, 61],
    ]);
    expect(r.ir).toBeUndefined();
  });

  it('suggests the param meant for a misspelt name', () => {
    const r = compileSource(body('优秀线x', '59', '50', '90', 'param 优秀线 = 90'));
    const d = r.diagnostics.find((x) => x.code === 'CMP202');
    expect(d?.hint).toContain('优秀线');
  });

  it('orders cut-offs by their values and quotes the name (CMP307)', () => {
    const r = compileSource(body('低线', '59', '50', '90', 'param 低线 = 70'));
    expect(r.diagnostics.map((d) => d.code)).toEqual(['CMP307']);
    expect(r.diagnostics[0]!.message).toContain('80');
  });

  it('resolves an inherited cut-off in the child framework', () => {
    const files = {
      'p.ind': body('优秀线', '59', '50', '90', 'param 优秀线 = 92'),
      'c.ind': 'import "p.ind"\nframework C extends T { }\n',
    };
    const r = compile(['c.ind'], { fs: memorySourceHost(files) });
    expect(r.diagnostics).toEqual([]);
    expect(r.ir!.grades[0]!.min).toBe('92');
  });
});
