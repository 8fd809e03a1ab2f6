/**
 * What a `*.test.yaml` cannot say without being told: unknown keys at any level (file, case,
 * `expect`, `context`) make the file or the case an error naming the key, its line and — when
 * one is close — the key meant; a per-case `framework:` is refused with its own reason; and a
 * case whose expectation checks nothing is reported as asserting nothing, never as a pass.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTestFiles } from '../../src/testing/index.js';
import { closestKey, EXPECT_KEYS } from '../../src/testing/keys.js';

const RULES = `framework 测试 {
  scale 10
  grades { 优 >= 9; 差 otherwise }
  dimension 过程 weight 10 {
    indicator 预算执行率 weight 10 {
      value = data.spent / data.budget
      score bands { >= 95%: 100%; >= 80%: 80%; else: 0 }
    }
  }
}
`;
const DATA = '{ id: P1, spent: 96, budget: 100 }';

async function run(yaml: string, lang: 'zh' | 'en' = 'en') {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-keys-'));
  writeFileSync(join(dir, 'demo.ind'), RULES);
  writeFileSync(join(dir, 'demo.test.yaml'), yaml);
  return runTestFiles([join(dir, 'demo.test.yaml')], { lang });
}

describe('test file keys', () => {
  it('refuses an unknown expect key with its line and the key meant, instead of passing', async () => {
    const r = await run(`rules: demo.ind\ncases:\n  - name: a\n    data: ${DATA}\n    expect: { reported_total: 96 }\n`);
    const c = r.files[0]!.cases[0]!;
    expect([c.name, c.status]).toEqual(['a', 'error']);
    expect(c.message).toContain('line 5');
    expect(c.message).toContain('`reported_total`');
    expect(c.message).toContain('did you mean `total`');
    expect(r.passed).toBe(0);
  });

  it('refuses a per-case framework and unknown case and context keys', async () => {
    const yaml = `rules: demo.ind\ncases:\n  - name: b\n    framework: 测试\n    dat: ${DATA}\n    context: { previos: { grade: 差 } }\n    expect: { total: 10 }\n`;
    const c = (await run(yaml)).files[0]!.cases[0]!;
    const lines = c.message!.split('\n');
    expect(c.status).toBe('error');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^line 4: `framework` is set once for the whole test file/);
    expect(lines[1]).toMatch(/^line 5: unknown key `dat` in a case; did you mean `data`\?/);
    expect(lines[2]).toMatch(/^line 6: unknown key `previos` in `context`; did you mean `previous`\?/);
  });

  it('refuses an unknown top-level key, in Chinese too', async () => {
    const r = await run(`rules: demo.ind\ntolerence: 0.01\ncases:\n  - name: c\n    data: ${DATA}\n    expect: { total: 10 }\n`, 'zh');
    expect(r.files[0]!.message).toBe(
      '第 2 行：测试文件开头有未知的键 `tolerence`；您是否想写 `tolerance`？可用的键：rules, framework, policy, tolerance, cases',
    );
    expect(r.errors).toBe(1);
    expect(r.passed).toBe(0);
  });

  it('reports a case that asserts nothing, and passes the same case once it checks something', async () => {
    const empty = await run(`rules: demo.ind\ncases:\n  - name: d\n    data: ${DATA}\n    expect: { indicators: {}, error: [] }\n`);
    expect(empty.files[0]!.cases[0]!.status).toBe('empty');
    expect(empty.files[0]!.cases[0]!.message).toContain('asserts nothing');
    const real = await run(`rules: demo.ind\ncases:\n  - name: d\n    data: ${DATA}\n    expect: { indicators: { 预算执行率: 10 } }\n`);
    expect([real.passed, real.empty]).toEqual([1, 0]);
  });

  it('suggests by edit distance, or by the allowed key a name ends with', () => {
    expect(closestKey('totl', EXPECT_KEYS)).toBe('total');
    expect(closestKey('reported_total', EXPECT_KEYS)).toBe('total');
    expect(closestKey('zzzz', EXPECT_KEYS)).toBeUndefined();
  });
});
