/**
 * Renders per-project reports on worker threads (or in this thread with `workers: 0`). Jobs are
 * grouped into chunks and sent round-robin; at most `workers × 2` chunks are in flight, and
 * `render` waits while that many are out, so memory stays flat however long the batch and
 * rendering keeps pace with evaluation. `close` waits for every file to be written, then stops
 * the threads. A failed write rejects `render`/`close` with its message. The first `WARM_UP`
 * jobs render in this thread: starting threads (each loads the TypeScript loader and ECharts)
 * costs more than a small batch takes.
 */
import { Worker } from 'node:worker_threads';
import { workerModule } from '../../common/worker-module.js';
import { renderJob, type RenderJob, type RenderReply, type RenderRequest, type RenderSettings } from './render-jobs.js';

export interface Renderer {
  render(job: RenderJob): Promise<void>;
  close(): Promise<void>;
  /** Stops the threads without waiting (after an error elsewhere). */
  abort(): Promise<void>;
}

const WARM_UP = 48;

export function createRenderer(settings: RenderSettings, workers: number, chunkSize = 16): Renderer {
  const inThread: Renderer = {
    render: async (job) => renderJob(job, settings),
    close: async () => {},
    abort: async () => {},
  };
  if (workers <= 0) return inThread;
  let pool: Renderer | undefined;
  let count = 0;
  return {
    render(job) {
      if (++count <= WARM_UP) return inThread.render(job);
      pool ??= startPool(settings, workers, chunkSize);
      return pool.render(job);
    },
    close: () => pool?.close() ?? Promise.resolve(),
    abort: () => pool?.abort() ?? Promise.resolve(),
  };
}

function startPool(settings: RenderSettings, workers: number, chunkSize: number): Renderer {
  const threads = Array.from({ length: workers }, () => new Worker(workerModule(import.meta.url, 'render-worker'), { workerData: settings }));
  const waiting = new Map<number, { done: () => void; fail: (error: Error) => void }>();
  // a thread that died answers nothing more: later chunks fail at once instead of hanging
  let crashed: Error | undefined;
  for (const thread of threads) {
    thread.on('message', (reply: RenderReply) => {
      const entry = waiting.get(reply.seq);
      waiting.delete(reply.seq);
      if (reply.error) entry?.fail(new Error(reply.error));
      else entry?.done();
    });
    thread.on('error', (error) => {
      crashed = error;
      for (const entry of waiting.values()) entry.fail(error);
      waiting.clear();
    });
  }
  const inFlight: Promise<void>[] = [];
  let chunk: RenderJob[] = [];
  let seq = 0;
  const send = () => {
    const request: RenderRequest = { seq: seq++, jobs: chunk };
    chunk = [];
    const reply = new Promise<void>((done, fail) => (crashed ? fail(crashed) : waiting.set(request.seq, { done, fail })));
    reply.catch(() => {}); // observed when awaited below; never an unhandled rejection meanwhile
    inFlight.push(reply);
    threads[request.seq % threads.length]!.postMessage(request);
  };
  const stop = () => Promise.all(threads.map((t) => t.terminate())).then(() => {});
  return {
    async render(job) {
      chunk.push(job);
      if (chunk.length < chunkSize) return;
      send();
      while (inFlight.length >= threads.length * 2) await inFlight.shift();
    },
    async close() {
      try {
        if (chunk.length > 0) send();
        while (inFlight.length > 0) await inFlight.shift();
      } finally {
        await stop();
      }
    },
    abort: stop,
  };
}
