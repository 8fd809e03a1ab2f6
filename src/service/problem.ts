/**
 * Every error the service returns is an RFC 9457 problem document served as
 * `application/problem+json`: `type`, `title`, `status`, `detail`, `instance` and `errors`, a
 * list of `{ path, message, code? }` naming the offending field (a JSON Pointer into the body
 * or query, or a data path of the record). `ServiceProblem` is the one error class route code
 * throws for user-caused failures; `installProblemHandlers` turns it, fastify's own errors
 * (schema validation, body too large, bad media type) and unknown routes into that shape, so
 * clients parse one error format everywhere. Problem `type` URIs are stable; titles are prose.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { MSG, type PROBLEM_TITLES, problemTitle } from './messages.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';
const TYPE_PREFIX = 'urn:jixiao:problem:';

export interface FieldError {
  /** JSON Pointer (`/items/0/budget`) or record data path (`data.budget.adjusted`). */
  path: string;
  message: string;
  code?: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  errors: FieldError[];
}

/** Stable problem kinds: the slug becomes `urn:jixiao:problem:<slug>`. */
export const PROBLEM_KINDS = {
  'bad-request': { status: 400 },
  unauthorized: { status: 401 },
  'not-found': { status: 404 },
  'unknown-ruleset': { status: 404 },
  'hash-mismatch': { status: 409 },
  'payload-too-large': { status: 413 },
  'too-many-records': { status: 413 },
  'unsupported-media-type': { status: 415 },
  'invalid-record': { status: 422 },
  'evaluation-failed': { status: 422 },
  'invalid-input': { status: 422 },
  timeout: { status: 503 },
  'not-ready': { status: 503 },
  'shutting-down': { status: 503 },
  internal: { status: 500 },
} as const satisfies Record<keyof typeof PROBLEM_TITLES, { status: number }>;

export type ProblemKind = keyof typeof PROBLEM_KINDS;

/** The error route code throws for a user-caused failure; the error handler renders it. */
export class ServiceProblem extends Error {
  readonly kind: ProblemKind;
  readonly status: number;
  readonly errors: FieldError[];
  readonly headers: Record<string, string>;

  constructor(kind: ProblemKind, detail: string, errors: FieldError[] = [], headers: Record<string, string> = {}) {
    super(detail);
    this.kind = kind;
    this.status = PROBLEM_KINDS[kind].status;
    this.errors = errors;
    this.headers = headers;
  }
}

export function problemOf(kind: ProblemKind, detail: string, instance: string, errors: FieldError[] = []): Problem {
  return { type: TYPE_PREFIX + kind, title: problemTitle(kind), status: PROBLEM_KINDS[kind].status, detail, instance, errors };
}

/** The shape of a problem document, for route response schemas and the OpenAPI document. */
export const problemSchema = {
  $id: 'Problem',
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'instance', 'errors'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['path', 'message'],
        properties: { path: { type: 'string' }, message: { type: 'string' }, code: { type: 'string' } },
      },
    },
  },
} as const;

interface AjvLikeError {
  instancePath?: string;
  schemaPath?: string;
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** ajv errors → field errors; a missing property is reported at the property's own path. */
export function fieldErrorsFromAjv(errors: readonly AjvLikeError[], prefix = ''): FieldError[] {
  return errors.map((e) => {
    let path = e.instancePath ?? '';
    // A missing or unexpected property is reported at that property's own path.
    const named =
      e.keyword === 'required' ? e.params?.['missingProperty'] : e.keyword === 'additionalProperties' ? e.params?.['additionalProperty'] : undefined;
    if (typeof named === 'string') path += '/' + named.replace(/~/g, '~0').replace(/\//g, '~1');
    const out: FieldError = { path: prefix + path || '/', message: MSG.ajv(e.keyword, e.params) };
    if (e.keyword !== undefined) out.code = e.keyword;
    return out;
  });
}

function kindForFastifyError(err: FastifyError): ProblemKind {
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'payload-too-large';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return err.statusCode === 415 ? 'unsupported-media-type' : 'bad-request';
    default:
      break;
  }
  const status = err.statusCode ?? 500;
  if (status === 413) return 'payload-too-large';
  if (status === 415) return 'unsupported-media-type';
  if (status === 503) return 'shutting-down';
  if (status >= 400 && status < 500) return 'bad-request';
  return 'internal';
}

export function sendProblem(reply: FastifyReply, problem: Problem, headers: Record<string, string> = {}): FastifyReply {
  for (const [k, v] of Object.entries(headers)) reply.header(k, v);
  // A 413 is sent before the upload has been read to its end (fastify's body limit stops a
  // chunked JSON body part-way too); keeping the connection would leave the client sending
  // into it, or read its rest as the next request. Node ends the socket after this response.
  if (problem.status === 413) reply.header('connection', 'close');
  return reply.code(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}

/** Installs the error and not-found handlers that make every failure a problem document. */
export function installProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | ServiceProblem, request: FastifyRequest, reply: FastifyReply) => {
    const instance = request.url;
    if (error instanceof ServiceProblem) {
      return sendProblem(reply, problemOf(error.kind, error.message, instance, error.errors), error.headers);
    }
    if (error.validation) {
      const where = error.validationContext === 'querystring' ? 'query' : (error.validationContext ?? 'body');
      const prefix = where === 'body' ? '' : '/' + where;
      return sendProblem(reply, problemOf('bad-request', MSG.schemaMismatch(where), instance, fieldErrorsFromAjv(error.validation, prefix)));
    }
    const kind = kindForFastifyError(error);
    if (kind === 'internal') request.log.error({ err: error }, 'unhandled error');
    // Internal details stay in the log; the client learns only that something failed.
    const detail = kind === 'internal' ? MSG.internal() : error.message;
    return sendProblem(reply, problemOf(kind, detail, instance));
  });
  app.setNotFoundHandler((request, reply) => {
    sendProblem(reply, problemOf('not-found', MSG.noRoute(request.method, request.url.split('?')[0] ?? ''), request.url));
  });
}
