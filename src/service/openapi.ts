/**
 * Generates the OpenAPI 3.1 document from the routes as they are registered: an `onRoute`
 * hook records each route's method, URL and schema (the very schemas fastify validates
 * requests with), and `buildOpenApi` turns them into paths, parameters, request bodies and
 * responses. Nothing is written twice, so the document cannot drift from the running server.
 * OpenAPI 3.1 uses JSON Schema 2020-12, so the route schemas are embedded as they are; `$ref`s
 * to shared schemas (`Problem#`, `Evaluation#`, …) are rewritten to `#/components/schemas/…`.
 * Each route gets the worked example of openapi-examples.ts; problems are application/problem+json
 * (RFC 9457). With a token configured, the bearer scheme is declared and every non-public route
 * requires it; without one no route answers 401, and the document says so.
 */
import type { FastifyInstance, RouteOptions } from 'fastify';
import { PROBLEM_EXAMPLE, ROUTE_EXAMPLES, type RouteExample } from './openapi-examples.js';

interface RecordedRoute {
  method: string;
  url: string;
  schema: Record<string, unknown>;
  isPublic: boolean;
}

export interface OpenApiCollector {
  routes: RecordedRoute[];
}

/** Must be called before routes are registered. */
export function collectRoutes(app: FastifyInstance): OpenApiCollector {
  const collector: OpenApiCollector = { routes: [] };
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD' || route.schema === undefined) continue;
      const config = route.config as { public?: boolean } | undefined;
      collector.routes.push({
        method: method.toLowerCase(),
        url: route.url,
        schema: route.schema as Record<string, unknown>,
        isPublic: config?.public === true,
      });
    }
  });
  return collector;
}

/** Deep copy with `{ $ref: 'Name#' }` rewritten to components. */
function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === '$ref' && typeof v === 'string' && v.endsWith('#') && !v.startsWith('#')) out[k] = `#/components/schemas/${v.slice(0, -1)}`;
    else if (k === '$id') continue;
    else out[k] = rewriteRefs(v);
  }
  return out;
}

function parametersOf(schema: Record<string, unknown>, where: 'path' | 'query'): unknown[] {
  const part = schema[where === 'path' ? 'params' : 'querystring'] as { properties?: Record<string, Record<string, unknown>>; required?: string[] } | undefined;
  if (part?.properties === undefined) return [];
  return Object.entries(part.properties).map(([name, s]) => {
    const { description, ...rest } = s;
    return {
      name,
      in: where,
      required: where === 'path' || (part.required ?? []).includes(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: rewriteRefs(rest),
    };
  });
}

function requestBodyOf(schema: Record<string, unknown>, example: RouteExample | undefined): unknown {
  const body = schema['body'] as Record<string, unknown> | undefined;
  if (body === undefined) return undefined;
  const content = body['content'] as Record<string, { schema: unknown }> | undefined;
  const media = content ?? { 'application/json': { schema: body } };
  return {
    required: true,
    content: Object.fromEntries(
      Object.entries(media).map(([type, c]) => [
        type,
        { schema: rewriteRefs(c.schema), ...(example?.request !== undefined && type === 'application/json' ? { example: example.request } : {}) },
      ]),
    ),
  };
}

function responsesOf(schema: Record<string, unknown>, example: RouteExample | undefined, withAuth: boolean): Record<string, unknown> {
  const responses = (schema['response'] ?? {}) as Record<string, Record<string, unknown>>;
  const out: Record<string, unknown> = {};
  for (const [status, s] of Object.entries(responses)) {
    // Without a token no route can answer 401, so the document does not promise one.
    if (status === '401' && !withAuth) continue;
    const isProblem = s['$ref'] === 'Problem#';
    const description = typeof s['description'] === 'string' ? s['description'] : isProblem ? 'Problem document' : 'OK';
    const type = isProblem ? 'application/problem+json' : s['type'] === 'string' ? 'text/plain' : 'application/json';
    const shown = isProblem ? { ...PROBLEM_EXAMPLE, status: Number(status) } : status.startsWith('2') ? example?.response : undefined;
    out[status] = { description, content: { [type]: { schema: rewriteRefs(s), ...(shown !== undefined ? { example: shown } : {}) } } };
  }
  return out;
}

export interface OpenApiInfo {
  title: string;
  version: string;
  description?: string;
}

export function buildOpenApi(collector: OpenApiCollector, shared: readonly { $id: string }[], info: OpenApiInfo, withAuth: boolean): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of collector.routes) {
    const path = r.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const op: Record<string, unknown> = {
      operationId: `${r.method}${path.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
    };
    if (typeof r.schema['summary'] === 'string') op['summary'] = r.schema['summary'];
    const parameters = [...parametersOf(r.schema, 'path'), ...parametersOf(r.schema, 'query')];
    if (parameters.length > 0) op['parameters'] = parameters;
    const example = ROUTE_EXAMPLES[`${r.method} ${path}`];
    const body = requestBodyOf(r.schema, example);
    if (body !== undefined) op['requestBody'] = body;
    op['responses'] = responsesOf(r.schema, example, withAuth);
    if (withAuth) op['security'] = r.isPublic ? [] : [{ bearer: [] }];
    (paths[path] ??= {})[r.method] = op;
  }
  const schemas = Object.fromEntries(shared.map((s) => [s.$id, rewriteRefs(s)]));
  const components: Record<string, unknown> = { schemas };
  if (withAuth)
    components['securitySchemes'] = { bearer: { type: 'http', scheme: 'bearer', description: 'The token given to `jixiao serve --token` (or JIXIAO_TOKEN)' } };
  return { openapi: '3.1.0', info, paths, components };
}
