import { describe, expect, it } from 'vitest';
import { compile, compileSource, memorySourceHost } from '../../src/compile/compile.js';

const PARENT = `
framework 项目支出 {
  grades { 优 >= 90; 良 >= 80; 中 >= 60; 差 otherwise }
  dimension 过程 weight 50 {
    indicator 预算执行率 weight 50 { value = data.spent / data.budget; target >= 100%; score proportional }
  }
  dimension 产出 weight 50 {
    indicator 实际完成率 weight 50 { value = data.done / data.planned; target >= 100%; score proportional }
  }
}
`;
const SECTOR = `
import "../common/project.ind"
framework 教育项目 extends 项目支出 {
  dimension 产出 {
    remove 实际完成率
    indicator 新建校舍面积 weight 50 { value = data.area; target >= data.plan_area; score proportional }
  }
}
`;
const POLICY = `
rules 结果应用 for 项目支出 {
  rule 表扬 when grade == 优 then commend reason "评价为优"
}
`;
const files = {
  'rules/common/project.ind': PARENT,
  'rules/sectors/education.ind': SECTOR,
  'rules/policy/apply.ind': POLICY,
};

describe('compile', () => {
  it('gives the sector framework with the rules written for its parent when both files are entries', () => {
    const r = compile(['rules/sectors/education.ind', 'rules/policy/apply.ind'], { fs: memorySourceHost(files) });
    expect(r.diagnostics).toEqual([]);
    expect(r.ir?.name).toBe('教育项目');
    expect(r.ir?.lineage).toEqual(['项目支出']);
    expect(r.ir?.ruleBlocks.map((b) => [b.name, b.for])).toEqual([['结果应用', '项目支出']]);
    expect(r.ir?.nodes.map((n) => n.path)).toEqual(['过程', '产出']);
    expect(r.ir?.nodes[1]?.kind === 'dimension' && r.ir.nodes[1].children.map((c) => c.path)).toEqual(['产出/新建校舍面积']);
    // Files are listed relative to the first entry's directory, in load order.
    expect(r.ir?.files).toEqual(['education.ind', '../common/project.ind', '../policy/apply.ind']);
  });

  it('returns one IR per framework of the entry files and selects by name', () => {
    const text = PARENT + PARENT.replace('framework 项目支出', 'framework 其他项目');
    const all = compileSource(text, 'two.ind');
    expect(all.rulesets.map((r) => r.name)).toEqual(['项目支出', '其他项目']);
    expect(all.ir?.name).toBe('其他项目');
    expect(compileSource(text, 'two.ind', { framework: '项目支出' }).ir?.name).toBe('项目支出');
    const missing = compileSource(text, 'two.ind', { framework: '不存在' });
    expect(missing.ir).toBeUndefined();
    expect(missing.diagnostics.map((d) => d.code)).toEqual(['CMP224']);
  });

  it('has no IR when there is an error, and reports a missing entry file', () => {
    const broken = compileSource(PARENT.replace('weight 50 {\n    indicator 实际完成率', 'weight 40 {\n    indicator 实际完成率'));
    expect(broken.ir).toBeUndefined();
    expect(broken.rulesets).toEqual([]);
    expect(broken.diagnostics.map((d) => d.code)).toContain('CMP302');
    const none = compile(['nope.ind'], { fs: memorySourceHost({}) });
    expect(none.diagnostics.map((d) => [d.code, d.file])).toEqual([['CMP200', 'nope.ind']]);
  });

  it('reads each file once even when imported twice, and reads imports relative to the importer', () => {
    const reads: string[] = [];
    const host = memorySourceHost({
      'a/main.ind': 'import "lib/x.ind"\nimport "lib/y.ind"\n' + PARENT,
      'a/lib/x.ind': 'import "y.ind"\n',
      'a/lib/y.ind': '',
    });
    const counting = { ...host, readFile: (p: string) => (reads.push(p), host.readFile(p)) };
    const r = compile(['a/main.ind'], { fs: counting });
    expect(r.diagnostics).toEqual([]);
    expect(reads).toEqual(['a/main.ind', 'a/lib/x.ind', 'a/lib/y.ind']);
  });

  it('hashes meaning, not layout: reformatting keeps the hash, a changed weight does not', () => {
    const a = compileSource(PARENT).ir!;
    const b = compileSource(PARENT.replace(/\n {4}/g, '\n\n      ').replace('framework', '// 注释\nframework')).ir!;
    expect(b.hash).toBe(a.hash);
    expect(b.sourceMap).not.toEqual(a.sourceMap);
    expect(a.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    const c = compileSource(PARENT.replace('weight 50 { value = data.spent', 'weight 50 { value = data.paid')).ir!;
    expect(c.hash).not.toBe(a.hash);
  });

  it('fills settings defaults and stable ids in source order', () => {
    const ir = compileSource(PARENT).ir!;
    expect(ir.settings).toEqual({ scale: '100', precision: 2, rounding: 'half_up', missing: 'unavailable', notApplicable: 'rescale' });
    expect(ir.nodes.map((n) => n.id)).toEqual(['n1', 'n3']);
    expect(ir.sourceMap.n1).toMatchObject({ file: '<input>', line: 4, column: 3 });
  });

  it('never throws, whatever the text', () => {
    for (const text of ['', '{', 'framework', 'framework x extends x { }', 'rules r for q { rule a when then }', '\u0000\uffff']) {
      expect(() => compileSource(text)).not.toThrow();
    }
  });
});
