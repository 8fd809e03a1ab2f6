import { describe, expect, it } from 'vitest';
import { compileSource } from '../../src/compile/compile.js';
import { hashIR } from '../../src/compile/hash.js';
import { loadIR } from '../../src/compile/load-ir.js';

const TEXT = `
framework 项目支出 {
  grades { 优 >= 90; 良 >= 80; 中 >= 60; 差 otherwise }
  indicator 预算执行率 weight 100 { value = data.spent / data.budget; target >= 100%; score bands { >= 95%: 100%; else: 0 } }
}
rules 结果应用 for 项目支出 { rule 表扬 when grade >= 良 then commend reason "好" }
`;
const saved = (): Record<string, unknown> => JSON.parse(JSON.stringify(compileSource(TEXT).ir));

describe('loadIR', () => {
  it('accepts what compile wrote, after a JSON round trip', () => {
    const r = loadIR(saved());
    expect(r.diagnostics).toEqual([]);
    expect(r.ir?.name).toBe('项目支出');
  });

  it('reads a version-1 IR (written before version 2 added optional shapes) unchanged', () => {
    const v1 = { ...saved(), irVersion: 1 } as unknown as Parameters<typeof hashIR>[0];
    v1.hash = hashIR(v1);
    const r = loadIR(JSON.parse(JSON.stringify(v1)));
    expect(r.diagnostics).toEqual([]);
    expect(r.ir?.irVersion).toBe(1);
  });

  it('refuses an IR edited after compiling (hash mismatch)', () => {
    const ir = saved() as { nodes: { weight: string }[] };
    ir.nodes[0]!.weight = '90';
    expect(loadIR(ir).diagnostics.map((d) => d.code)).toEqual(['CMP232']);
  });

  it('refuses another IR version and malformed JSON, naming where', () => {
    expect(loadIR({ ...saved(), irVersion: 3 }).diagnostics.map((d) => d.code)).toEqual(['CMP231']);
    const bad = saved() as { settings: Record<string, unknown> };
    bad.settings.rounding = 'nearest';
    const r = loadIR(bad);
    expect(r.ir).toBeUndefined();
    expect(r.diagnostics[0]?.code).toBe('CMP230');
    expect(r.diagnostics[0]?.message).toContain('/settings/rounding');
    for (const junk of [null, 42, 'ir', [], {}]) expect(loadIR(junk).ir).toBeUndefined();
  });

  it('the hash covers the content but not the source map', () => {
    const ir = saved() as unknown as Parameters<typeof hashIR>[0];
    const moved = { ...ir, sourceMap: {} };
    expect(hashIR(moved)).toBe(ir.hash);
    expect(hashIR({ ...ir, name: '别的' })).not.toBe(ir.hash);
  });
});
