/**
 * A synchronous evaluator of json-rules-engine rule JSON, compiled once into closures; batches use
 * it instead of json-rules-engine, whose semantics it reproduces exactly (a fast-check property
 * test holds the two together):
 * - facts: a runtime fact that is absent reads as `undefined` (`allowUndefinedFacts`); a `path`
 *   is resolved only when the fact value is a non-null object, otherwise the value itself is used
 *   (json-rules-engine's almanac does the same); a `value` that is an object with an own `fact`
 *   is read the same way;
 * - operators: `equal`/`notEqual` are `===`/`!==`; the four ordering operators first require
 *   `Number.parseFloat(fact)` not to be NaN, then apply JS `<`, `<=`, `>`, `>=`;
 * - `all` and `any` with no conditions are both true (json-rules-engine's quirk); `not` negates;
 * - rules run by priority, highest first; equal priorities keep the order given (json-rules-engine
 *   evaluates them in parallel and emits in completion order, so callers sort by (priority,
 *   order) before comparing — see reference.ts).
 * It has no per-run state, so one compiled rule set can serve any number of concurrent callers.
 * Facts are read through a `FactSource`: by default the facts object itself (what the property
 * test holds against json-rules-engine); the recommender passes readers that take the same values
 * straight from a record's scope (facts.ts), so no facts object is built per record. The hot
 * path allocates nothing but the list of fired events.
 */
import { compilePointer } from './path.js';
import type { JreCondition, JreRule } from './to-rules-engine.js';

export type Predicate<S = Record<string, unknown>> = (facts: S) => boolean;
type Getter<S> = (facts: S) => unknown;
/** How a (fact, path) pair is read from a source `S`; compiled once per pair. */
export type FactSource<S> = (fact: string, path: string | undefined) => Getter<S>;

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** json-rules-engine's number validator, `parseFloat(v).toString() !== 'NaN'`, without the string. */
function numeric(v: unknown): boolean {
  return typeof v === 'number' ? v === v : !Number.isNaN(Number.parseFloat(v as string));
}

/* eslint-disable @typescript-eslint/no-explicit-any -- mirrors JS comparison on arbitrary values */
const OPERATORS: Record<string, (a: any, b: any) => boolean> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  lessThan: (a, b) => numeric(a) && a < b,
  lessThanInclusive: (a, b) => numeric(a) && a <= b,
  greaterThan: (a, b) => numeric(a) && a > b,
  greaterThanInclusive: (a, b) => numeric(a) && a >= b,
};
/* eslint-enable @typescript-eslint/no-explicit-any */

export const COMPILED_OPERATORS = Object.keys(OPERATORS);

/** Reads the facts object: an absent fact is undefined; a path applies only to an object. */
export const objectSource: FactSource<Record<string, unknown>> = (fact, path) => {
  if (!path) return (facts) => (hasOwn(facts, fact) ? facts[fact] : undefined);
  const resolve = compilePointer(path);
  return (facts) => {
    const v = hasOwn(facts, fact) ? facts[fact] : undefined;
    return v !== null && typeof v === 'object' ? resolve(v) : v;
  };
};

function valueGetter<S>(value: unknown, source: FactSource<S>): Getter<S> {
  if (value !== null && typeof value === 'object' && hasOwn(value, 'fact')) {
    const ref = value as { fact: string; path?: string };
    return source(ref.fact, ref.path);
  }
  return () => value;
}

function every<S>(parts: Predicate<S>[]): Predicate<S> {
  const n = parts.length;
  if (n === 2) {
    const [a, b] = parts as [Predicate<S>, Predicate<S>];
    return (f) => a(f) && b(f);
  }
  return (f) => {
    for (let i = 0; i < n; i++) if (!parts[i]!(f)) return false;
    return true;
  };
}

function some<S>(parts: Predicate<S>[]): Predicate<S> {
  const n = parts.length;
  if (n === 2) {
    const [a, b] = parts as [Predicate<S>, Predicate<S>];
    return (f) => a(f) || b(f);
  }
  return (f) => {
    for (let i = 0; i < n; i++) if (parts[i]!(f)) return true;
    return false;
  };
}

/** Compiles one condition tree; throws only for shapes this module never emits (a bug). */
export function compileCondition<S = Record<string, unknown>>(c: JreCondition, source: FactSource<S> = objectSource as unknown as FactSource<S>): Predicate<S> {
  if (hasOwn(c, 'all') || hasOwn(c, 'any')) {
    const isAll = hasOwn(c, 'all');
    const parts = ((c as { all?: JreCondition[]; any?: JreCondition[] }).all ?? (c as { any: JreCondition[] }).any).map((x) => compileCondition(x, source));
    if (parts.length === 0) return () => true;
    if (parts.length === 1) return parts[0]!;
    return isAll ? every(parts) : some(parts);
  }
  if (hasOwn(c, 'not')) {
    const inner = compileCondition((c as { not: JreCondition }).not, source);
    return (f) => !inner(f);
  }
  const leaf = c as { fact: string; path?: string; operator: string; value: unknown };
  const op = OPERATORS[leaf.operator];
  if (!op) throw new Error(`compiled evaluator: unsupported operator ${leaf.operator}`);
  const left = source(leaf.fact, leaf.path);
  const value = leaf.value;
  // A literal on the right is by far the usual leaf: no getter call for it.
  if (!(value !== null && typeof value === 'object' && hasOwn(value, 'fact'))) return (f) => op(left(f), value);
  const right = valueGetter(value, source);
  return (f) => op(left(f), right(f));
}

export interface CompiledRule<E, S = Record<string, unknown>> {
  priority: number;
  event: E;
  test: Predicate<S>;
}

/** Rule JSON compiled once: `run(facts)` returns fired events, priority desc then given order. */
export interface CompiledRules<E, S = Record<string, unknown>> {
  run(facts: S): E[];
}

export function compileRules<E = JreRule['event'], S = Record<string, unknown>>(
  rules: readonly { priority?: number; conditions: JreCondition; event: E }[],
  source?: FactSource<S>,
): CompiledRules<E, S> {
  const compiled: CompiledRule<E, S>[] = rules
    .map((r, i) => ({ i, priority: Math.trunc(r.priority ?? 1), event: r.event, test: compileCondition<S>(r.conditions, source) }))
    .sort((a, b) => b.priority - a.priority || a.i - b.i)
    .map(({ priority, event, test }) => ({ priority, event, test }));
  const tests = compiled.map((r) => r.test);
  const events = compiled.map((r) => r.event);
  const n = compiled.length;
  return {
    run(facts) {
      const fired: E[] = [];
      for (let i = 0; i < n; i++) if (tests[i]!(facts)) fired.push(events[i]!);
      return fired;
    },
  };
}
