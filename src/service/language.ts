/**
 * One language per response, chosen by the request's `Accept-Language` (RFC 9110 §12.5.4: ranges
 * with q-values; `zh`, `zh-CN`, `en-GB`… match by primary tag) among the two the catalogue has,
 * Chinese when the header names neither or is absent — the users are Chinese finance staff.
 * The choice is made once in the first `onRequest` hook and held in an AsyncLocalStorage for the
 * rest of that request (the pattern @fastify/request-context uses), so problem titles, details,
 * field errors and the record validator's messages all come out in it without every route
 * threading a `lang` argument through; outside a request (start-up, reload diagnostics) texts use
 * the library default. The response says which language it chose in `Content-Language`.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyInstance } from 'fastify';
import { DEFAULT_LANG, type Lang } from '../common/lang.js';

const store = new AsyncLocalStorage<Lang>();

/** The language of the request being handled, else the library default. */
export function currentLang(): Lang {
  return store.getStore() ?? DEFAULT_LANG;
}

/** The best of zh/en for an Accept-Language header; zh when neither is acceptable. */
export function negotiateLang(header: string | undefined): Lang {
  if (header === undefined || header.trim() === '') return DEFAULT_LANG;
  let best: { lang: Lang; q: number; order: number } | null = null;
  header.split(',').forEach((part, order) => {
    const [range = '', ...params] = part.trim().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!Number.isFinite(q) || q <= 0) return;
    const primary = range.trim().toLowerCase().split('-')[0];
    const lang: Lang | null = primary === 'zh' ? 'zh' : primary === 'en' ? 'en' : null;
    if (lang === null) return;
    // Equal weights: the earlier range wins, as the client listed it first.
    if (best === null || q > best.q) best = { lang, q, order };
  });
  return (best as { lang: Lang } | null)?.lang ?? DEFAULT_LANG;
}

declare module 'fastify' {
  interface FastifyRequest {
    lang: Lang;
  }
}

/** Must be installed before any hook that can answer (auth), so its problems are localised too. */
export function installLanguage(app: FastifyInstance): void {
  app.decorateRequest('lang', DEFAULT_LANG);
  app.addHook('onRequest', (request, reply, done) => {
    const lang = negotiateLang(request.headers['accept-language']);
    request.lang = lang;
    reply.header('content-language', lang === 'zh' ? 'zh-CN' : 'en');
    store.run(lang, done);
  });
}

/** Runs `fn` in `lang`: for work a request starts that runs after its handler returned. */
export function runInLang<T>(lang: Lang, fn: () => T): T {
  return store.run(lang, fn);
}

/**
 * An async iterator whose every step runs in `lang`: a streamed batch is pulled by the response
 * stream after the handler returned, outside the request's context, yet its items' problems and
 * field errors must stay in the request's language.
 */
export function inLang<T>(lang: Lang, it: AsyncIterator<T>): AsyncIterator<T> {
  return {
    next: () => store.run(lang, () => it.next()),
    return: (value?: unknown) => store.run(lang, () => it.return?.(value) ?? Promise.resolve({ done: true as const, value: undefined as T })),
  };
}
