/**
 * Evaluation routes. `POST /rulesets/:name/evaluate` scores one record; `POST
 * /rulesets/:name/evaluate-batch` scores a JSON array or an NDJSON stream (read as it arrives)
 * and answers with a JSON array or NDJSON, one item per record in input order, streamed as the
 * records are evaluated once it outgrows a small held-back prefix (batch-stream.ts). A record that
 * fails validation or evaluation becomes its own error item (a problem document) and the batch
 * goes on; only limits (size, count, time) end a batch early. Every evaluation is written to
 * the decision log and its id is returned in the body and the `x-decision-id` header.
 * With `?input=envelope` a body (or each batch item: array element or NDJSON line) is
 * `{ record, context }` instead of a bare record; the context (last year's result,
 * rectification status) reaches the recommendation rules (see record-context.ts).
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { assertInTime, lookup, remainingMs, type ServiceContext } from './context.js';
import type { LoadedRuleSet } from './loader.js';
import { GROUP_SIZE, readNdjson } from './ndjson.js';
import { problemOf, ServiceProblem, type FieldError, type ProblemKind } from './problem.js';
import { JSON_ARRAY_FRAMING, lateProblemKind, NDJSON_FRAMING, streamBatch } from './batch-stream.js';
import { evaluateBatchSchema, evaluateSchema } from './schemas.js';
import type { EvaluationResult, TraceLevel } from '../engine/result.js';
import { MSG } from './messages.js';
import { currentLang, inLang, runInLang } from './language.js';
import { unwrapEnvelope, type InputShape } from './record-context.js';
import type { RecommendContext } from '../recommend/index.js';

interface Failure {
  ok: false;
  kind: ProblemKind;
  detail: string;
  errors: FieldError[];
  decisionId?: string;
}
type Outcome = { ok: true; decisionId: string; result: EvaluationResult } | Failure;

function failure(kind: ProblemKind, detail: string, errors: FieldError[] = [], decisionId?: string): Failure {
  return decisionId === undefined ? { ok: false, kind, detail, errors } : { ok: false, kind, detail, errors, decisionId };
}

const NDJSON = 'application/x-ndjson';

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `evaluateRecord`, counted in /metrics: evaluations by outcome, refusals by problem kind. */
async function evaluateOne(
  ctx: ServiceContext,
  rs: LoadedRuleSet,
  record: unknown,
  context: RecommendContext | undefined,
  trace: TraceLevel | undefined,
): Promise<Outcome> {
  const outcome = await evaluateRecord(ctx, rs, record, context, trace);
  if (outcome.ok) ctx.metrics.evaluated(rs.name, 'ok');
  else {
    if (outcome.kind === 'evaluation-failed') ctx.metrics.evaluated(rs.name, 'rejected');
    ctx.metrics.refused(outcome.kind);
  }
  return outcome;
}

/** Validates, evaluates and logs one record; user-caused failures come back as a problem. */
async function evaluateRecord(
  ctx: ServiceContext,
  rs: LoadedRuleSet,
  record: unknown,
  context: RecommendContext | undefined,
  trace: TraceLevel | undefined,
): Promise<Outcome> {
  if (!isPlainRecord(record)) {
    return failure('invalid-record', MSG.notAnObject(), [{ path: '/', message: MSG.mustBeObject(), code: 'type' }]);
  }
  const lang = currentLang();
  const fieldErrors = rs.prepared.validate(record, lang);
  if (fieldErrors.length > 0) return failure('invalid-record', MSG.recordInvalid(rs.name), fieldErrors);
  let result: EvaluationResult;
  try {
    result = await rs.prepared.evaluate(record, context, trace, lang);
  } catch {
    // The library promises not to throw for user data; a throw is its bug, reported as 500.
    return failure('internal', MSG.evaluatorFailed());
  }
  const entry = ctx.decisions.record(rs, record, result, context);
  if (result.status === 'rejected') {
    const errors = result.errors.map((e) => ({ path: e.path ?? '/', message: e.message, code: e.code }));
    return failure('evaluation-failed', MSG.evaluatorRejected(), errors, entry.decisionId);
  }
  return { ok: true, decisionId: entry.decisionId, result };
}

/** One batch item: a bare record, or (with `envelopeAt`, its JSON Pointer) an envelope with context. */
async function evaluateItem(
  ctx: ServiceContext,
  rs: LoadedRuleSet,
  value: unknown,
  envelopeAt: string | undefined,
  trace: TraceLevel | undefined,
): Promise<Outcome> {
  if (envelopeAt === undefined) return evaluateOne(ctx, rs, value, undefined, trace);
  const unwrapped = unwrapEnvelope(value, envelopeAt);
  if (!unwrapped.ok) {
    ctx.metrics.refused('bad-request');
    return failure('bad-request', MSG.envelopeInvalid(), unwrapped.errors);
  }
  return evaluateOne(ctx, rs, unwrapped.record, unwrapped.context, trace);
}

/**
 * Response JSON is assembled as text so the result keeps the engine's declared key order
 * (`serializeResult`): the same record and rule set give byte-identical bodies.
 */
function resultJson(ctx: ServiceContext, result: EvaluationResult): string {
  return ctx.toolchain.serializeResult(result);
}

function batchItem(ctx: ServiceContext, index: number, outcome: Outcome, instance: string): string {
  if (outcome.ok) return `{"index":${index},"decisionId":${JSON.stringify(outcome.decisionId)},"result":${resultJson(ctx, outcome.result)}}`;
  const error = problemOf(outcome.kind, outcome.detail, instance, outcome.errors);
  return JSON.stringify(outcome.decisionId === undefined ? { index, error } : { index, decisionId: outcome.decisionId, error });
}

function wantsNdjson(request: FastifyRequest, format: string | undefined): boolean {
  if (format !== undefined) return format === 'ndjson';
  const accept = request.headers.accept ?? '';
  if (accept.includes(NDJSON)) return true;
  if (accept.includes('application/json')) return false;
  return (request.headers['content-type'] ?? '').startsWith(NDJSON);
}

type BatchInput = { ok: true; value: unknown } | { ok: false; message: string; line: number };

/**
 * Records of a batch body, whichever format it came in, in groups of at most GROUP_SIZE (one
 * asynchronous step per group, not per record); parse errors come through as items.
 */
async function* recordsOf(request: FastifyRequest, ctx: ServiceContext): AsyncGenerator<BatchInput[]> {
  const body = request.body as unknown;
  if (Array.isArray(body)) {
    if (body.length > ctx.limits.maxRecords) {
      throw new ServiceProblem('too-many-records', MSG.tooManyRecords(ctx.limits.maxRecords, body.length));
    }
    for (let i = 0; i < body.length; i += GROUP_SIZE) yield body.slice(i, i + GROUP_SIZE).map((value: unknown) => ({ ok: true as const, value }));
    return;
  }
  const declared = Number(request.headers['content-length'] ?? '0');
  if (declared > ctx.limits.maxBodyBytes) {
    throw new ServiceProblem('payload-too-large', MSG.bodyTooLarge(ctx.limits.maxBodyBytes), [], { connection: 'close' });
  }
  yield* readNdjson(body as Readable, { maxBytes: ctx.limits.maxBodyBytes, maxRecords: ctx.limits.maxRecords });
}

export function registerEvaluateRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  // NDJSON bodies reach the handler as the raw stream so records are evaluated as they arrive.
  app.addContentTypeParser(NDJSON, (_request, payload, done) => done(null, payload));

  app.post<{ Params: { name: string }; Querystring: { hash?: string; input?: InputShape; trace?: TraceLevel } }>(
    '/rulesets/:name/evaluate',
    { schema: evaluateSchema },
    async (request, reply) => {
      const rs = lookup(request, request.params.name, request.query.hash);
      assertInTime(request, ctx.limits);
      let record: unknown = request.body;
      let context: RecommendContext | undefined;
      if (request.query.input === 'envelope') {
        const unwrapped = unwrapEnvelope(request.body);
        if (!unwrapped.ok) ctx.metrics.refused('bad-request');
        if (!unwrapped.ok) throw new ServiceProblem('bad-request', MSG.envelopeInvalid(), unwrapped.errors, { 'x-ruleset-hash': rs.hash });
        record = unwrapped.record;
        context = unwrapped.context;
      }
      const outcome = await evaluateOne(ctx, rs, record, context, request.query.trace);
      const headers: Record<string, string> = { 'x-ruleset-hash': rs.hash };
      if (outcome.decisionId !== undefined) headers['x-decision-id'] = outcome.decisionId;
      if (!outcome.ok) throw new ServiceProblem(outcome.kind, outcome.detail, outcome.errors, headers);
      reply.headers(headers).type('application/json; charset=utf-8');
      const ruleset = JSON.stringify({ name: rs.name, version: rs.version, hash: rs.hash });
      return `{"decisionId":${JSON.stringify(outcome.decisionId)},"ruleset":${ruleset},"result":${resultJson(ctx, outcome.result)}}`;
    },
  );

  app.post<{ Params: { name: string }; Querystring: { hash?: string; format?: 'json' | 'ndjson'; input?: InputShape; trace?: TraceLevel } }>(
    '/rulesets/:name/evaluate-batch',
    { schema: evaluateBatchSchema },
    async (request, reply) => {
      const rs = lookup(request, request.params.name, request.query.hash);
      const ndjsonOut = wantsNdjson(request, request.query.format);
      const lang = request.lang;
      const body = await streamBatch(inLang(lang, batchItems(ctx, request, rs, request.query.input === 'envelope', request.query.trace)), {
        framing: ndjsonOut ? NDJSON_FRAMING : JSON_ARRAY_FRAMING,
        lateProblem: (error, index) =>
          runInLang(lang, () => {
            const late = lateProblemKind(error);
            if (late === null) request.log.error({ err: error }, 'batch failed while streaming');
            const problem = late === null ? problemOf('internal', MSG.internal(), request.url) : problemOf(late.kind, late.detail, request.url, late.errors);
            return { index, error: problem };
          }),
      });
      reply.header('x-ruleset-hash', rs.hash);
      reply.type(ndjsonOut ? NDJSON : 'application/json; charset=utf-8');
      return body;
    },
  );
}

/**
 * The items of one batch as their response text, in input order, a group at a time (as the
 * records came), produced only as fast as they are consumed. Limits throw a `ServiceProblem`
 * after the items made before them: the time budget (checked between records, and raced against
 * each read so a stalled upload cannot outlast it), the record and byte limits.
 */
async function* batchItems(
  ctx: ServiceContext,
  request: FastifyRequest,
  rs: LoadedRuleSet,
  envelope: boolean,
  trace: TraceLevel | undefined,
): AsyncGenerator<string[]> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'timeout'>((r) => {
    timer = setTimeout(() => r('timeout'), Math.max(0, remainingMs(request, ctx.limits)));
  });
  const timeout = (index: number) =>
    // the unread rest of the upload is dropped with the connection
    new ServiceProblem('timeout', MSG.batchTimeout(ctx.limits.timeoutMs, index), [], { connection: 'close' });
  const groups = recordsOf(request, ctx)[Symbol.asyncIterator]();
  let index = 0;
  let sinceTurn = 0;
  try {
    for (;;) {
      const pending = groups.next();
      pending.catch(() => undefined); // an abandoned read may fail later; nobody awaits it then
      const next = await Promise.race([pending, deadline]);
      if (next === 'timeout' || remainingMs(request, ctx.limits) < 0) throw timeout(index);
      if (next.done === true) return;
      const out: string[] = [];
      for (const item of next.value) {
        if (remainingMs(request, ctx.limits) < 0) {
          if (out.length > 0) yield out;
          throw timeout(index);
        }
        const outcome: Outcome = item.ok
          ? await evaluateItem(ctx, rs, item.value, envelope ? `/${index}` : undefined, trace)
          : failure('bad-request', MSG.lineNotJson(item.line, item.message), [{ path: `/${index}`, message: MSG.invalidJson(), code: 'json' }]);
        out.push(batchItem(ctx, index, outcome, `${request.url}#/${index}`));
        index++;
      }
      yield out;
      // Let timers, other requests and the deadline run during long batches.
      sinceTurn += out.length;
      if (sinceTurn >= GROUP_SIZE) {
        sinceTurn = 0;
        await yieldToLoop();
      }
    }
  } finally {
    clearTimeout(timer);
    // not awaited: a reader stuck on a stalled upload would hold the answer until it moved
    groups.return?.(undefined).catch(() => undefined);
  }
}
