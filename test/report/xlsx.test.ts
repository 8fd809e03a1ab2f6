/**
 * The results workbook: written to a file and to a stream, read back with exceljs, cells, number
 * formats and sheet layout asserted; and the round trip through `readSheetRecords`.
 */
import { createWriteStream, mkdtempSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { sheetName, writeResultsXlsx } from '../../src/report/xlsx.js';
import { readSheetRecords } from '../../src/data/sheets/read.js';
import { batch, educationIr } from './fixtures.js';

const ir = educationIr();
const items = batch(ir);
const dir = mkdtempSync(join(tmpdir(), 'jixiao-xlsx-'));

async function load(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

describe('writeResultsXlsx', () => {
  it('writes the same cells from a replayable stream (one pass per sheet) as from an array', async () => {
    const fromArray = join(dir, 'array.xlsx');
    const fromStream = join(dir, 'stream.xlsx');
    let passes = 0;
    await writeResultsXlsx(items, ir, fromArray, 'zh');
    await writeResultsXlsx(
      async function* () {
        passes++;
        yield* items;
      },
      ir,
      fromStream,
      'zh',
    );
    const cells = async (path: string) => (await load(path)).worksheets.map((w) => w.getSheetValues().map((row) => JSON.stringify(row)));
    expect(await cells(fromStream)).toEqual(await cells(fromArray));
    expect(passes).toBe(1 + ir.nodes.length);
  });

  it('writes one row per project and one sheet per dimension, with number formats', async () => {
    const path = join(dir, 'results.xlsx');
    await writeResultsXlsx(items, ir, path, 'zh');
    const wb = await load(path);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['项目汇总', '决策指标', '过程指标', '产出指标', '效益指标']);

    const main = wb.getWorksheet('项目汇总')!;
    expect(main.getRow(1).values).toEqual([
      undefined,
      '项目编号',
      '项目名称',
      '部门',
      '乡镇',
      '预算金额（元）',
      '审减额（元）',
      '总分',
      '等级',
      '决策',
      '过程',
      '产出',
      '效益',
      '一票否决',
      '金额（元）',
      '结果应用建议',
      '错误',
    ]);
    expect(main.rowCount).toBe(6);
    const p3 = main.getRow(4);
    expect([
      p3.getCell(1).value,
      p3.getCell(5).value,
      p3.getCell(7).value,
      p3.getCell(8).value,
      p3.getCell(10).value,
      p3.getCell(13).value,
      p3.getCell(14).value,
    ]).toEqual(['P003', 1000000, 65.5, '差', 4, '重大违规', -880000]);
    expect(p3.getCell(7).numFmt).toBe('0.00');
    expect(p3.getCell(5).numFmt).toBe('#,##0.00');
    expect(p3.getCell(14).numFmt).toBe('#,##0.00');
    expect(main.getRow(2).getCell(6).value).toBe(300000);
    expect(String(p3.getCell(15).value)).toContain('调减预算（下年度预算）（30%） 30.00 万元（300,000.00 元）');
    const rejected = main.getRow(6);
    expect([rejected.getCell(7).value, rejected.getCell(16).value]).toEqual([null, 'EVL401 budget.adjusted: 缺少必填字段']);
    expect(main.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

    const process = wb.getWorksheet('过程指标')!;
    // 4 scored projects × 2 indicators; the rejected record has no indicator rows.
    expect(process.rowCount).toBe(1 + 8);
    const rate = process.getRow(1 + 2 * 2 + 1); // P003, 预算执行率
    expect([rate.getCell(1).value, rate.getCell(2).value, rate.getCell(4).value, rate.getCell(5).value, rate.getCell(7).value]).toEqual([
      'P003',
      '预算执行率',
      '≥ 100%',
      0.42,
      0,
    ]);
    expect(rate.getCell(5).numFmt).toBe('0.00%');
    expect(String(rate.getCell(9).value)).toContain('落入较低得分区间');
  });

  it('writes English headers and to a stream', async () => {
    const path = join(dir, 'stream.xlsx');
    const out = createWriteStream(path);
    await writeResultsXlsx(items.slice(0, 2), ir, out, 'en');
    await finished(out);
    const wb = await load(path);
    expect(wb.worksheets[0]?.name).toBe('Projects');
    expect(wb.worksheets[0]?.getCell('G1').value).toBe('Total');
    expect(wb.worksheets[0]?.getCell('G3').value).toBe(89);
    expect(wb.created.toISOString()).toBe('2000-01-01T00:00:00.000Z');
  });

  it('can be read back as records with a mapping', async () => {
    const path = join(dir, 'roundtrip.xlsx');
    await writeResultsXlsx(items, ir, path, 'zh');
    const records = [];
    for await (const r of readSheetRecords(path, 'columns:\n  项目编号: id\n  总分: { path: total, type: number }\n  等级: grade\n')) records.push(r);
    expect(records.map((r) => r.data)).toEqual([
      { id: 'P001', total: 99.75, grade: '优' },
      { id: 'P002', total: 89, grade: '良' },
      { id: 'P003', total: 65.5, grade: '差' },
      { id: 'P004', total: 76, grade: '中' },
      { id: 'P005' },
    ]);
  });

  it('reads a sheet by name even though the writer stores sheet names after the sheets', async () => {
    const path = join(dir, 'named.xlsx');
    await writeResultsXlsx(items, ir, path, 'zh');
    const records = [];
    for await (const r of readSheetRecords(path, 'sheet: 过程指标\ncolumns: { 项目编号: id, 指标: indicator, 得分: { path: points, type: number } }\n'))
      records.push(r);
    expect(records.map((r) => r.data)).toHaveLength(8);
    expect(records[0]).toEqual({ row: 2, errors: [], data: { id: 'P001', indicator: '预算执行率', points: 10 } });
  });

  it('makes sheet names Excel accepts', () => {
    const taken = new Set<string>();
    expect(sheetName('a/b:c', taken)).toBe('a_b_c');
    expect(sheetName('A/B:C', taken)).toBe('A_B_C_2');
    expect(sheetName('x'.repeat(40), taken)).toHaveLength(31);
  });
});
