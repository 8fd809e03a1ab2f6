/**
 * Per-record context in service requests: what the caller knows beyond the record — last year's
 * result (`previous.grade`, `previous.total`) and the rectification of last year's problems
 * (`rectification.status`), as `RecommendContext` (src/recommend/facts.ts) — sent in an
 * envelope `{ "record": {…}, "context": {…} }` when the request says `?input=envelope`. Without
 * the flag bodies are bare records exactly as before, so existing clients are unaffected.
 *
 * The schemas here are shared schemas (`$ref`-able by fastify, copied into the OpenAPI
 * components) and also compiled once by a private ajv for envelopes the routes unwrap
 * themselves (a batch item, or a body whose shape depends on the query). Context values are
 * JSON; extra keys are allowed at every level except `__proto__`, `constructor` and
 * `prototype`, which are refused wherever they appear. Never throws for user input.
 */
import * as AjvModule from 'ajv';
import type { RecommendContext } from '../recommend/index.js';
import { fieldErrorsFromAjv, type FieldError } from './problem.js';

// ajv ships CommonJS; under NodeNext the default import may be the module namespace.
const Ajv = ((AjvModule as unknown as { default: unknown }).default ?? AjvModule) as unknown as typeof AjvModule.Ajv;

/** Query values: the body is a bare record (default) or an envelope with context. */
export const INPUT_SHAPES = ['record', 'envelope'] as const;
export type InputShape = (typeof INPUT_SHAPES)[number];

const safeKey = { not: { enum: ['__proto__', 'constructor', 'prototype'] } } as const;

/** Any JSON value whose objects have no unsafe keys, at any depth. */
export const contextValueSchema = {
  $id: 'ContextValue',
  anyOf: [
    // one type per branch: ajv's strict mode refuses a type list inside anyOf (and says so on stderr)
    { type: 'string' },
    { type: 'number' },
    { type: 'boolean' },
    { type: 'null' },
    { type: 'array', items: { $ref: 'ContextValue#' } },
    { type: 'object', propertyNames: safeKey, additionalProperties: { $ref: 'ContextValue#' } },
  ],
} as const;

export const recordContextSchema = {
  $id: 'RecordContext',
  type: 'object',
  description: 'What rules may read besides the record: previous.grade, previous.total, rectification.status (extra keys kept)',
  propertyNames: safeKey,
  properties: {
    stage: { type: 'string' },
    previous: {
      type: 'object',
      description: "Last year's result",
      propertyNames: safeKey,
      properties: { grade: { type: ['string', 'null'] }, total: { type: ['number', 'null'] } },
      additionalProperties: { $ref: 'ContextValue#' },
    },
    rectification: {
      type: 'object',
      description: "Rectification of last year's problems; status as written, e.g. 已整改 / 整改中 / 未整改",
      propertyNames: safeKey,
      properties: { status: { type: 'string' } },
      additionalProperties: { $ref: 'ContextValue#' },
    },
  },
  additionalProperties: { $ref: 'ContextValue#' },
} as const;

export const recordEnvelopeSchema = {
  $id: 'RecordEnvelope',
  type: 'object',
  description: 'A record with its context (request flag ?input=envelope)',
  required: ['record'],
  additionalProperties: false,
  properties: {
    record: { type: 'object', description: 'The record; validated against /rulesets/{name}/schema' },
    context: { $ref: 'RecordContext#' },
  },
} as const;

export type Unwrapped = { ok: true; record: unknown; context?: RecommendContext } | { ok: false; errors: FieldError[] };

const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addSchema(contextValueSchema);
ajv.addSchema(recordContextSchema);
const validateEnvelope = ajv.compile(recordEnvelopeSchema);

interface AjvError {
  instancePath?: string;
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/**
 * Splits an envelope into record and context, or returns field errors (JSON Pointers under
 * `prefix`). An unsafe key is reported at its own path, once, instead of the cascade of anyOf
 * branch errors ajv would list for it.
 */
export function unwrapEnvelope(value: unknown, prefix = ''): Unwrapped {
  if (validateEnvelope(value)) {
    const { record, context } = value as { record: unknown; context?: RecommendContext };
    return context === undefined ? { ok: true, record } : { ok: true, record, context };
  }
  const errors = (validateEnvelope.errors ?? []) as AjvError[];
  const unsafe = errors.filter((e) => e.keyword === 'propertyNames' && typeof e.params?.propertyName === 'string');
  const chosen =
    unsafe.length > 0
      ? unsafe.map((e) => ({ ...e, instancePath: `${e.instancePath ?? ''}/${String(e.params!.propertyName)}`, message: 'is not an allowed key' }))
      : errors.filter((e) => e.keyword !== 'anyOf' || errors.length === 1);
  const seen = new Set<string>();
  const out = fieldErrorsFromAjv(chosen, prefix).filter((e) => {
    const key = `${e.path}\0${e.code ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { ok: false, errors: out };
}
