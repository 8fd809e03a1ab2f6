/**
 * Public surface of data loading: reading records from files and stdin, the safety guard and
 * the schema validator compiled from a rule set's IR.
 */
export { readRecords, SourcedRecord } from './read-records.js';
export type { ReadOptions } from './read-records.js';
export { checkRecord, recordId } from './guard.js';
export { createRecordValidator } from './validate.js';
export type { RecordValidator } from './validate.js';
