/**
 * Bench section `num` (issue #12 item 1: "millions in the bench"): the engine's number against
 * decimal.js at 40 digits on a million seeded cases shaped like scoring — a ratio of two cents
 * amounts (or of a rate and a count) times a weight, plus a second ratio, rounded to 0–4
 * decimals in each rounding mode the language has, compared with a nearby value, its sign and
 * the JSON number of the ratio — every answer taken from a freshly built value, before anything
 * asked for its digits, so the lazy form's decisions are what is checked. Any disagreement
 * throws with the case. Then both are timed on the same cases: µs per case, process CPU.
 * Cases: BENCH_NUM_CASES (default 1,000,000).
 */
import { SeededRandom } from '../../src/common/seeded-random.js';
import { D, roundingConstant, type Dec } from '../../src/engine/decimal.js';
import { Num } from '../../src/engine/num.js';
import type { BenchSection } from './sections.js';

const MODES = ['half_up', 'half_even', 'down', 'up'] as const;

interface Case {
  a: string;
  b: string;
  w: string;
  c: string;
  d: string;
  dp: number;
  rm: ReturnType<typeof roundingConstant>;
}

/** Amounts to the cent, rates to 4 places, counts, weights, half-cents: what records and rule sets hold. */
function operand(rnd: SeededRandom): string {
  const kind = rnd.below(6);
  if (kind === 0) return (rnd.below(1e9) / 100).toFixed(2);
  if (kind === 1) return (rnd.below(20000) / 10000).toFixed(4);
  if (kind === 2) return String(1 + rnd.below(100));
  if (kind === 3) return String(rnd.below(2000) * 5) + 'e-3';
  if (kind === 4) return (rnd.below(1e7) / 1000 - 5000).toFixed(3);
  return String(1 + rnd.below(9)) + '0'.repeat(rnd.below(12));
}

function cases(count: number, seed: number): Case[] {
  const rnd = new SeededRandom(seed);
  const out: Case[] = [];
  while (out.length < count) {
    const b = operand(rnd),
      d = operand(rnd);
    if (new D(b).isZero() || new D(d).isZero()) continue;
    out.push({ a: operand(rnd), b, w: operand(rnd), c: operand(rnd), d, dp: rnd.below(5), rm: roundingConstant(MODES[rnd.below(4)]!) });
  }
  return out;
}

const numOf = (x: Case): Num =>
  Num.parse(x.a)
    .div(Num.parse(x.b))
    .times(Num.parse(x.w))
    .plus(Num.parse(x.c).div(Num.parse(x.d)));
const decOf = (x: Case): Dec => new D(x.a).div(x.b).times(x.w).plus(new D(x.c).div(x.d));

/** The answers scoring asks of a value, as text; the same for Num and D or the case is wrong. */
function answersNum(x: Case): string {
  const rounded = numOf(x).toDecimalPlaces(x.dp, x.rm);
  const near = Num.parse(rounded.toString());
  const v = numOf(x);
  return `${rounded} ${numOf(x).cmp(near)} ${near.cmp(v)} ${numOf(x).isNegative()} ${numOf(x).isZero()} ${Num.parse(x.a).div(Num.parse(x.b)).toNumber()}`;
}
function answersDec(x: Case): string {
  const e = decOf(x);
  const rounded = e.toDecimalPlaces(x.dp, x.rm);
  return `${rounded} ${e.cmp(rounded)} ${rounded.cmp(e)} ${e.isNegative()} ${e.isZero()} ${new D(x.a).div(x.b).toNumber()}`;
}

function cpuSeconds(fn: () => void): number {
  const t = process.cpuUsage();
  fn();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1e6;
}

async function benchNum(): Promise<void> {
  const count = Number(process.env.BENCH_NUM_CASES ?? 1_000_000);
  const all = cases(count, 1212);
  for (const x of all) {
    const n = answersNum(x),
      d = answersDec(x);
    if (n !== d)
      throw new Error(`num bench: Num and decimal.js disagree on (${x.a} / ${x.b}) × ${x.w} + ${x.c} / ${x.d} at ${x.dp} places, mode ${x.rm}: ${n} vs ${d}`);
  }
  console.log(
    `${count} cases — (a / b) × w + c / d, rounded to 0–4 places in ${MODES.join(', ')}, compared, signed, the ratio as a JSON number: Num = decimal.js on every one`,
  );
  let sink = 0;
  const round = (x: Case, n: Num | Dec): string => n.toDecimalPlaces(x.dp, x.rm).toString();
  const num = cpuSeconds(() => {
    for (const x of all) sink += round(x, numOf(x)).length;
  });
  const dec = cpuSeconds(() => {
    for (const x of all) sink += round(x, decOf(x)).length;
  });
  if (Number.isNaN(sink)) throw new Error('unreachable');
  const us = (s: number): string => ((1e6 * s) / count).toFixed(2);
  console.log(`  build and round one case: Num ${us(num)} µs, decimal.js ${us(dec)} µs; decimal.js ÷ Num = ${(dec / num).toFixed(1)}× (process CPU)`);
}

export const benchSection: BenchSection = { name: 'num', run: benchNum };
