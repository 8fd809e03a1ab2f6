/**
 * The indicator and dimension members a rule set's conditions and traces read, gathered for a
 * record in one pass on the first such read; each equals what its lone reader returned. Stored
 * results are cold in the cache and a member is four dependent loads away: read rule by rule the
 * misses come one after another, here each level's loads of every read are in flight together.
 */
import type { DimensionResult, EvaluationResult, IndicatorResult } from '../engine/result.js';
import { dimensionMember, find, indicatorMember, type Position, scalar } from './facts.js';

/** The member a read takes: value, points (no call), or any other by name. */
const VALUE = 0;
const POINTS = 1;
const OTHER = 2;

interface NodeRead {
  indicator: boolean;
  path: string;
  cell: Position;
  member: string;
  take: number;
}

type Entry = IndicatorResult | DimensionResult | undefined;

/** A rule set's node reads; `add` only before the first record is scoped. */
export class NodeReads {
  private readonly reads: NodeRead[] = [];
  /** Scratch of one gather (gathers are synchronous). */
  private entries: Entry[] = [];
  /** The memo slot of a record's gathered reads. */
  slot: number | undefined;
  readonly gatherer = (scope: { result: EvaluationResult }): unknown[] => this.gather(scope.result);

  /** Plans a read: its index in `gather`'s list. */
  add(indicator: boolean, path: string, cell: Position, member: string): number {
    const take = member === 'points' || member === 'score' ? POINTS : indicator && (member === 'value' || member === 'rating') ? VALUE : OTHER;
    this.entries.push(undefined);
    return this.reads.push({ indicator, path, cell, member, take }) - 1;
  }

  /** Every planned read on `result`, in the order planned. */
  gather(result: EvaluationResult): unknown[] {
    const reads = this.reads;
    const n = reads.length;
    const inds = result.indicators;
    const dims = result.dimensions;
    const entries = this.entries;
    // 1. The entry at each learnt position: loads that do not wait for one another.
    for (let k = 0; k < n; k++) {
      const r = reads[k]!;
      const at = r.cell.at;
      entries[k] = at < 0 ? undefined : (r.indicator ? inds : dims)[at];
    }
    // 2. An entry not the path's (a moved node) is looked up.
    for (let k = 0; k < n; k++) {
      const r = reads[k]!;
      const e = entries[k];
      if (e === undefined || e.path !== r.path) entries[k] = r.indicator ? find(inds, r.path, r.cell) : find(dims, r.path, r.cell);
    }
    // 3. The members.
    const out = new Array<unknown>(n);
    for (let k = 0; k < n; k++) {
      const r = reads[k]!;
      const e = entries[k];
      if (e === undefined) continue;
      entries[k] = undefined; // keeps no record alive
      const v =
        r.take === POINTS
          ? e.points
          : r.take === VALUE
            ? (e as IndicatorResult).value
            : r.indicator
              ? indicatorMember(e as IndicatorResult, r.member)
              : dimensionMember(e as DimensionResult, r.member);
      out[k] = scalar(v);
    }
    return out;
  }
}
