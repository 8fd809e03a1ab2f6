/**
 * One language mechanism for every phase (the catalogues themselves are checked in
 * test/common/catalogue.test.ts), end to end: the same broken files give the same codes and
 * ranges in both languages, worded in the chosen language only, with no shared state between
 * calls in different languages.
 */
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/compile/code-frame.js';
import { compileSource, memorySourceHost } from '../../src/compile/compile.js';
import { parse } from '../../src/dsl/parse.js';
import { REC_MESSAGES, recDiagnostic } from '../../src/recommend/messages.js';
import { detectLang, LANGS } from '../../src/common/lang.js';
import { render } from '../../src/common/catalogue.js';
import { createEvaluator, evaluate } from '../../src/engine/index.js';
import { sheetIssue, SHEET_CODES } from '../../src/data/sheets/messages.js';

const HAN = /[\u4e00-\u9fff]/;

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
    const src =
      'framework F {\n  scale 100\n  dimension D weight 100 { indicator 执行率 weight 100 { value = data.a\n score proportional\n target >= 1 } }\n  let x = 执行绿.value\n}';
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
    for (const lang of LANGS) expect(recDiagnostic('REC558', [], undefined, undefined, lang).message).toBe(render(REC_MESSAGES, 'REC558', [], lang).message);
    expect(detectLang({ LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(detectLang({ LC_ALL: 'C', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(detectLang({})).toBe('en');
  });
});

describe('record-level errors in the chosen language', () => {
  const RULES =
    'framework F {\n  scale 100\n  dimension D weight 100 {\n    indicator 执行率 weight 100 { value = data.spent / data.budget\n target >= 90%\n score proportional }\n  }\n}';
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
