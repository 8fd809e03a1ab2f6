/**
 * `runTestFiles(paths, options)`: the library behind `jixiao test`. For each `*.test.yaml` it
 * compiles the referenced rules (plus `policy` files) once, evaluates every case's record,
 * runs the recommendation stage when one is passed in (with the case's `context:`, if any), compares with the case's `expect` and
 * collects coverage. With `update`, failing and empty cases get their `expect` rewritten in
 * place (comments and key order kept) from what the rules produce now. Never throws for bad
 * test files or data; those become file or case errors in the report.
 */
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { hasErrors } from '../common/diagnostic.js';
import type { Lang } from '../common/lang.js';
import { compile } from '../compile/compile.js';
import { readRecords } from '../data/read-records.js';
import { createEvaluator, type Evaluator } from '../engine/evaluate.js';
import type { RuleSetIR } from '../compile/ir.js';
import type { EvaluationResult, Recommendation } from '../engine/result.js';
import type { RecommendContext } from '../recommend/facts.js';
import { assertionCount, compareCase, expectationOf, refreshExpectation } from './compare.js';
import { accumulate, coverageOf, newAcc, type CoverageAcc } from './coverage.js';
import { findTestFiles, loadTestFile, type LoadedTestFile } from './load-tests.js';
import { testMessage } from './messages.js';
import type { CaseReport, FileReport, RecommendFn, TestCase, TestOptions, TestReport } from './types.js';
import { writeExpectation } from './update.js';

export async function runTestFiles(paths: string[], options: TestOptions = {}): Promise<TestReport> {
  const accs = new Map<string, CoverageAcc>();
  const files: FileReport[] = [];
  for (const file of findTestFiles(paths)) files.push(await runFile(file, options, accs));
  const all = files.flatMap((f) => f.cases);
  const count = (s: CaseReport['status']): number => all.filter((c) => c.status === s).length;
  return {
    files,
    passed: count('pass'),
    failed: count('fail'),
    errors: count('error') + files.filter((f) => f.message).length,
    updated: count('updated'),
    empty: count('empty'),
    coverage: [...accs.values()].map(coverageOf),
  };
}

async function runFile(file: string, options: TestOptions, accs: Map<string, CoverageAcc>): Promise<FileReport> {
  const t = loadTestFile(file, options.lang);
  const report: FileReport = { file, diagnostics: [], cases: [], updated: false };
  if (t.rules) report.rules = t.rules;
  if (t.framework) report.framework = t.framework;
  if (t.message || !t.rules) {
    report.message = t.message ?? testMessage('noRules', {}, options.lang);
    return report;
  }
  const dir = dirname(file);
  const compiled = compile([resolve(dir, t.rules), ...t.policy.map((p) => resolve(dir, p))], { ...(t.framework ? { framework: t.framework } : {}), ...(options.lang ? { lang: options.lang } : {}) });
  report.diagnostics = compiled.diagnostics;
  if (hasErrors(compiled.diagnostics) || !compiled.ir) {
    const message = testMessage('rulesDontCompile', { count: compiled.diagnostics.filter((d) => d.severity === 'error').length }, options.lang);
    report.cases = t.cases.map((c) => ({ name: 'invalid' in c ? (c.name ?? c.invalid) : c.name, status: 'error', diffs: [], message }));
    return report;
  }
  const ir = compiled.ir;
  // One coverage entry per framework: test files that add policy files compile the same
  // framework with more rule blocks; keep the richest IR so every rule counts.
  const acc = accs.get(ir.name) ?? newAcc(ir);
  if (ir.ruleBlocks.length > acc.ir.ruleBlocks.length) acc.ir = ir;
  accs.set(ir.name, acc);
  const evaluator = createEvaluator(ir, options.lang ? { lang: options.lang } : {});
  for (let i = 0; i < t.cases.length; i++) {
    const c = t.cases[i]!;
    if ('invalid' in c) {
      report.cases.push({ name: c.name ?? c.invalid, status: 'error', diffs: [], message: c.invalid });
      continue;
    }
    const res = await runCase(t, i, c, ir, evaluator, options, acc);
    if (res.status === 'updated') report.updated = true;
    report.cases.push(res);
  }
  if (report.updated && t.doc) writeFileSync(file, t.doc.toString());
  return report;
}

async function recordOf(t: LoadedTestFile, c: TestCase, lang: Lang | undefined): Promise<{ record?: unknown; message?: string }> {
  if (c.data === undefined || c.data === null) return { message: testMessage('noData', {}, lang) };
  if (typeof c.data !== 'string') return { record: c.data };
  // `data: p001.yaml` — the first record of a data file next to the test file.
  for await (const e of readRecords([resolve(dirname(t.file), c.data)], lang ? { lang } : {})) {
    if (e.error) return { message: testMessage('dataUnreadable', { detail: e.error.message }, lang) };
    return { record: e.record };
  }
  return { message: testMessage('dataUnreadable', { detail: testMessage('noRecord', {}, lang) }, lang) };
}

async function runCase(t: LoadedTestFile, index: number, c: TestCase, ir: RuleSetIR, ev: Evaluator, options: TestOptions, acc: CoverageAcc): Promise<CaseReport> {
  const { record, message } = await recordOf(t, c, options.lang);
  if (message) return { name: c.name, status: 'error', diffs: [], message };
  const context = c.context;
  if (context !== undefined && (context === null || typeof context !== 'object' || Array.isArray(context))) {
    return { name: c.name, status: 'error', diffs: [], message: testMessage('badContext', {}, options.lang) };
  }
  const data = ev.read(record); // the rules read "89.974万" as scoring does
  const result = ev.evaluate(data, { fallbackId: c.name, ...(typeof c.stage === 'string' ? { stage: c.stage } : {}) });
  let recs: Recommendation[] | undefined;
  if (options.recommend && result.status === 'ok') {
    try {
      recs = await options.recommend(ir, result, data, context as RecommendContext | undefined);
      result.recommendations = recs;
    } catch (err) {
      return { name: c.name, status: 'error', diffs: [], message: testMessage('recommendFailed', { detail: err instanceof Error ? err.message : String(err) }, options.lang) };
    }
  } else if (options.recommend) {
    recs = [];
  }
  accumulate(acc, t.file, result, options.recommend !== undefined);
  const exp = c.expect && typeof c.expect === 'object' ? c.expect : undefined;
  const tol = typeof c.tolerance === 'number' ? c.tolerance : t.tolerance;
  if (!exp || assertionCount(exp, recs !== undefined) === 0) {
    if (options.update && t.doc) {
      writeExpectation(t.doc, index, expectationOf(result, recs), false);
      return { name: c.name, status: 'updated', diffs: [] };
    }
    return { name: c.name, status: 'empty', diffs: [], message: testMessage('assertsNothing', {}, options.lang) };
  }
  const diffs = compareCase(exp, result, recs, tol);
  if (!diffs.length) return { name: c.name, status: 'pass', diffs };
  if (options.update && t.doc) {
    writeExpectation(t.doc, index, refreshExpectation(exp, result, recs), true);
    return { name: c.name, status: 'updated', diffs };
  }
  return { name: c.name, status: 'fail', diffs };
}
