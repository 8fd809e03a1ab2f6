/**
 * Ring ("doughnut") charts as SVG markup. Slices run clockwise from twelve o'clock, drawn with
 * SVG arc (`A`) commands; a slice of the whole circle is drawn as two half arcs, since an arc
 * whose ends coincide renders as nothing. Each slice gets a "name: value" label outside the ring
 * on a leader line, labels on each side pushed apart so they never overlap and kept inside the
 * chart (when a side has more labels than fit, the smallest slices lose theirs; the hover title
 * still names them). Items whose value is zero, negative or not finite are dropped; with nothing
 * left the chart is an empty grey ring under its title.
 */
import { INK, PALETTE, dimension, el, esc, fitText, compact, num, svgRoot, text, titleText, withTitle } from './chart-svg.js';

export interface PieChartSpec {
  title?: string;
  items: { name: string; value: number; color?: string }[];
  width?: number;
  height?: number;
}

const LABEL_SIZE = 12;
const LINE_GAP = 16;
/** A sweep this close to the full turn is drawn as a whole ring (two half arcs). */
const FULL = 2 * Math.PI - 1e-9;

function point(cx: number, cy: number, r: number, angle: number): string {
  return `${num(cx + r * Math.sin(angle))} ${num(cy - r * Math.cos(angle))}`;
}

/** The path of a ring segment from angle a0 to a1 (radians, clockwise from the top). */
export function ringPath(cx: number, cy: number, outer: number, inner: number, a0: number, a1: number): string {
  const R = num(outer);
  const r = num(inner);
  if (a1 - a0 >= FULL) {
    // Two half rings, outer clockwise then inner counter-clockwise, so the hole stays empty.
    return (
      `M${point(cx, cy, outer, 0)}A${R} ${R} 0 1 1 ${point(cx, cy, outer, Math.PI)}A${R} ${R} 0 1 1 ${point(cx, cy, outer, 0)}` +
      `M${point(cx, cy, inner, 0)}A${r} ${r} 0 1 0 ${point(cx, cy, inner, Math.PI)}A${r} ${r} 0 1 0 ${point(cx, cy, inner, 0)}Z`
    );
  }
  const large = a1 - a0 > Math.PI ? 1 : 0;
  return (
    `M${point(cx, cy, outer, a0)}A${R} ${R} 0 ${large} 1 ${point(cx, cy, outer, a1)}` +
    `L${point(cx, cy, inner, a1)}A${r} ${r} 0 ${large} 0 ${point(cx, cy, inner, a0)}Z`
  );
}

interface Label {
  index: number;
  value: number;
  mid: number;
  right: boolean;
  /** The y where the leader line's elbow wants to be, then where it ends up. */
  y: number;
}

/**
 * Spreads one side's labels to at least LINE_GAP apart inside [minY, maxY]: a downward pass
 * then an upward one, each linear. Returns the labels that could be placed.
 */
function spread(side: Label[], minY: number, maxY: number): Label[] {
  const room = Math.max(1, Math.floor((maxY - minY) / LINE_GAP) + 1);
  const kept = side.length <= room ? side : [...side].sort((a, b) => b.value - a.value || a.index - b.index).slice(0, room);
  kept.sort((a, b) => a.y - b.y || a.index - b.index);
  let prev = minY - LINE_GAP;
  for (const l of kept) {
    l.y = Math.max(l.y, prev + LINE_GAP);
    prev = l.y;
  }
  let next = maxY + LINE_GAP;
  for (let k = kept.length - 1; k >= 0; k--) {
    const l = kept[k]!;
    l.y = Math.min(l.y, next - LINE_GAP);
    next = l.y;
  }
  return kept;
}

/** A pie (ring) chart with "name: value" labels. */
export function pieChartSvg(spec: PieChartSpec, prefix: string): string {
  const width = dimension(spec.width, 360);
  const height = dimension(spec.height, 260);
  const items = spec.items
    .map((it, n) => ({ name: String(it.name), value: it.value, color: it.color ?? PALETTE[n % PALETTE.length]! }))
    .filter((it) => typeof it.value === 'number' && Number.isFinite(it.value) && it.value > 0);
  const top = spec.title ? 34 : 10;
  const cx = width / 2;
  const cy = top + (height - top) / 2;
  const outer = Math.max(10, Math.min((height - top) / 2 - 22, width / 2 - 100, width * 0.31));
  const inner = outer * 0.56;
  const total = items.reduce((sum, it) => sum + it.value, 0);

  const slices: string[] = [];
  const labels: Label[] = [];
  if (!(total > 0) || !Number.isFinite(total)) {
    slices.push(
      el('path', [
        ['d', ringPath(cx, cy, outer, inner, 0, 2 * Math.PI)],
        ['fill', INK.empty],
        ['fill-rule', 'evenodd'],
      ]),
    );
  } else {
    let a = 0;
    items.forEach((it, index) => {
      const sweep = index === items.length - 1 ? 2 * Math.PI - a : (it.value / total) * 2 * Math.PI;
      const a1 = Math.min(2 * Math.PI, a + sweep);
      const tip = el('title', [], esc(`${it.name}: ${compact(it.value)}`));
      const whole = a1 - a >= FULL;
      slices.push(
        el(
          'path',
          [
            ['d', ringPath(cx, cy, outer, inner, a, a1)],
            ['fill', it.color],
            ['fill-rule', whole ? 'evenodd' : undefined],
            ['stroke', whole ? undefined : '#ffffff'],
            ['stroke-width', whole ? undefined : 1],
          ],
          tip,
        ),
      );
      // A whole ring's label sits at three o'clock, where the leader line has room.
      const mid = whole ? Math.PI / 2 : (a + a1) / 2;
      labels.push({ index, value: it.value, mid, right: mid < Math.PI, y: cy - (outer + 10) * Math.cos(mid) });
      a = a1;
    });
  }

  const minY = top + 6;
  const maxY = height - 6;
  const placed = [
    ...spread(
      labels.filter((l) => l.right),
      minY,
      maxY,
    ),
    ...spread(
      labels.filter((l) => !l.right),
      minY,
      maxY,
    ),
  ].sort((a, b) => a.index - b.index);
  const leaders: string[] = [];
  const texts: string[] = [];
  for (const l of placed) {
    const it = items[l.index]!;
    const sx = cx + outer * Math.sin(l.mid);
    const sy = cy - outer * Math.cos(l.mid);
    const ex = cx + (outer + 12) * Math.sin(l.mid);
    const elbowX = l.right ? Math.max(ex, cx + outer * 0.6) : Math.min(ex, cx - outer * 0.6);
    const endX = l.right ? Math.max(elbowX + 12, cx + outer + 18) : Math.min(elbowX - 12, cx - outer - 18);
    leaders.push(
      el('polyline', [
        ['points', `${num(sx)} ${num(sy)} ${num(elbowX)} ${num(l.y)} ${num(endX)} ${num(l.y)}`],
        ['fill', 'none'],
        ['stroke', it.color],
      ]),
    );
    const full = `${it.name}: ${compact(it.value)}`;
    const fit = fitText(full, l.right ? width - endX - 8 : endX - 8, LABEL_SIZE);
    const tx = l.right ? endX + 4 : endX - 4;
    texts.push(
      withTitle(
        text(tx, l.y + 4, fit.text, [
          ['text-anchor', l.right ? 'start' : 'end'],
          ['fill', INK.text],
        ]),
        full,
        fit.shortened,
      ),
    );
  }

  const body = [titleText(spec.title, width), slices.join('\n'), leaders.join('\n'), texts.join('\n')]
    .filter((part) => part !== '')
    .map((part) => part.replace(/\n$/, ''))
    .join('\n');
  return svgRoot(width, height, spec.title || 'Pie chart', prefix, body + '\n');
}
