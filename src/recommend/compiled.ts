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
 * Before compiling, the rule JSON is validated as json-rules-engine would read it
 * (rule-json-check.ts): rules it would reject or misread are left out, with `diagnostics`.
 * A rule reading a fact whole (no path) whose value is an object or a list is unavailable for
 * that record instead of comparing it (unavailable.ts); `evaluate` says which and why.
 */
import type { Diagnostic } from '../common/diagnostic.js';
import { compilePointer } from './path.js';
import { checkRuleJson, ruleLabel } from './rule-json-check.js';
import type { JreCondition, JreRule } from './to-rules-engine.js';
import { factLabel, isScalar, type Unavailable } from './unavailable.js';

export type Predicate<S = Record<string, unknown>> = (facts: S) => boolean;
type Getter<S> = (facts: S) => unknown;
/** How a (fact, path) pair is read from a source `S`; compiled once per pair. */
export type FactSource<S> = (fact: string, path: string | undefined) => Getter<S>;

const hasOwn = (o: object, k: string): boolean => Object.hasOwn(o, k);

/** json-rules-engine's number validator, `parseFloat(v).toString() !== 'NaN'`, without the string. */
function numeric(v: unknown): boolean {
  return typeof v === 'number' ? !Number.isNaN(v) : !Number.isNaN(Number.parseFloat(v as string));
}

// biome-ignore lint/suspicious/noExplicitAny: mirrors JavaScript's comparison of arbitrary values, as json-rules-engine's operators do
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

/** A whole-fact read of a condition: the only reads that can yield an object or a list. */
interface Probe<S> {
  get: Getter<S>;
  at: string;
  fact: string;
}

/** Walks the condition tree with an explicit stack: rule JSON from a caller may nest deeply. */
function collectProbes<S>(root: JreCondition, source: FactSource<S>): Probe<S>[] {
  const out: Probe<S>[] = [];
  const stack: [JreCondition, string][] = [[root, '/conditions']];
  while (stack.length > 0) {
    const [c, at] = stack.pop()!;
    const node = c as Record<string, unknown>;
    const group = hasOwn(node, 'any') ? 'any' : hasOwn(node, 'all') ? 'all' : undefined;
    if (group) {
      const children = node[group] as JreCondition[];
      for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, `${at}/${group}/${i}`]);
      continue;
    }
    if (hasOwn(node, 'not')) {
      stack.push([node.not as JreCondition, `${at}/not`]);
      continue;
    }
    const leaf = c as { fact: string; path?: string; value: unknown };
    if (!leaf.path) out.push({ get: source(leaf.fact, undefined), at, fact: factLabel(leaf.fact, leaf.path) });
    const v = leaf.value;
    if (v !== null && typeof v === 'object' && hasOwn(v, 'fact')) {
      const ref = v as { fact: string; path?: string };
      if (!ref.path) out.push({ get: source(ref.fact, undefined), at: `${at}/value`, fact: factLabel(ref.fact, ref.path) });
    }
  }
  return out;
}

export interface CompiledRule<E, S = Record<string, unknown>> {
  priority: number;
  event: E;
  test: Predicate<S>;
}

/** Rule JSON compiled once: `run(facts)` returns fired events, priority desc then given order. */
export interface CompiledRules<E, S = Record<string, unknown>> {
  run(facts: S): E[];
  /** Like `run`, and the rules left unavailable on these facts (with the reason). */
  evaluate(facts: S): { events: E[]; unavailable: Unavailable[] };
  /** Rules left out by validation (REC561–REC571). */
  diagnostics: Diagnostic[];
}

interface Entry<E, S> extends CompiledRule<E, S> {
  index: number;
  label: string;
  probes: Probe<S>[];
}

type Blocked = Omit<Unavailable, 'index' | 'rule' | 'event'>;

/** Runs one rule: true, false, or the reason it is unavailable. Never throws. */
function decide<E, S>(r: Entry<E, S>, facts: S): boolean | Blocked {
  for (const p of r.probes) if (!isScalar(p.get(facts))) return { at: p.at, fact: p.fact };
  try {
    return r.test(facts);
  } catch {
    // Only values no JSON/YAML/CSV record holds (a symbol) get here; still never throw.
    return { at: '/conditions', fact: '?' };
  }
}

export function compileRules<E = JreRule['event'], S = Record<string, unknown>>(
  rules: readonly { priority?: number; conditions: JreCondition; event: E }[],
  source: FactSource<S> = objectSource as unknown as FactSource<S>,
): CompiledRules<E, S> {
  const check = checkRuleJson(rules);
  const compiled: Entry<E, S>[] = check.accepted
    .map((i) => {
      const r = rules[i]!;
      return {
        index: i,
        label: ruleLabel(r, i),
        priority: Math.trunc(r.priority ?? 1),
        event: r.event,
        test: compileCondition<S>(r.conditions, source),
        probes: collectProbes(r.conditions, source),
      };
    })
    .sort((a, b) => b.priority - a.priority || a.index - b.index);
  const n = compiled.length;
  return {
    diagnostics: check.diagnostics,
    run(facts) {
      const fired: E[] = [];
      for (let i = 0; i < n; i++) if (decide(compiled[i]!, facts) === true) fired.push(compiled[i]!.event);
      return fired;
    },
    evaluate(facts) {
      const events: E[] = [];
      let unavailable: Unavailable[] | undefined;
      for (let i = 0; i < n; i++) {
        const r = compiled[i]!;
        const d = decide(r, facts);
        if (d === true) events.push(r.event);
        else if (d !== false) (unavailable ??= []).push({ index: r.index, rule: r.label, event: r.event, ...d });
      }
      return { events, unavailable: unavailable ? unavailable.sort((a, b) => a.index - b.index) : [] };
    },
  };
}
