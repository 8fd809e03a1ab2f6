/**
 * The compiler's decimal type for constant folding (weights, cut-offs, band bounds, awards): a
 * private `decimal.js` clone with plain string output, so sums such as 33.3 + 33.3 + 33.4 are
 * exact and messages never show exponents. The global decimal.js configuration is left alone.
 */
import DecimalJs from 'decimal.js';

// Under ESM the default export is the constructor itself; under CJS interop it is the namespace.
const Base: typeof DecimalJs.Decimal =
  (DecimalJs as unknown as { Decimal?: typeof DecimalJs.Decimal }).Decimal ?? (DecimalJs as unknown as typeof DecimalJs.Decimal);

export const Decimal = Base.clone({ precision: 40, toExpNeg: -1000, toExpPos: 1000 });
export type Decimal = InstanceType<typeof Decimal>;
