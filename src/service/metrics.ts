/**
 * Prometheus metrics of one service instance, on its own prom-client `Registry` (never the
 * global one, so two servers in one process — tests, or an embedder's own app — do not count
 * into each other): HTTP requests by route pattern, method and status, a latency histogram by
 * route, evaluations by rule set and outcome, records refused by problem kind, reloads (ok or
 * failed), one `jixiao_ruleset_info` series per loaded rule set (name, version and hash labels,
 * value 1) and prom-client's default process metrics. `GET /metrics` serves the exposition text
 * and obeys the bearer token like every non-probe route: rule-set names and hashes are not for
 * anonymous callers, and Prometheus sends a bearer token with `authorization` in its scrape config.
 * Routes are labelled by their pattern (`/rulesets/:name/evaluate`), never the raw URL, so a client
 * cannot grow the number of series by inventing paths.
 */
import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { RegistrySnapshot } from './loader.js';

export interface ServiceMetrics {
  readonly registry: Registry;
  readonly requests: Counter<'route' | 'method' | 'status'>;
  readonly latency: Histogram<'route' | 'method'>;
  /** One record evaluated (`ok` or `rejected` by the evaluator). */
  evaluated(ruleset: string, outcome: 'ok' | 'rejected'): void;
  /** One record refused before or by evaluation, by problem kind (invalid-record, …). */
  refused(kind: string): void;
  /** A completed reload: failed when any file failed to load or the reload threw. */
  reloaded(outcome: 'ok' | 'failed', snapshot?: RegistrySnapshot): void;
  /** One roll-up, sampling or allocation answered (`ok`) or refused for its input (`invalid`). */
  stepped(step: 'rollup' | 'sample' | 'allocation', outcome: 'ok' | 'invalid'): void;
}

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export function createMetrics(): ServiceMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'jixiao_http_requests_total',
    help: 'HTTP requests answered, by route pattern, method and status code',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'jixiao_http_request_duration_seconds',
    help: 'Time from receiving a request to sending its response, by route pattern and method',
    labelNames: ['route', 'method'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const evaluations = new Counter({
    name: 'jixiao_evaluations_total',
    help: 'Records evaluated, by rule set and outcome (ok, or rejected by the evaluator)',
    labelNames: ['ruleset', 'outcome'] as const,
    registers: [registry],
  });
  const rejections = new Counter({
    name: 'jixiao_rejections_total',
    help: 'Records refused (schema mismatch, evaluator rejection, malformed envelope), by problem kind',
    labelNames: ['kind'] as const,
    registers: [registry],
  });
  const reloads = new Counter({
    name: 'jixiao_reloads_total',
    help: 'Rule-set reloads, by outcome (failed: some file failed to load; its last good version keeps serving)',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const steps = new Counter({
    name: 'jixiao_loop_steps_total',
    help: 'Roll-ups, samplings and allocations, by step and outcome (invalid: refused for its input)',
    labelNames: ['step', 'outcome'] as const,
    registers: [registry],
  });
  const info = new Gauge({
    name: 'jixiao_ruleset_info',
    help: 'Loaded rule sets (value 1), with their name, version and content hash',
    labelNames: ['name', 'version', 'hash'] as const,
    registers: [registry],
  });
  // Both outcomes exist from the start, so a rate() over them is defined before the first failure.
  reloads.inc({ outcome: 'ok' }, 0);
  reloads.inc({ outcome: 'failed' }, 0);
  return {
    registry,
    requests,
    latency,
    evaluated: (ruleset, outcome) => evaluations.inc({ ruleset, outcome }),
    refused: (kind) => rejections.inc({ kind }),
    stepped: (step, outcome) => steps.inc({ step, outcome }),
    reloaded(outcome, snapshot) {
      reloads.inc({ outcome });
      if (snapshot === undefined) return;
      info.reset();
      for (const rs of snapshot.rulesets.values()) info.set({ name: rs.name, version: rs.version, hash: rs.hash }, 1);
    },
  };
}

declare module 'fastify' {
  interface FastifyRequest {
    /** process.hrtime.bigint() at arrival, for the latency histogram. */
    metricsStart: bigint;
  }
}

/** Counts every response (problems included) and serves `GET /metrics`. */
export function installMetrics(app: FastifyInstance, metrics: ServiceMetrics, schema: Record<string, unknown>): void {
  const { requests, latency } = metrics;
  app.decorateRequest('metricsStart', 0n);
  app.addHook('onRequest', async (request) => {
    request.metricsStart = process.hrtime.bigint();
  });
  app.addHook('onResponse', async (request, reply) => {
    // Unmatched URLs share one label: the raw path would let any client mint new series.
    const route = request.routeOptions.url ?? 'unmatched';
    const seconds = Number(process.hrtime.bigint() - request.metricsStart) / 1e9;
    requests.inc({ route, method: request.method, status: String(reply.statusCode) });
    latency.observe({ route, method: request.method }, seconds);
  });
  app.get('/metrics', { schema }, async (_request, reply) => {
    const text = await metrics.registry.metrics();
    reply.type(metrics.registry.contentType);
    return text;
  });
}
