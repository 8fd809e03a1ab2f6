/**
 * Checks run one by one: a check that throws (a compiler bug) is reported as CMP298, in the
 * caller's language, at the framework's name and naming the check, and the findings of every
 * other check still arrive — through the same path `compile` takes, with a deliberately
 * failing check passed in through the program's `checks` seam. Also: a compiler bug outside the
 * checks (CMP299) is worded by the catalogue in the chosen language.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/common/diagnostic.js';
import type { Lang } from '../../src/common/lang.js';
import type { Check } from '../../src/compile/check-input.js';
import { CHECKS } from '../../src/compile/checks.js';
import { compile, compileSource, memorySourceHost } from '../../src/compile/compile.js';
import { loadFiles } from '../../src/compile/load.js';
import { compileLoaded } from '../../src/compile/program.js';
import { parse } from '../../src/dsl/parse.js';

// Weights that do not add up (CMP301, from the `weights` check) and a band gap (CMP312, `bands`).
const SOURCE = `framework 检查隔离 {
  grades { 优 >= 90; 差 otherwise }
  dimension 过程 weight 100 {
    indicator 执行率 weight 40 {
      value = data.spent / data.budget
      score bands { >= 90%: 100%; [0%, 50%): 0% }
    }
  }
}
`;
const FILE = 'isolated.ind';

function run(checks: readonly Check[] | undefined, lang: Lang = 'zh'): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const files = loadFiles([FILE], memorySourceHost({ [FILE]: SOURCE }), (text, file) => parse(text, file, { lang }), diagnostics, lang);
  return compileLoaded(files, diagnostics, { lang, ...(checks ? { checks } : {}) }).diagnostics;
}

const boom: Check = {
  name: 'deliberately-broken',
  run: () => {
    throw new Error('boom in a check');
  },
};
/** Reports one finding, then throws: what it found before throwing is kept. */
const halfway: Check = {
  name: 'halfway',
  run: (c) => {
    c.accept('CMP324', c.rf.file, c.rf.decl.name.range, { name: '半途', weight: 1 });
    throw new TypeError('cannot read properties of undefined');
  },
};

const codes = (ds: Diagnostic[]): string[] => ds.map((d) => d.code);

describe('isolated checks', () => {
  it('the registry alone finds the weight and band mistakes and no internal error', () => {
    const ds = run(undefined);
    expect(codes(ds)).toContain('CMP301');
    expect(codes(ds)).toContain('CMP312');
    expect(codes(ds).filter((c) => c === 'CMP298' || c === 'CMP299')).toEqual([]);
  });

  it('a throwing check costs only its own findings: the others still arrive, with one located CMP298 naming it', () => {
    const alone = run(undefined);
    const ds = run([boom, ...CHECKS]);
    const internal = ds.filter((d) => d.code === 'CMP298');
    expect(internal).toHaveLength(1);
    expect(internal[0]).toMatchObject({ severity: 'error', file: FILE, range: { start: { line: 1, column: 11 }, end: { line: 1, column: 15 } } });
    expect(internal[0]?.message).toContain('deliberately-broken');
    expect(internal[0]?.message).toContain('boom in a check');
    // Every finding of the intact registry is still there, unchanged.
    expect(ds.filter((d) => d.code !== 'CMP298')).toEqual(alone);
    expect(codes(ds)).not.toContain('CMP299');
  });

  it('a check placed last or in the middle is isolated the same way', () => {
    const alone = run(undefined);
    const mid = [...CHECKS.slice(0, 3), boom, ...CHECKS.slice(3)];
    expect(run(mid).filter((d) => d.code !== 'CMP298')).toEqual(alone);
    expect(run([...CHECKS, boom]).filter((d) => d.code !== 'CMP298')).toEqual(alone);
  });

  it('keeps what a check reported before it threw', () => {
    const ds = run([halfway, ...CHECKS]);
    expect(codes(ds)).toContain('CMP324');
    expect(ds.find((d) => d.code === 'CMP298')?.message).toContain('halfway');
  });

  it('words the internal error in the chosen language, with the same code and place', () => {
    const zh = run([boom, ...CHECKS], 'zh').find((d) => d.code === 'CMP298');
    const en = run([boom, ...CHECKS], 'en').find((d) => d.code === 'CMP298');
    expect(zh?.range).toEqual(en?.range);
    expect(zh?.message).toMatch(/^编译器内部错误：检查 “deliberately-broken”/);
    expect(en?.message).toMatch(/^internal compiler error: the check “deliberately-broken”/);
    expect(zh?.hint).toMatch(/[\u4e00-\u9fff]/);
    expect(en?.hint).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('a failing check means no IR: the result cannot be vouched for', () => {
    const diagnostics: Diagnostic[] = [];
    const ok = SOURCE.replace('weight 40', 'weight 100').replace('[0%, 50%): 0%', 'else: 0');
    const files = loadFiles([FILE], memorySourceHost({ [FILE]: ok }), (text, file) => parse(text, file), diagnostics);
    expect(compileLoaded(files, [...diagnostics], {}).ir).toBeDefined();
    const broken = compileLoaded(files, [...diagnostics], { checks: [boom, ...CHECKS] });
    expect(broken.ir).toBeUndefined();
    expect(codes(broken.diagnostics)).toEqual(['CMP298']);
  });
});

describe('internal errors outside the checks (CMP299)', () => {
  // A host whose resolve throws is a bug the compiler does not foresee anywhere but at the top.
  const host = {
    readFile: (p: string) => (p === 'a.ind' ? 'import "b.ind"\n' : undefined),
    resolve: () => {
      throw new Error('resolver broke');
    },
  };

  it('is catalogued in the chosen language', () => {
    const zh = compile(['a.ind'], { fs: host }).diagnostics.find((d) => d.code === 'CMP299');
    const en = compile(['a.ind'], { fs: host, lang: 'en' }).diagnostics.find((d) => d.code === 'CMP299');
    expect(zh?.message).toBe('编译器内部错误：resolver broke');
    expect(en?.message).toBe('internal compiler error: resolver broke');
    expect(en?.hint).toBeDefined();
    expect(zh?.range).toEqual({ start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } });
  });

  it('leaves ordinary compiles alone', () => {
    expect(compileSource(SOURCE, FILE, { fs: memorySourceHost({}) }).diagnostics.map((d) => d.code)).not.toContain('CMP299');
  });
});
