/**
 * The body of one batch worker thread: it receives the rule set once, builds the assessor once,
 * then answers chunks of records with their serialized results (plus the few fields the main
 * thread needs for its summary), in the order it got them.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { RuleSetIR } from '../compile/ir.js';
import type { Lang } from '../common/lang.js';
import type { TraceLevel } from '../engine/result.js';
import { serializeResult } from '../engine/index.js';
import { createAssessor } from './assess.js';
import type { ChunkReply, ChunkRequest } from './parallel-protocol.js';
import { summarizeResult } from './parallel-protocol.js';

const { ir, stage, lang, trace } = workerData as { ir: RuleSetIR; stage?: string; lang?: Lang; trace?: TraceLevel };
const assessor = createAssessor(ir, { ...(lang ? { lang } : {}), ...(trace ? { trace } : {}) });

parentPort!.on('message', (request: ChunkRequest) => {
  const results = request.records.map((entry) => {
    const result = assessor.assess(entry.record, {
      fallbackId: entry.fallbackId,
      ...(stage ? { stage } : {}),
      ...(entry.context ? { context: entry.context } : {}),
    });
    return { json: serializeResult(result, { indent: 0 }), summary: summarizeResult(result) };
  });
  const reply: ChunkReply = { seq: request.seq, results };
  parentPort!.postMessage(reply);
});
