/**
 * The loop's other steps over HTTP, beside evaluation: `GET /declarations` lists the roll-up,
 * sampling and allocation declarations loaded from the rules folder (declarations.ts);
 * `POST /rollups/:name`, `POST /samples/:name` and `POST /allocations/:name` run one with the
 * posted records and answer the document the CLI prints for the same files (`jixiao rollup`,
 * `sample`, `allocate`), byte for byte. They share evaluation's guards: the body schema and
 * size, the record limit (all records of a request together), the time budget, the bearer
 * token, the request's language; and each answered step is a decision-log line citing the
 * declaration's hash, the rule sets that scored and the input's hash, its id in `x-decision-id`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { relative } from 'node:path';
import type { Diagnostic } from '../common/diagnostic.js';
import { assertInTime, lookup, type ServiceContext } from './context.js';
import type { LoadedDeclaration } from './declarations.js';
import { currentLang } from './language.js';
import type { LoadedRuleSet } from './loader.js';
import { MSG } from './messages.js';
import { ServiceProblem, type FieldError } from './problem.js';
import { allocationSchema, declarationsSchema, rollupSchema, sampleSchema } from './schemas-loop.js';
import type { LoopKind, LoopToolchain } from './toolchain.js';

type Rows = Record<string, unknown>[];

interface RollupBody {
  entities: Rows;
  members: { ruleset: string; records: Rows }[];
}
interface SampleBody {
  records: Rows;
  seed: number;
  threshold?: string;
  share?: string;
}
interface AllocationBody {
  pool: string;
  recipients: Rows;
  ruleset?: string;
}

const refOf = (rs: LoadedRuleSet): { name: string; version: string; hash: string } => ({ name: rs.name, version: rs.version, hash: rs.hash });

function declarationOf(request: FastifyRequest, name: string, kind: LoopKind): LoadedDeclaration {
  const found = request.snapshot.declarations.get(name);
  if (found === undefined || found.kind !== kind) throw new ServiceProblem('not-found', MSG.unknownDeclaration(kind, name));
  return found;
}

function loopOf(ctx: ServiceContext, kind: LoopKind, name: string): LoopToolchain {
  if (ctx.toolchain.loop === undefined) throw new ServiceProblem('not-found', MSG.unknownDeclaration(kind, name));
  return ctx.toolchain.loop;
}

function checkCount(ctx: ServiceContext, count: number): void {
  if (count > ctx.limits.maxRecords) throw new ServiceProblem('too-many-records', MSG.loopTooManyRecords(ctx.limits.maxRecords, count));
}

/** Problems with the input as field errors: `/<option>` for a bad option, else the diagnostic's code. */
function refuse(ctx: ServiceContext, kind: LoopKind, diagnostics: readonly Diagnostic[]): never {
  ctx.metrics.stepped(kind, 'invalid');
  const errors: FieldError[] = diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => ({ path: d.code === 'SRV710' ? `/${d.file}` : '/', message: d.hint === undefined ? d.message : `${d.message}（${d.hint}）`, code: d.code }));
  throw new ServiceProblem(errors.every((e) => e.code === 'SRV710') ? 'bad-request' : 'invalid-input', MSG.loopInputInvalid(kind), errors);
}

/** Logs the answered step, counts it and sends its document with the decision id. */
function answer(
  ctx: ServiceContext,
  reply: FastifyReply,
  step: LoopKind,
  request: { decl: LoadedDeclaration; rulesets: LoadedRuleSet[]; body: unknown; summary: Record<string, unknown> },
  document: string,
): string {
  const entry = ctx.decisions.step(step, request.decl, request.rulesets.map(refOf), request.body, request.summary);
  ctx.metrics.stepped(step, 'ok');
  reply.header('x-decision-id', entry.decisionId).type('application/json; charset=utf-8');
  return document;
}

export function registerLoopRoutes(app: FastifyInstance, ctx: ServiceContext, rulesDir: string): void {
  app.get('/declarations', { schema: declarationsSchema }, async (request) => ({
    declarations: [...request.snapshot.declarations.values()].map((d) => ({
      name: d.name,
      kind: d.kind,
      title: d.title,
      file: relative(rulesDir, d.file).split('\\').join('/'),
      hash: d.hash,
      ...(d.ruleset === undefined ? {} : { ruleset: d.ruleset }),
    })),
  }));

  app.post<{ Params: { name: string }; Body: RollupBody }>('/rollups/:name', { schema: rollupSchema }, async (request, reply) => {
    const loop = loopOf(ctx, 'rollup', request.params.name);
    const decl = declarationOf(request, request.params.name, 'rollup');
    const { entities, members } = request.body;
    checkCount(ctx, entities.length + members.reduce((n, m) => n + m.records.length, 0));
    const entity = lookup(request, decl.ruleset!);
    const memberSets = members.map((m) => ({ rs: lookup(request, m.ruleset), records: m.records }));
    assertInTime(request, ctx.limits);
    const out = loop.rollup(
      decl.declaration,
      entity.prepared.ir,
      entities,
      memberSets.map((m) => ({ ir: m.rs.prepared.ir, records: m.records })),
      currentLang(),
    );
    const rulesets = [entity, ...memberSets.map((m) => m.rs)].filter((rs, i, all) => all.indexOf(rs) === i);
    const summary = { entities: entities.length, members: memberSets.length };
    return answer(ctx, reply, 'rollup', { decl, rulesets, body: request.body, summary }, out.document);
  });

  app.post<{ Params: { name: string }; Body: SampleBody }>('/samples/:name', { schema: sampleSchema }, async (request, reply) => {
    const loop = loopOf(ctx, 'sample', request.params.name);
    const decl = declarationOf(request, request.params.name, 'sample');
    const { records, seed, threshold, share } = request.body;
    checkCount(ctx, records.length);
    assertInTime(request, ctx.limits);
    const options = { seed, ...(threshold === undefined ? {} : { threshold }), ...(share === undefined ? {} : { share }) };
    const out = loop.sample(decl.declaration, records, options, currentLang());
    if (out.document === undefined) refuse(ctx, 'sample', out.diagnostics);
    return answer(ctx, reply, 'sample', { decl, rulesets: [], body: request.body, summary: { records: records.length, seed } }, out.document);
  });

  app.post<{ Params: { name: string }; Body: AllocationBody }>('/allocations/:name', { schema: allocationSchema }, async (request, reply) => {
    const loop = loopOf(ctx, 'allocation', request.params.name);
    const decl = declarationOf(request, request.params.name, 'allocation');
    const { pool, recipients } = request.body;
    checkCount(ctx, recipients.length);
    const scorer = request.body.ruleset === undefined ? undefined : lookup(request, request.body.ruleset);
    assertInTime(request, ctx.limits);
    const out = loop.allocate(decl.declaration, pool, recipients, scorer?.prepared.ir, currentLang());
    if (out.document === undefined) refuse(ctx, 'allocation', out.diagnostics);
    const rulesets = scorer === undefined ? [] : [scorer];
    return answer(ctx, reply, 'allocation', { decl, rulesets, body: request.body, summary: { recipients: recipients.length, pool } }, out.document);
  });
}
