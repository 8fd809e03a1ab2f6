/**
 * Formats one diagnostic for a terminal, the way the CLI and the service show them:
 *
 *   rules/x.ind:7:13 CMP301 “决策” 的下级权重合计为 10，但其权重为 20
 *      7 |   dimension 决策 weight 20 {
 *        |             ^^^^
 *   提示：相差 10 分；…
 *
 * Columns in diagnostics count UTF-16 code units (as the lexer does); the caret line is measured
 * in display cells, so Chinese and other East Asian wide characters count two cells and tabs are
 * copied, keeping the caret under the range in a monospaced terminal. Warnings and infos carry
 * their severity before the message; a range over several lines is underlined to the end of its
 * first line. The `提示：`/`hint:` and severity labels (common/diagnostic-messages.ts) follow
 * `lang` (default Chinese), as the message itself does. Without source text (or a line beyond
 * it) only the header and the hint are shown.
 * The source line is shown safe for a terminal: control characters become their one-cell
 * pictures (a NUL is `␀`), and a line longer than `LONG_LINE` characters is shown as a window
 * around the range between `…`, so a damaged or generated file cannot flood the screen.
 */
import type { Diagnostic } from '../common/diagnostic.js';
import { diagnosticLabel } from '../common/diagnostic-messages.js';
import { DEFAULT_LANG, type Lang } from '../common/lang.js';

/** East Asian Wide and Fullwidth code points (the common blocks), which terminals draw two cells wide. */
export function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/** Display cells of a string: wide characters 2, everything else 1. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += isWide(ch.codePointAt(0)!) ? 2 : 1;
  return w;
}

/** Whitespace that lines up with `s` on screen: tabs kept, other characters replaced by spaces. */
function padFor(s: string): string {
  let out = '';
  for (const ch of s) out += ch === '\t' ? '\t' : ' '.repeat(isWide(ch.codePointAt(0)!) ? 2 : 1);
  return out;
}

/** Lines longer than this many characters are shown as a window around the range. */
export const LONG_LINE = 400;
const WINDOW_BEFORE = 60;
const WINDOW_AFTER = 120;

/** Control characters (tab aside) as their Control Pictures (U+2400 block): one cell, visible, inert. */
function printable(s: string): string {
  return s.replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, (c) => (c === '\u007f' ? '\u2421' : String.fromCharCode(0x2400 + c.charCodeAt(0))));
}

/** The lines of the last text framed: a file's diagnostics are framed one after another, and splitting a large file for each was most of the time. */
let framed: { text: string; lines: string[] } | undefined;

function linesOf(text: string): string[] {
  if (framed?.text !== text) framed = { text, lines: text.split(/\r?\n/) };
  return framed.lines;
}

export function formatDiagnostic(d: Diagnostic, sourceText?: string, lang: Lang = DEFAULT_LANG): string {
  const { start, end } = d.range;
  const severity = d.severity === 'error' ? '' : diagnosticLabel(d.severity, lang);
  const out = [`${d.file}:${start.line}:${start.column} ${d.code} ${severity}${d.message}`];
  const whole = sourceText === undefined ? undefined : linesOf(sourceText)[start.line - 1];
  if (whole !== undefined) {
    const gutter = String(start.line).length;
    let from = Math.max(0, Math.min(start.column - 1, whole.length));
    let to = end.line === start.line ? Math.max(from, Math.min(end.column - 1, whole.length)) : whole.length;
    let text = printable(whole);
    if (whole.length > LONG_LINE) {
      const a = Math.max(0, from - WINDOW_BEFORE);
      const b = Math.min(whole.length, Math.max(to, from + 1) + WINDOW_AFTER);
      const head = a > 0 ? '…' : '';
      text = `${head}${text.slice(a, b)}${b < whole.length ? '…' : ''}`;
      from = from - a + head.length;
      to = Math.min(to, b) - a + head.length;
    }
    const marked = text.slice(from, to);
    const carets = Math.max(1, displayWidth(marked));
    out.push(`${' '.repeat(2)}${start.line} | ${text}`);
    out.push(`${' '.repeat(2 + gutter)} | ${padFor(text.slice(0, from))}${'^'.repeat(carets)}`);
  }
  if (d.hint) out.push(`${diagnosticLabel('hint', lang)}${d.hint}`);
  return out.join('\n');
}
