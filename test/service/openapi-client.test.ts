/**
 * The OpenAPI document is one clients can generate from (issue 16, item 3): it validates as
 * OpenAPI 3.1 (@seriousme/openapi-schema-validator), openapi-typescript turns it into types
 * (its programmatic API, here), those types type-check a real openapi-fetch call (TypeScript's
 * compiler API over a small client file that imports them, so a route whose schema generated
 * nothing usable fails to compile), and the same call round-trips an evaluation against a live
 * server on 127.0.0.1. Every route carries an example, problems are application/problem+json,
 * and with a token the bearer scheme is declared and required where routes answer 401.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import createClient from 'openapi-fetch';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeToolchain } from './fake-toolchain.js';
import { fakeRule, startTestServer, type TestServer } from './harness.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Operation {
  security?: unknown[];
  requestBody?: { content: Record<string, { example?: unknown }> };
  responses: Record<string, { content?: Record<string, { example?: unknown }> }>;
}

function operations(doc: { paths: Record<string, Record<string, Operation>> }): [string, Operation][] {
  return Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => [`${method} ${path}`, op] as [string, Operation]));
}

describe('OpenAPI document, with a token', () => {
  let t: TestServer;
  let doc: { paths: Record<string, Record<string, Operation>>; components: Record<string, Record<string, unknown>> };
  const auth = { authorization: 'Bearer s3cret' };
  beforeAll(async () => {
    t = await startTestServer({ 'a.ind': fakeRule('甲', 2, '2026.1') }, { toolchain: fakeToolchain(), token: 's3cret' });
    doc = (await t.call('GET', '/openapi.json', { headers: auth })).body;
  });
  afterAll(() => t.close());

  it('validates as OpenAPI 3.1', async () => {
    const result = await new Validator().validate(structuredClone(doc));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('every route has an example, problems are problem+json, and the bearer scheme guards the 401 routes', () => {
    expect(doc.components['securitySchemes']).toEqual({ bearer: expect.objectContaining({ type: 'http', scheme: 'bearer' }) });
    for (const [name, op] of operations(doc)) {
      const ok = Object.entries(op.responses).find(([status]) => status.startsWith('2'));
      expect(
        Object.values(ok?.[1].content ?? {}).some((m) => m.example !== undefined),
        name,
      ).toBe(true);
      if (op.requestBody !== undefined) expect(op.requestBody.content['application/json']?.example, name).toBeDefined();
      const answers401 = '401' in op.responses;
      expect(op.security, name).toEqual(answers401 ? [{ bearer: [] }] : []);
      for (const [status, r] of Object.entries(op.responses)) {
        // /ready answers 503 with its own Readiness document, which probes read
        if (Number(status) >= 400 && name !== 'get /ready') expect(Object.keys(r.content ?? {}), `${name} ${status}`).toEqual(['application/problem+json']);
      }
    }
    const evaluate = doc.paths['/rulesets/{name}/evaluate']!['post']!;
    expect(JSON.stringify(evaluate.requestBody)).not.toContain('anyOf');
    expect(Object.keys(doc.components['schemas']!)).toEqual(
      expect.arrayContaining(['Problem', 'Evaluation', 'EvaluationResult', 'BatchItem', 'RulesetRef', 'Record']),
    );
  });

  it('openapi-typescript generates types that type-check an openapi-fetch evaluate call, and the call round-trips', async () => {
    const types = astToString(await openapiTS(structuredClone(doc) as never, { silent: true }));
    expect(types).toContain('EvaluationResult: {');
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-openapi-'));
    try {
      writeFileSync(join(dir, 'api.d.ts'), types);
      const client = `import createClient from 'openapi-fetch';
import type { paths, components } from './api.js';
export async function run(baseUrl: string): Promise<components['schemas']['Evaluation'] | undefined> {
  const client = createClient<paths>({ baseUrl, headers: { authorization: 'Bearer s3cret' } });
  const { data, error } = await client.POST('/rulesets/{name}/evaluate', { params: { path: { name: '甲' }, query: { trace: 'summary' } }, body: { id: 'c1', x: 30 } });
  if (error !== undefined) return undefined;
  const total: number | null = data.result.total;
  void total;
  return data;
}
`;
      writeFileSync(join(dir, 'client.ts'), client);
      const program = ts.createProgram([join(dir, 'client.ts')], {
        strict: true,
        noEmit: true,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        target: ts.ScriptTarget.ES2022,
        skipLibCheck: true,
        typeRoots: [join(ROOT, 'node_modules/@types')],
        baseUrl: ROOT,
        paths: { 'openapi-fetch': [join(ROOT, 'node_modules/openapi-fetch/dist/index.d.mts')] },
      });
      const errors = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      expect(errors).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    // The same call at run time, against the live server.
    const client = createClient<Record<string, never>>({ baseUrl: t.url, headers: auth });
    const post = client.POST as unknown as (
      path: string,
      init: unknown,
    ) => Promise<{ data?: { decisionId: string; result: { total: number } }; response: Response }>;
    const { data, response } = await post('/rulesets/{name}/evaluate', {
      params: { path: { name: '甲' }, query: { trace: 'summary' } },
      body: { id: 'c1', x: 30 },
    });
    expect(response.status).toBe(200);
    expect(data?.result.total).toBe(60);
    expect(response.headers.get('x-decision-id')).toBe(data?.decisionId);
    const anonymous = createClient<Record<string, never>>({ baseUrl: t.url });
    const refused = await (anonymous.GET as unknown as (p: string) => Promise<{ error?: { type: string }; response: Response }>)('/rulesets');
    expect(refused.response.status).toBe(401);
    expect(refused.error?.type).toBe('urn:jixiao:problem:unauthorized');
  }, 60_000);
});

describe('OpenAPI document, without a token', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ 'a.ind': fakeRule('甲', 2) }, { toolchain: fakeToolchain() });
  });
  afterAll(() => t.close());

  it('declares no security and promises no 401', async () => {
    const doc = (await t.call('GET', '/openapi.json')).body;
    expect((await new Validator().validate(structuredClone(doc))).valid).toBe(true);
    expect(doc.components.securitySchemes).toBeUndefined();
    for (const [name, op] of operations(doc)) {
      expect(op.security, name).toBeUndefined();
      expect('401' in op.responses, name).toBe(false);
    }
  });
});
