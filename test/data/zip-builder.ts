/**
 * Minimal zip archives for the hostile-spreadsheet tests, built in the test so no large fixture
 * sits in git: each entry is stored with deflate (or stored raw) and listed in a central
 * directory, or left out of it to model hidden data. A zip bomb is made by deflating a long run
 * of zeros in 1 MB pieces, so the test never holds the expanded bytes in memory. CRCs are left
 * zero: the reader under test refuses before any data is inflated or checked.
 */
import { createDeflateRaw } from 'node:zlib';

export interface ZipEntry {
  name: string;
  /** Deflated bytes (method 8). */
  data: Buffer;
  /** Declared uncompressed size. */
  size: number;
  /** Leave the entry out of the central directory (the data stays in the file). */
  hidden?: boolean;
}

/** Deflates `size` zero bytes without ever allocating them all. */
export async function deflatedZeros(size: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (b: Buffer) => parts.push(b));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  const piece = Buffer.alloc(1024 * 1024);
  for (let left = size; left > 0; left -= piece.length) {
    const chunk = left >= piece.length ? piece : piece.subarray(0, left);
    if (!deflate.write(chunk)) await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end();
  await done;
  return Buffer.concat(parts);
}

export function buildZip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  let listed = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, entry.data);
    if (!entry.hidden) {
      const head = Buffer.alloc(46);
      head.writeUInt32LE(0x02014b50, 0);
      head.writeUInt16LE(20, 4);
      head.writeUInt16LE(20, 6);
      head.writeUInt16LE(8, 10);
      head.writeUInt32LE(entry.data.length, 20);
      head.writeUInt32LE(entry.size, 24);
      head.writeUInt16LE(name.length, 28);
      head.writeUInt32LE(offset, 42);
      central.push(head, name);
      listed++;
    }
    offset += 30 + name.length + entry.data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(listed, 8);
  end.writeUInt16LE(listed, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
