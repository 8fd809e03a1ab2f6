/**
 * What every scoring method shares: the indicator frame a method reads (value, target, weight
 * and their printed forms), the tracer it writes its arithmetic into, literal-aware award
 * closures (a band's `80%` is computed once per weight, not per record) and the clamp that
 * keeps points inside [0, weight].
 */
import type { AwardIR } from '../compile/ir.js';
import type { TraceStep } from './result.js';
import { Num, ZERO, cmpNum } from './num.js';
import { compileExpr, type Ctx, type ExprEnv, type Fn, type Frame } from './expr.js';
import { printAward } from './print.js';
import { asNumber, isFail, type Fail, type Val } from './values.js';

export interface IndicatorFrame extends Frame {
  /** `weight.toString()`, computed once per indicator plan (traces print the weight often). */
  weightText?: string;
  /** `value.toString()` when the trace printed a decimal value already (see `shown`). */
  valueString?: string;
  targetOp?: '>=' | '<=' | '=' | 'between';
  upper?: Val;
  tolerance?: Num;
}

export interface Tracer {
  /** False when the caller asked for no trace: steps are then not even formatted. */
  on: boolean;
  steps: TraceStep[];
  hit: string[];
  /** A problem that did not stop scoring (an expert score clipped to the weight). */
  warning?: Fail;
}

export type ScoreFn = (ctx: Ctx, f: IndicatorFrame, t: Tracer) => Num | Fail;
export type AwardFn = (ctx: Ctx, f: IndicatorFrame) => Num | Fail;

export function compileAward(a: AwardIR, env: ExprEnv): AwardFn {
  const v = compileExpr(a.value, env);
  const label = printAward(a);
  if (a.value.kind === 'number') {
    // A literal award (`80%`, `3`): the same decimal for every record. A fraction also depends
    // on the weight, which is fixed per indicator, so the product is kept for the last weight
    // seen (decimals are immutable; sharing the instance is safe).
    const n = Num.parse(a.value.value);
    if (a.kind !== 'fraction') return () => n;
    let lastWeight: Num | undefined,
      lastPoints = ZERO;
    return (_ctx, f) => {
      if (f.weight !== lastWeight) {
        lastPoints = f.weight.times(n);
        lastWeight = f.weight;
      }
      return lastPoints;
    };
  }
  if (a.kind === 'fraction') {
    return (ctx, f) => {
      const n = asNumber(v(ctx, f), label);
      return isFail(n) ? n : f.weight.times(n);
    };
  }
  return (ctx, f) => asNumber(v(ctx, f), label);
}

export function num(fn: Fn, ctx: Ctx, f: Frame, label: string): Num | Fail {
  return asNumber(fn(ctx, f), label);
}

/** A decimal as the trace prints it, reusing the value's text when it is the indicator's value. */
export function shown(d: Num, f: IndicatorFrame): string {
  return d === f.value && f.valueString !== undefined ? f.valueString : d.toString();
}

/** Keeps points inside [0, weight] and says so in the trace when it had to. */
export function capToWeight(p: Num, f: Frame, t: Tracer): Num {
  if (cmpNum(p, f.weight) > 0) {
    t.on && t.steps.push({ what: `capped at the weight: min(${p}, ${f.weight})`, result: f.weight.toString() });
    return f.weight;
  }
  if (p.isNegative() && !p.isZero()) {
    t.on && t.steps.push({ what: `floor at 0: max(${p}, 0)`, result: '0' });
    return ZERO;
  }
  return p;
}
