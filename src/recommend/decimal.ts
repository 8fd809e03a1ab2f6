/**
 * The decimal type of the recommendation stage's own arithmetic: amounts once an expression has
 * been evaluated (base × percentage, sums and caps of combined recommendations), allocation
 * shares and roll-up quantities. Expressions themselves are evaluated by the engine
 * (src/engine/expr.ts) and arrive here through one conversion (exprs.ts); this type only keeps the
 * money that follows exact. 50 significant digits with half-up rounding leave allocation's 30
 * decimal places of cents intact for pools up to 10^18; a clone, so the global decimal.js
 * configuration is never touched.
 */
import { Decimal } from 'decimal.js';

export const Dec = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof Dec>;
