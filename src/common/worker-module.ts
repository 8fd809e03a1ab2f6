/**
 * Where a worker thread's module is. The published package runs compiled JavaScript, so the
 * worker is the sibling `.js` file; when the library runs from its TypeScript sources (tests,
 * tsx) worker threads do not inherit the parent's loader, so a plain `.mjs` shim beside the
 * source registers tsx and imports the real worker. Only the sources carry the shims.
 */
export function workerModule(callerUrl: string, worker: string): URL {
  return callerUrl.endsWith('.ts') ? new URL(`./${worker}-entry.mjs`, callerUrl) : new URL(`./${worker}.js`, callerUrl);
}
