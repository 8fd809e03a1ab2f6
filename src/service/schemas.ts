/**
 * JSON Schemas of every route's parameters, query, body and responses. They are the single
 * source for three things: fastify validates requests with them (ajv), the OpenAPI document is
 * generated from them, and the tests validate real responses against them. Response schemas are
 * documentation and test oracles only — the server serialises with plain `JSON.stringify`, so a
 * schema can never silently drop a field of a result.
 */
import { TRACE_LEVELS } from '../engine/result.js';
import { problemSchema } from './problem.js';
import { resultSchemas } from './result-schemas.js';
import { contextValueSchema, INPUT_SHAPES, recordContextSchema, recordEnvelopeSchema } from './record-context.js';

const problemRef = { $ref: 'Problem#' } as const;

export const nameParams = {
  type: 'object',
  required: ['name'],
  properties: { name: { type: 'string', minLength: 1, maxLength: 200, description: 'Rule set (framework) name' } },
} as const;

export const hashQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    hash: { type: 'string', minLength: 1, maxLength: 100, description: 'Pin the rule set version: 409 when the loaded hash differs' },
  },
} as const;

const inputQuery = {
  input: {
    type: 'string',
    enum: INPUT_SHAPES,
    description: 'record (default): the body is the record; envelope: { record, context } (see RecordEnvelope), per item in a batch',
  },
  trace: {
    type: 'string',
    enum: TRACE_LEVELS,
    description:
      'How much explanation each result carries: full (default: inputs and arithmetic steps), summary (what decided each number), none (numbers only; the trace fields stay, empty)',
  },
} as const;

export const evaluateQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { ...hashQuery.properties, ...inputQuery },
} as const;

export const batchQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ...hashQuery.properties,
    ...inputQuery,
    format: { type: 'string', enum: ['json', 'ndjson'], description: 'Response format; default follows Accept, else the request body format' },
  },
} as const;

const rulesetRef = { $ref: 'RulesetRef#' } as const;

const rulesetSummary = {
  type: 'object',
  required: ['name', 'version', 'hash', 'title', 'loadedAt', 'files'],
  properties: {
    name: { type: 'string' },
    version: { type: 'string' },
    hash: { type: 'string', description: 'What `jixiao compile <files…> --framework <name>` prints as `hash`, run in the rules folder' },
    title: { type: ['string', 'null'] },
    loadedAt: { type: 'string' },
    files: { type: 'array', items: { type: 'string' }, description: 'The files compiled, in order, relative to the rules folder' },
  },
} as const;

const diagnosticSchema = {
  type: 'object',
  required: ['code', 'severity', 'message', 'file', 'range'],
  properties: {
    code: { type: 'string' },
    severity: { enum: ['error', 'warning', 'info'] },
    message: { type: 'string' },
    file: { type: 'string' },
    range: { type: 'object' },
    hint: { type: 'string' },
  },
} as const;

const evaluationRef = { $ref: 'Evaluation#' } as const;
const batchItemRef = { $ref: 'BatchItem#' } as const;

export const problems = (...codes: number[]): Record<string, unknown> =>
  Object.fromEntries(codes.map((c) => [String(c), { ...problemRef, description: 'Problem document (application/problem+json)' }]));

export const healthSchema = {
  summary: 'Liveness: the process is up',
  response: { 200: { type: 'object', required: ['status'], properties: { status: { const: 'ok' } } } },
} as const;

export const readySchema = {
  summary: 'Readiness: rule sets loaded, load failures with diagnostics, last good hash in use',
  description: 'Public. When the service has a token, a request without it gets only `status` (ready or not_ready); the details need the token.',
  response: {
    200: { $ref: 'Readiness#' },
    503: { $ref: 'Readiness#' },
  },
} as const;

export const readinessSchema = {
  $id: 'Readiness',
  type: 'object',
  description: 'Only `status` (ready or not_ready) without the token when one is configured; with it (or with no token configured) all fields.',
  required: ['status'],
  properties: {
    status: { enum: ['ready', 'degraded', 'not_ready'] },
    generation: { type: 'integer' },
    loadedAt: { type: 'string' },
    rulesets: { type: 'array', items: rulesetRef },
    failures: {
      type: 'array',
      items: {
        type: 'object',
        required: ['file', 'diagnostics', 'keeping'],
        properties: {
          file: { type: 'string' },
          diagnostics: { type: 'array', items: diagnosticSchema },
          keeping: {
            type: 'array',
            description: 'Rule sets still served at their last good version',
            items: { type: 'object', required: ['name', 'hash'], properties: { name: { type: 'string' }, hash: { type: 'string' } } },
          },
        },
      },
    },
    decisionLog: { type: 'object', properties: { ok: { type: 'boolean' }, error: { type: 'string' } } },
  },
} as const;

export const listSchema = {
  summary: 'Loaded rule sets',
  response: {
    200: { type: 'object', required: ['rulesets'], properties: { rulesets: { type: 'array', items: rulesetSummary } } },
    ...problems(401),
  },
} as const;

export const irSchema = {
  summary: 'The compiled rule set (IR)',
  params: nameParams,
  response: {
    200: { type: 'object', required: ['name', 'version', 'hash', 'nodes'], description: 'RuleSetIR (src/compile/ir.ts)' },
    ...problems(401, 404),
  },
} as const;

export const dataSchemaSchema = {
  summary: 'JSON Schema of the records this rule set reads',
  params: nameParams,
  response: { 200: { type: 'object', description: 'JSON Schema 2020-12' }, ...problems(401, 404) },
} as const;

export const docsSchema = {
  summary: "A readable table of the rule set's indicators",
  params: nameParams,
  response: {
    200: {
      type: 'object',
      required: ['name', 'version', 'hash', 'title', 'indicators'],
      properties: {
        name: { type: 'string' },
        version: { type: 'string' },
        hash: { type: 'string' },
        title: { type: ['string', 'null'] },
        indicators: {
          type: 'array',
          items: {
            type: 'object',
            required: ['path', 'name', 'weight', 'method', 'target', 'refs'],
            properties: {
              path: { type: 'string' },
              name: { type: 'string' },
              weight: { type: 'string' },
              method: { type: 'string' },
              value: { type: ['string', 'null'] },
              target: { type: ['string', 'null'] },
              refs: { type: 'array', items: { type: 'string' } },
            },
          },
        },
      },
    },
    ...problems(401, 404),
  },
} as const;

export const evaluateSchema = {
  summary: 'Evaluate one record',
  params: nameParams,
  querystring: evaluateQuery,
  // One object schema: which shape it is depends on ?input, checked by the route (record-context.ts).
  body: { $ref: 'Record#' },
  response: { 200: evaluationRef, ...problems(400, 401, 404, 409, 413, 422, 503) },
} as const;

export const evaluateBatchSchema = {
  summary: 'Evaluate many records (JSON array or NDJSON stream); results in input order',
  description:
    'A large response is streamed as records are evaluated; a limit (time, record count, body size) reached after it started is its last item, { index, error: Problem }.',
  params: nameParams,
  querystring: batchQuery,
  body: {
    content: {
      'application/json': {
        // Items are any JSON: an item that is not a record becomes that item's own problem, not a 400.
        schema: { type: 'array', items: { description: 'A Record; with ?input=envelope a RecordEnvelope' } },
      },
      'application/x-ndjson': { schema: { description: 'One JSON record per line; with ?input=envelope one RecordEnvelope { record, context } per line' } },
    },
  },
  response: {
    200: { type: 'array', items: batchItemRef, description: 'JSON array, or one item per line as application/x-ndjson' },
    ...problems(400, 401, 404, 409, 413, 415, 503),
  },
} as const;

export const checkSchema = {
  summary: "Check an indicator file's text; diagnostics as data",
  body: {
    content: {
      'application/json': {
        schema: {
          type: 'object',
          required: ['text'],
          additionalProperties: false,
          properties: {
            text: { type: 'string' },
            file: { type: 'string', minLength: 1, maxLength: 500, description: 'Name shown in diagnostics (default <input>)' },
          },
        },
      },
      'text/plain': { schema: { type: 'string', description: 'The file text itself' } },
    },
  },
  response: {
    200: {
      type: 'object',
      required: ['ok', 'diagnostics', 'formatted'],
      properties: {
        ok: { type: 'boolean' },
        diagnostics: { type: 'array', items: diagnosticSchema },
        formatted: { type: 'array', items: { type: 'string' } },
      },
    },
    ...problems(400, 401, 413),
  },
} as const;

export const metricsSchema = {
  summary: 'Prometheus metrics (text exposition format)',
  description:
    'Requests by route and status, latency histogram, evaluations, rejections, reloads, jixiao_ruleset_info{name,version,hash} and process metrics. Needs the bearer token when one is configured.',
  response: { 200: { type: 'string', description: 'text/plain; version=0.0.4' }, ...problems(401) },
} as const;

export const openapiRouteSchema = {
  summary: 'This OpenAPI 3.1 document',
  response: { 200: { type: 'object' }, ...problems(401) },
} as const;

/** Shared schemas registered with fastify (`$ref`-able) and copied into the OpenAPI components. */
export const sharedSchemas = [problemSchema, readinessSchema, contextValueSchema, recordContextSchema, recordEnvelopeSchema, ...resultSchemas] as const;
