/**
 * `jixiao report` and the spreadsheet side of `jixiao eval` on small inputs: file names made safe
 * and unique, the files written per format, `--summary-only`, rendering saved eval output with
 * `--results` (same bytes as evaluating again; a different rule set is refused), usage errors,
 * `eval --out results.xlsx` (atomic, one row per record) and `--mapping` (good and broken).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FileNames, safeFileStem } from '../../src/cli/report/file-names.js';
import { runCapturedCli } from './run-captured.js';

const RULES = readFileSync(new URL('../golden/cli/eval-rejected/project.ind', import.meta.url), 'utf8');
const CSV = [
  'id,name,department,spent,budget.adjusted,violations,satisfaction',
  'A/1,校舍改造,市教育局,950000,1000000,0,0.95',
  'a/1,乡村医生培训,市卫健委,500000,1000000,1,0.8',
  'summary,道路养护,,600000,1000000,0,0.92',
  'B-4,坏行,,很多,1000000,0,0.9',
].join('\n');

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-report-cli-'));
  writeFileSync(join(dir, 'project.ind'), RULES);
  writeFileSync(join(dir, 'data.csv'), CSV + '\n');
  return dir;
}

describe('file names for record ids', () => {
  it('replaces characters file systems forbid and keeps Chinese', () => {
    expect(safeFileStem('教-001')).toBe('教-001');
    expect(safeFileStem('a/b\\c:d*e?"<>|')).toBe('a_b_c_d_e_____');
    expect(safeFileStem('..hidden')).toBe('_hidden');
    expect(safeFileStem('CON')).toBe('_CON');
    expect(safeFileStem('x. ')).toBe('x');
    expect(Buffer.byteLength(safeFileStem('项'.repeat(200)))).toBeLessThanOrEqual(180);
  });

  it('refuses a leading formula or option character, direction marks and other controls', () => {
    expect(['=HYPERLINK(1)', '+cmd', '-rf', '@SUM', '＝1', '－x', '==x'].map(safeFileStem)).toEqual(['_HYPERLINK(1)', '_cmd', '_rf', '_SUM', '_1', '_x', '_x']);
    expect(safeFileStem('a-b=c')).toBe('a-b=c');
    expect(safeFileStem('photo\u202egpj.exe')).toBe('photo_gpj.exe');
    expect(safeFileStem('a\u0085b\u200bc\ufeffd\u0000e')).toBe('a_b_c_d_e');
    expect(safeFileStem('.=x')).toBe('_=x');
  });

  it('bounds a megabyte-long id to 180 bytes without ending on a dot or space', () => {
    const stem = safeFileStem('项'.repeat(59) + '.  ' + 'x'.repeat(1_000_000));
    expect(stem).toBe('项'.repeat(59));
    expect(Buffer.byteLength(safeFileStem('a'.repeat(1_000_000)))).toBe(180);
    expect(safeFileStem(' '.repeat(1_000_000) + 'x')).toBe('_');
  });

  it('disambiguates ids that clean to the same stem in the order they arrive', () => {
    const names = new FileNames(['summary', 'results']);
    expect(['=a', '+a', '_a', '@a', '_a-2'].map((id) => names.next(id))).toEqual(['_a', '_a-2', '_a-3', '_a-4', '_a-2-2']);
  });

  it('numbers repeats, ignoring case, and never hands out a reserved name', () => {
    const names = new FileNames(['summary']);
    expect(['A/1', 'a/1', 'a_1', 'Summary'].map((id) => names.next(id))).toEqual(['A_1', 'a_1-2', 'a_1-3', 'Summary-2']);
  });
});

describe('jixiao report', () => {
  it('writes a report per record in each format, the summary and the workbook; a bad row is rejected, exit 1', async () => {
    const dir = workspace();
    const run = await runCapturedCli(['report', '--rules', 'project.ind', '--workers', '0', 'data.csv', '--out', 'out'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/data\.csv#5 rejected: .*row 5, column D/); // LANG=en here: the sheet message follows the locale
    const files = readdirSync(join(dir, 'out')).sort();
    // the rejected row's id is its source and row; path separators become `_`
    expect(files.filter((f) => !f.includes('data.csv#5'))).toEqual(
      ['A_1.html', 'A_1.md', 'a_1-2.html', 'a_1-2.md', 'results.xlsx', 'summary-2.html', 'summary-2.md', 'summary.html', 'summary.md'].sort(),
    );
    expect(files.filter((f) => f.includes('data.csv#5'))).toHaveLength(2);
    expect(readFileSync(join(dir, 'out', 'a_1-2.md'), 'utf8')).toContain('乡村医生培训');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'out', 'results.xlsx'));
    expect(wb.worksheets[0]!.rowCount).toBe(5);
  });

  it('with --format md and --summary-only writes only summary.md and the workbook', async () => {
    const dir = workspace();
    const run = await runCapturedCli(
      ['report', '--rules', 'project.ind', '--workers', '0', '--format', 'md', '--summary-only', 'data.csv', '--out', 'out'],
      dir,
    );
    expect(run.code).toBe(1);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['results.xlsx', 'summary.md']);
  });

  it('renders saved eval results to the same reports as evaluating again', async () => {
    const dir = workspace();
    await runCapturedCli(['eval', '--rules', 'project.ind', '--workers', '0', 'data.csv', '--out', 'saved.ndjson'], dir);
    const fromData = await runCapturedCli(['report', '--rules', 'project.ind', '--workers', '0', '--format', 'md', 'data.csv', '--out', 'a'], dir);
    const fromResults = await runCapturedCli(['report', '--rules', 'project.ind', '--format', 'md', '--results', 'saved.ndjson', '--out', 'b'], dir);
    expect([fromData.code, fromResults.code]).toEqual([1, 1]);
    // the workbook rows hold the ids, totals and grades: compare a project report; info (name…)
    // is not part of saved results, so compare the scored sections
    const body = (file: string) => readFileSync(file, 'utf8').split('## 3.')[1];
    expect(body(join(dir, 'b', 'A_1.md'))).toBe(body(join(dir, 'a', 'A_1.md')));
    expect(existsSync(join(dir, 'b', 'results.xlsx'))).toBe(true);
  });

  it('refuses results of another rule set (exit 2) and non-results', async () => {
    const dir = workspace();
    await runCapturedCli(['eval', '--rules', 'project.ind', '--workers', '0', 'data.csv', '--out', 'saved.ndjson'], dir);
    writeFileSync(join(dir, 'other.ind'), RULES.replace('grades { 优 >= 90', 'grades { 优 >= 91'));
    const other = await runCapturedCli(['report', '--rules', 'other.ind', '--results', 'saved.ndjson', '--out', 'x'], dir);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('saved.ndjson#1');
    writeFileSync(join(dir, 'junk.ndjson'), '{"hello":1}\n');
    const junk = await runCapturedCli(['report', '--rules', 'project.ind', '--results', 'junk.ndjson', '--out', 'y'], dir);
    expect(junk.code).toBe(2);
    expect(existsSync(join(dir, 'y', 'summary.md'))).toBe(false);
  });

  it('reports usage errors with exit 2', async () => {
    const dir = workspace();
    for (const args of [
      ['report', '--rules', 'project.ind', 'data.csv'],
      ['report', '--out', 'o', 'data.csv'],
      ['report', '--rules', 'project.ind', '--out', 'o'],
      ['report', '--rules', 'project.ind', '--out', 'o', '--format', 'pdf', 'data.csv'],
      ['report', '--rules', 'project.ind', '--out', '-', 'data.csv'],
      ['report', '--rules', 'project.ind', '--out', 'o', '--results', 'r.ndjson', 'data.csv'],
      ['report', '--rules', 'project.ind', '--out', 'project.ind/sub', 'data.csv'],
    ]) {
      const run = await runCapturedCli(args, dir);
      expect(run.code, args.join(' ')).toBe(2);
    }
  });
});

describe('jixiao eval with spreadsheets', () => {
  it('--out results.xlsx writes the workbook atomically, one row per record', async () => {
    const dir = workspace();
    const run = await runCapturedCli(['eval', '--rules', 'project.ind', '--workers', '0', 'data.csv', '--out', 'results.xlsx'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(readdirSync(dir).filter((f) => f.includes('tmp'))).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'results.xlsx'));
    const sheet = wb.worksheets[0]!;
    expect(sheet.rowCount).toBe(5);
    expect(sheet.getRow(2).getCell(2).value).toBe('校舍改造');
  });

  it('reads columns through --mapping, and refuses a broken mapping with exit 2', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'cn.csv'), '编号,执行数,预算,违规,满意度\nM1,900000,1000000,0,90%\n');
    writeFileSync(join(dir, 'map.yaml'), 'columns:\n  编号: id\n  执行数: spent\n  预算: budget.adjusted\n  违规: violations\n  满意度: satisfaction\n');
    const run = await runCapturedCli(['eval', '--rules', 'project.ind', '--workers', '0', '--mapping', 'map.yaml', 'cn.csv'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ id: 'M1', status: 'ok', total: 96 });
    writeFileSync(join(dir, 'bad.yaml'), 'columns: [1, 2]\n');
    const bad = await runCapturedCli(['eval', '--rules', 'project.ind', '--mapping', 'bad.yaml', 'cn.csv'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('EVL489');
  });
});

describe('report rendering on worker threads', () => {
  it('writes the same files as rendering in this thread', async () => {
    const dir = workspace();
    const rows = Array.from({ length: 70 }, (_, i) => `P${i},项目${i},部门${i % 3},${500000 + i * 7000},1000000,${i % 4},0.${70 + (i % 30)}`);
    writeFileSync(join(dir, 'many.csv'), ['id,name,department,spent,budget.adjusted,violations,satisfaction', ...rows].join('\n') + '\n');
    const threaded = await runCapturedCli(['report', '--rules', 'project.ind', '--workers', '1', 'many.csv', '--out', 't'], dir);
    const inThread = await runCapturedCli(['report', '--rules', 'project.ind', '--workers', '0', 'many.csv', '--out', 'i'], dir);
    expect([threaded.code, inThread.code]).toEqual([0, 0]);
    const files = readdirSync(join(dir, 'i'))
      .filter((f) => f !== 'results.xlsx')
      .sort();
    expect(files).toHaveLength(70 * 2 + 2);
    expect(
      readdirSync(join(dir, 't'))
        .filter((f) => f !== 'results.xlsx')
        .sort(),
    ).toEqual(files);
    for (const f of files) expect(readFileSync(join(dir, 't', f), 'utf8'), f).toBe(readFileSync(join(dir, 'i', f), 'utf8'));
  }, 120_000);
});
