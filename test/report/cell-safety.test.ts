/**
 * Formula neutralising in what jixiao writes (OWASP CSV injection): text cells starting with
 * = + - @ tab CR or their full-width forms get a leading quote in results.xlsx, read back with
 * exceljs; numbers stay numbers; text that only contains such characters later is untouched.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { neutraliseCell, neutraliseText } from '../../src/report/cell-safety.js';
import { writeResultsXlsx } from '../../src/report/xlsx.js';
import { batch, educationIr } from './fixtures.js';

describe('neutraliseText', () => {
  it('quotes every formula start, ASCII and full-width, and nothing else', () => {
    const hostile = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", '-2+3', '@SUM(A1:A2)', '\t=1', '\r=1', '＝1+1', '＋1', '－1', '＠SUM(A1)'];
    expect(hostile.map(neutraliseText)).toEqual(hostile.map((h) => `'${h}`));
    expect(['P001', 'a=b', '城东小学', '', ' =1', "'=1"].map(neutraliseText)).toEqual(['P001', 'a=b', '城东小学', '', ' =1', "'=1"]);
    expect([-5, 0, true, null, undefined].map(neutraliseCell)).toEqual([-5, 0, true, null, undefined]);
  });
});

describe('results.xlsx', () => {
  it('writes formula-looking ids, names and towns as quoted text; money and scores stay numbers', async () => {
    const ir = educationIr();
    const items = batch(ir).slice(0, 1);
    items[0]!.result.id = '=HYPERLINK("http://evil","点我")';
    items[0]!.info.name = "+cmd|' /C calc'!A0";
    items[0]!.info.town = '＠SUM(A1)';
    items[0]!.info.department = '-1+1';
    const path = join(mkdtempSync(join(tmpdir(), 'jixiao-cells-')), 'results.xlsx');
    await writeResultsXlsx(items, ir, path, 'zh');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const row = wb.worksheets[0]!.getRow(2);
    expect([1, 2, 3, 4].map((c) => row.getCell(c).value)).toEqual(['\'=HYPERLINK("http://evil","点我")', "'+cmd|' /C calc'!A0", "'-1+1", "'＠SUM(A1)"]);
    expect(row.getCell(1).formula).toBeUndefined();
    expect(typeof row.getCell(5).value).toBe('number');
    expect(typeof row.getCell(7).value).toBe('number');
    const perIndicator = wb.worksheets.slice(1).flatMap((w) =>
      w
        .getSheetValues()
        .slice(2)
        .map((r) => (r as unknown[])[1]),
    );
    expect(perIndicator.length).toBeGreaterThan(0);
    expect(new Set(perIndicator)).toEqual(new Set(['\'=HYPERLINK("http://evil","点我")']));
  });
});
