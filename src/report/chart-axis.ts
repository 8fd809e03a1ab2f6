/**
 * A value axis with "nice" ticks: the step is 1, 2 or 5 × 10^n, chosen so about five intervals
 * span the data, and the ends are the multiples of the step around the data — always including
 * zero, so bars grow from a baseline a reader can trust, and reaching below zero when a value
 * (or a stack of negatives) does. A caller's maximum fixes the top; ticks then stop at the last
 * multiple of the step under it. Ticks are computed by integer index, not by repeated addition,
 * so `0.1 + 0.2` noise never reaches a label, and their count is bounded whatever the input.
 */

export interface ValueAxis {
  min: number;
  max: number;
  step: number;
  /** Tick values from min upwards, at most MAX_TICKS. */
  ticks: number[];
  /** Decimals a tick label needs to show the step exactly. */
  decimals: number;
}

const TARGET_INTERVALS = 5;
const MAX_TICKS = 24;

/** The smallest 1/2/5 × 10^n not below `raw` (raw > 0, finite), with its decimals. */
export function niceStep(raw: number): { step: number; decimals: number } {
  const exp = Math.floor(Math.log10(raw));
  const base = 10 ** exp;
  const f = raw / base;
  const [mult, e] = f <= 1 ? [1, exp] : f <= 2 ? [2, exp] : f <= 5 ? [5, exp] : [1, exp + 1];
  const decimals = Math.min(20, Math.max(0, -e));
  // Rounding through toFixed keeps 0.1 as 0.1 rather than 0.1000000000000000055….
  return { step: Number((mult * 10 ** e).toFixed(decimals)), decimals };
}

function fallback(): ValueAxis {
  return { min: 0, max: 1, step: 0.2, ticks: [0, 0.2, 0.4, 0.6, 0.8, 1], decimals: 1 };
}

/**
 * The axis over values from `lo` to `hi` (either may be 0; both finite). `fixedMax` is the
 * caller's top, used when it is finite and above the bottom.
 */
export function valueAxis(lo: number, hi: number, fixedMax?: number): ValueAxis {
  let low = Math.min(0, lo);
  let high = Math.max(0, hi);
  const capped = fixedMax !== undefined && Number.isFinite(fixedMax) && fixedMax > low;
  if (capped) high = fixedMax;
  const span = high - low;
  // All zero, or a range too wide for a double: a plain 0..1 frame rather than a throw.
  if (!Number.isFinite(span) || span <= 0) return fallback();
  const { step, decimals } = niceStep(span / TARGET_INTERVALS);
  if (!(step > 0) || !Number.isFinite(step)) return fallback();
  const first = Math.floor(low / step + 1e-9);
  const last = capped ? Math.floor(high / step + 1e-9) : Math.ceil(high / step - 1e-9);
  low = Number((first * step).toFixed(decimals));
  if (!capped) high = Number((last * step).toFixed(decimals));
  const ticks: number[] = [];
  for (let k = first; k <= last && ticks.length < MAX_TICKS; k++) ticks.push(Number((k * step).toFixed(decimals)));
  return { min: low, max: high, step, ticks, decimals };
}

/** Label of one tick: exactly the step's decimals, never `-0`. */
export function tickLabel(v: number, decimals: number): string {
  const s = v.toFixed(decimals);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}
