/**
 * JSON Schemas of the loop routes (roll-up, sampling, allocation): the requests fastify checks
 * and the documents they answer, which are the documents `jixiao rollup`, `jixiao sample` and
 * `jixiao allocate` print. Records inside are any JSON objects: each is checked by the rule set
 * that scores it (a record it rejects is reported inside the document, as the CLI reports it).
 */
import { problems } from './schemas.js';

const records = (description: string) => ({ type: 'array', items: { type: 'object' }, description }) as const;

export const declarationParams = {
  type: 'object',
  required: ['name'],
  properties: { name: { type: 'string', minLength: 1, maxLength: 200, description: 'Declaration file name without .yaml (rollup-department)' } },
} as const;

const diagnosticsOut = {
  type: 'array',
  items: {
    type: 'object',
    required: ['code', 'severity', 'message'],
    properties: { code: { type: 'string' }, severity: { type: 'string' }, message: { type: 'string' } },
  },
} as const;

export const declarationsSchema = {
  summary: 'The roll-up, sampling and allocation declarations loaded from the rules folder',
  response: {
    200: {
      type: 'object',
      required: ['declarations'],
      properties: {
        declarations: {
          type: 'array',
          items: {
            type: 'object',
            required: ['name', 'kind', 'title', 'file', 'hash'],
            properties: {
              name: { type: 'string' },
              kind: { type: 'string', enum: ['rollup', 'sample', 'allocation'] },
              title: { type: 'string' },
              file: { type: 'string', description: 'Relative to the rules folder' },
              hash: { type: 'string', description: 'sha256 of the file: the decision log cites it' },
              ruleset: { type: 'string', description: 'For a roll-up: the loaded rule set its entities are scored with' },
            },
          },
        },
      },
    },
    ...problems(401),
  },
} as const;

export const rollupSchema = {
  summary: "Roll up departments' or towns' scores from their own records and their members' (两纳入三挂钩)",
  description: 'The answer is the document `jixiao rollup --rules <declaration>` prints for the same records, byte for byte.',
  params: declarationParams,
  body: {
    type: 'object',
    required: ['entities', 'members'],
    additionalProperties: false,
    properties: {
      entities: records("The entities' own records, scored with the declaration's entity rule set"),
      members: {
        type: 'array',
        items: {
          type: 'object',
          required: ['ruleset', 'records'],
          additionalProperties: false,
          properties: {
            ruleset: { type: 'string', minLength: 1, maxLength: 200 },
            records: records('Member records (projects), scored with this loaded rule set'),
          },
        },
      },
    },
  },
  response: {
    200: {
      type: 'object',
      required: ['rollup', 'ruleset', 'entities', 'diagnostics'],
      properties: {
        rollup: { type: 'string' },
        ruleset: { $ref: 'RulesetRef#' },
        entities: {
          type: 'array',
          items: { type: 'object', required: ['id', 'key', 'status', 'own', 'members', 'share', 'total', 'grade', 'recommendations'] },
        },
        diagnostics: diagnosticsOut,
      },
    },
    ...problems(400, 401, 404, 413, 422, 503),
  },
} as const;

export const sampleSchema = {
  summary: 'Pick the projects the finance bureau re-checks (抽查): threshold, high-risk criteria, seeded share of the rest',
  description: 'The answer is the document `jixiao sample --rules <declaration> --seed <seed>` prints for the same records.',
  params: declarationParams,
  body: {
    type: 'object',
    required: ['records', 'seed'],
    additionalProperties: false,
    properties: {
      records: records('Project records or evaluation results'),
      seed: { type: 'integer', minimum: 0, maximum: 4294967295 },
      threshold: { type: 'string', maxLength: 50, description: 'Overrides the declared threshold (500万)' },
      share: { type: 'string', maxLength: 20, description: 'Overrides the declared share (10%)' },
    },
  },
  response: {
    200: {
      type: 'object',
      required: ['sample', 'seed', 'population', 'counts', 'picked', 'diagnostics'],
      properties: {
        sample: { type: 'string' },
        seed: { type: 'integer' },
        population: { type: 'integer' },
        counts: { type: 'object' },
        picked: { type: 'array', items: { type: 'object' } },
        diagnostics: diagnosticsOut,
      },
    },
    ...problems(400, 401, 404, 413, 422, 503),
  },
} as const;

export const allocationSchema = {
  summary: 'Split a special fund by the factor method (因素法), each recipient weighted by its performance grade',
  description: 'The answer is the document `jixiao allocate --pool <pool> --factors <declaration>` prints for the same recipients.',
  params: declarationParams,
  body: {
    type: 'object',
    required: ['pool', 'recipients'],
    additionalProperties: false,
    properties: {
      pool: { type: 'string', maxLength: 50, description: 'The fund to split, in 元 or 万元 ("1200万"), at most two decimals' },
      recipients: records('Evaluation results (with grade), or data records when ruleset is given'),
      ruleset: { type: 'string', minLength: 1, maxLength: 200, description: 'Score the recipients with this loaded rule set first (their grade)' },
    },
  },
  response: {
    200: {
      type: 'object',
      required: ['fund', 'grades', 'diagnostics'],
      properties: { fund: { type: 'string' }, grades: { type: 'object' }, diagnostics: diagnosticsOut },
    },
    ...problems(400, 401, 404, 413, 422, 503),
  },
} as const;
