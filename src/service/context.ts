/**
 * What route handlers share: the registry, the toolchain, the decision log and the limits,
 * plus the per-request snapshot. `installSnapshotHook` captures `registry.snapshot` once when a
 * request arrives (the only place a request reads it), so every step of that request — lookup,
 * hash check, evaluation of each batch record — uses the same rule-set versions even if a
 * reload swaps the registry meanwhile. `lookup` resolves a rule set by name and applies
 * `?hash=` pinning.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { DecisionLog } from './decision-log.js';
import type { ServiceMetrics } from './metrics.js';
import type { LoadedRuleSet, RegistrySnapshot } from './loader.js';
import { ServiceProblem } from './problem.js';
import type { RuleSetRegistry } from './registry.js';
import type { Toolchain } from './toolchain.js';
import { MSG } from './messages.js';

export interface ServiceLimits {
  /** Largest request body in bytes (JSON and NDJSON alike). */
  maxBodyBytes: number;
  /** Most records one batch request may hold. */
  maxRecords: number;
  /** Time budget of one request in ms; over it the request ends with 503. */
  timeoutMs: number;
}

export interface ServiceContext {
  registry: RuleSetRegistry;
  toolchain: Toolchain;
  decisions: DecisionLog;
  limits: ServiceLimits;
  metrics: ServiceMetrics;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The registry snapshot this request uses from start to end. */
    snapshot: RegistrySnapshot;
    /** `performance.now()` when the request arrived, for the time limit. */
    startedAt: number;
  }
}

export function installSnapshotHook(app: FastifyInstance, registry: RuleSetRegistry): void {
  app.decorateRequest('snapshot', null as unknown as RegistrySnapshot);
  app.decorateRequest('startedAt', 0);
  app.addHook('onRequest', async (request) => {
    request.snapshot = registry.snapshot;
    request.startedAt = performance.now();
  });
}

/** The rule set a request names, honouring `?hash=` pinning (409 when it differs). */
export function lookup(request: FastifyRequest, name: string, pinned?: string): LoadedRuleSet {
  const rs = request.snapshot.rulesets.get(name);
  if (rs === undefined) {
    const known = [...request.snapshot.rulesets.keys()];
    throw new ServiceProblem('unknown-ruleset', MSG.unknownRuleset(name), [
      { path: '/params/name', message: known.length === 0 ? MSG.nothingLoaded() : MSG.loadedNames(known) },
    ]);
  }
  if (pinned !== undefined && pinned !== rs.hash) {
    throw new ServiceProblem(
      'hash-mismatch',
      MSG.hashMismatch(name, rs.hash, pinned),
      [{ path: '/query/hash', message: MSG.loadedHash(rs.hash), code: 'hash' }],
      { 'x-ruleset-hash': rs.hash },
    );
  }
  return rs;
}

/** Milliseconds left of the request's time budget (negative once over). */
export function remainingMs(request: FastifyRequest, limits: ServiceLimits): number {
  return limits.timeoutMs - (performance.now() - request.startedAt);
}

export function assertInTime(request: FastifyRequest, limits: ServiceLimits): void {
  if (remainingMs(request, limits) < 0) {
    throw new ServiceProblem('timeout', MSG.requestTimeout(limits.timeoutMs));
  }
}
