/**
 * Spreadsheets through the common record reader: `readRecords` hands .xlsx and .csv files (and
 * directories holding them) to src/data/sheets, one record per row indexed by its row number,
 * with the default mapping from the data schema or an explicit mapping; a row with bad cells is
 * one error entry naming every bad cell, the rows after it still come; warnings go to onIssue.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readRecords } from '../../src/data/read-records.js';
import type { SheetIssue } from '../../src/data/sheets/messages.js';

const schema = {
  type: 'object',
  properties: {
    id: { type: ['string', 'number'] },
    spent: { type: ['number', 'string'], pattern: '^-?\\d+(\\.\\d+)?$' },
    budget: { type: 'object', properties: { adjusted: { type: ['number', 'string'], pattern: '^-?\\d+(\\.\\d+)?$', description: '调整后预算数' } } },
    violations: { type: ['number', 'null'] },
  },
};

async function all(sources: string[], options: Parameters<typeof readRecords>[1] = {}) {
  const out: { source: string; index: number; record?: unknown; code?: string; message?: string }[] = [];
  for await (const e of readRecords(sources, options)) {
    out.push({
      source: e.source.replace(/^.*[\\/]/, ''),
      index: e.index,
      ...(e.record !== undefined ? { record: e.record } : {}),
      ...(e.error ? { code: e.error.code, message: e.error.message } : {}),
    });
  }
  return out;
}

describe('readRecords on spreadsheets', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-sheet-records-'));
  writeFileSync(join(dir, 'a.csv'), 'id,spent,调整后预算数,violations,备注\nP1,"1,200",5000,0,x\nP2,很多,5000,two,y\nP3,100,5000,,z\n');

  it('reads a CSV with the default mapping: headers by path or by description, typed by the schema', async () => {
    const warnings: SheetIssue[] = [];
    const rows = await all([join(dir, 'a.csv')], { schema, onIssue: (issue) => warnings.push(issue) });
    expect(rows.map((r) => r.index)).toEqual([2, 3, 4]);
    expect(rows[0]!.record).toEqual({ id: 'P1', spent: '1200', budget: { adjusted: '5000' }, violations: 0 });
    expect(rows[2]!.record).toEqual({ id: 'P3', spent: '100', budget: { adjusted: '5000' } });
    expect(warnings.map((w) => [w.code, w.columnLetter])).toEqual([['EVL487', 'E']]);
  });

  it('turns a bad row into one error entry naming each bad cell; later rows still come', async () => {
    const rows = await all([join(dir, 'a.csv')], { schema });
    expect(rows[1]).toMatchObject({ index: 3, code: 'EVL483' });
    expect(rows[1]!.record).toBeUndefined();
    expect(rows[1]!.message).toContain('B 列');
    expect(rows[1]!.message).toContain('D 列');
  });

  it('reads an xlsx through an explicit mapping, and walks directories with spreadsheets in order', async () => {
    const sub = join(dir, 'books');
    mkdirSync(sub);
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('项目');
    sheet.addRow(['编号', '支出', '预算']);
    sheet.addRow(['X1', 900, 1000]);
    sheet.addRow(['X2', 800, 1000]);
    await wb.xlsx.writeFile(join(sub, 'b.xlsx'));
    writeFileSync(join(sub, 'a.yaml'), 'id: Y1\n');
    const mapping = { columns: { 编号: 'id', 支出: 'spent', 预算: 'budget.adjusted' } };
    const rows = await all([sub], { schema, mapping });
    expect(rows).toEqual([
      { source: 'a.yaml', index: 1, record: { id: 'Y1' } },
      { source: 'b.xlsx', index: 2, record: { id: 'X1', spent: '900', budget: { adjusted: '1000' } } },
      { source: 'b.xlsx', index: 3, record: { id: 'X2', spent: '800', budget: { adjusted: '1000' } } },
    ]);
  });

  it('reports an unreadable workbook as one error entry and goes on with the next source', async () => {
    writeFileSync(join(dir, 'broken.xlsx'), 'not a zip');
    const rows = await all([join(dir, 'broken.xlsx'), join(dir, 'a.csv')], { schema });
    expect(rows[0]).toMatchObject({ source: 'broken.xlsx', code: 'EVL480' });
    expect(rows.slice(1).map((r) => r.index)).toEqual([2, 3, 4]);
  });
});
