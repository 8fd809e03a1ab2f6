/**
 * File names for per-record reports: a record id made safe for every file system we meet
 * (Windows included) and unique within one output directory. Characters a file system forbids or
 * treats specially (`<>:"/\|?*`, control characters, a leading dot, trailing dots and spaces)
 * become `_`, and so do invisible direction marks (which make `gpj.exe` look like `exe.jpg`) and
 * a leading `= + - @` or its full-width form (a name a shell takes for an option, or a
 * spreadsheet listing the folder for a formula); Chinese and other letters stay as typed, so `教-001` stays readable. Names are
 * compared without case (two ids differing only in case would overwrite each other on macOS
 * and Windows) and a repeat gets `-2`, `-3`, … Names the command writes itself (`summary`,
 * `results`) are reserved up front, so a project called "summary" cannot overwrite the summary.
 */

/** Windows device names, which cannot be file names with any extension. */
const DEVICES = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
/** Bytes, not characters: most file systems cap a name at 255 bytes; leave room for "-NN.html". */
const MAX_BYTES = 180;

/** Characters kept of an id before cleaning: bounds the work for a megabyte-long id. */
const MAX_CHARS = MAX_BYTES * 2;

/** The longest prefix of `text` within `max` UTF-8 bytes, cut between code points. */
function byteBounded(text: string, max: number): string {
  let bytes = 0;
  let end = 0;
  for (const ch of text) {
    bytes += Buffer.byteLength(ch, 'utf8');
    if (bytes > max) break;
    end += ch.length;
  }
  return text.slice(0, end);
}

export function safeFileStem(id: string): string {
  let stem = [...id.slice(0, MAX_CHARS * 2)]
    .slice(0, MAX_CHARS)
    .join('')
    .normalize('NFC')
    .replace(/[<>:"/\\|?*\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '_')
    .replace(/^\.+/, '_')
    .replace(/^[=+\-@\uff1d\uff0b\uff0d\uff20]+/, '_')
    .replace(/[. ]+$/, '');
  if (DEVICES.test(stem)) stem = `_${stem}`;
  // A cut can end on a dot or space again, which Windows would drop from the name.
  stem = byteBounded(stem, MAX_BYTES).replace(/[. ]+$/, '');
  return stem === '' ? '_' : stem;
}

export class FileNames {
  private readonly taken = new Set<string>();

  constructor(reserved: readonly string[] = []) {
    for (const name of reserved) this.taken.add(name.toLowerCase());
  }

  /** A stem for this id not handed out before in this directory. */
  next(id: string): string {
    const base = safeFileStem(id);
    let stem = base;
    for (let n = 2; this.taken.has(stem.toLowerCase()); n++) stem = `${base}-${n}`;
    this.taken.add(stem.toLowerCase());
    return stem;
  }
}
