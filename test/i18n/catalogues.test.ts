/**
 * One language mechanism for every phase: each message catalogue has Chinese and English with
 * the same keys, every entry non-empty in both, the same placeholders in both, and Chinese
 * entries written in Chinese. Then, end to end: the same broken files give the same codes and
 * ranges in both languages, worded in the chosen language only, with no shared state between
 * calls in different languages.
 */
import { describe, expect, it } from 'vitest';
import { CLI_CATALOGUES, detectLang } from '../../src/cli/messages.js';
import { formatDiagnostic } from '../../src/compile/code-frame.js';
import { COMPILE_CATALOGUES } from '../../src/compile/messages.js';
import { compileSource, memorySourceHost } from '../../src/compile/compile.js';
import { DSL_CATALOGUES } from '../../src/dsl/messages.js';
import { parse } from '../../src/dsl/parse.js';
import { FMT_CATALOGUES } from '../../src/fmt/messages.js';
import { REC_CATALOGUES, recDiagnostic } from '../../src/recommend/messages.js';
import { TEST_CATALOGUES } from '../../src/testing/messages.js';
import { LANGS } from '../../src/common/lang.js';
import { EVL_ALL_CATALOGUES } from '../../src/engine/messages.js';
import { createEvaluator, evaluate } from '../../src/engine/index.js';
import { SHEET_CATALOGUES, sheetIssue, SHEET_CODES } from '../../src/data/sheets/messages.js';

const HAN = /[\u4e00-\u9fff]/;

/** Every leaf of a nested catalogue as `path → text` (functions are called with sample args). */
function leaves(value: unknown, path = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(path, value);
  else if (typeof value === 'function') out.set(path, String((value as (a: Record<string, string>) => unknown)(SAMPLE) ?? ''));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'severity') continue; // not a text: shared by both languages
      for (const [p, t] of leaves(v, path ? `${path}.${k}` : k)) out.set(p, t);
    }
  }
  return out;
}

/** Sample arguments: every placeholder name used by a catalogue, as a marker the test can see. */
const SAMPLE: Record<string, string> = new Proxy({}, { get: (_, k) => (typeof k === 'string' && k !== 'suggestion' && k !== 'max' && k !== 'arity' ? `‹${k}›` : k === 'suggestion' ? '‹suggestion›' : undefined) });

const placeholders = (t: string): string[] => [...t.matchAll(/\{(\w+)\}|‹(\w+)›/g)].map((m) => m[1] ?? m[2] ?? '').sort();

const CATALOGUES: Record<string, Record<'zh' | 'en', unknown>> = {
  dsl: DSL_CATALOGUES,
  compile: COMPILE_CATALOGUES,
  fmt: FMT_CATALOGUES,
  recommend: REC_CATALOGUES,
  testing: TEST_CATALOGUES,
  cli: CLI_CATALOGUES,
  engine: EVL_ALL_CATALOGUES,
  sheets: SHEET_CATALOGUES,
};

describe('every catalogue is complete in both languages', () => {
  for (const [name, cat] of Object.entries(CATALOGUES)) {
    it(name, () => {
      const zh = leaves(cat.zh);
      const en = leaves(cat.en);
      expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
      expect(zh.size).toBeGreaterThan(0);
      for (const [key, z] of zh) {
        const e = en.get(key) ?? '';
        expect(z.trim(), `${name} zh ${key}`).not.toBe('');
        expect(e.trim(), `${name} en ${key}`).not.toBe('');
        expect(placeholders(z), `${name} placeholders of ${key}`).toEqual(placeholders(e));
      }
      // Chinese catalogues are in Chinese (a few entries are pure symbols or keywords, e.g. `{0}`).
      const chinese = [...zh.values()].filter((t) => HAN.test(t)).length;
      expect(chinese / zh.size, `${name}: share of Chinese entries`).toBeGreaterThan(0.6);
    });
  }
});

const BROKEN = [
  'framework F { indicator I weight { } }',
  'framework F {\n  scale 100 $\n}',
  'framework F {\n  title "abc\n}',
  'framework F {\n  dimension D weight 10 {\n',
  'framework F { param 目标 = 1 }',
  'framework F { missing sometimes }',
  'framework F {\n  scale 100\n  grades { 优 >= 90; 良 >= 95; 差 otherwise }\n  dimension D weight 20 {\n    indicator 执行率 weight 15 { value = data.a + 5万元\n target >= 100%\n score proportional }\n  }\n  let x = 执行绿.value\n}',
];

describe('diagnostics in the chosen language', () => {
  it.each(BROKEN)('same codes and ranges in zh and en, worded in one language: %s', (src) => {
    const run = (lang: 'zh' | 'en') => compileSource(src, 'b.ind', { fs: memorySourceHost({}), lang }).diagnostics;
    const zh = run('zh');
    const en = run('en');
    expect(zh.length).toBeGreaterThan(0);
    expect(zh.map((d) => [d.code, d.range, d.severity])).toEqual(en.map((d) => [d.code, d.range, d.severity]));
    for (const d of zh) expect(d.message, d.code).toMatch(HAN);
    for (const [i, d] of en.entries()) {
      expect(d.message).not.toBe(zh[i]!.message);
      // English text quotes Chinese names from the file but has no Chinese sentence of its own.
      expect(d.message.replace(/“[^”]*”|`[^`]*`|"[^"]*"|\([^)]*\)/g, ''), d.code).not.toMatch(/[\u4e00-\u9fff]{4}/);
    }
  });

  it('the default is Chinese; "did you mean" appears in the chosen language only', () => {
    const src = 'framework F {\n  scale 100\n  dimension D weight 100 { indicator 执行率 weight 100 { value = data.a\n score proportional\n target >= 1 } }\n  let x = 执行绿.value\n}';
    const byDefault = compileSource(src, 'b.ind', { fs: memorySourceHost({}) }).diagnostics.find((d) => d.code === 'CMP202');
    const en = compileSource(src, 'b.ind', { fs: memorySourceHost({}), lang: 'en' }).diagnostics.find((d) => d.code === 'CMP202');
    expect(byDefault?.hint).toBe('您是否想写 “执行率.value”？');
    expect(en?.hint).toBe('did you mean “执行率.value”?');
  });

  it('calls in different languages do not leak into each other', () => {
    const src = BROKEN[0]!;
    const a = parse(src, 'x', { lang: 'en' }).diagnostics[0]!.message;
    const b = parse(src, 'x', { lang: 'zh' }).diagnostics[0]!.message;
    expect(parse(src, 'x', { lang: 'en' }).diagnostics[0]!.message).toBe(a);
    expect(parse(src, 'x').diagnostics[0]!.message).toBe(b);
  });

  it('code-frame labels follow the language', () => {
    const d = { ...parse('framework F {\n  scale 100 $\n}', 'x.ind').diagnostics[0]!, severity: 'warning' as const };
    expect(formatDiagnostic(d, undefined, 'zh')).toMatch(/DSL101 警告：[\s\S]*\n提示：/);
    expect(formatDiagnostic(d, undefined, 'en')).toMatch(/DSL101 warning: [\s\S]*\nhint: /);
  });

  it('recommendation diagnostics and the locale default', () => {
    for (const lang of LANGS) expect(recDiagnostic('REC558', [], undefined, undefined, lang).message).toBe(REC_CATALOGUES[lang].REC558);
    expect(detectLang({ LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(detectLang({ LC_ALL: 'C', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(detectLang({})).toBe('en');
  });
});

describe('record-level errors in the chosen language', () => {
  const RULES = 'framework F {\n  scale 100\n  dimension D weight 100 {\n    indicator 执行率 weight 100 { value = data.spent / data.budget\n target >= 90%\n score proportional }\n  }\n}';
  const ir = compileSource(RULES, 'r.ind', { fs: memorySourceHost({}) }).ir!;
  // `spent` must be a number: text there fails the data schema, so the record is rejected.
  const record = { id: 'p1', spent: 'about half', budget: 100 };

  it('the same rejected record: same code and path, Chinese with zh, English with en', () => {
    const zh = createEvaluator(ir, { lang: 'zh' }).evaluate(record);
    const en = createEvaluator(ir, { lang: 'en' }).evaluate(record);
    expect(zh.status).toBe('rejected');
    expect(en.status).toBe('rejected');
    expect(zh.errors.map((e) => [e.code, e.path])).toEqual([['EVL401', 'data.spent']]);
    expect(en.errors.map((e) => [e.code, e.path])).toEqual(zh.errors.map((e) => [e.code, e.path]));
    expect(zh.errors[0]!.message).toMatch(HAN);
    expect(en.errors[0]!.message).not.toMatch(HAN);
    expect(en.errors[0]!.message).toContain('should be');
    // the library default is Chinese, and the cached evaluators of the two languages stay apart
    expect(evaluate(ir, record).errors[0]!.message).toBe(zh.errors[0]!.message);
    expect(evaluate(ir, record, { lang: 'en' }).errors[0]!.message).toBe(en.errors[0]!.message);
    expect(evaluate(ir, record).errors[0]!.message).toBe(zh.errors[0]!.message);
  });

  it('an indicator that cannot be computed reports in the chosen language', () => {
    const zero = { id: 'p2', spent: 50, budget: 0 };
    const zh = createEvaluator(ir, { lang: 'zh' }).evaluate(zero).errors;
    const en = createEvaluator(ir, { lang: 'en' }).evaluate(zero).errors;
    expect(zh.length).toBeGreaterThan(0);
    expect(zh.map((e) => [e.code, e.path])).toEqual(en.map((e) => [e.code, e.path]));
    expect(zh[0]!.message.replace(/^[^:]*: /, '')).toMatch(HAN);
    expect(en[0]!.message.replace(/^[^:]*: /, '')).not.toMatch(HAN);
  });

  it('sheet issues follow the language; codes, rows and columns do not', () => {
    const at = { row: 3, column: 2, header: 'spent', path: 'spent' };
    const zh = sheetIssue(SHEET_CODES.notNumber, at, { value: 'x' }, 'error', 'zh');
    const en = sheetIssue(SHEET_CODES.notNumber, at, { value: 'x' }, 'error', 'en');
    expect({ ...zh, message: '' }).toEqual({ ...en, message: '' });
    expect(zh.message).toMatch(/第 3 行 B 列/);
    expect(en.message).toMatch(/row 3, column B/);
  });
});
