/**
 * Reading records from CSV and XLSX (src/data/sheets): RFC 4180 quoting, BOM, chunk boundaries,
 * mapping YAML, the schema-derived default mapping, coercion, and per-row errors that name the
 * row and column while the rest of the file still reads.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/data/sheets/csv.js';
import { parseMapping, schemaFields } from '../../src/data/sheets/mapping.js';
import { columnLetter, sheetIssueToDiagnostic } from '../../src/data/sheets/messages.js';
import { readSheetRecords, type SheetRecord } from '../../src/data/sheets/read.js';
import { parseNumberText } from '../../src/data/sheets/coerce.js';
import { educationIr } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'jixiao-sheets-'));
const schema = educationIr().dataSchema;

async function all(iter: AsyncIterable<SheetRecord>): Promise<SheetRecord[]> {
  const out: SheetRecord[] = [];
  for await (const r of iter) out.push(r);
  return out;
}

async function csvRows(chunks: string[]) {
  const out = [];
  for await (const r of parseCsv(chunks)) out.push(r);
  return out;
}

describe('parseCsv (RFC 4180)', () => {
  it('handles quotes, doubled quotes, embedded commas and line breaks, CRLF and BOM', async () => {
    const text = '\uFEFFa,b,c\r\n"x, y","say ""hi""","line1\nline2"\r\n1,,3\n';
    const rows = await csvRows([text]);
    expect(rows.map((r) => r.cells)).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'line1\nline2'],
      ['1', '', '3'],
    ]);
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3]);
  });

  it('gives the same records however the text is split into chunks', async () => {
    const text = 'id,name\r\n"P1","a ""q"" b"\r\nP2,"multi\r\nline"\r\nP3,last';
    const whole = await csvRows([text]);
    for (let cut = 1; cut < text.length; cut++) {
      expect(await csvRows([text.slice(0, cut), text.slice(cut)])).toEqual(whole);
    }
    expect(whole.at(-1)?.cells).toEqual(['P3', 'last']);
  });

  it('reports an unterminated quote and text after a closing quote', async () => {
    const rows = await csvRows(['a,b\n"ok"x,2\n3,"open\n']);
    expect(rows[1]?.problem).toEqual({ column: 1, reason: 'text_after_quote' });
    expect(rows[2]?.problem).toEqual({ column: 2, reason: 'unterminated' });
  });
});

describe('numbers typed by people', () => {
  it('reads separators, percents and money suffixes exactly', () => {
    expect(parseNumberText('1,200,000.50')?.toFixed()).toBe('1200000.5');
    expect(parseNumberText('95%')?.toFixed()).toBe('0.95');
    expect(parseNumberText('500万')?.toFixed()).toBe('5000000');
    expect(parseNumberText('1.6亿元')?.toFixed()).toBe('160000000');
    expect(parseNumberText('0.1')?.plus('0.2').toFixed()).toBe('0.3');
    expect(parseNumberText('1,5')).toBeNull();
    expect(parseNumberText('abc')).toBeNull();
  });
});

describe('mapping', () => {
  it('parses the YAML format', () => {
    const { mapping, issues } = parseMapping(
      'sheet: 项目表\nheader_row: 2\ncolumns:\n  项目编号: id\n  满意度: { path: survey.satisfaction, type: number }\n  备注: null\n',
    );
    expect(issues).toEqual([]);
    expect(mapping).toEqual({
      sheet: '项目表',
      headerRow: 2,
      columns: { 项目编号: 'id', 满意度: { path: 'survey.satisfaction', type: 'number' }, 备注: null },
    });
  });

  it('rejects a broken mapping with EVL489', () => {
    expect(parseMapping('columns: [a, b]').issues.map((i) => i.code)).toEqual(['EVL489']);
    expect(parseMapping('columns: { a: { path: x, type: money } }').issues.map((i) => i.code)).toEqual(['EVL489']);
    expect(parseMapping('columns: {a: b\n').issues.map((i) => i.code)).toEqual(['EVL489']);
  });

  it('lists the scalar fields of a data schema with types and descriptions', () => {
    const fields = schemaFields(schema);
    expect(fields.find((f) => f.path === 'budget.adjusted')).toEqual({ path: 'budget.adjusted', type: 'number', description: '调整后预算数' });
    expect(fields.find((f) => f.path === 'decision.basis')?.enum).toEqual(['A', 'B', 'C', 'D']);
    // Money declared as number-or-decimal-string is read exactly; ids keep their text.
    const money = schemaFields({
      type: 'object',
      properties: { m: { type: ['number', 'string', 'null'], pattern: '^-?[0-9]+$' }, id: { type: ['string', 'number'] } },
    });
    expect(money.map((f) => f.type)).toEqual(['decimal', 'string']);
  });

  it('letters columns like Excel', () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
  });
});

describe('readSheetRecords from CSV', () => {
  const csvPath = join(dir, 'projects.csv');
  writeFileSync(
    csvPath,
    '\uFEFF项目编号,项目名称,调整后预算,实际支出,满意度,重大违规,违规笔数,立项依据,备注\r\n' +
      'P001,"城东小学, 一期","1,200,000",1140000,95%,否,0,A,ok\r\n' +
      'P002,乡村学校,800000,abc,0.88,maybe,1.5,E,\r\n' +
      ',,,,,,,,\r\n' +
      'P003,"县城""管网""",500万,4000000,,是,2,B,x\r\n',
  );
  const mapping = [
    'columns:',
    '  项目编号: id',
    '  项目名称: name',
    '  调整后预算: budget.adjusted',
    '  实际支出: spent',
    '  满意度: survey.satisfaction',
    '  重大违规: audit.major_violation',
    '  违规笔数: process.violations',
    '  立项依据: decision.basis',
  ].join('\n');

  it('maps columns to nested data paths and coerces per the schema', async () => {
    const records = await all(readSheetRecords(csvPath, mapping, { schema }));
    expect(records.map((r) => r.row)).toEqual([2, 3, 5]);
    expect(records[0]).toEqual({
      row: 2,
      errors: [],
      data: {
        id: 'P001',
        name: '城东小学, 一期',
        budget: { adjusted: 1200000 },
        spent: 1140000,
        survey: { satisfaction: 0.95 },
        audit: { major_violation: false },
        process: { violations: 0 },
        decision: { basis: 'A' },
      },
    });
    expect(records[2]?.data).toMatchObject({ name: '县城"管网"', budget: { adjusted: 5000000 }, audit: { major_violation: true } });
    // An empty cell is missing, not zero.
    expect(records[2]?.data).not.toHaveProperty('survey');
  });

  it('names row and column of every bad cell and keeps the good cells of that row', async () => {
    const records = await all(readSheetRecords(csvPath, mapping, { schema }));
    const bad = records[1]!;
    expect(bad.errors.map((e) => [e.code, e.row, e.columnLetter, e.header, e.path])).toEqual([
      ['EVL483', 3, 'D', '实际支出', 'spent'],
      ['EVL484', 3, 'F', '重大违规', 'audit.major_violation'],
      ['EVL486', 3, 'G', '违规笔数', 'process.violations'],
      ['EVL485', 3, 'H', '立项依据', 'decision.basis'],
    ]);
    expect(bad.data).toMatchObject({ id: 'P002', budget: { adjusted: 800000 }, survey: { satisfaction: 0.88 } });
    const diag = sheetIssueToDiagnostic(bad.errors[0]!, 'projects.csv');
    expect([diag.code, diag.file, diag.range.start.line, diag.range.start.column]).toEqual(['EVL483', 'projects.csv', 3, 4]);
  });

  it('derives the mapping from schema paths and input descriptions when none is given', async () => {
    const path = join(dir, 'default.csv');
    writeFileSync(path, 'id,data.spent,调整后预算数,满意度,unknown column\nP9,10,20,0.5,zzz\n');
    const records = await all(readSheetRecords(path, null, { schema }));
    expect(records[0]).toMatchObject({ row: 1, data: null });
    expect(records[0]?.errors.map((e) => [e.code, e.severity, e.columnLetter])).toEqual([['EVL487', 'warning', 'E']]);
    expect(records[1]).toEqual({ row: 2, errors: [], data: { id: 'P9', spent: 10, budget: { adjusted: 20 }, survey: { satisfaction: 0.5 } } });
  });

  it('reports a mapped column missing from the header (EVL482) and reading goes on', async () => {
    const records = await all(readSheetRecords(csvPath, 'columns:\n  项目编号: id\n  不存在的列: budget.next\n', { schema }));
    expect(records[0]?.errors.map((e) => [e.code, e.row, e.path])).toEqual([['EVL482', 1, 'budget.next']]);
    expect(records.filter((r) => r.data !== null)).toHaveLength(3);
  });

  it('reports a missing file as EVL480 without throwing', async () => {
    const records = await all(readSheetRecords(join(dir, 'nope.csv')));
    expect(records.map((r) => [r.row, r.data, r.errors[0]?.code])).toEqual([[0, null, 'EVL480']]);
  });
});

describe('readSheetRecords from XLSX', () => {
  const xlsxPath = join(dir, 'projects.xlsx');

  async function writeWorkbook(): Promise<void> {
    const wb = new ExcelJS.Workbook();
    const notes = wb.addWorksheet('说明');
    notes.addRow(['本表由财政局下发']);
    const ws = wb.addWorksheet('项目表');
    ws.addRow(['填报说明：金额单位为元']);
    ws.addRow(['项目编号', '调整后预算', '实际支出', '满意度', '重大违规', '立项依据']);
    ws.addRow(['P001', 1200000, { formula: 'B3*0.95', result: 1140000 }, 0.95, false, 'A']);
    ws.addRow(['P002', 'n/a', 100, { richText: [{ text: '0.' }, { text: '9' }] }, '是', 'B']);
    ws.getCell('D3').numFmt = '0%';
    await wb.xlsx.writeFile(xlsxPath);
  }

  it('reads the named sheet from the given header row, with formulas, rich text and per-cell errors', async () => {
    await writeWorkbook();
    const mapping =
      'sheet: 项目表\nheader_row: 2\ncolumns:\n  项目编号: id\n  调整后预算: budget.adjusted\n  实际支出: spent\n  满意度: survey.satisfaction\n  重大违规: audit.major_violation\n  立项依据: decision.basis\n';
    const records = await all(readSheetRecords(xlsxPath, mapping, { schema }));
    expect(records[0]).toEqual({
      row: 3,
      errors: [],
      data: {
        id: 'P001',
        budget: { adjusted: 1200000 },
        spent: 1140000,
        survey: { satisfaction: 0.95 },
        audit: { major_violation: false },
        decision: { basis: 'A' },
      },
    });
    expect(records[1]?.errors.map((e) => [e.code, e.row, e.columnLetter])).toEqual([['EVL483', 4, 'B']]);
    expect(records[1]?.data).toMatchObject({ survey: { satisfaction: 0.9 }, audit: { major_violation: true } });
  });

  it('picks a sheet by number, and reports an unknown sheet with the sheets there are', async () => {
    await writeWorkbook();
    const byNumber = await all(readSheetRecords(xlsxPath, { sheet: 2, headerRow: 2, columns: { 项目编号: 'id' } }, { schema }));
    expect(byNumber.map((r) => r.data)).toEqual([{ id: 'P001' }, { id: 'P002' }]);
    const missing = await all(readSheetRecords(xlsxPath, { sheet: '汇总', columns: { 项目编号: 'id' } }));
    expect(missing).toHaveLength(1);
    expect(missing[0]?.errors[0]?.code).toBe('EVL481');
    expect(missing[0]?.errors[0]?.message).toContain('项目表');
  });

  it('reports a file that is not a workbook as EVL480', async () => {
    const path = join(dir, 'fake.xlsx');
    writeFileSync(path, 'not a zip');
    const records = await all(readSheetRecords(path));
    expect(records.map((r) => r.errors[0]?.code)).toEqual(['EVL480']);
  });
});
