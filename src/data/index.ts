/**
 * Public surface of data loading: reading records from files and stdin, the safety guard, the
 * schema validator compiled from a rule set's IR, the record's reported block (自评得分) and the
 * official 自评表 reader with its form mapping.
 */
export { readRecords, SourcedRecord } from './read-records.js';
export type { ReadOptions } from './read-records.js';
export { checkRecord, recordId } from './guard.js';
export { createRecordValidator } from './validate.js';
export type { RecordValidator } from './validate.js';
export { readReported, reportedIndex } from './reported.js';
export type { ReportedData, ReportedFunds, ReportedIndex, ReportedPoints } from './reported.js';
export { defaultFormMapping, parseFormMapping, LABEL_DEFAULTS } from './forms/form-mapping.js';
export type { FormMapping, FormRow, LabelKey } from './forms/form-mapping.js';
export { readFormSheet, readFormWorkbook } from './forms/read-form.js';
export type { FormProblem, FormRecord } from './forms/read-form.js';
