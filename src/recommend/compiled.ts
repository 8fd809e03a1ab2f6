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

export type Predicate = (facts: Record<string, unknown>) => boolean;
type Getter = (facts: Record<string, unknown>) => unknown;

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

function factGetter(fact: string, path: string | undefined): Getter {
  const read: Getter = (facts) => (hasOwn(facts, fact) ? facts[fact] : undefined);
  if (!path) return read;
  const resolve = compilePointer(path);
  return (facts) => {
    const v = read(facts);
    return v !== null && typeof v === 'object' ? resolve(v) : v;
  };
}

function valueGetter(value: unknown): Getter {
  if (value !== null && typeof value === 'object' && hasOwn(value, 'fact')) {
    const ref = value as { fact: string; path?: string };
    return factGetter(ref.fact, ref.path);
  }
  return () => value;
}

/** Compiles one condition tree; throws only for shapes this module never emits (a bug). */
export function compileCondition(c: JreCondition): Predicate {
  if (hasOwn(c, 'all') || hasOwn(c, 'any')) {
    const isAll = hasOwn(c, 'all');
    const parts = ((c as { all?: JreCondition[]; any?: JreCondition[] }).all ?? (c as { any: JreCondition[] }).any).map(compileCondition);
    if (parts.length === 0) return () => true;
    if (parts.length === 1) return parts[0]!;
    return isAll ? (f) => parts.every((p) => p(f)) : (f) => parts.some((p) => p(f));
  }
  if (hasOwn(c, 'not')) {
    const inner = compileCondition((c as { not: JreCondition }).not);
    return (f) => !inner(f);
  }
  const leaf = c as { fact: string; path?: string; operator: string; value: unknown };
  const op = OPERATORS[leaf.operator];
  if (!op) throw new Error(`compiled evaluator: unsupported operator ${leaf.operator}`);
  const left = factGetter(leaf.fact, leaf.path);
  const right = valueGetter(leaf.value);
  return (f) => op(left(f), right(f));
}

/** A whole-fact read of a condition: the only reads that can yield an object or a list. */
interface Probe {
  get: Getter;
  at: string;
  fact: string;
}

function collectProbes(c: JreCondition, at: string, out: Probe[]): Probe[] {
  const node = c as Record<string, unknown>;
  for (const key of ['any', 'all'] as const) {
    if (hasOwn(node, key)) {
      (node[key] as JreCondition[]).forEach((child, i) => collectProbes(child, `${at}/${key}/${i}`, out));
      return out;
    }
  }
  if (hasOwn(node, 'not')) return collectProbes(node.not as JreCondition, `${at}/not`, out);
  const leaf = c as { fact: string; path?: string; value: unknown };
  if (!leaf.path) out.push({ get: factGetter(leaf.fact, undefined), at, fact: factLabel(leaf.fact, leaf.path) });
  const v = leaf.value;
  if (v !== null && typeof v === 'object' && hasOwn(v, 'fact')) {
    const ref = v as { fact: string; path?: string };
    if (!ref.path) out.push({ get: factGetter(ref.fact, undefined), at: `${at}/value`, fact: factLabel(ref.fact, ref.path) });
  }
  return out;
}

export interface CompiledRule<E> {
  priority: number;
  event: E;
  test: Predicate;
}

/** Rule JSON compiled once: `run(facts)` returns fired events, priority desc then given order. */
export interface CompiledRules<E> {
  run(facts: Record<string, unknown>): E[];
  /** Like `run`, and the rules left unavailable on these facts (with the reason). */
  evaluate(facts: Record<string, unknown>): { events: E[]; unavailable: Unavailable[] };
  /** Rules left out by validation (REC561–REC571). */
  diagnostics: Diagnostic[];
}

interface Entry<E> extends CompiledRule<E> {
  index: number;
  label: string;
  probes: Probe[];
}

/** The reason a rule cannot run on these facts, or undefined. Never throws. */
function blocked<E>(r: Entry<E>, facts: Record<string, unknown>): Omit<Unavailable, 'index' | 'rule' | 'event'> | undefined {
  for (const p of r.probes) if (!isScalar(p.get(facts))) return { at: p.at, fact: p.fact };
  return undefined;
}

/** Runs one rule: true, false, or the reason it is unavailable. */
function decide<E>(r: Entry<E>, facts: Record<string, unknown>): boolean | Omit<Unavailable, 'index' | 'rule' | 'event'> {
  if (r.probes.length > 0) {
    const why = blocked(r, facts);
    if (why) return why;
  }
  try {
    return r.test(facts);
  } catch {
    // Only values no JSON/YAML/CSV record holds (a symbol) get here; still never throw.
    return { at: '/conditions', fact: '?' };
  }
}

export function compileRules<E = JreRule['event']>(rules: readonly { priority?: number; conditions: JreCondition; event: E }[]): CompiledRules<E> {
  const check = checkRuleJson(rules);
  const compiled: Entry<E>[] = check.accepted
    .map((i) => {
      const r = rules[i]!;
      return { index: i, label: ruleLabel(r, i), priority: r.priority ?? 1, event: r.event, test: compileCondition(r.conditions), probes: collectProbes(r.conditions, '/conditions', []) };
    })
    .sort((a, b) => b.priority - a.priority || a.index - b.index);
  return {
    diagnostics: check.diagnostics,
    run(facts) {
      const fired: E[] = [];
      for (const r of compiled) if (decide(r, facts) === true) fired.push(r.event);
      return fired;
    },
    evaluate(facts) {
      const events: E[] = [];
      const unavailable: Unavailable[] = [];
      for (const r of compiled) {
        const d = decide(r, facts);
        if (d === true) events.push(r.event);
        else if (d !== false) unavailable.push({ index: r.index, rule: r.label, event: r.event, ...d });
      }
      return { events, unavailable: unavailable.sort((a, b) => a.index - b.index) };
    },
  };
}
