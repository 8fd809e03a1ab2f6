/**
 * The compiled path's reads of the facts a rule set's conditions and traces name: each (fact,
 * pointer) pair is compiled once per rule set into a reader over a record's scope that returns
 * exactly what `resolvePointer(facts[fact], pointer)` would on the facts object (a test holds the
 * two together); shapes the rules never emit fall back to that object itself. `createReaders`
 * hands out one reader per distinct pair, so a condition and the trace of the same fact share
 * it: a read that walks the record (data, context) is memoised per record in a slot of its own,
 * and an indicator or dimension read is one of the record's node reads, gathered together
 * (node-reads.ts).
 */
import { addSlot, positionOf, scalar, type Scope, type Shared } from './facts.js';
import { NodeReads } from './node-reads.js';
import { compilePointer, parsePointer } from './path.js';

export type FactReader = (scope: Scope) => unknown;

/** One reader per distinct (fact, pointer) of a rule set, shared by conditions and traces. */
export function createReaders(shared: Shared): (fact: string, path: string | undefined) => FactReader {
  const made = new Map<string, FactReader>();
  const nodes = new NodeReads();
  return (fact, path) => {
    // A NUL cannot be in a fact name json-rules-engine accepts from us, nor in a pointer we emit.
    const key = path === undefined ? fact : `${fact}\u0000${path}`;
    let r = made.get(key);
    if (r === undefined) made.set(key, (r = factReader(shared, fact, path, nodes)));
    return r;
  };
}

/** A read of the record or the caller's context: walked once per record, then kept. */
function memoised(shared: Shared, read: FactReader): FactReader {
  const slot = addSlot(shared);
  return (s) => s.cached(slot, read);
}

/** A member of an indicator or dimension, from the record's gathered node reads. */
function nodeReader(shared: Shared, nodes: NodeReads, indicator: boolean, path: string, member: string): FactReader {
  const k = nodes.add(indicator, path, positionOf(indicator ? shared.indicatorAt : shared.dimensionAt, path), member);
  const slot = (nodes.slot ??= addSlot(shared));
  return (s) => (s.cached(slot, nodes.gatherer) as unknown[])[k];
}

/** Compiles the read of one (fact, pointer); see the module docblock. */
export function factReader(shared: Shared, fact: string, path: string | undefined, nodes: NodeReads = new NodeReads()): FactReader {
  const fallback = (): FactReader => {
    const resolve = path === undefined ? (v: unknown) => v : compilePointer(path);
    return (s) => {
      const root = (s.facts as unknown as Record<string, unknown>)[fact];
      return root !== null && typeof root === 'object' ? resolve(root) : root;
    };
  };
  if (path === undefined) return fallback();
  const segs = parsePointer(path);
  if (segs === null) return () => undefined;
  const { plan } = shared;
  switch (fact) {
    case 'data':
    case 'context': {
      const resolve = compilePointer(path);
      return memoised(shared, fact === 'data' ? (s) => resolve(s.data) : (s) => resolve(s.context));
    }
    case 'scorecard':
      if (segs.length === 1) {
        const m = segs[0];
        if (m === 'grade') return (s) => scalar(s.result.grade);
        if (m === 'total') return (s) => scalar(s.result.total);
        if (m === 'gradeRank') return (s) => s.gradeRank();
        if (m === 'stage') return (s) => s.stage;
        if (m === 'reportedTotal') return (s) => scalar(s.result.reported?.total ?? null);
        if (m === 'reportedGrade') return (s) => scalar(s.result.reported?.grade ?? null);
        if (m === 'reportedGradeRank') return (s) => s.reportedGradeRank();
        if (m === 'missing') return () => undefined;
      }
      if (segs.length === 3 && segs[0] === 'indicators' && plan.indicatorPaths.has(segs[1]!)) {
        const [, p, m] = segs as [string, string, string];
        return nodeReader(shared, nodes, true, p, m);
      }
      if (segs.length === 3 && segs[0] === 'dimensions' && plan.dimensionPaths.has(segs[1]!)) {
        const [, p, m] = segs as [string, string, string];
        return nodeReader(shared, nodes, false, p, m);
      }
      return fallback();
    case 'params':
    case 'derived': {
      if (segs.length !== 2) return fallback();
      const blockIndex = plan.blocks.findIndex((b) => b.key === segs[0]);
      if (blockIndex < 0) return fallback();
      const key = segs[1]!;
      if (fact === 'params') {
        const slot = shared.nameSlots[blockIndex]!.get(key);
        if (slot === undefined) return fallback();
        return (s) => scalar(s.nameFact(blockIndex, slot, key));
      }
      const slot = shared.derivedSlots[blockIndex]!.get(key);
      const e = plan.blocks[blockIndex]!.derived.get(key);
      if (slot === undefined || e === undefined) return fallback();
      return (s) => scalar(s.derivedFact(blockIndex, slot, e));
    }
    default:
      return fallback();
  }
}
