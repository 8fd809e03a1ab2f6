/**
 * Pairs each result of a batch with the `ProjectInfo` of the record it came from, without
 * sending the record back from the worker threads: the reader stream is tapped on its way into
 * `assessParallel`, the info of every item is queued, and since the pipeline yields exactly one
 * result per item in input order, each result takes the queue's head. The queue holds only the
 * items in flight (a few chunks), so memory stays flat.
 */
import type { SourcedRecord } from '../../data/sourced-record.js';
import { infoFromRecord, type ProjectInfo } from '../../report/input.js';

export interface InfoTap {
  /** The reader stream to hand to the pipeline. */
  readonly items: AsyncIterable<SourcedRecord>;
  /** The info of the next result, in input order. */
  take(): ProjectInfo;
}

export function tapInfo(source: AsyncIterable<SourcedRecord>): InfoTap {
  const queue: ProjectInfo[] = [];
  let head = 0;
  async function* items(): AsyncIterable<SourcedRecord> {
    for await (const item of source) {
      queue.push(item.record === undefined ? {} : infoFromRecord(item.record));
      yield item;
    }
  }
  return {
    items: items(),
    take() {
      if (head >= queue.length) throw new Error('info tap: more results than records read');
      const info = queue[head]!;
      queue[head++] = {};
      // drop the consumed prefix now and then, so the array does not grow with the batch
      if (head > 4096) {
        queue.splice(0, head);
        head = 0;
      }
      return info;
    },
  };
}
