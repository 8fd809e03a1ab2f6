/**
 * Limits on what a spreadsheet may make the reader hold, so a small hostile file (a 324 KB
 * .xlsx whose one cell unpacks to 300 MB) is refused with a located message instead of running
 * the process out of memory. The defaults follow Excel's own limits where it has one — 32,767
 * characters in a cell, 1,048,576 rows in a sheet — so no workbook Excel can save is refused
 * for cell length or rows; the unpacked-size limit (256 MiB) is well above what a sheet of a
 * million short rows needs. `checkWorkbookArchive` reads the zip directory (zip-directory.ts)
 * and then inflates each entry counting bytes (zip-inflate.ts: the declared sizes may lie), and
 * returns the issue refusing the file, or null to go on; it runs before exceljs is loaded.
 */
import type { Lang } from '../../common/lang.js';
import { SHEET_CODES, sheetIssue, sheetPhrase, type SheetIssue } from './messages.js';
import { readZipDirectory } from './zip-directory.js';
import { measureInflated } from './zip-inflate.js';

export interface SheetLimits {
  /** Sum of the uncompressed sizes of an .xlsx file's zip entries, in bytes. */
  maxUnpackedBytes: number;
  /** Entries in an .xlsx archive (a workbook has a few dozen). */
  maxEntries: number;
  /** Characters in one cell. */
  maxCellLength: number;
  /** Rows read from one sheet or CSV file, header included. */
  maxRows: number;
}

export const DEFAULT_SHEET_LIMITS: SheetLimits = {
  maxUnpackedBytes: 256 * 1024 * 1024,
  maxEntries: 10_000,
  maxCellLength: 32_767,
  maxRows: 1_048_576,
};

/** Bytes a directory may leave unexplained (padding some writers add) before it is suspect. */
const SLACK_BYTES = 4 * 1024;

export function resolveLimits(partial: Partial<SheetLimits> | undefined): SheetLimits {
  return { ...DEFAULT_SHEET_LIMITS, ...partial };
}

/** "300.0 MB"-style sizes for messages; exact bytes would be unreadable. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${(bytes / (1024 * 1024 * 1024)).toFixed(1)} GB`;
}

/**
 * The issue refusing an .xlsx before it is unpacked, or null. A file that is not a zip at all is
 * left to exceljs, which reports it as unreadable (EVL480) as before.
 */
export async function checkWorkbookArchive(path: string, limits: SheetLimits, lang: Lang): Promise<SheetIssue | null> {
  const dir = await readZipDirectory(path, limits.maxEntries);
  if (!dir.ok) {
    if (dir.reason === 'not_zip') return null;
    const reason = sheetPhrase(dir.reason === 'too_many_entries' ? 'tooManyEntries' : 'truncatedArchive', { limit: limits.maxEntries }, lang);
    return sheetIssue(SHEET_CODES.unreadable, { row: 0 }, { file: path, reason }, 'error', lang);
  }
  if (dir.uncompressed > limits.maxUnpackedBytes) {
    return sheetIssue(SHEET_CODES.tooLargeUnpacked, { row: 0 }, {
      file: path,
      size: formatBytes(dir.uncompressed),
      limit: formatBytes(limits.maxUnpackedBytes),
      entry: dir.largest.name,
      entrySize: formatBytes(dir.largest.size),
    }, 'error', lang);
  }
  if (dir.unexplained > SLACK_BYTES) {
    return sheetIssue(SHEET_CODES.unreadable, { row: 0 }, { file: path, reason: sheetPhrase('hiddenData', { size: formatBytes(dir.unexplained) }, lang) }, 'error', lang);
  }
  // The declared sizes may understate: inflate and count, stopping at the limit.
  const real = await measureInflated(path, dir.list, limits.maxUnpackedBytes);
  if (!real.ok) {
    return sheetIssue(SHEET_CODES.tooLargeUnpacked, { row: 0 }, {
      file: path,
      size: `> ${formatBytes(limits.maxUnpackedBytes)}`,
      limit: formatBytes(limits.maxUnpackedBytes),
      entry: real.entry,
      entrySize: `> ${formatBytes(real.entryBytes)}`,
    }, 'error', lang);
  }
  return null;
}
