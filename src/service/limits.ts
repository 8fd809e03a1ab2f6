/**
 * The service's default request limits, in a module of their own so the CLI's command table can
 * print them in `jixiao serve --help` without loading the server (fastify) at start-up.
 */
import type { ServiceLimits } from './context.js';

export const DEFAULT_LIMITS: ServiceLimits = { maxBodyBytes: 10 * 1024 * 1024, maxRecords: 10_000, timeoutMs: 30_000 };
