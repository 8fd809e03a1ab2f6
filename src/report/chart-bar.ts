/**
 * Vertical bar charts as SVG markup: grouped (one bar per series side by side) or stacked (one
 * bar per category, positives stacked up from zero and negatives down from it, as ECharts'
 * same-sign stacking did). The frame is horizontal gridlines with tick labels on the left, a
 * darker zero line, category labels under the bars (wrapped onto two lines or, when the bands
 * are narrow, slanted; shortened ones keep their full text in a hover title), value labels above
 * grouped bars or inside stacked segments (hidden when a segment is too thin to hold one), and a
 * legend row at the bottom when there is more than one series. Missing values (null, NaN,
 * ±Infinity) draw nothing; an empty spec draws the frame alone. Work is linear in the cells.
 */
import { tickLabel, valueAxis, type ValueAxis } from './chart-axis.js';
import { INK, PALETTE, dimension, el, esc, finite, fitText, fixed, inkOn, num, svgRoot, text, textWidth, titleText, withTitle, wrapText } from './chart-svg.js';

export interface BarSeries {
  name: string;
  data: (number | null)[];
  color?: string;
}

export interface BarChartSpec {
  title?: string;
  categories: string[];
  series: BarSeries[];
  width?: number;
  height?: number;
  /** Axis maximum; a "nice" one above the data when absent. */
  max?: number;
  /** Digits shown in bar labels. */
  digits?: number;
  /** Stack the series in one bar per category (negatives stack below zero). */
  stacked?: boolean;
}

const LABEL_SIZE = 12;
const VALUE_SIZE = 11;
const TICK_SIZE = 11;
const BAR_MAX = 48;
/** Bands narrower than this slant their category labels instead of wrapping them. */
const SLANT_BELOW = 44;
const SLANT_MAX = 96;
const LEGEND_ROW = 18;

interface Frame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
  axis: ValueAxis;
}

/** Pixel y of value `v`, clamped to the plot so a caller's low maximum cannot push bars out. */
function yOf(f: Frame, v: number): number {
  const y = f.top + ((f.axis.max - v) / (f.axis.max - f.axis.min)) * (f.bottom - f.top);
  return Math.min(f.bottom, Math.max(f.top, y));
}

/** The data's extent: per value when grouped, per stack of same-sign values when stacked. */
function extent(values: (number | null)[][], stacked: boolean, n: number): { lo: number; hi: number } {
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < n; i++) {
    let pos = 0;
    let neg = 0;
    for (const row of values) {
      const v = row[i] ?? null;
      if (v === null) continue;
      if (stacked) {
        if (v > 0) pos += v;
        else neg += v;
      } else {
        hi = Math.max(hi, v);
        lo = Math.min(lo, v);
      }
    }
    hi = Math.max(hi, pos);
    lo = Math.min(lo, neg);
  }
  return { lo, hi };
}

interface LegendItem {
  name: string;
  color: string;
  label: { text: string; shortened: boolean };
  width: number;
}

/** Legend items laid out greedily in centred rows no wider than the chart. */
function legendRows(items: LegendItem[], width: number): LegendItem[][] {
  const rows: LegendItem[][] = [];
  let row: LegendItem[] = [];
  let used = 0;
  for (const item of items) {
    if (row.length > 0 && used + item.width > width - 24) {
      rows.push(row);
      row = [];
      used = 0;
    }
    row.push(item);
    used += item.width;
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

function legendMarkup(rows: LegendItem[][], width: number, y0: number): string {
  const out: string[] = [];
  rows.forEach((row, r) => {
    const total = row.reduce((sum, it) => sum + it.width, 0) - 16;
    let x = (width - total) / 2;
    const y = y0 + r * LEGEND_ROW;
    for (const it of row) {
      const swatch = el('rect', [
        ['x', x],
        ['y', y],
        ['width', 12],
        ['height', 12],
        ['rx', 2],
        ['fill', it.color],
      ]);
      const label = text(x + 17, y + 10.5, it.label.text, [['fill', INK.text]]);
      out.push(withTitle(swatch + label, it.name, it.label.shortened));
      x += it.width;
    }
  });
  return out.join('\n');
}

function gridMarkup(f: Frame): string {
  const out: string[] = [];
  const x2 = f.width - f.right;
  for (const t of f.axis.ticks) {
    const y = Math.round(yOf(f, t)) + 0.5;
    out.push(
      el('path', [
        ['d', `M${num(f.left)} ${num(y)}H${num(x2)}`],
        ['stroke', INK.grid],
      ]),
    );
    out.push(
      text(f.left - 6, y + 4, tickLabel(t, f.axis.decimals), [
        ['text-anchor', 'end'],
        ['font-size', TICK_SIZE],
        ['fill', INK.muted],
      ]),
    );
  }
  const zero = Math.round(yOf(f, 0)) + 0.5;
  out.push(
    el('path', [
      ['d', `M${num(f.left)} ${num(zero)}H${num(x2)}`],
      ['stroke', INK.axis],
    ]),
  );
  return out.join('\n');
}

interface CategoryLabels {
  height: number;
  markup: (f: Frame, band: number) => string;
}

/** Category labels: wrapped under wide bands, slanted under narrow ones. */
function categoryLabels(categories: string[], band: number, left: number): CategoryLabels {
  if (band >= SLANT_BELOW) {
    const wrapped = categories.map((c) => wrapText(c, band - 6, LABEL_SIZE));
    const lines = Math.max(1, ...wrapped.map((w) => w.lines.length));
    return {
      height: lines * 15 + 10,
      markup: (f) =>
        wrapped
          .map((w, i) => {
            const x = f.left + band * (i + 0.5);
            const y = f.bottom + 17;
            const attrs = [
              ['text-anchor', 'middle'],
              ['fill', INK.text],
            ] as const;
            const body =
              w.lines.length === 1
                ? text(x, y, w.lines[0]!, attrs)
                : el(
                    'text',
                    [['x', x], ['y', y], ...attrs],
                    w.lines
                      .map((l, k) =>
                        el(
                          'tspan',
                          [
                            ['x', x],
                            ['dy', k === 0 ? 0 : 15],
                          ],
                          esc(l),
                        ),
                      )
                      .join(''),
                  );
            return withTitle(body, categories[i]!, w.shortened);
          })
          .join('\n'),
    };
  }
  // Slanted at 45°, each label may reach down-left only as far as the chart's left edge.
  const fits = categories.map((c, i) => fitText(c, Math.min(SLANT_MAX, (left + band * (i + 0.5) - 4) * Math.SQRT2), 11));
  const longest = Math.max(0, ...fits.map((t) => textWidth(t.text, 11)));
  return {
    height: Math.ceil(longest * Math.SQRT1_2) + 22,
    markup: (f) =>
      fits
        .map((t, i) => {
          const x = f.left + band * (i + 0.5) + 4;
          const y = f.bottom + 14;
          const body = text(x, y, t.text, [
            ['text-anchor', 'end'],
            ['font-size', 11],
            ['transform', `rotate(-45 ${num(x)} ${num(y)})`],
            ['fill', INK.text],
          ]);
          return withTitle(body, categories[i]!, t.shortened);
        })
        .join('\n'),
  };
}

/** Vertical grouped or stacked bars with value labels. */
export function barChartSvg(spec: BarChartSpec, prefix: string): string {
  const width = dimension(spec.width, 640);
  const height = dimension(spec.height, 300);
  const digits = spec.digits ?? 2;
  const stacked = spec.stacked === true;
  const categories = spec.categories.map(String);
  const n = categories.length;
  const series = spec.series.map((s, j) => ({
    name: String(s.name),
    color: s.color ?? PALETTE[j % PALETTE.length]!,
    data: categories.map((_, i) => finite(s.data[i])),
  }));
  const { lo, hi } = extent(
    series.map((s) => s.data),
    stacked,
    n,
  );
  const axis = valueAxis(lo, hi, spec.max);

  const tickWidth = Math.max(0, ...axis.ticks.map((t) => textWidth(tickLabel(t, axis.decimals), TICK_SIZE)));
  const left = Math.max(36, Math.ceil(tickWidth) + 12);
  const right = 16;
  const band = (width - left - right) / Math.max(1, n);

  const legend =
    series.length > 1
      ? legendRows(
          series.map((s) => {
            const label = fitText(s.name, width * 0.45, LABEL_SIZE);
            return { name: s.name, color: s.color, label, width: 17 + textWidth(label.text, LABEL_SIZE) + 16 };
          }),
          width,
        )
      : [];
  const legendHeight = legend.length === 0 ? 0 : legend.length * LEGEND_ROW + 6;
  const labels = categoryLabels(categories, band, left);
  const top = (spec.title ? 34 : 8) + 16;
  const bottom = Math.max(top + 20, height - legendHeight - labels.height);
  const frame: Frame = { width, height, left, right, top, bottom, axis };

  // A label inside a stacked segment too thin to hold it would be an unreadable smear.
  const largest = Math.max(0, ...series.flatMap((s) => s.data.map((v) => Math.abs(v ?? 0))));
  const bars: string[] = [];
  const values: string[] = [];
  for (let i = 0; i < n; i++) {
    const cx = left + band * (i + 0.5);
    if (stacked) {
      const barW = Math.min(BAR_MAX, band * 0.6);
      let pos = 0;
      let neg = 0;
      for (const s of series) {
        const v = s.data[i] ?? null;
        if (v === null || v === 0) continue;
        const from = v > 0 ? pos : neg;
        const to = from + v;
        if (v > 0) pos = to;
        else neg = to;
        const y1 = yOf(frame, Math.max(from, to));
        const h = yOf(frame, Math.min(from, to)) - y1;
        const label = fixed(v, digits);
        bars.push(
          el(
            'rect',
            [
              ['x', cx - barW / 2],
              ['y', y1],
              ['width', barW],
              ['height', h],
              ['fill', s.color],
            ],
            el('title', [], esc(`${categories[i]} · ${s.name}: ${label}`)),
          ),
        );
        const thin = Math.abs(v) < largest * 0.08 || h < VALUE_SIZE + 2 || textWidth(label, VALUE_SIZE) > barW + 12;
        if (!thin)
          values.push(
            text(cx, y1 + h / 2 + 4, label, [
              ['text-anchor', 'middle'],
              ['font-size', VALUE_SIZE],
              ['fill', inkOn(s.color)],
            ]),
          );
      }
    } else {
      const m = Math.max(1, series.length);
      const group = Math.min(band * 0.8, m * BAR_MAX + (m - 1) * 4);
      const slot = group / m;
      const barW = Math.min(BAR_MAX, slot - Math.min(4, slot * 0.15));
      series.forEach((s, j) => {
        const v = s.data[i] ?? null;
        if (v === null) return;
        const x = cx - group / 2 + slot * j + (slot - barW) / 2;
        const y1 = yOf(frame, Math.max(v, 0));
        const y2 = yOf(frame, Math.min(v, 0));
        const label = fixed(v, digits);
        bars.push(
          el(
            'rect',
            [
              ['x', x],
              ['y', y1],
              ['width', barW],
              ['height', y2 - y1],
              ['fill', s.color],
            ],
            el('title', [], esc(`${categories[i]} · ${s.name}: ${label}`)),
          ),
        );
        // Labels wider than their slot would run into the neighbour's; the hover title still has it.
        if (textWidth(label, VALUE_SIZE) <= slot + 4) {
          values.push(
            text(x + barW / 2, v >= 0 ? y1 - 4 : y2 + VALUE_SIZE + 2, label, [
              ['text-anchor', 'middle'],
              ['font-size', VALUE_SIZE],
              ['fill', INK.text],
            ]),
          );
        }
      });
    }
  }

  const body = [
    titleText(spec.title, width),
    gridMarkup(frame),
    bars.join('\n'),
    values.join('\n'),
    labels.markup(frame, band),
    legendMarkup(legend, width, height - legendHeight + 2),
  ]
    .filter((part) => part !== '')
    .map((part) => part.replace(/\n$/, ''))
    .join('\n');
  return svgRoot(width, height, spec.title || 'Bar chart', prefix, body + '\n');
}
