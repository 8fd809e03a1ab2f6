/**
 * Joins output lines that lie next to each other in memory into one write. A worker's chunk of
 * results arrives as one buffer and the batch hands each result on as a view into it, so the
 * views of one chunk can be written as a single view of the whole run, with no copy and one
 * system call per chunk instead of one per result.
 */
export class AdjacentLines {
  private pending: Uint8Array | undefined;

  /** Adds a line; returns what must be written first when it does not continue the run. */
  add(line: Uint8Array): Uint8Array | undefined {
    const run = this.pending;
    if (run && run.buffer === line.buffer && run.byteOffset + run.byteLength === line.byteOffset) {
      this.pending = new Uint8Array(run.buffer, run.byteOffset, run.byteLength + line.byteLength);
      return undefined;
    }
    this.pending = line;
    return run;
  }

  /** The run still held, if any; afterwards nothing is held. */
  take(): Uint8Array | undefined {
    const run = this.pending;
    this.pending = undefined;
    return run;
  }
}
