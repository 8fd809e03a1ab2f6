/**
 * The body of one batch worker thread: it receives the rule set once, builds the assessor once,
 * then answers chunks of records with their serialized results as one transferred UTF-8 buffer
 * (plus the few fields the main thread needs for its summary), in the order it got them.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { RuleSetIR } from '../compile/ir.js';
import type { Lang } from '../common/lang.js';
import type { TraceLevel } from '../engine/result.js';
import { serializeAssembledResult } from '../engine/index.js';
import { createAssessor } from './assess.js';
import type { ChunkRequest } from './parallel-protocol.js';
import { chunkReply, summarizeResult, type ResultSummary } from './parallel-protocol.js';

const { ir, stage, year, lang, trace } = workerData as { ir: RuleSetIR; stage?: string; year?: number; lang?: Lang; trace?: TraceLevel };
const assessor = createAssessor(ir, { ...(lang ? { lang } : {}), ...(trace ? { trace } : {}) });

parentPort!.on('message', (request: ChunkRequest) => {
  const jsons: string[] = [];
  const summaries: ResultSummary[] = [];
  for (const entry of request.records) {
    const result = assessor.assess(entry.record, {
      fallbackId: entry.fallbackId,
      ...(stage ? { stage } : {}),
      ...(year === undefined ? {} : { year }),
      ...(entry.context ? { context: entry.context } : {}),
    });
    jsons.push(serializeAssembledResult(result));
    summaries.push(summarizeResult(result));
  }
  const reply = chunkReply(request.seq, jsons, summaries);
  parentPort!.postMessage(reply, [reply.lines.buffer as ArrayBuffer]);
});
