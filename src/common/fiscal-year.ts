/**
 * The record field that holds its fiscal year, shared by the phases that meet it: the language
 * writes params by year as a choice on it (src/dsl/dated-params.ts), compile declares it as an
 * input (src/compile/dated-params.ts), and the engine writes the caller's `year` option into it
 * and names the period that applied in the trace (src/engine/dated-trace.ts).
 */
export const FISCAL_YEAR_FIELD = 'fiscal_year';
