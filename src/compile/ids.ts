/**
 * Stable ids for IR elements and the source map behind them. Ids are a prefix and a counter per
 * prefix (`n1`, `n2` for nodes, `b3` for bands …) handed out in one fixed walk over the resolved
 * framework, so the same text always yields the same ids and a reformatted file the same IR; the
 * source map (kept out of the hash) records where each id came from as file:line:column.
 */
import type { SourceRange } from '../common/diagnostic.js';
import type { SourceLocation } from './ir.js';

export class IdGen {
  private readonly counters = new Map<string, number>();
  readonly sourceMap: Record<string, SourceLocation> = {};

  constructor(private readonly displayPath: (file: string) => string = (f) => f) {}

  next(prefix: string, file: string, range: SourceRange): string {
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    const id = `${prefix}${n}`;
    this.sourceMap[id] = {
      file: this.displayPath(file),
      line: range.start.line,
      column: range.start.column,
      endLine: range.end.line,
      endColumn: range.end.column,
    };
    return id;
  }
}
