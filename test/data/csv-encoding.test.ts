/**
 * CSV files as Chinese Excel saves them: GBK/GB18030 bytes, detected from the first chunk (UTF-8
 * BOM or valid UTF-8 stays UTF-8, anything else is GB18030) or given as `encoding`. Characters
 * split across chunks decode whole; a GBK file forced to UTF-8 shows the mojibake that detection
 * avoids. The fixture is the golden case's file (test/golden/cli/eval-csv-gbk/records.csv).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeChunks, detectEncoding, readCsvFile } from '../../src/data/sheets/csv.js';
import { readSheetRecords } from '../../src/data/sheets/read.js';

const GBK_FILE = fileURLToPath(new URL('../golden/cli/eval-csv-gbk/records.csv', import.meta.url));
// 项目 in GBK, and in UTF-8
const GBK = Uint8Array.from([0xcf, 0xee, 0xc4, 0xbf]);
const UTF8 = new TextEncoder().encode('项目');

async function text(chunks: Uint8Array[], encoding?: 'auto' | 'utf-8' | 'gbk' | 'gb18030'): Promise<string> {
  let out = '';
  for await (const s of decodeChunks(
    (async function* () {
      yield* chunks;
    })(),
    encoding,
  ))
    out += s;
  return out;
}

describe('CSV encodings', () => {
  it('detects UTF-8 (with or without BOM) and GBK from the first bytes', () => {
    expect(detectEncoding(UTF8)).toBe('utf-8');
    expect(detectEncoding(Uint8Array.from([0xef, 0xbb, 0xbf, ...UTF8]))).toBe('utf-8');
    expect(detectEncoding(GBK)).toBe('gb18030');
    // A UTF-8 character cut at the end of the first chunk is still UTF-8.
    expect(detectEncoding(UTF8.slice(0, 4))).toBe('utf-8');
  });

  it('keeps a character split across chunks whole, in either encoding', async () => {
    expect(await text([GBK.slice(0, 1), GBK.slice(1, 3), GBK.slice(3)])).toBe('项目');
    expect(await text([UTF8.slice(0, 2), UTF8.slice(2)])).toBe('项目');
  });

  it('an explicit encoding wins over detection; a GBK file forced to UTF-8 is mojibake', async () => {
    expect(await text([GBK], 'gbk')).toBe('项目');
    const forced = await text([GBK], 'utf-8');
    expect(forced).not.toBe('项目');
    expect(forced).toContain('\ufffd');
  });

  it('reads a GBK file saved by Excel: headers, a quoted field with quotes and commas, GB18030-only 㐀', async () => {
    const rows = [];
    for await (const r of readCsvFile(GBK_FILE)) rows.push(r.cells);
    expect(rows[0]).toEqual(['项目编号', '项目名称', '乡镇', '全年执行数', '全年预算数', '满意度']);
    expect(rows[1]![1]).toBe('東城淺水灣墊付工程');
    expect(rows[2]!.slice(0, 3)).toEqual(['㐀-墊付', '字號"引號",逗號', '淺灘鄉']);
    // The bytes really are GBK: read as UTF-8 the headers are lost.
    expect(readFileSync(GBK_FILE).toString('utf8')).not.toContain('项目编号');
  });

  it('the sheet reader maps GBK headers to fields as it maps UTF-8 ones', async () => {
    const schema = { type: 'object', properties: { spent: { type: 'number', description: '全年执行数' } } };
    const out = [];
    for await (const r of readSheetRecords(GBK_FILE, null, { schema, encoding: 'gb18030' })) if (r.data) out.push(r.data);
    expect(out[0]).toMatchObject({ id: '東城-淺水灣', name: '東城淺水灣墊付工程', town: '東鎮', spent: 950000 });
  });
});
