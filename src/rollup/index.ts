/**
 * Public surface of roll-ups and linkage (两纳入三挂钩), re-check sampling (抽查) and the factor
 * files of special-fund allocation: declarations in YAML, pure functions over scored results,
 * and `runRollup` for the whole path from files.
 */
export { parseRollupDeclaration, type RollupDeclaration } from './declaration.js';
export { rollup, type RollupResult, type RollupEntityResult, type RollupMember, type Scored } from './rollup.js';
export { runRollup, rollupRecords, type MemberSet, type MemberRecords } from './run.js';
export { parseSampleDeclaration, sample, type SampleDeclaration, type SampleResult, type Pick, type PickReason } from './sample.js';
export { parseFactorFile, allocationInput, type FactorFile } from './factors.js';
export { parseCriteria, matchCriteria, type Criterion } from './criteria.js';
export { SeededRandom, parseAmount, parsePercent } from './quantity.js';
export { ROL_MESSAGES, ROL_TERMS, rolDiagnostic, type RolCode, type RolArg } from './messages.js';
