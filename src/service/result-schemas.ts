/**
 * JSON Schemas of what evaluation returns — the scorecard of src/engine/result.ts (`EvaluationResult`
 * with its indicators, dimensions, vetoes, lost points, next grade and recommendations), the
 * service's `Evaluation` envelope and a batch item — registered as shared schemas so the OpenAPI
 * document publishes them as components a client generator turns into types. They follow the
 * TypeScript interfaces field for field; objects stay open (no `additionalProperties: false`)
 * because a newer engine may add a field, which must not break an older client. Nested traces and
 * facts are free-form objects: their keys are the rule set's own names.
 */
const str = { type: 'string' } as const;
const num = { type: 'number' } as const;
const nullableNum = { type: ['number', 'null'] } as const;
const nullableStr = { type: ['string', 'null'] } as const;
const freeObject = { type: 'object', additionalProperties: true } as const;

export const rulesetRefSchema = {
  $id: 'RulesetRef',
  type: 'object',
  description: 'Which rule set version decided: `hash` is what `jixiao compile` prints for its files',
  required: ['name', 'version', 'hash'],
  properties: { name: str, version: str, hash: { type: 'string', pattern: '^sha256:[0-9a-f]{64}$' } },
} as const;

const evaluationError = {
  type: 'object',
  required: ['code', 'message'],
  properties: { code: str, message: str, path: str },
} as const;

const reportedScore = {
  type: 'object',
  required: ['points', 'reason', 'differs'],
  properties: { points: num, reason: str, differs: { type: 'boolean' } },
} as const;

const indicatorResult = {
  type: 'object',
  required: ['path', 'name', 'dimension', 'weight', 'value', 'unit', 'target', 'method', 'points', 'status', 'trace'],
  properties: {
    path: str,
    name: str,
    dimension: str,
    weight: num,
    effectiveWeight: num,
    value: { type: ['number', 'string', 'boolean', 'null'] },
    unit: nullableStr,
    target: {
      type: ['object', 'null'],
      required: ['op', 'value'],
      properties: { op: str, value: { type: ['number', 'string', 'null'] }, upper: nullableNum, tolerance: nullableNum },
    },
    method: str,
    points: nullableNum,
    status: { enum: ['scored', 'not_applicable', 'unavailable'] },
    missingPolicy: str,
    error: evaluationError,
    reported: reportedScore,
    trace: { ...freeObject, description: 'Inputs and arithmetic steps (their detail follows ?trace=)' },
  },
} as const;

const dimensionResult = {
  type: 'object',
  required: ['path', 'name', 'weight', 'points', 'status'],
  properties: {
    path: str,
    name: str,
    weight: num,
    effectiveWeight: num,
    points: nullableNum,
    status: { enum: ['scored', 'not_applicable'] },
    reported: reportedScore,
  },
} as const;

const recommendation = {
  type: 'object',
  required: ['rule', 'ruleBlock', 'action', 'reason', 'facts'],
  properties: {
    rule: str,
    ruleBlock: str,
    action: str,
    line: str,
    amount: str,
    percentage: str,
    withinDays: { type: 'integer' },
    level: str,
    text: str,
    reason: str,
    facts: { ...freeObject, description: 'The facts that fired the rule' },
    combined: { type: 'object', required: ['mode', 'from'], properties: { mode: str, from: { type: 'array', items: str } } },
  },
} as const;

export const evaluationResultSchema = {
  $id: 'EvaluationResult',
  type: 'object',
  description: "One record's scorecard (src/engine/result.ts)",
  required: [
    'ruleset',
    'id',
    'status',
    'total',
    'grade',
    'scale',
    'dimensions',
    'indicators',
    'vetoes',
    'lostPoints',
    'nextGrade',
    'recommendations',
    'errors',
    'trace',
  ],
  properties: {
    ruleset: { $ref: 'RulesetRef#' },
    id: str,
    status: { enum: ['ok', 'rejected'] },
    total: nullableNum,
    grade: nullableStr,
    gradeBeforeVeto: str,
    reported: {
      type: 'object',
      description: 'What the record states itself (自评): the form total and grade beside the rule total',
      required: ['total', 'rows', 'grade', 'reason', 'gradeReason', 'differs'],
      properties: { total: nullableNum, rows: nullableNum, grade: nullableStr, reason: str, gradeReason: str, differs: { type: 'boolean' } },
    },
    scale: num,
    dimensions: { type: 'array', items: dimensionResult },
    indicators: { type: 'array', items: indicatorResult },
    vetoes: { type: 'array', items: { type: 'object', required: ['name', 'effect', 'facts'], properties: { name: str, effect: str, facts: freeObject } } },
    lostPoints: { type: 'array', items: { type: 'object', required: ['path', 'lost', 'reason'], properties: { path: str, lost: num, reason: str } } },
    nextGrade: {
      type: ['object', 'null'],
      required: ['grade', 'pointsNeeded', 'candidates'],
      properties: {
        grade: str,
        pointsNeeded: num,
        candidates: { type: 'array', items: { type: 'object', required: ['path', 'available'], properties: { path: str, available: num } } },
      },
    },
    recommendations: { type: 'array', items: recommendation },
    errors: { type: 'array', items: evaluationError },
    findings: {
      type: 'array',
      description: 'Inconsistencies among the reported figures (EVL45x), with their numbers',
      items: { type: 'object', required: ['code', 'message', 'numbers'], properties: { code: str, message: str, path: str, numbers: freeObject } },
    },
    trace: {
      type: 'object',
      required: ['rawTotal', 'applicableWeight', 'steps'],
      properties: { rawTotal: str, applicableWeight: str, steps: { type: 'array' } },
    },
  },
} as const;

export const evaluationSchema = {
  $id: 'Evaluation',
  type: 'object',
  description: 'The answer to one evaluation: the decision-log id, the rule set version and the scorecard',
  required: ['decisionId', 'ruleset', 'result'],
  properties: { decisionId: { type: 'string', format: 'uuid' }, ruleset: { $ref: 'RulesetRef#' }, result: { $ref: 'EvaluationResult#' } },
} as const;

export const batchItemSchema = {
  $id: 'BatchItem',
  type: 'object',
  description: 'One record of a batch, in input order: its result, or its problem',
  required: ['index'],
  properties: {
    index: { type: 'integer', minimum: 0 },
    decisionId: { type: 'string' },
    result: { $ref: 'EvaluationResult#' },
    error: { $ref: 'Problem#' },
  },
} as const;

/** Any record a rule set reads: its own fields are described by GET /rulesets/{name}/schema. */
export const recordSchema = {
  $id: 'Record',
  type: 'object',
  description: 'The record (its fields: GET /rulesets/{name}/schema, checked per rule set); with ?input=envelope a RecordEnvelope { record, context } instead',
  additionalProperties: true,
} as const;

export const resultSchemas = [rulesetRefSchema, evaluationResultSchema, evaluationSchema, batchItemSchema, recordSchema] as const;
