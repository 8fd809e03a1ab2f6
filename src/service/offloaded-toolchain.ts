/**
 * The service's default toolchain: evaluation stays in this thread (prepared once per rule-set
 * version, microseconds per record), while compiling — a reload's `compileFiles` and a
 * `/check`'s `checkSource`, whose cost grows with the text users send — runs on one compile
 * thread (compile-worker.ts) under a time budget. However long a compile takes, `/health` and
 * evaluations are answered meanwhile; a compile over its budget is stopped (the thread is
 * terminated and a fresh one starts for the next job) and reported as diagnostic SRV701, so a
 * reload that runs out of time keeps serving every last good version, and a `/check` says so.
 * Jobs run one at a time in arrival order; the budget counts from the moment a job starts.
 */
import { Worker } from 'node:worker_threads';
import { NO_RANGE, type Diagnostic } from '../common/diagnostic.js';
import type { Lang } from '../common/lang.js';
import { workerModule } from '../common/worker-module.js';
import { MSG } from './messages.js';
import { createRealToolchain } from './real-toolchain.js';
import type { CompileOutput, Toolchain } from './toolchain.js';

type CheckOutput = Awaited<ReturnType<Toolchain['checkSource']>>;
type JobBody = { op: 'compile'; entries: string[] } | { op: 'check'; text: string; file: string; lang?: Lang };
export type CompileJob = JobBody & { id: number };
export type CompileReply = { id: number; ok: true; out: CompileOutput | CheckOutput } | { id: number; ok: false; message: string };
type Outcome = { ok: true; out: unknown } | { ok: false; overBudget: boolean; message: string };

export interface CompileBudgets {
  /** Most a reload's compile of the rules folder may take (ms). Default 60 s. */
  reloadMs?: number;
  /** Most one `/check` may take (ms). Default 10 s. */
  checkMs?: number;
}

export const DEFAULT_BUDGETS: Required<CompileBudgets> = { reloadMs: 60_000, checkMs: 10_000 };

/** One compile thread, started on first use and again after a job was stopped. */
class CompileThread {
  private worker: Worker | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 0;

  constructor(private readonly rulesDir: string) {}

  run(job: JobBody, budgetMs: number): Promise<Outcome> {
    const turn = this.queue.then(() => this.runNow(job, budgetMs));
    this.queue = turn;
    return turn;
  }

  private runNow(job: JobBody, budgetMs: number): Promise<Outcome> {
    const worker = (this.worker ??= this.start());
    const id = this.nextId++;
    return new Promise<Outcome>((resolve) => {
      const settle = (outcome: Outcome) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onFailure);
        worker.off('exit', onExit);
        resolve(outcome);
      };
      const onMessage = (reply: CompileReply) => {
        if (reply.id === id) settle(reply.ok ? { ok: true, out: reply.out } : { ok: false, overBudget: false, message: reply.message });
      };
      const onFailure = (error: Error) => settle({ ok: false, overBudget: false, message: error.message });
      const onExit = (code: number) => settle({ ok: false, overBudget: false, message: `compile thread stopped with exit code ${code}` });
      const timer = setTimeout(() => {
        this.drop(worker);
        void worker.terminate();
        settle({ ok: false, overBudget: true, message: MSG.compileOverBudget(budgetMs) });
      }, budgetMs);
      worker.on('message', onMessage);
      worker.on('error', onFailure);
      worker.on('exit', onExit);
      worker.postMessage({ ...job, id });
    });
  }

  private start(): Worker {
    const worker = new Worker(workerModule(import.meta.url, 'compile-worker'), {
      workerData: { rulesDir: this.rulesDir },
      // flags such as --input-type or --eval are the parent's; the source shim registers its own loader
      execArgv: process.execArgv.filter((a) => !a.startsWith('--input-type')),
    });
    // the compile thread never keeps the process alive, and a crash only costs the job running
    worker.unref();
    worker.on('error', () => this.drop(worker));
    worker.on('exit', () => this.drop(worker));
    return worker;
  }

  private drop(worker: Worker): void {
    if (this.worker === worker) this.worker = null;
  }
}

/** SRV701: over the time budget; SRV702: the compile thread failed (it is restarted). */
function threadDiagnostic(outcome: { overBudget: boolean; message: string }, file: string): Diagnostic {
  return outcome.overBudget
    ? { code: 'SRV701', severity: 'error', message: outcome.message, file, range: NO_RANGE }
    : { code: 'SRV702', severity: 'error', message: MSG.compileThreadFailed(outcome.message), file, range: NO_RANGE };
}

export function createOffloadedToolchain(rulesDir: string, budgets: CompileBudgets = {}): Toolchain {
  const local = createRealToolchain(rulesDir);
  const thread = new CompileThread(rulesDir);
  const reloadMs = budgets.reloadMs ?? DEFAULT_BUDGETS.reloadMs;
  const checkMs = budgets.checkMs ?? DEFAULT_BUDGETS.checkMs;
  // Like the in-process compile, these never throw: a failure is a diagnostic on every file the
  // job was about, so a reload keeps each last good version and a /check says what happened.
  return {
    async compileFiles(entries) {
      const outcome = await thread.run({ op: 'compile', entries }, reloadMs);
      if (outcome.ok) return outcome.out as CompileOutput;
      return { rulesets: [], diagnostics: entries.map((file) => threadDiagnostic(outcome, file)) };
    },
    async checkSource(text, file, lang) {
      const outcome = await thread.run({ op: 'check', text, file, ...(lang === undefined ? {} : { lang }) }, checkMs);
      if (outcome.ok) return outcome.out as CheckOutput;
      const d = threadDiagnostic(outcome, file);
      return { diagnostics: [d], formatted: [`${file}: error ${d.code}: ${d.message}`] };
    },
    prepare: local.prepare,
    ...(local.loop === undefined ? {} : { loop: local.loop }),
    printExpr: local.printExpr,
    serializeResult: local.serializeResult,
  };
}
