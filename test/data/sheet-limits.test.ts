/**
 * Hostile and oversized spreadsheets are refused with located messages instead of exhausting
 * memory: a zip bomb (300 MB of zeros deflated to a few hundred KB, built here, never stored)
 * is refused from its zip directory before exceljs opens it (EVL470), and so is one whose
 * directory understates the size (counted while inflating, stopped at the limit); data hidden outside the
 * directory is refused; a cell past the cell limit refuses its row (EVL471) while CSV reading
 * keeps only the limit in memory; reading stops at the row limit (EVL472) naming the first row
 * not read. Messages exist in both languages and name the limit.
 */
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/data/sheets/csv.js';
import { DEFAULT_SHEET_LIMITS } from '../../src/data/sheets/limits.js';
import { readSheetRecords, type ReadSheetOptions, type SheetRecord } from '../../src/data/sheets/read.js';
import { readZipDirectory } from '../../src/data/sheets/zip-directory.js';
import { buildZip, deflatedZeros } from './zip-builder.js';

const dir = mkdtempSync(join(tmpdir(), 'jixiao-sheet-limits-'));

async function read(path: string, options: ReadSheetOptions = {}): Promise<SheetRecord[]> {
  const out: SheetRecord[] = [];
  for await (const r of readSheetRecords(path, null, options)) out.push(r);
  return out;
}

const codes = (records: SheetRecord[]) => records.flatMap((r) => r.errors.map((e) => [e.code, e.row, e.columnLetter]));

describe('xlsx archive limits', () => {
  it('refuses a 300 MB zip bomb from its directory, before unpacking (EVL470)', async () => {
    const bomb = await deflatedZeros(300 * 1024 * 1024);
    const file = join(dir, 'bomb.xlsx');
    writeFileSync(file, buildZip([
      { name: '[Content_Types].xml', data: Buffer.alloc(2), size: 2 },
      { name: 'xl/sharedStrings.xml', data: bomb, size: 300 * 1024 * 1024 },
    ]));
    expect(statSync(file).size).toBeLessThan(400 * 1024);
    const dirInfo = await readZipDirectory(file, 100);
    expect(dirInfo).toMatchObject({ ok: true, entries: 2, uncompressed: 300 * 1024 * 1024 + 2, largest: { name: 'xl/sharedStrings.xml' } });
    const zh = await read(file);
    expect(zh.map((r) => [r.row, r.data])).toEqual([[0, null]]);
    expect(codes(zh)).toEqual([['EVL470', 0, '']]);
    expect(zh[0]!.errors[0]!.message).toContain('300.0 MB');
    expect(zh[0]!.errors[0]!.message).toContain('256.0 MB');
    const en = await read(file, { lang: 'en' });
    expect(en[0]!.errors[0]!.message).toMatch(/unpacks to 300\.0 MB, over the limit of 256\.0 MB .*xl\/sharedStrings\.xml.*split/);
  });

  it('refuses an entry whose directory understates its size, stopping at the limit while inflating (EVL470)', async () => {
    const bomb = await deflatedZeros(300 * 1024 * 1024);
    const file = join(dir, 'liar.xlsx');
    // Both the local header and the directory claim 2 bytes; the stream inflates to 300 MB.
    writeFileSync(file, buildZip([
      { name: '[Content_Types].xml', data: Buffer.alloc(2), size: 2 },
      { name: 'xl/sharedStrings.xml', data: bomb, size: 2 },
    ]));
    expect(await readZipDirectory(file, 100)).toMatchObject({ ok: true, uncompressed: 4 });
    const en = await read(file, { lang: 'en', limits: { maxUnpackedBytes: 8 * 1024 * 1024 } });
    expect(codes(en)).toEqual([['EVL470', 0, '']]);
    expect(en[0]!.errors[0]!.message).toContain('xl/sharedStrings.xml');
    expect(en[0]!.errors[0]!.message).toContain('8.0 MB');
    const zh = await read(file);
    expect(codes(zh)).toEqual([['EVL470', 0, '']]);
  });

  it('refuses data the directory does not list, which a streaming unzipper would still inflate', async () => {
    const hidden = await deflatedZeros(50 * 1024 * 1024);
    const file = join(dir, 'hidden.xlsx');
    writeFileSync(file, buildZip([
      { name: 'xl/worksheets/sheet1.xml', data: hidden, size: 50 * 1024 * 1024, hidden: true },
      { name: '[Content_Types].xml', data: Buffer.alloc(2), size: 2 },
    ]));
    const records = await read(file, { lang: 'en' });
    expect(codes(records)).toEqual([['EVL480', 0, '']]);
    expect(records[0]!.errors[0]!.message).toContain('its directory does not list');
  });

  it('reads a genuine workbook under the limits and refuses it when the limit is lowered', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('数据');
    ws.addRow(['id', 'name']);
    for (let i = 0; i < 200; i++) ws.addRow([`P${i}`, 'x'.repeat(200)]);
    const file = join(dir, 'genuine.xlsx');
    await wb.xlsx.writeFile(file);
    const ok = await read(file);
    expect(ok.filter((r) => r.data !== null && r.errors.every((e) => e.severity !== 'error'))).toHaveLength(200);
    expect(codes(await read(file, { limits: { maxUnpackedBytes: 10_000 } }))).toEqual([['EVL470', 0, '']]);
  });

  it('refuses a workbook row whose cell is past the cell limit and reads the rest (EVL471)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['id', 'name']);
    ws.addRow(['P1', 'short']);
    ws.addRow(['P2', 'y'.repeat(DEFAULT_SHEET_LIMITS.maxCellLength + 1)]);
    ws.addRow(['P3', 'short']);
    const file = join(dir, 'long-cell.xlsx');
    await wb.xlsx.writeFile(file);
    const records = await read(file, { lang: 'en' });
    const errors = records.flatMap((r) => r.errors.filter((e) => e.severity === 'error'));
    expect(errors.map((e) => [e.code, e.row, e.columnLetter, e.header])).toEqual([['EVL471', 3, 'B', 'name']]);
    expect(errors[0]!.message).toContain('32768 characters, over the cell limit of 32767');
    expect(records.filter((r) => r.row === 2 || r.row === 4).map((r) => r.errors.filter((e) => e.severity === 'error'))).toEqual([[], []]);
  });
});

describe('CSV limits while streaming', () => {
  it('keeps only the cell limit of an unterminated quote in memory and says how long it was', async () => {
    const chunks = ['a,b\n1,"open', ...Array.from({ length: 100 }, () => 'z'.repeat(1000))];
    const rows = [];
    for await (const r of parseCsv(chunks, { maxCellLength: 50 })) rows.push(r);
    expect(rows[1]?.cells[1]).toHaveLength(50);
    expect(rows[1]?.overlong).toEqual([{ column: 2, length: 100_004 }]);
    expect(rows[1]?.problem).toEqual({ column: 2, reason: 'unterminated' });
  });

  it('refuses a row with an overlong cell (EVL471) and goes on with the next rows', async () => {
    const file = join(dir, 'long.csv');
    writeFileSync(file, `id,name\nP1,ok\nP2,${'x'.repeat(40_000)}\nP3,ok\n`);
    const records = await read(file);
    expect(codes(records).filter(([c]) => c !== 'EVL487')).toEqual([['EVL471', 3, 'B']]);
    expect(records.filter((r) => r.row === 4)).toHaveLength(1);
    expect(records.find((r) => r.row === 3)!.errors[0]!.message).toContain('40000');
  });

  it('refuses a header row with an overlong cell and reads nothing else', async () => {
    const file = join(dir, 'long-header.csv');
    writeFileSync(file, `id,${'h'.repeat(100)}\nP1,ok\n`);
    const records = await read(file, { limits: { maxCellLength: 99 } });
    expect(records.map((r) => [r.row, r.data, r.errors.map((e) => e.code)])).toEqual([[1, null, ['EVL471']]]);
  });

  it('stops at the row limit and names the first row not read (EVL472)', async () => {
    const file = join(dir, 'rows.csv');
    writeFileSync(file, 'id\nP1\nP2\nP3\nP4\n');
    const records = await read(file, { limits: { maxRows: 3 }, lang: 'en' });
    const last = records.at(-1)!;
    expect([last.row, last.data, last.errors.map((e) => e.code)]).toEqual([4, null, ['EVL472']]);
    expect(last.errors[0]!.message).toMatch(/more than 3 rows; row 4 and later are not read\. Split/);
    expect(records.filter((r) => r.data !== null).map((r) => r.row)).toEqual([2, 3]);
  });
});
