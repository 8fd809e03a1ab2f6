/**
 * Band tables and rating scales declared once and used by name score exactly as the same bands
 * or levels written in each indicator: the IR differs only in where the source map points.
 * Unknown names, the other kind of table and unused tables are located diagnostics; a child
 * framework uses its parent's table and may redeclare it.
 */
import { describe, expect, it } from 'vitest';
import { compile, compileSource, memorySourceHost } from '../../src/compile/compile.js';
import type { RuleSetIR } from '../../src/compile/ir.js';

const INLINE = `
framework T {
  param 优档分 = 5
  grades { 优 >= 90; 差 otherwise }
  dimension A weight 100 {
    indicator 政策 weight 5 { score rating data.q1 { 优: 优档分; 良: 4; 差: 0 } }
    indicator 需求 weight 5 { score rating data.q2 { 优: 优档分; 良: 4; 差: 0 } }
    indicator 满意度 weight 90 { value = data.s; score bands { >= 90%: 100%; >= 80%: 80%; else: 0 } }
  }
}`;
const NAMED = `
framework T {
  param 优档分 = 5
  rating 评审档 { 优: 优档分; 良: 4; 差: 0 }
  bands 满意度档 { >= 90%: 100%; >= 80%: 80%; else: 0 }
  grades { 优 >= 90; 差 otherwise }
  dimension A weight 100 {
    indicator 政策 weight 5 { score rating data.q1 by 评审档 }
    indicator 需求 weight 5 { score rating data.q2 by 评审档 }
    indicator 满意度 weight 90 { value = data.s; score bands 满意度档 }
  }
}`;

function core(ir: RuleSetIR | undefined): unknown {
  expect(ir).toBeDefined();
  const { sourceMap: _s, hash: _h, ...rest } = ir!;
  return rest;
}

describe('shared band tables and rating scales', () => {
  it('compile to the IR of the bands and levels written out', () => {
    const a = compileSource(INLINE);
    const b = compileSource(NAMED);
    expect(a.diagnostics).toEqual([]);
    expect(b.diagnostics).toEqual([]);
    expect(core(b.ir)).toEqual(core(a.ir));
  });

  it('reports an unknown table with the one meant, the other kind, and an unused table', () => {
    const src = NAMED.replace('data.q2 by 评审档', 'data.q2 by 评审挡')
      .replace('score bands 满意度档', 'score bands 评审档')
      .replace('grades', 'bands 闲置 { else: 0 }\n  grades');
    const r = compileSource(src);
    const found = r.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.column]);
    expect(found).toEqual(
      [
        ['CMP254', 6, 9],
        ['CMP252', 10, 53],
        ['CMP253', 11, 59],
        // 满意度档 is now used by no indicator.
        ['CMP254', 5, 9],
      ].sort((x, y) => (x[1] as number) - (y[1] as number)),
    );
    expect(r.diagnostics.find((d) => d.code === 'CMP252')?.hint).toContain('评审档');
  });

  it('scores the inherited indicators by the child’s own declaration of a table', () => {
    const files = {
      'p.ind': NAMED,
      'c.ind': `import "p.ind"
framework C extends T {
  rating 评审档 { 优: 5; 良: 2; 差: 0 }
}`,
    };
    const r = compile(['c.ind'], { fs: memorySourceHost(files) });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const levels = (path: string): unknown => {
      const find = (ns: RuleSetIR['nodes']): unknown =>
        ns.map((n) => (n.kind === 'indicator' ? (n.path === path ? n.score : undefined) : find(n.children))).find((x) => x !== undefined);
      return find(r.ir!.nodes);
    };
    const lv = levels('A/政策') as { levels: { label: string; award: unknown }[] };
    expect(lv.levels.map((l) => l.label)).toEqual(['优', '良', '差']);
    expect(JSON.stringify(lv.levels[1]!.award)).toContain('"2"');
  });
});
