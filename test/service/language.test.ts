/**
 * One language per response (issue 16, item 4): `Accept-Language` picks Chinese or English,
 * Chinese when it names neither or is absent; problem titles, details and field errors —
 * ajv's own messages included — come out in that one language, `Content-Language` says which,
 * and a batch item's problem follows its request. And start-up is quiet: building the server
 * and answering requests prints no warning (ajv's strict mode once complained about type lists).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { negotiateLang } from '../../src/service/language.js';
import { fakeToolchain } from './fake-toolchain.js';
import { fakeRule, startTestServer, type TestServer } from './harness.js';

const A = encodeURIComponent('甲');
const HAN = /\p{Script=Han}/u;
const LATIN_WORD = /[A-Za-z]{4,}/;

describe('Accept-Language', () => {
  it('negotiates zh or en by q-value and primary tag, zh by default', () => {
    expect(negotiateLang(undefined)).toBe('zh');
    expect(negotiateLang('')).toBe('zh');
    expect(negotiateLang('fr-FR, de')).toBe('zh');
    expect(negotiateLang('en-GB')).toBe('en');
    expect(negotiateLang('fr, en;q=0.5')).toBe('en');
    expect(negotiateLang('en;q=0.3, zh-CN;q=0.8')).toBe('zh');
    expect(negotiateLang('zh;q=0, en')).toBe('en');
    expect(negotiateLang('en, zh')).toBe('en');
  });
});

describe('one language per response', () => {
  let t: TestServer;
  const warnings: unknown[] = [];
  beforeAll(async () => {
    vi.spyOn(console, 'warn').mockImplementation((...args) => void warnings.push(args));
    vi.spyOn(console, 'error').mockImplementation((...args) => void warnings.push(args));
    process.on('warning', (w) => warnings.push(w));
    t = await startTestServer({ 'a.ind': fakeRule('甲', 2) }, { toolchain: fakeToolchain(), token: 's3cret' });
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await t.close();
  });
  const auth = { authorization: 'Bearer s3cret' };

  it('answers in Chinese by default, titles and details alike', async () => {
    const r = await t.call('GET', '/rulesets');
    expect(r.status).toBe(401);
    expect(r.headers.get('content-language')).toBe('zh-CN');
    expect(r.body.title).toMatch(HAN);
    expect(r.body.detail).toMatch(HAN);
  });

  it('answers in English when asked, with nothing Chinese in the problem', async () => {
    const r = await t.call('GET', '/rulesets', { headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(r.headers.get('content-language')).toBe('en');
    expect(r.body.title).toMatch(LATIN_WORD);
    expect(JSON.stringify(r.body)).not.toMatch(HAN);
  });

  it('field errors from schema validation follow the language too', async () => {
    const zh = await t.call('POST', `/rulesets/${A}/evaluate?trace=bogus`, { body: { id: 'a', x: 1 }, headers: auth });
    expect(zh.status).toBe(400);
    expect(zh.body.errors[0]).toMatchObject({ path: '/query/trace', code: 'enum' });
    expect(zh.body.errors[0].message).toMatch(HAN);
    const en = await t.call('POST', `/rulesets/${A}/evaluate?trace=bogus&extra=1`, { body: { id: 'a', x: 1 }, headers: { ...auth, 'accept-language': 'en' } });
    expect(en.body.errors.map((e: { code: string }) => e.code).sort()).toEqual(['additionalProperties', 'enum']);
    expect(JSON.stringify(en.body)).not.toMatch(HAN);
  });

  it("a batch item's problem is in its request's language", async () => {
    const body = [{ record: { id: 'b', x: 1 } }, { nothing: true }];
    for (const [lang, expectHan] of [
      ['en', false],
      ['zh', true],
    ] as const) {
      const r = await t.call('POST', `/rulesets/${A}/evaluate-batch?input=envelope`, { body, headers: { ...auth, 'accept-language': lang } });
      expect(r.status).toBe(200);
      const error = r.body[1].error;
      expect(error.type).toBe('urn:jixiao:problem:bad-request');
      expect(HAN.test(JSON.stringify(error)), lang).toBe(expectHan);
    }
  });

  it('printed no warning while starting and answering', () => {
    expect(warnings).toEqual([]);
  });
});

describe('structured logs with request ids', () => {
  it('every request line carries its id; a plain X-Request-Id is kept and echoed, anything else replaced', async () => {
    const lines: Record<string, unknown>[] = [];
    const stream = { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) };
    const t = await startTestServer({ 'a.ind': fakeRule('甲', 2) }, { toolchain: fakeToolchain(), logger: { level: 'info', stream } });
    try {
      const kept = await t.call('GET', '/health', { headers: { 'x-request-id': 'lb-7f3a.1' } });
      expect(kept.headers.get('x-request-id')).toBe('lb-7f3a.1');
      const replaced = await t.call('GET', '/health', { headers: { 'x-request-id': 'no spaces\tor tabs' } });
      const id = replaced.headers.get('x-request-id');
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      const of = (reqId: string) => lines.filter((l) => l['reqId'] === reqId).map((l) => l['msg']);
      expect(of('lb-7f3a.1')).toEqual(['incoming request', 'request completed']);
      expect(of(id!)).toEqual(['incoming request', 'request completed']);
    } finally {
      await t.close();
    }
  });
});

describe('ajv messages rendered from keyword and params', () => {
  it('names JSON types in the request language', async () => {
    const { runInLang } = await import('../../src/service/language.js');
    const { MSG } = await import('../../src/service/messages.js');
    expect(runInLang('zh', () => MSG.ajv('type', { type: 'string,null' }))).toBe('类型应为 文本、空值（null）');
    expect(runInLang('en', () => MSG.ajv('type', { type: 'integer' }))).toBe('must be integer');
    expect(runInLang('en', () => MSG.ajv('required', { missingProperty: 'text' }))).toBe('must have required property text');
    expect(runInLang('zh', () => MSG.ajv('dependentRequired', {}))).toBe('不符合结构定义（dependentRequired）');
  });
});
