/**
 * Optional bearer-token authentication. When a token is configured every route except those
 * marked `config: { public: true }` (liveness and readiness probes, which load balancers call
 * without credentials) requires `Authorization: Bearer <token>`. The comparison hashes both
 * sides to equal-length digests and uses `timingSafeEqual`, so response time does not reveal
 * how much of a guessed token was right, nor its length. Public routes still learn whether the
 * caller proved the token (`request.authorised`): `/ready` tells an anonymous probe only ready or
 * not ready, and the details — file names, diagnostics quoting rule text — only to the holder.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ServiceProblem } from './problem.js';
import { MSG } from './messages.js';

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

export function tokensEqual(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

function bearerOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  return match?.[1] ?? null;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** True when no token is configured or the request carries the right one. */
    authorised: boolean;
  }
}

export function installAuth(app: FastifyInstance, token: string | undefined): void {
  app.decorateRequest('authorised', true);
  if (token === undefined || token === '') return;
  const expected = token;
  app.addHook('onRequest', async (request) => {
    const config = request.routeOptions.config as { public?: boolean } | undefined;
    const given = bearerOf(request);
    request.authorised = given !== null && tokensEqual(given, expected);
    if (config?.public === true) return;
    if (!request.authorised) {
      throw new ServiceProblem('unauthorized', given === null ? MSG.tokenMissing() : MSG.tokenInvalid(), [], { 'www-authenticate': 'Bearer realm="jixiao"' });
    }
  });
}
