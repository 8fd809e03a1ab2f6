/**
 * What a zip archive's entries really inflate to, measured while inflating and stopped at a
 * limit: the directory's declared sizes are what a hostile file lies about (an entry declared as
 * 2 bytes that inflates to 300 MB passes a check of the directory alone, and exceljs would then
 * inflate it all into memory). Each entry's data is streamed from the file through zlib and only
 * counted — the output is dropped chunk by chunk — so memory stays constant and the work stops
 * as soon as the running total passes `limit`. Stored entries count their stored size. An entry
 * that cannot be inflated (corrupt data, another method) is left to the workbook reader, which
 * reports the file as unreadable.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInflateRaw } from 'node:zlib';
import type { ZipEntryInfo } from './zip-directory.js';

const LOCAL_SIG = 0x04034b50;

export type InflatedSize = { ok: true; total: number } | { ok: false; total: number; entry: string; entryBytes: number };

/** Inflates every entry in turn, counting bytes; stops past `limit`. Never throws on bad data. */
export async function measureInflated(path: string, entries: readonly ZipEntryInfo[], limit: number): Promise<InflatedSize> {
  let total = 0;
  const handle = await open(path, 'r');
  const starts: number[] = [];
  try {
    for (const e of entries) {
      const head = Buffer.alloc(30);
      const { bytesRead } = await handle.read(head, 0, 30, e.offset);
      starts.push(bytesRead === 30 && head.readUInt32LE(0) === LOCAL_SIG ? e.offset + 30 + head.readUInt16LE(26) + head.readUInt16LE(28) : -1);
    }
  } finally {
    await handle.close();
  }
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const start = starts[i]!;
    if (start < 0 || e.compressedSize === 0) continue;
    if (e.method === 0) {
      total += e.compressedSize;
      if (total > limit) return { ok: false, total, entry: e.name, entryBytes: e.compressedSize };
      continue;
    }
    if (e.method !== 8) continue;
    const counted = await inflateCounting(path, start, e.compressedSize, limit - total);
    total += counted.bytes;
    if (counted.over) return { ok: false, total, entry: e.name, entryBytes: counted.bytes };
  }
  return { ok: true, total };
}

/** Bytes one deflated range inflates to, stopping once more than `budget` came out. */
function inflateCounting(path: string, start: number, length: number, budget: number): Promise<{ bytes: number; over: boolean }> {
  return new Promise((resolve) => {
    const input = createReadStream(path, { start, end: start + length - 1 });
    const inflate = createInflateRaw();
    let bytes = 0;
    let settled = false;
    const finish = (over: boolean): void => {
      if (settled) return;
      settled = true;
      input.destroy();
      inflate.destroy();
      resolve({ bytes, over });
    };
    inflate.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > budget) finish(true);
    });
    inflate.on('end', () => finish(false));
    // corrupt data: what came out so far counts; the workbook reader reports the file
    inflate.on('error', () => finish(false));
    input.on('error', () => finish(false));
    input.pipe(inflate);
  });
}
