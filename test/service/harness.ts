/**
 * Test harness: starts the service on a real socket (127.0.0.1, port 0) over a temporary rules
 * folder, and offers small helpers — `call` (fetch returning status, headers and parsed body),
 * `writeRule` (drop a file in and wait for the reload it triggers) and `validateBody` (check a
 * response against the route's own JSON Schema, so the schemas the OpenAPI document publishes
 * are the ones the responses really follow).
 */
import { Ajv } from 'ajv';
import { cpSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startServer, type StartedServer, type ServerOptions } from '../../src/service/server.js';
import { sharedSchemas } from '../../src/service/schemas.js';
import type { RegistrySnapshot } from '../../src/service/loader.js';
import type { Toolchain } from '../../src/service/toolchain.js';

export interface Reply {
  status: number;
  headers: Headers;
  contentType: string;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON a route answered
  body: any;
}

export interface TestServer {
  url: string;
  dir: string;
  server: StartedServer;
  call(method: string, path: string, init?: { body?: unknown; raw?: string; type?: string; headers?: Record<string, string> }): Promise<Reply>;
  /** Writes a file under the rules folder and waits until a reload has seen it. */
  writeRule(rel: string, text: string): Promise<RegistrySnapshot>;
  /** Deletes a file under the rules folder and waits until a reload has seen it. */
  removeRule(rel: string): Promise<RegistrySnapshot>;
  snapshot(): RegistrySnapshot;
  close(): Promise<void>;
}

export type TestOptions = Omit<ServerOptions, 'rulesDir' | 'toolchain'> & {
  /** A toolchain, or a function building one for the temporary rules folder. */
  toolchain: Toolchain | ((dir: string) => Toolchain);
  /** A folder copied into the temporary rules folder before `files` are written. */
  copyFrom?: string;
};

export async function startTestServer(files: Record<string, string>, testOptions: TestOptions): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-service-'));
  const { copyFrom, toolchain, ...options } = testOptions;
  if (copyFrom !== undefined) cpSync(copyFrom, dir, { recursive: true });
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  const server = await startServer({
    debounceMs: 30,
    ...options,
    toolchain: typeof toolchain === 'function' ? toolchain(dir) : toolchain,
    rulesDir: dir,
    port: 0,
    host: '127.0.0.1',
  });
  const registry = server.app.jixiao.registry;
  const call: TestServer['call'] = async (method, path, init = {}) => {
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    let body: string | undefined;
    if (init.raw !== undefined) {
      body = init.raw;
      headers['content-type'] ??= init.type ?? 'application/json';
    } else if (init.body !== undefined) {
      body = JSON.stringify(init.body);
      headers['content-type'] ??= init.type ?? 'application/json';
    }
    const res = await fetch(server.url + path, { method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await res.text();
    const contentType = res.headers.get('content-type') ?? '';
    let parsed: unknown = text;
    if (contentType.includes('json') && !contentType.includes('ndjson')) parsed = JSON.parse(text);
    if (contentType.includes('ndjson'))
      parsed = text
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l) as unknown);
    return { status: res.status, headers: res.headers, contentType, text, body: parsed };
  };
  // Bounded wait for the watcher's debounced reload (fs.watch latency varies by platform).
  const waitForReload = async (before: number, rel: string): Promise<RegistrySnapshot> => {
    for (let i = 0; i < 250; i++) {
      await new Promise((r) => setTimeout(r, 20));
      if (registry.snapshot.generation > before) {
        await registry.reload(); // settle any reload still queued behind the first
        return registry.snapshot;
      }
    }
    throw new Error('no reload after changing ' + rel);
  };
  return {
    url: server.url,
    dir,
    server,
    call,
    async writeRule(rel, text) {
      const before = registry.snapshot.generation;
      mkdirSync(dirname(join(dir, rel)), { recursive: true });
      writeFileSync(join(dir, rel), text);
      return waitForReload(before, rel);
    },
    async removeRule(rel) {
      const before = registry.snapshot.generation;
      rmSync(join(dir, rel));
      return waitForReload(before, rel);
    },
    snapshot: () => registry.snapshot,
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
for (const s of sharedSchemas) ajv.addSchema(s);

/** Asserts a body matches a schema; returns the ajv errors text for a readable failure. */
export function schemaErrors(schema: object, body: unknown): string | null {
  const validate = ajv.compile(schema);
  return validate(body) ? null : ajv.errorsText(validate.errors);
}

export function fakeRule(framework: string, factor: number, version = '1'): string {
  return JSON.stringify({ framework, factor, version });
}
