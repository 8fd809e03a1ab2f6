/**
 * The body of one report-rendering worker thread: it gets the rule set and output settings once,
 * then renders and writes each chunk of jobs it is sent and acknowledges the chunk. Chart
 * rendering (ECharts SSR, ~10 ms a chart) dominates a batch of HTML reports, so spreading it over
 * the cores is what makes a thousand reports take seconds.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { renderJob, type RenderReply, type RenderRequest, type RenderSettings } from './render-jobs.js';

const settings = workerData as RenderSettings;

parentPort!.on('message', (request: RenderRequest) => {
  let reply: RenderReply = { seq: request.seq };
  try {
    for (const job of request.jobs) renderJob(job, settings);
  } catch (error) {
    reply = { seq: request.seq, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
