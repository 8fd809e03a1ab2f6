/**
 * A bounded reader of a zip archive's central directory, used to refuse an .xlsx that would
 * unpack to more than the limit before exceljs (whose readers inflate every entry they meet)
 * ever sees it. It reads only the end-of-directory record (the last 64 KB of the file) and the
 * directory itself, never the compressed data, so its cost depends on the number of entries,
 * not on what they expand to. ZIP64 sizes are honoured. Returns the entry count and the sum of
 * the declared uncompressed sizes, or `{ ok: false, reason }` for an archive it cannot read
 * (not a zip, a truncated directory, more entries than `maxEntries`); the caller lets exceljs
 * report a non-zip as unreadable. It also measures how many bytes of the file the directory
 * accounts for, so entries hidden from the directory (which a streaming unzipper would still
 * inflate) show up as unexplained bytes. The declared sizes may lie (a directory that says 2 bytes
 * for an entry that inflates to 300 MB): the caller measures the real sizes with zip-inflate.ts
 * from the entry list returned here.
 */
import { open } from 'node:fs/promises';

export interface ZipDirectory {
  ok: true;
  entries: number;
  /** Sum of the declared uncompressed sizes of every entry, in bytes. */
  uncompressed: number;
  /** The largest single entry: its name and declared uncompressed size. */
  largest: { name: string; size: number };
  /** Bytes of the file not explained by local headers, data, descriptors and the directory. */
  unexplained: number;
  /** Where each entry's data lies, for measuring what it really inflates to (zip-inflate.ts). */
  list: ZipEntryInfo[];
}

export interface ZipEntryInfo {
  name: string;
  /** 0 stored, 8 deflated; others are left to the workbook reader. */
  method: number;
  /** Offset of the entry's local header. */
  offset: number;
  compressedSize: number;
  /** As the directory declares it: not to be trusted. */
  size: number;
}

export type ZipDirectoryRead = ZipDirectory | { ok: false; reason: 'not_zip' | 'truncated' | 'too_many_entries' };

const EOCD_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const CENTRAL_SIG = 0x02014b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;
const U32 = 0xffffffff;
/** A local header is 30 bytes plus name and extra; a data descriptor at most 24 (ZIP64, signed). */
const LOCAL_FIXED = 30;
const DESCRIPTOR_MAX = 24;

async function readAt(handle: import('node:fs/promises').FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(buffer, done, length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return done === length ? buffer : buffer.subarray(0, done);
}

function u64(buffer: Buffer, at: number): number {
  // Past 2^53 a size is absurd for a workbook anyway; Number keeps the arithmetic simple.
  return Number(buffer.readBigUInt64LE(at));
}

/** Reads the central directory of `path`; at most `maxEntries` entries are accepted. */
export async function readZipDirectory(path: string, maxEntries: number): Promise<ZipDirectoryRead> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size < EOCD_MIN) return { ok: false, reason: 'not_zip' };
    const tailLength = Math.min(size, EOCD_MIN + MAX_COMMENT);
    const tail = await readAt(handle, size - tailLength, tailLength);
    let eocd = -1;
    for (let i = tail.length - EOCD_MIN; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD_SIG) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) return { ok: false, reason: 'not_zip' };
    let entries = tail.readUInt16LE(eocd + 10);
    let cdSize = tail.readUInt32LE(eocd + 12);
    let cdOffset = tail.readUInt32LE(eocd + 16);
    let trailer = tailLength - eocd; // EOCD record and comment
    const locator = eocd - 20;
    if (locator >= 0 && tail.readUInt32LE(locator) === ZIP64_LOCATOR_SIG) {
      const zip64At = u64(tail, locator + 8);
      const record = await readAt(handle, zip64At, 56);
      if (record.length < 56 || record.readUInt32LE(0) !== ZIP64_EOCD_SIG) return { ok: false, reason: 'truncated' };
      entries = u64(record, 32);
      cdSize = u64(record, 40);
      cdOffset = u64(record, 48);
      trailer += 20 + 12 + u64(record, 4);
    }
    if (entries > maxEntries) return { ok: false, reason: 'too_many_entries' };
    // The directory cannot be larger than 46 + 3 × 64 KB per entry; refuse a size claiming more.
    if (cdOffset + cdSize > size || cdSize > entries * (46 + 3 * 0xffff)) return { ok: false, reason: 'truncated' };
    const cd = await readAt(handle, cdOffset, cdSize);
    if (cd.length < cdSize) return { ok: false, reason: 'truncated' };
    let at = 0;
    let uncompressed = 0;
    let explained = cdSize + trailer;
    let largest = { name: '', size: -1 };
    const list: ZipEntryInfo[] = [];
    for (let n = 0; n < entries; n++) {
      if (at + 46 > cd.length || cd.readUInt32LE(at) !== CENTRAL_SIG) return { ok: false, reason: 'truncated' };
      let compressedSize = cd.readUInt32LE(at + 20);
      let entrySize = cd.readUInt32LE(at + 24);
      const nameLength = cd.readUInt16LE(at + 28);
      const extraLength = cd.readUInt16LE(at + 30);
      const commentLength = cd.readUInt16LE(at + 32);
      if (at + 46 + nameLength + extraLength + commentLength > cd.length) return { ok: false, reason: 'truncated' };
      const name = cd.toString('utf8', at + 46, at + 46 + nameLength);
      let offset = cd.readUInt32LE(at + 42);
      const sizes = zip64Sizes(cd, at + 46 + nameLength, extraLength, entrySize === U32, compressedSize === U32, offset === U32);
      if (sizes.uncompressed !== undefined) entrySize = sizes.uncompressed;
      if (sizes.compressed !== undefined) compressedSize = sizes.compressed;
      if (sizes.offset !== undefined) offset = sizes.offset;
      list.push({ name, method: cd.readUInt16LE(at + 10), offset, compressedSize, size: entrySize });
      uncompressed += entrySize;
      // The local header repeats the name; its extra field may differ, so allow the directory's.
      explained += LOCAL_FIXED + nameLength + extraLength + compressedSize + DESCRIPTOR_MAX;
      if (entrySize > largest.size) largest = { name, size: entrySize };
      at += 46 + nameLength + extraLength + commentLength;
    }
    return { ok: true, entries, uncompressed, largest, unexplained: Math.max(0, size - explained), list };
  } finally {
    await handle.close();
  }
}

/** The ZIP64 extended-information field (id 1) holds the 32-bit fields that overflowed, in order. */
function zip64Sizes(cd: Buffer, start: number, length: number, needUncompressed: boolean, needCompressed: boolean, needOffset = false): { uncompressed?: number; compressed?: number; offset?: number } {
  const out: { uncompressed?: number; compressed?: number; offset?: number } = {};
  let at = start;
  const end = start + length;
  while (at + 4 <= end) {
    const id = cd.readUInt16LE(at);
    const fieldLength = cd.readUInt16LE(at + 2);
    if (id === 1) {
      let p = at + 4;
      if (needUncompressed && p + 8 <= end) {
        out.uncompressed = u64(cd, p);
        p += 8;
      }
      if (needCompressed && p + 8 <= end) {
        out.compressed = u64(cd, p);
        p += 8;
      }
      if (needOffset && p + 8 <= end) out.offset = u64(cd, p);
      return out;
    }
    at += 4 + fieldLength;
  }
  return out;
}
