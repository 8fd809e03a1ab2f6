/**
 * Read-only routes: liveness (`/health`), readiness (`/ready`: loaded rule sets with their
 * hashes, load failures with diagnostics and the last good hash still served), the rule-set
 * catalogue (`/rulesets`, `/rulesets/:name`, `/schema`, `/docs`) and `POST /check`, which
 * compiles an indicator file's text and returns its diagnostics as data. `/health` and
 * `/ready` are public (probes carry no credentials); everything else obeys the bearer token.
 * With a token configured, `/ready` answers a request without it with `{ status }` alone.
 */
import type { FastifyInstance } from 'fastify';
import { isAbsolute, relative } from 'node:path';
import type { LoadFailure } from './loader.js';
import type { ExprIR, IndicatorIR, NodeIR } from '../compile/ir.js';
import { assertInTime, lookup, type ServiceContext } from './context.js';
import { checkSchema, dataSchemaSchema, docsSchema, healthSchema, irSchema, listSchema, readySchema } from './schemas.js';

export interface IndicatorDoc {
  path: string;
  name: string;
  weight: string;
  method: string;
  value: string | null;
  target: string | null;
  refs: string[];
}

function indicatorsOf(nodes: readonly NodeIR[], out: IndicatorIR[] = []): IndicatorIR[] {
  for (const n of nodes) {
    if (n.kind === 'indicator') out.push(n);
    else indicatorsOf(n.children, out);
  }
  return out;
}

/** One row per indicator, in tree order, with the target printed in the file's own syntax. */
export function indicatorDocs(nodes: readonly NodeIR[], printExpr: (e: ExprIR) => string): IndicatorDoc[] {
  return indicatorsOf(nodes).map((ind) => {
    let target: string | null = null;
    if (ind.target !== undefined) {
      const t = ind.target;
      target = t.op === 'between' && t.upper !== undefined ? `between ${printExpr(t.value)} and ${printExpr(t.upper)}` : `${t.op} ${printExpr(t.value)}`;
      if (t.tolerance !== undefined) target += ` tolerance ${printExpr(t.tolerance)}`;
    }
    return {
      path: ind.path,
      name: ind.name,
      weight: ind.weight,
      method: ind.score.method,
      value: ind.value === undefined ? null : printExpr(ind.value),
      target,
      refs: ind.meta.refs,
    };
  });
}

/** Paths shown relative to the rules folder: clients need the file, not the server's layout. */
function displayPath(file: string, dir: string): string {
  if (file === '' || !isAbsolute(file)) return file;
  const rel = relative(dir, file);
  return rel.startsWith('..') ? file : rel.split('\\').join('/');
}

export function displayFailure(f: LoadFailure, dir: string): LoadFailure {
  return { ...f, file: displayPath(f.file, dir), diagnostics: f.diagnostics.map((d) => ({ ...d, file: displayPath(d.file, dir) })) };
}

export function registerMetaRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get('/health', { schema: healthSchema, config: { public: true } }, async () => ({ status: 'ok' }));

  app.get('/ready', { schema: readySchema, config: { public: true } }, async (request, reply) => {
    const snap = request.snapshot;
    const logError = ctx.decisions.error;
    const status = snap.generation === 0 || snap.rulesets.size === 0 ? 'not_ready' : snap.failures.length > 0 || logError !== null ? 'degraded' : 'ready';
    reply.code(status === 'not_ready' ? 503 : 200);
    // Without the configured token a probe learns ready or not, never which files fail or why.
    if (!request.authorised) return { status: status === 'not_ready' ? 'not_ready' : 'ready' };
    return {
      status,
      generation: snap.generation,
      loadedAt: snap.loadedAt,
      rulesets: [...snap.rulesets.values()].map((r) => ({ name: r.name, version: r.version, hash: r.hash })),
      failures: snap.failures.map((f) => displayFailure(f, ctx.registry.dir)),
      decisionLog: logError === null ? { ok: true } : { ok: false, error: logError.message },
    };
  });

  app.get('/rulesets', { schema: listSchema }, async (request) => ({
    rulesets: [...request.snapshot.rulesets.values()].map((r) => ({
      name: r.name,
      version: r.version,
      hash: r.hash,
      title: r.title,
      loadedAt: r.loadedAt,
      // The command line that reproduces this hash, run from the rules folder.
      files: r.files.map((f) => displayPath(f, ctx.registry.dir)),
    })),
  }));

  app.get<{ Params: { name: string } }>('/rulesets/:name', { schema: irSchema }, async (request, reply) => {
    const rs = lookup(request, request.params.name);
    reply.header('etag', `"${rs.hash}"`).type('application/json; charset=utf-8');
    return JSON.stringify(rs.prepared.ir);
  });

  app.get<{ Params: { name: string } }>('/rulesets/:name/schema', { schema: dataSchemaSchema }, async (request, reply) => {
    const rs = lookup(request, request.params.name);
    reply.header('etag', `"${rs.hash}"`).type('application/schema+json; charset=utf-8');
    return JSON.stringify(rs.prepared.ir.dataSchema);
  });

  app.get<{ Params: { name: string } }>('/rulesets/:name/docs', { schema: docsSchema }, async (request, reply) => {
    const rs = lookup(request, request.params.name);
    reply.header('etag', `"${rs.hash}"`);
    return {
      name: rs.name,
      version: rs.version,
      hash: rs.hash,
      title: rs.title,
      indicators: indicatorDocs(rs.prepared.ir.nodes, (e) => ctx.toolchain.printExpr(e)),
    };
  });

  app.post<{ Body: { text: string; file?: string } | string }>('/check', { schema: checkSchema }, async (request) => {
    const body = request.body;
    const text = typeof body === 'string' ? body : body.text;
    const file = typeof body === 'string' ? '<input>' : (body.file ?? '<input>');
    const { diagnostics, formatted } = await ctx.toolchain.checkSource(text, file, request.lang);
    assertInTime(request, ctx.limits);
    return { ok: !diagnostics.some((d) => d.severity === 'error'), diagnostics, formatted };
  });
}
