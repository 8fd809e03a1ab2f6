/**
 * The SVG primitives the chart renderers share: escaping of text and attribute values, number
 * formatting with fixed decimals (so the same spec always gives the same bytes, whatever the
 * float noise), element builders, a width estimate for text in CHART_FONT (no font metrics are
 * available on the server, so CJK counts as one em and Latin by character class, erring wide),
 * and shortening of a label to a width with an ellipsis. Nothing here keeps state between calls.
 */

/** CJK-capable fonts first; the SVG is read by browsers and print engines. */
export const CHART_FONT = 'Noto Sans CJK SC, Source Han Sans SC, WenQuanYi Micro Hei, Microsoft YaHei, PingFang SC, sans-serif';

export const PALETTE = ['#3b6fb6', '#9aa5b1', '#e08a2c', '#3f9b5b', '#c8443b', '#7b5ea7', '#2a9d9f'];

/** Colours of the frame, shared so bar and pie charts read as one family. */
export const INK = { text: '#333333', muted: '#5b6170', grid: '#e3e6eb', axis: '#8a909c', empty: '#eef0f3' } as const;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for element content and attribute values alike. Characters XML forbids (C0
 * controls other than tab and newlines, lone surrogates, U+FFFE/U+FFFF) become U+FFFD: they
 * would make the page's SVG ill-formed for XML readers, and no label needs them.
 */
export function esc(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** A coordinate: two decimals at most, no trailing zeros, never `-0`. */
export function num(x: number): string {
  if (!Number.isFinite(x)) return '0';
  const s = x.toFixed(2).replace(/\.?0+$/, '');
  return s === '-0' ? '0' : s;
}

/** A finite number, or null for anything a chart must treat as missing (null, NaN, ±Infinity). */
export function finite(v: number | null | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** A value label with exactly `digits` decimals (clamped to what toFixed accepts), never `-0.00`. */
export function fixed(v: number, digits: number): string {
  const d = Math.min(20, Math.max(0, Math.floor(Number.isFinite(digits) ? digits : 2)));
  const s = v.toFixed(d);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

/** A pie value as ECharts printed it for whole numbers (`1`), with at most two decimals otherwise. */
export function compact(v: number): string {
  return Number.isInteger(v) && Math.abs(v) < 1e21 ? String(v) : fixed(v, 2).replace(/\.?0+$/, '');
}

export type Attrs = readonly (readonly [string, string | number | undefined])[];

function attrText(attrs: Attrs): string {
  let out = '';
  for (const [k, v] of attrs) {
    if (v === undefined) continue;
    out += ` ${k}="${typeof v === 'number' ? num(v) : esc(v)}"`;
  }
  return out;
}

/** `<name a="…"/>` or `<name a="…">content</name>`; content is already-built markup. */
export function el(name: string, attrs: Attrs, content?: string): string {
  return content === undefined ? `<${name}${attrText(attrs)}/>` : `<${name}${attrText(attrs)}>${content}</${name}>`;
}

/** A text element whose content is escaped here. */
export function text(x: number, y: number, content: string, attrs: Attrs = []): string {
  return el('text', [['x', x], ['y', y], ...attrs], esc(content));
}

/** Wraps markup in a group whose `<title>` shows `full` on hover when a label was shortened. */
export function withTitle(markup: string, full: string, shortened: boolean): string {
  return shortened ? `<g><title>${esc(full)}</title>${markup}</g>` : markup;
}

/** The width of one character in em, by class; errs wide so estimated labels do not collide. */
function charEm(code: number): number {
  if (code >= 0x2e80 && code <= 0xa4cf) return 1; // CJK radicals, kana, ideographs, Yi
  if (code >= 0xac00 && code <= 0xd7af) return 1; // Hangul
  if (code >= 0xf900 && code <= 0xfaff) return 1; // CJK compatibility ideographs
  if (code >= 0xfe30 && code <= 0xfe4f) return 1; // CJK compatibility forms
  if (code >= 0xff00 && code <= 0xff60) return 1; // full-width forms
  if (code >= 0x20000) return 1; // supplementary ideographs (and emoji)
  if (code === 0x20) return 0.3;
  if (code >= 0x30 && code <= 0x39) return 0.58;
  if (code >= 0x41 && code <= 0x5a) return 0.68;
  if (code >= 0x61 && code <= 0x7a) return 0.55;
  if (code === 0x2e || code === 0x2c || code === 0x3a || code === 0x3b || code === 0x27 || code === 0x7c) return 0.3;
  if (code < 0x80) return 0.55;
  return 0.7;
}

/** Estimated rendered width of `s` at `size` px. */
export function textWidth(s: string, size: number): number {
  let em = 0;
  for (const ch of s) em += charEm(ch.codePointAt(0) ?? 0);
  return em * size;
}

const ELLIPSIS = '…';

/**
 * The longest prefix of `s` (by code point) that fits `max` px with an ellipsis appended, and
 * whether it was shortened. Always keeps one character so a label never disappears entirely.
 */
export function fitText(s: string, max: number, size: number): { text: string; shortened: boolean } {
  if (textWidth(s, size) <= max) return { text: s, shortened: false };
  const budget = max - textWidth(ELLIPSIS, size);
  let out = '';
  let width = 0;
  for (const ch of s) {
    const w = charEm(ch.codePointAt(0) ?? 0) * size;
    if (out !== '' && width + w > budget) break;
    out += ch;
    width += w;
  }
  return { text: out.trimEnd() + ELLIPSIS, shortened: true };
}

/**
 * Splits `s` into at most two lines that each fit `max` px: a break at a space when there is
 * one, else between any two characters (CJK has no spaces); the second line is shortened with
 * an ellipsis when the rest still does not fit.
 */
export function wrapText(s: string, max: number, size: number): { lines: string[]; shortened: boolean } {
  if (textWidth(s, size) <= max) return { lines: [s], shortened: false };
  const chars = [...s];
  let cut = 0;
  let width = 0;
  let lastSpace = -1;
  for (; cut < chars.length; cut++) {
    const w = charEm(chars[cut]!.codePointAt(0) ?? 0) * size;
    if (cut > 0 && width + w > max) break;
    if (chars[cut] === ' ') lastSpace = cut;
    width += w;
  }
  if (lastSpace > 0) cut = lastSpace;
  const first = chars.slice(0, cut).join('').trimEnd();
  const rest = chars.slice(cut).join('').trimStart();
  if (rest === '') return { lines: [first], shortened: false };
  const second = fitText(rest, max, size);
  return { lines: [first, second.text], shortened: second.shortened };
}

/** A width or height from the spec when it is a sane number of pixels, else the default. */
export function dimension(v: number | undefined, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 80 && v <= 4000 ? Math.round(v) : fallback;
}

/** The root element: sized, labelled for assistive technology, one font for every text inside. */
export function svgRoot(width: number, height: number, label: string, prefix: string, body: string): string {
  return el(
    'svg',
    [
      ['xmlns', 'http://www.w3.org/2000/svg'],
      ['width', width],
      ['height', height],
      ['viewBox', `0 0 ${num(width)} ${num(height)}`],
      ['role', 'img'],
      ['aria-label', label],
      ['class', prefix === '' ? undefined : prefix],
      ['font-family', CHART_FONT],
      ['font-size', 12],
    ],
    `\n${body}`,
  );
}

/** The chart title, centred on top and shortened to the width. */
export function titleText(title: string | undefined, width: number): string {
  if (!title) return '';
  const fit = fitText(title, width - 16, 14);
  return (
    withTitle(
      text(width / 2, 20, fit.text, [
        ['text-anchor', 'middle'],
        ['font-size', 14],
        ['font-weight', 'bold'],
        ['fill', INK.text],
      ]),
      title,
      fit.shortened,
    ) + '\n'
  );
}

/** Black or white text, whichever reads better on `color` (`#rgb` or `#rrggbb`; others get black). */
export function inkOn(color: string): string {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color);
  if (!m) return INK.text;
  const hex = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const luminance = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  return luminance > 0.6 ? INK.text : '#ffffff';
}
