/**
 * The "done when", end to end: a deterministic spreadsheet of 1,000 education projects
 * goes into `jixiao report` (in-process, real worker threads), and out come 1,000 Markdown and
 * 1,000 HTML reports, the summary in both formats and results.xlsx. The workbook is read back
 * and checked against `jixiao eval` of the same rows (row count, ids in order, totals, grades),
 * and summary.html is opened in headless Chromium: charts drawn, no console error. The browser
 * part is skipped, with the reason, when Chromium is not installed.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { available, checkPage, SKIP_REASON } from '../report/chromium.js';
import { EDUCATION_RULES, writeEducationXlsx } from './education-sheet.js';
import { runCapturedCli } from './run-captured.js';

const COUNT = 1000;
const dir = mkdtempSync(join(tmpdir(), 'jixiao-report-batch-'));
const out = join(dir, 'reports');
const rules = EDUCATION_RULES.map((p) => resolve(p));
const ruleArgs = ['--rules', rules[0]!, '--policy', rules[1]!];

interface EvalLine {
  id: string;
  status: string;
  total: number | null;
  grade: string | null;
}

let reportRun: Awaited<ReturnType<typeof runCapturedCli>>;
let evaluated: EvalLine[];

beforeAll(async () => {
  await writeEducationXlsx(join(dir, 'projects.xlsx'), COUNT);
  reportRun = await runCapturedCli(['--lang', 'zh', 'report', ...ruleArgs, 'projects.xlsx', '--out', 'reports'], dir);
  // in this thread: the pipeline gives the same results at any worker count, without thread start-up
  const evalRun = await runCapturedCli(['eval', ...ruleArgs, '--workers', '0', 'projects.xlsx', '--out', 'results.ndjson'], dir);
  expect(evalRun.code).toBe(0);
  evaluated = readFileSync(join(dir, 'results.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as EvalLine);
}, 180_000);

describe('jixiao report on a 1,000-project workbook', () => {
  it('writes 1,000 Markdown and 1,000 HTML reports, the summary and the results workbook', () => {
    expect(reportRun.code, reportRun.stderr).toBe(0);
    const files = readdirSync(out);
    expect(files.filter((f) => f.endsWith('.md') && f !== 'summary.md')).toHaveLength(COUNT);
    expect(files.filter((f) => f.endsWith('.html') && f !== 'summary.html')).toHaveLength(COUNT);
    expect(files).toEqual(expect.arrayContaining(['summary.md', 'summary.html', 'results.xlsx', 'EDU-0001.md', 'EDU-1000.html']));
    expect(files.filter((f) => f.includes('tmp'))).toEqual([]);
    expect(readFileSync(join(out, 'EDU-0001.md'), 'utf8')).toContain('第1号校舍改扩建工程');
    expect(reportRun.stderr).toContain(`共 ${COUNT} 条记录`);
  });

  it('puts one row per project in results.xlsx, equal to jixiao eval of the same rows', async () => {
    expect(evaluated).toHaveLength(COUNT);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, 'results.xlsx'));
    const sheet = wb.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const col = (name: string) => header.indexOf(name);
    const rows: { id: string; total: number; grade: string }[] = [];
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      rows.push({ id: String(row.getCell(col('项目编号')).value), total: Number(row.getCell(col('总分')).value), grade: String(row.getCell(col('等级')).value) });
    });
    expect(rows).toHaveLength(COUNT);
    expect(rows.map((r) => r.id)).toEqual(evaluated.map((r) => r.id));
    expect(rows.map((r) => r.total)).toEqual(evaluated.map((r) => r.total));
    const grades = (list: { grade: string | null }[]) => list.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.grade ?? '']: (acc[r.grade ?? ''] ?? 0) + 1 }), {});
    expect(grades(rows)).toEqual(grades(evaluated));
    // every grade occurs, so the summary has something to chart
    expect(Object.keys(grades(evaluated)).sort()).toEqual(['中', '优', '差', '良'].sort());
  });

  it('summarises the batch with the same counts', () => {
    const summary = readFileSync(join(out, 'summary.md'), 'utf8');
    const excellent = evaluated.filter((r) => r.grade === '优').length;
    expect(summary).toMatch(new RegExp(`\\|\\s*优\\s*\\|\\s*${excellent}\\s*\\|`));
    expect(summary).toContain(String(COUNT));
  });

  it.skipIf(!available)('opens summary.html in Chromium with its charts and no console errors', async () => {
    await checkPage(join(out, 'summary.html'), 2, '二、预算评审审减情况');
  }, 120_000);
  if (!available) it.skip(`Chromium check skipped: ${SKIP_REASON}`, () => {});
});
