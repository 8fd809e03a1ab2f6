/**
 * Builds the HTTP service. `createServer(options)` returns a fastify instance with every route,
 * hook and limit installed; the rule sets are compiled when it becomes ready (`await
 * app.ready()` or `listen`), and the rules directory is watched from then on. It is testable
 * in-process and holds no state besides the loaded rule sets, so replicas scale out behind a
 * load balancer. `startServer(options)` listens and returns the address plus a `close` that
 * drains: it stops accepting, lets requests in flight finish (new ones get 503), stops the
 * watcher and flushes the decision log.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { installAuth } from './auth.js';
import { installSnapshotHook, type ServiceContext, type ServiceLimits } from './context.js';
import { DecisionLog } from './decision-log.js';
import type { RegistrySnapshot } from './loader.js';
import { createMetrics, installMetrics, type ServiceMetrics } from './metrics.js';
import { buildOpenApi, collectRoutes } from './openapi.js';
import { installLanguage } from './language.js';
import { installProblemHandlers } from './problem.js';
import { RuleSetRegistry } from './registry.js';
import { registerEvaluateRoutes } from './routes-evaluate.js';
import { registerLoopRoutes } from './routes-loop.js';
import { DEFAULT_LIMITS } from './limits.js';
import { packageVersion } from '../common/version.js';
import { registerMetaRoutes } from './routes-meta.js';
import { metricsSchema, openapiRouteSchema, sharedSchemas } from './schemas.js';
import type { Toolchain } from './toolchain.js';
import type { CompileBudgets } from './offloaded-toolchain.js';

export interface ServerOptions {
  /** Folder whose `*.ind` files (recursively) are served. */
  rulesDir: string;
  /** The library binding (default: the real façades, confined to `rulesDir` for /check). */
  toolchain?: Toolchain;
  /** Bearer token required on every route but /health and /ready. */
  token?: string;
  /** NDJSON file every evaluation is appended to. */
  decisionLog?: string;
  /** Rotate the decision log before it passes this many bytes. */
  decisionLogMaxBytes?: number;
  /** Rotate the decision log when the UTC day changes. */
  decisionLogDaily?: boolean;
  maxBodyBytes?: number;
  maxRecords?: number;
  timeoutMs?: number;
  /** Follow the rules directory and reload on change (default true). */
  watch?: boolean;
  debounceMs?: number;
  /** Clock and id source of the decision log (injectable for tests). */
  now?: () => Date;
  newId?: () => string;
  /** Time budgets of compiles on the compile thread (default toolchain only). */
  compileBudgets?: CompileBudgets;
  /** fastify logger option (default off). */
  logger?: boolean | Record<string, unknown>;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export { DEFAULT_LIMITS };

export interface ServiceHandle {
  registry: RuleSetRegistry;
  decisions: DecisionLog;
  limits: ServiceLimits;
  metrics: ServiceMetrics;
}

declare module 'fastify' {
  interface FastifyInstance {
    jixiao: ServiceHandle;
  }
}

function describeReload(next: RegistrySnapshot, previous: RegistrySnapshot): Record<string, unknown> {
  const changed = [...next.rulesets.values()].filter((r) => previous.rulesets.get(r.name)?.hash !== r.hash).map((r) => `${r.name}@${r.hash.slice(0, 19)}`);
  return { generation: next.generation, rulesets: next.rulesets.size, changed, failures: next.failures.map((f) => f.file) };
}

/**
 * The real library binding, imported on first use: the service modules themselves stay free of
 * the parser and engine, so a server built with another toolchain never loads them. Compiles
 * run on a compile thread under a time budget (offloaded-toolchain.ts). `prepare`
 * and `printExpr` are only reached after a compile has loaded it.
 */
function lazyRealToolchain(rulesDir: string, budgets: CompileBudgets = {}): Toolchain {
  let loading: Promise<Toolchain> | null = null;
  let loaded: Toolchain | null = null;
  const get = (): Promise<Toolchain> => (loading ??= import('./offloaded-toolchain.js').then((m) => (loaded = m.createOffloadedToolchain(rulesDir, budgets))));
  const ready = (): Toolchain => {
    if (loaded === null) throw new Error('the library toolchain is used before any compile loaded it');
    return loaded;
  };
  return {
    compileFiles: async (entries) => (await get()).compileFiles(entries),
    checkSource: async (text, file, lang) => (await get()).checkSource(text, file, lang),
    prepare: (ir) => ready().prepare(ir),
    printExpr: (expr) => ready().printExpr(expr),
    serializeResult: (result) => ready().serializeResult(result),
  };
}

export function createServer(options: ServerOptions): FastifyInstance {
  const limits: ServiceLimits = {
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_LIMITS.maxBodyBytes,
    maxRecords: options.maxRecords ?? DEFAULT_LIMITS.maxRecords,
    timeoutMs: options.timeoutMs ?? DEFAULT_LIMITS.timeoutMs,
  };
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: limits.maxBodyBytes,
    return503OnClosing: true,
    // Every log line of a request carries its id (`reqId`); a caller's own X-Request-Id is kept
    // when it is a plain token, so a trace across a load balancer and replicas joins up.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    forceCloseConnections: 'idle',
    // Node's own ceiling on receiving one request; the per-request budget is enforced in handlers.
    requestTimeout: limits.timeoutMs + 5_000,
    // Type lists (`["string", "null"]`) are plain JSON Schema the OpenAPI document publishes as
    // they are; allowing them keeps ajv's strict mode from warning on start-up.
    ajv: { customOptions: { allErrors: true, coerceTypes: false, removeAdditional: false, allowUnionTypes: true } },
  });
  const metrics = createMetrics();
  const toolchain = options.toolchain ?? lazyRealToolchain(options.rulesDir, options.compileBudgets);
  const registry = new RuleSetRegistry({
    dir: resolve(options.rulesDir),
    toolchain,
    ...(options.now ? { now: options.now } : {}),
    ...(options.debounceMs !== undefined ? { debounceMs: options.debounceMs } : {}),
    onReload: (next, previous) => {
      metrics.reloaded(next.failures.length > 0 ? 'failed' : 'ok', next);
      app.log.info(describeReload(next, previous), 'rule sets loaded');
    },
    onError: (err) => {
      metrics.reloaded('failed');
      app.log.error({ err }, 'rule reload failed');
    },
  });
  const decisions = new DecisionLog({
    ...(options.decisionLog !== undefined ? { file: options.decisionLog } : {}),
    ...(options.decisionLogMaxBytes !== undefined ? { maxBytes: options.decisionLogMaxBytes } : {}),
    ...(options.decisionLogDaily === true ? { daily: true } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.newId ? { newId: options.newId } : {}),
  });
  const ctx: ServiceContext = { registry, toolchain, decisions, limits, metrics };
  app.decorate('jixiao', { registry, decisions, limits, metrics });

  // Responses are serialised as they are: schemas document and test them, never filter them.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  for (const s of sharedSchemas) app.addSchema(s);
  installLanguage(app);
  installProblemHandlers(app);
  installSnapshotHook(app, registry);
  installAuth(app, options.token);
  const collector = collectRoutes(app);

  installMetrics(app, metrics, metricsSchema);
  registerMetaRoutes(app, ctx);
  registerEvaluateRoutes(app, ctx);
  registerLoopRoutes(app, ctx, resolve(options.rulesDir));
  let openapi: Record<string, unknown> | null = null;
  app.get('/openapi.json', { schema: openapiRouteSchema }, async () => {
    openapi ??= buildOpenApi(
      collector,
      sharedSchemas,
      { title: 'jixiao evaluator service', version: packageVersion(), description: 'Budget performance evaluation over loaded indicator rule sets' },
      options.token !== undefined && options.token !== '',
    );
    return openapi;
  });

  app.addHook('onReady', async () => {
    await registry.reload();
    if (options.watch !== false) registry.watch();
  });
  // Once listening, what rule sets build on first use is built one per turn of the event loop,
  // so requests that arrive meanwhile are answered between them.
  app.addHook('onListen', async () => {
    const pending = [...registry.snapshot.rulesets.values()];
    const next = (): void => {
      const rs = pending.shift();
      if (rs === undefined) return;
      rs.prepared.warm?.();
      setImmediate(next).unref();
    };
    setImmediate(next).unref();
  });
  // Draining: a keep-alive connection whose request was in flight at close would otherwise
  // stay open and hold `close()` forever; answering with `connection: close` ends it.
  let draining = false;
  app.addHook('preClose', async () => {
    draining = true;
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (draining) reply.header('connection', 'close');
  });
  app.addHook('onClose', async () => {
    await registry.close();
    await decisions.close();
  });
  return app;
}

export interface StartOptions extends ServerOptions {
  port?: number;
  host?: string;
}

export interface StartedServer {
  app: FastifyInstance;
  url: string;
  /** Graceful: stop accepting, finish in-flight requests, flush the decision log. */
  close(): Promise<void>;
}

export async function startServer(options: StartOptions): Promise<StartedServer> {
  const app = createServer(options);
  const url = await app.listen({ port: options.port ?? 8080, host: options.host ?? '127.0.0.1' });
  let closing: Promise<void> | null = null;
  return {
    app,
    url,
    close: () => (closing ??= app.close()),
  };
}
