/**
 * The body of the service's compile thread: it holds the library toolchain confined to the
 * rules folder and answers compile jobs (a reload's `compileFiles`, a `/check`'s
 * `checkSource`) one at a time, in the order they came. Parsing and checking are the only
 * unbounded CPU work the service does on user text; here they cannot hold up the event loop
 * that answers `/health` and evaluations, and a job over its time budget is stopped by
 * terminating this thread (offloaded-toolchain.ts starts a fresh one).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createRealToolchain } from './real-toolchain.js';
import type { CompileJob, CompileReply } from './offloaded-toolchain.js';

const { rulesDir } = workerData as { rulesDir: string };
const toolchain = createRealToolchain(rulesDir);

parentPort!.on('message', (job: CompileJob) => {
  const run = job.op === 'compile' ? toolchain.compileFiles(job.entries) : toolchain.checkSource(job.text, job.file, job.lang);
  run.then(
    (out) => parentPort!.postMessage({ id: job.id, ok: true, out } satisfies CompileReply),
    (error: unknown) =>
      parentPort!.postMessage({ id: job.id, ok: false, message: error instanceof Error ? error.message : String(error) } satisfies CompileReply),
  );
});
