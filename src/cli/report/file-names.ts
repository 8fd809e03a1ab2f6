/**
 * File names for per-record reports: a record id made safe for every file system we meet
 * (Windows included) and unique within one output directory. Characters a file system forbids or
 * treats specially (`<>:"/\|?*`, control characters, a leading dot, trailing dots and spaces)
 * become `_`; Chinese and other letters stay as typed, so `教-001` stays readable. Names are
 * compared without case (two ids differing only in case would overwrite each other on macOS
 * and Windows) and a repeat gets `-2`, `-3`, … Names the command writes itself (`summary`,
 * `results`) are reserved up front, so a project called "summary" cannot overwrite the summary.
 */

/** Windows device names, which cannot be file names with any extension. */
const DEVICES = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
/** Bytes, not characters: most file systems cap a name at 255 bytes; leave room for "-NN.html". */
const MAX_BYTES = 180;

export function safeFileStem(id: string): string {
  // eslint-disable-next-line no-control-regex
  let stem = id.normalize('NFC').replace(/[<>:"/\\|?*\u0000-\u001f\u007f]/g, '_').replace(/^\.+/, '_').replace(/[. ]+$/, '');
  if (stem === '') stem = '_';
  if (DEVICES.test(stem)) stem = `_${stem}`;
  while (Buffer.byteLength(stem, 'utf8') > MAX_BYTES) stem = [...stem].slice(0, -1).join('');
  return stem;
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
