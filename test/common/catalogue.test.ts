/**
 * Every message catalogue has one shape and is complete: each entry has a Chinese and an
 * English text with the same placeholders, a hint (if any) in both languages with the same
 * placeholders, and a severity where the phase reports diagnostics. The list of catalogues is
 * not trusted: every `*messages*.ts` file under src (and the report's i18n folder) is imported
 * and each catalogue it exports must be one this test checks, so a new catalogue cannot escape.
 * The checker is itself tried on broken catalogues, and the renderer's rules are pinned here.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogueName, codeOf, defineCatalogue, placeholders, render, type Catalogue } from '../../src/common/catalogue.js';
import { CLI_MESSAGES, CLI_WORDS } from '../../src/cli/messages.js';
import { DEMO_COLUMNS, DEMO_LEVELS, DEMO_LOOP, DEMO_SUMMARY } from '../../src/cli/demo/messages.js';
import { COMPILE_NAMES, COMPILE_PARAMS, COMPILE_RULES, COMPILE_SCALES, COMPILE_STRUCTURE } from '../../src/compile/messages.js';
import { COMPILE_TERMS } from '../../src/compile/messages-terms.js';
import { SHEET_MESSAGES, SHEET_PHRASES } from '../../src/data/sheets/messages.js';
import { FORM_MESSAGES, FORM_TERMS } from '../../src/data/forms/form-messages.js';
import { DIAGNOSTIC_LABELS } from '../../src/common/diagnostic-messages.js';
import { DSL_MESSAGES } from '../../src/dsl/messages-codes.js';
import { DSL_RULES } from '../../src/dsl/messages-rules.js';
import { DSL_OPTIONS, DSL_TOKENS, DSL_WORDS } from '../../src/dsl/messages-words.js';
import { EVL_MESSAGES, EVL_TERMS } from '../../src/common/evaluation-messages.js';
import { REPORTED_MESSAGES, REPORTED_TERMS } from '../../src/common/reported-messages.js';
import { TEST_PROBLEMS, TEST_WORDS } from '../../src/testing/messages.js';
import { FMT_MESSAGES, FMT_TEXTS } from '../../src/fmt/messages.js';
import { CTX_MESSAGES, CTX_TERMS } from '../../src/pipeline/context-messages.js';
import { REC_MESSAGES } from '../../src/recommend/messages.js';
import { ROL_MESSAGES, ROL_TERMS } from '../../src/rollup/messages.js';
import { PROBLEM_TITLES, SERVICE_MESSAGES } from '../../src/service/messages.js';
import { REPORT_MESSAGES } from '../../src/report/i18n/messages.js';
import { REPORT_CLI_MESSAGES } from '../../src/cli/report/report-messages.js';
import { BENCH_WORDS, EXPLAIN_WORDS, INSPECT_WORDS } from '../../src/cli/tool-messages.js';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));
const HAN = /[\u4e00-\u9fff]/;

/** name → catalogue and whether its entries are diagnostics (which need a severity). */
const KNOWN: Record<string, { catalogue: Catalogue; diagnostics: boolean }> = {
  cli: { catalogue: CLI_MESSAGES, diagnostics: false },
  'cli-words': { catalogue: CLI_WORDS, diagnostics: false },
  'demo-summary': { catalogue: DEMO_SUMMARY, diagnostics: false },
  'demo-loop': { catalogue: DEMO_LOOP, diagnostics: false },
  'demo-columns': { catalogue: DEMO_COLUMNS, diagnostics: false },
  'demo-levels': { catalogue: DEMO_LEVELS, diagnostics: false },
  'compile-names': { catalogue: COMPILE_NAMES, diagnostics: true },
  'compile-params': { catalogue: COMPILE_PARAMS, diagnostics: true },
  'compile-structure': { catalogue: COMPILE_STRUCTURE, diagnostics: true },
  'compile-rules': { catalogue: COMPILE_RULES, diagnostics: true },
  'compile-scales': { catalogue: COMPILE_SCALES, diagnostics: true },
  'compile-terms': { catalogue: COMPILE_TERMS, diagnostics: false },
  sheets: { catalogue: SHEET_MESSAGES, diagnostics: false },
  'sheets-phrases': { catalogue: SHEET_PHRASES, diagnostics: false },
  forms: { catalogue: FORM_MESSAGES, diagnostics: false },
  'forms-terms': { catalogue: FORM_TERMS, diagnostics: false },
  'diagnostic-labels': { catalogue: DIAGNOSTIC_LABELS, diagnostics: false },
  dsl: { catalogue: DSL_MESSAGES, diagnostics: true },
  'dsl-rules': { catalogue: DSL_RULES, diagnostics: false },
  'dsl-tokens': { catalogue: DSL_TOKENS, diagnostics: false },
  'dsl-options': { catalogue: DSL_OPTIONS, diagnostics: false },
  'dsl-words': { catalogue: DSL_WORDS, diagnostics: false },
  evaluation: { catalogue: EVL_MESSAGES, diagnostics: false },
  'evaluation-terms': { catalogue: EVL_TERMS, diagnostics: false },
  reported: { catalogue: REPORTED_MESSAGES, diagnostics: false },
  'reported-terms': { catalogue: REPORTED_TERMS, diagnostics: false },
  fmt: { catalogue: FMT_MESSAGES, diagnostics: true },
  'fmt-texts': { catalogue: FMT_TEXTS, diagnostics: false },
  context: { catalogue: CTX_MESSAGES, diagnostics: true },
  'context-terms': { catalogue: CTX_TERMS, diagnostics: false },
  recommend: { catalogue: REC_MESSAGES, diagnostics: true },
  testing: { catalogue: TEST_PROBLEMS, diagnostics: false },
  'testing-report': { catalogue: TEST_WORDS, diagnostics: false },
  rollup: { catalogue: ROL_MESSAGES, diagnostics: true },
  'rollup-terms': { catalogue: ROL_TERMS, diagnostics: false },
  service: { catalogue: SERVICE_MESSAGES, diagnostics: false },
  'service-titles': { catalogue: PROBLEM_TITLES, diagnostics: false },
  report: { catalogue: REPORT_MESSAGES, diagnostics: false },
  'report-cli': { catalogue: REPORT_CLI_MESSAGES, diagnostics: false },
  'cli-explain': { catalogue: EXPLAIN_WORDS, diagnostics: false },
  'cli-inspect': { catalogue: INSPECT_WORDS, diagnostics: false },
  'cli-bench': { catalogue: BENCH_WORDS, diagnostics: false },
};

/** Files still on their old shape (each must export a catalogue once it moves): none left. */
const NOT_YET = new Set<string>([]);

/** What is wrong with a catalogue, one line per problem (empty when it is complete). */
// biome-ignore lint/suspicious/noExportsInTest: the completeness test's own self-test imports this checker
export function problems(name: string, catalogue: Catalogue, diagnostics: boolean): string[] {
  const out: string[] = [];
  const keys = Object.keys(catalogue);
  if (keys.length === 0) out.push(`${name}: empty`);
  let chinese = 0;
  let translated = 0;
  for (const key of keys) {
    const e = catalogue[key]!;
    const at = `${name} ${key}`;
    for (const lang of ['zh', 'en'] as const) if (typeof e[lang] !== 'string' || e[lang].trim() === '') out.push(`${at}: no ${lang} text`);
    if (typeof e.zh !== 'string' || typeof e.en !== 'string') continue;
    if (e.zh !== e.en) translated++;
    if (e.zh !== e.en && HAN.test(e.zh)) chinese++;
    if (placeholders(e.zh).join() !== placeholders(e.en).join()) out.push(`${at}: placeholders zh {${placeholders(e.zh)}} en {${placeholders(e.en)}}`);
    if (e.hint !== undefined) {
      if (!e.hint.zh?.trim() || !e.hint.en?.trim()) out.push(`${at}: hint not in both languages`);
      else if (placeholders(e.hint.zh).join() !== placeholders(e.hint.en).join()) out.push(`${at}: hint placeholders differ`);
    }
    const base = codeOf(key);
    if (diagnostics && base === key && e.severity === undefined) out.push(`${at}: no severity`);
    if (base !== key && catalogue[base] === undefined) out.push(`${at}: variant of no code ${base}`);
  }
  // Chinese texts are in Chinese; entries the same in both languages are symbols or keywords (`(`, `{0}`).
  if (translated > 0 && chinese / translated < 0.5) out.push(`${name}: only ${chinese} of ${translated} translated Chinese texts contain Chinese`);
  return out;
}

function messageFiles(dir: string): string[] {
  const out: string[] = [];
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, d.name);
    if (d.isDirectory()) out.push(...messageFiles(path));
    else if (/\.ts$/.test(d.name) && (/messages/.test(d.name) || /[/\\]i18n$/.test(dir))) out.push(path);
  }
  return out.sort();
}

describe('every catalogue is complete in both languages', () => {
  for (const [name, { catalogue, diagnostics }] of Object.entries(KNOWN)) {
    it(name, () => {
      expect(catalogueName(catalogue), 'registered under its own name').toBe(name);
      expect(problems(name, catalogue, diagnostics)).toEqual([]);
    });
  }

  it('no message file under src exports a catalogue this test does not check', async () => {
    const files = messageFiles(SRC);
    expect(files.length).toBeGreaterThan(15);
    const unchecked: string[] = [];
    for (const file of files) {
      const rel = relative(SRC, file).replace(/\\/g, '/');
      const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      const found = Object.entries(mod).filter(([, v]) => catalogueName(v) !== undefined);
      for (const [exported, value] of found) {
        const name = catalogueName(value) as string;
        if (KNOWN[name]?.catalogue !== value) unchecked.push(`${rel}: ${exported} (${name})`);
      }
      if (found.length === 0 && !NOT_YET.has(rel)) unchecked.push(`${rel}: exports no catalogue of the one shape`);
    }
    expect(unchecked).toEqual([]);
  });
});

describe('the checker fails on broken catalogues', () => {
  it('reports a missing language, different placeholders, a half hint and a missing severity', () => {
    const broken = {
      A1: { severity: 'error', zh: '名称 {name}', en: 'name {nam}' },
      A2: { severity: 'error', zh: '缺少', en: '' },
      A3: { severity: 'error', zh: '提示', en: 'hint', hint: { zh: '请看 {x}', en: 'see' } },
      A4: { zh: '没有级别', en: 'no severity' },
      'A9.x': { severity: 'error', zh: '变体', en: 'variant' },
    } as unknown as Catalogue;
    expect(problems('broken', broken, true)).toEqual([
      'broken A1: placeholders zh {name} en {nam}',
      'broken A2: no en text',
      'broken A3: hint placeholders differ',
      'broken A4: no severity',
      'broken A9.x: variant of no code A9',
    ]);
    expect(problems('words', { a: { zh: 'word', en: 'a word' } }, false)).toEqual(['words: only 0 of 1 translated Chinese texts contain Chinese']);
  });
});

describe('render', () => {
  const cat = defineCatalogue('sample', {
    X1: {
      severity: 'error',
      zh: '{what} 应为 {expected}',
      en: '{what} should be {expected}',
      hint: { zh: '您是否想写 “{suggestion}”？', en: 'did you mean “{suggestion}”?' },
    },
    X2: { zh: '第 {0} 行，共 {1} 行', en: 'line {0} of {1}' },
  });

  it('resolves Term arguments into the language of the message', () => {
    const number = { zh: '数字', en: 'a number' };
    expect(render(cat, 'X1', { what: '执行率', expected: number }, 'zh').message).toBe('执行率 应为 数字');
    expect(render(cat, 'X1', { what: 'rate', expected: number }, 'en').message).toBe('rate should be a number');
  });

  it('keeps a missing message argument visible and leaves out a hint whose argument is missing', () => {
    expect(render(cat, 'X1', { what: 'a' }, 'en')).toEqual({ message: 'a should be {expected}' });
    expect(render(cat, 'X1', { what: 'a', expected: 'b', suggestion: 'c' }, 'zh').hint).toBe('您是否想写 “c”？');
  });

  it('fills positional placeholders from a list', () => {
    expect(render(cat, 'X2', [3, 10], 'zh').message).toBe('第 3 行，共 10 行');
  });

  it('names the diagnostic code of a variant key', () => {
    expect(codeOf('CMP215.arity')).toBe('CMP215');
    expect(codeOf('CMP215')).toBe('CMP215');
  });
});
