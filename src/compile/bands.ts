/**
 * Band checks (区间法) over constant bounds, first match wins in the order written: a band fully
 * covered by earlier ones can never match (CMP313, warning; also everything after an `else`);
 * two explicit intervals that partly overlap are probably a typo in an end point (CMP311,
 * warning); values between bands that no band covers are an error when there is no `else`
 * (CMP312 for a gap in the middle) and a warning at the ends (CMP314, "missing else"). The value
 * domain is taken as [0, +∞) — performance ratios, amounts and counts are not negative — unless a
 * bound is negative; centred bands apply to |value|. Bounds in a unit other than the value's are
 * reported (CMP213). Bands whose bounds depend on data are not analysed.
 */
import { Decimal } from './decimal.js';
import type { Band, BandCondition, IndicatorDecl } from '../dsl/ast.js';
import type { CheckInput } from './check-input.js';
import type { Const } from './const.js';
import { constOf, showConst } from './const.js';
import { isIndicator, walkNodes } from './model.js';
import { bandLabel } from './score.js';
import { addUnits, describeUnit, unitOf } from './units.js';

/** An interval; `lo`/`hi` undefined mean −∞/+∞. */
export interface Interval {
  lo?: Decimal;
  loInc: boolean;
  hi?: Decimal;
  hiInc: boolean;
}

const below = (a: Interval, b: Interval): boolean => {
  // Is a's upper end strictly before b's lower end (no shared point)?
  if (a.hi === undefined || b.lo === undefined) return false;
  return a.hi.lt(b.lo) || (a.hi.eq(b.lo) && !(a.hiInc && b.loInc));
};

export function isEmpty(i: Interval): boolean {
  if (i.lo === undefined || i.hi === undefined) return false;
  return i.lo.gt(i.hi) || (i.lo.eq(i.hi) && !(i.loInc && i.hiInc));
}

export function intersect(a: Interval, b: Interval): Interval {
  const lo = a.lo === undefined ? b : b.lo === undefined ? a : a.lo.gt(b.lo) ? a : b.lo.gt(a.lo) ? b : { lo: a.lo, loInc: a.loInc && b.loInc };
  const hi = a.hi === undefined ? b : b.hi === undefined ? a : a.hi.lt(b.hi) ? a : b.hi.lt(a.hi) ? b : { hi: a.hi, hiInc: a.hiInc && b.hiInc };
  const out: Interval = { loInc: lo.loInc, hiInc: hi.hiInc };
  if (lo.lo !== undefined) out.lo = lo.lo;
  if (hi.hi !== undefined) out.hi = hi.hi;
  return out;
}

/** `domain` minus the union of `covered`, as sorted disjoint pieces. */
export function subtract(domain: Interval, covered: readonly Interval[]): Interval[] {
  let pieces: Interval[] = [domain];
  for (const c of covered) {
    const next: Interval[] = [];
    for (const p of pieces) {
      const x = intersect(p, c);
      if (isEmpty(x)) {
        next.push(p);
        continue;
      }
      const left: Interval = { loInc: p.loInc, hiInc: !x.loInc };
      if (p.lo !== undefined) left.lo = p.lo;
      if (x.lo !== undefined) left.hi = x.lo;
      if (x.lo !== undefined && !isEmpty(left)) next.push(left);
      const right: Interval = { loInc: !x.hiInc, hiInc: p.hiInc };
      if (x.hi !== undefined) right.lo = x.hi;
      if (p.hi !== undefined) right.hi = p.hi;
      if (x.hi !== undefined && !isEmpty(right)) next.push(right);
    }
    pieces = next;
  }
  return pieces;
}

function toInterval(c: BandCondition, k: (e: Parameters<typeof constOf>[0]) => Const | undefined): { i: Interval; consts: Const[] } | undefined {
  if (c.kind === 'else') return undefined;
  if (c.kind === 'interval') {
    const lo = k(c.low);
    const hi = k(c.high);
    if (!lo || !hi) return undefined;
    return { i: { lo: lo.value, loInc: c.lowInclusive, hi: hi.value, hiInc: c.highInclusive }, consts: [lo, hi] };
  }
  const b = k(c.bound);
  if (!b) return undefined;
  const v = b.value;
  const i: Interval =
    c.op === '>='
      ? { lo: v, loInc: true, hiInc: false }
      : c.op === '>'
        ? { lo: v, loInc: false, hiInc: false }
        : c.op === '<='
          ? { loInc: false, hi: v, hiInc: true }
          : c.op === '<'
            ? { loInc: false, hi: v, hiInc: false }
            : { lo: v, loInc: true, hi: v, hiInc: true };
  return { i, consts: [b] };
}

export function showInterval(i: Interval, unit: string | null): string {
  const s = (d: Decimal): string => showConst({ value: d, unit });
  return `${i.loInc ? '[' : '('}${i.lo === undefined ? '-∞' : s(i.lo)}, ${i.hi === undefined ? '+∞' : s(i.hi)}${i.hiInc ? ']' : ')'}`;
}

export function checkBands(c: CheckInput): void {
  walkNodes(c.rf.roots, (n) => {
    if (!isIndicator(n)) return;
    const decl: IndicatorDecl = n.decl;
    if (decl.score?.method !== 'bands') return;
    checkOne(c, n.file, decl.score.bands, decl.score.centered, unitOf(c.env.valueTy(n)));
  });
}

function checkOne(c: CheckInput, file: string, bands: readonly Band[], centered: boolean, valueUnit: string | null): void {
  const { accept } = c;
  const k = (e: Parameters<typeof constOf>[0]): Const | undefined => constOf(e, c.scope);
  const seen: { band: Band; i: Interval }[] = [];
  let elseSeen = false;
  let analysable = true;
  let unit: string | null = null;
  let negative = false;
  for (const band of bands) {
    if (elseSeen) {
      accept('CMP313', file, band.range, { band: bandLabel(band.condition) });
      continue;
    }
    if (band.condition.kind === 'else') {
      elseSeen = true;
      continue;
    }
    const r = toInterval(band.condition, k);
    if (!r) {
      analysable = false;
      continue;
    }
    for (const cst of r.consts) {
      if (cst.value.isNegative()) negative = true;
      if (cst.unit !== null) unit = cst.unit;
      if (valueUnit !== null && cst.unit !== null && addUnits(valueUnit, cst.unit) === 'mismatch') {
        accept('CMP213', file, band.range, { left: describeUnit(valueUnit), right: describeUnit(cst.unit) });
      }
    }
    if (
      isEmpty(r.i) ||
      subtract(
        r.i,
        seen.map((s) => s.i),
      ).length === 0
    ) {
      accept('CMP313', file, band.range, { band: bandLabel(band.condition) });
    } else if (band.condition.kind === 'interval') {
      // Only two explicit intervals count: `>= 95%; >= 80%` overlapping is the ordinary idiom.
      const clash = seen.find((s) => s.band.condition.kind === 'interval' && !isEmpty(intersect(s.i, r.i)));
      if (clash) {
        accept('CMP311', file, band.range, {
          a: bandLabel(clash.band.condition),
          b: bandLabel(band.condition),
          overlap: showInterval(intersect(clash.i, r.i), unit),
        });
      }
    }
    seen.push({ band, i: r.i });
  }
  if (elseSeen || !analysable || seen.length === 0) return;
  const domain: Interval = negative && !centered ? { loInc: false, hiInc: false } : { lo: new Decimal(0), loInc: true, hiInc: false };
  const gaps = subtract(
    domain,
    seen.map((s) => s.i),
  );
  const last = bands[bands.length - 1]!;
  for (const gap of gaps) {
    const inside = seen.some((s) => below(s.i, gap) || touchesBelow(s.i, gap)) && seen.some((s) => below(gap, s.i) || touchesBelow(gap, s.i));
    if (inside) accept('CMP312', file, last.range, { gap: showInterval(gap, unit) });
    else accept('CMP314', file, last.range, { gap: showInterval(gap, unit) });
  }
}

/** a ends exactly where b starts (a's hi is b's lo) — adjacent, so b lies above a. */
function touchesBelow(a: Interval, b: Interval): boolean {
  return a.hi !== undefined && b.lo !== undefined && a.hi.eq(b.lo);
}
