/**
 * Results on their way to a workbook, kept on disk instead of in memory: the workbook has one
 * sheet per first-level dimension besides the project sheet, so it reads the results once per
 * sheet; the spool (a temporary NDJSON file of `{info, result}` lines) replays them as often as
 * needed in constant memory. `writeResultsWorkbook` then writes the .xlsx under a temporary name
 * and renames it into place, so a crash never leaves half a workbook. The spool is removed when
 * the workbook is written or the write fails; after `kill -9` the next run's spool removes it (its
 * name carries the pid, temp-files.ts).
 */
import { createReadStream, createWriteStream, mkdtempSync, renameSync, rmSync, type WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { RuleSetIR } from '../../compile/ir.js';
import type { EvaluationResult } from '../../engine/result.js';
import type { ProjectInfo, ReportItem } from '../../report/input.js';
import type { Lang } from '../../report/i18n/index.js';
import { removeStaleSpools, removeStaleTemps, SPOOL_PREFIX, tempPathFor } from '../temp-files.js';

/** A new spool folder named by this run's pid, after removing those of runs that are gone. */
function newSpoolDir(): string {
  removeStaleSpools(tmpdir());
  return mkdtempSync(join(tmpdir(), `${SPOOL_PREFIX}${process.pid}-`));
}

export class ResultsSpool {
  private readonly dir = newSpoolDir();
  private readonly file = join(this.dir, 'results.ndjson');
  private readonly stream: WriteStream = createWriteStream(this.file);
  count = 0;

  /** `resultJson` is the serialized result as the pipeline produced it (not re-serialized). */
  async add(resultJson: string, info: ProjectInfo): Promise<void> {
    this.count++;
    if (!this.stream.write(`{"info":${JSON.stringify(info)},"result":${resultJson}}\n`)) {
      await new Promise<void>((resolve) => this.stream.once('drain', () => resolve()));
    }
  }

  private finish(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.stream.writableFinished) resolve();
      else this.stream.end((error?: Error | null) => (error ? reject(error) : resolve()));
    });
  }

  /** A fresh pass over everything added, in order. */
  async *replay(): AsyncIterable<ReportItem> {
    const lines = createInterface({ input: createReadStream(this.file, { encoding: 'utf8' }), crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line) continue;
      const { info, result } = JSON.parse(line) as { info: ProjectInfo; result: EvaluationResult };
      yield { result, info };
    }
  }

  /** Writes the results workbook to `target` atomically, then removes the spool. */
  async writeWorkbook(target: string, ir: RuleSetIR, lang: Lang): Promise<void> {
    removeStaleTemps(target);
    const temp = tempPathFor(target);
    try {
      await this.finish();
      // ExcelJS is optional and only needed when a workbook is asked for.
      const { writeResultsXlsx } = await import('../../report/xlsx.js');
      await writeResultsXlsx(() => this.replay(), ir, temp, lang);
      renameSync(temp, target);
    } catch (error) {
      rmSync(temp, { force: true });
      throw error;
    } finally {
      this.dispose();
    }
  }

  /** Removes the spool without writing anything. */
  dispose(): void {
    this.stream.destroy();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
