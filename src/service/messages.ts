/**
 * Every user-facing text the service produces, in one catalogue: problem titles by kind and
 * the detail / field messages route code fills in. Clients and tests match on the problem
 * `type` and on field `path` / `code`, never on this wording, so it may be reworded or
 * translated freely. The diagnostic codes the service itself issues are SRV700 (a rule set
 * could not be prepared) and SRV701 (a compile ran over its time budget) and SRV702 (the compile
 * thread failed; it is restarted for the next job).
 */

export const PROBLEM_TITLES = {
  'bad-request': 'The request is malformed',
  unauthorized: 'A valid bearer token is required',
  'not-found': 'No such resource',
  'unknown-ruleset': 'No rule set of that name is loaded',
  'hash-mismatch': 'The loaded rule set has a different hash than the one pinned',
  'payload-too-large': 'The request body is too large',
  'too-many-records': 'Too many records in one request',
  'unsupported-media-type': 'Unsupported content type',
  'invalid-record': "The record does not match the rule set's data schema",
  'evaluation-failed': 'The record could not be evaluated',
  timeout: 'The request took longer than its time limit',
  'not-ready': 'No rule set is loaded yet',
  'shutting-down': 'The service is shutting down',
  internal: 'Internal error',
} as const;

const q = (s: string): string => JSON.stringify(s);

export const MSG = {
  schemaMismatch: (where: string) => `The request ${where} does not match its schema`,
  internal: () => 'The server could not complete the request',
  noRoute: (method: string, path: string) => `No route for ${method} ${path}`,
  tokenMissing: () => 'Send the header Authorization: Bearer <token>',
  tokenInvalid: () => 'The bearer token is not valid',
  unknownRuleset: (name: string) => `No rule set named ${q(name)} is loaded`,
  nothingLoaded: () => 'no rule sets are loaded',
  loadedNames: (names: string[]) => `loaded: ${names.join(', ')}`,
  hashMismatch: (name: string, loaded: string, pinned: string) => `Rule set ${name} is loaded at hash ${loaded}, not the pinned ${pinned}`,
  loadedHash: (hash: string) => `loaded hash is ${hash}`,
  requestTimeout: (ms: number) => `The request exceeded its ${ms} ms time limit`,
  batchTimeout: (ms: number, done: number) => `The batch exceeded its ${ms} ms time limit after ${done} records`,
  tooManyRecords: (max: number, got?: number) => `A batch may hold at most ${max} records` + (got === undefined ? '' : `, got ${got}`),
  bodyTooLarge: (max: number) => `The request body exceeds ${max} bytes`,
  notAnObject: () => 'A record must be a JSON object',
  mustBeObject: () => 'must be an object',
  recordInvalid: (name: string) => `The record does not match the data schema of ${name}`,
  evaluatorFailed: () => 'The evaluator failed on this record',
  evaluatorRejected: () => 'The evaluator rejected the record',
  lineNotJson: (line: number, why: string) => `Line ${line} is not valid JSON: ${why}`,
  invalidJson: () => 'invalid JSON',
  envelopeInvalid: () => 'With ?input=envelope the body (or batch item) must be { "record": {…}, "context": {…} }; see the RecordEnvelope schema',
  prepareFailed: (name: string, why: string) => `rule set ${name} could not be prepared for evaluation: ${why}`,
  compileOverBudget: (ms: number) => `compiling took longer than its time budget of ${ms} ms and was stopped`,
  compileThreadFailed: (why: string) => `the compile thread failed (${why}); it is restarted for the next compile and the last good version keeps serving`,
} as const;
