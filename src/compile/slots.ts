/**
 * Numbers a clause takes by a param's name. Grade cut-offs, `-> cap N`, `require … >= N`,
 * node weights and `rectify within N` accept a literal or the name of a param (`优 >= 优秀线`); this module
 * replaces each such name by a `NumberLit` holding the param's constant, in a copy of the
 * declaration, so every later check and the IR read a number as if it had been written there
 * (its `text` is the param's name, so a message quotes what the author wrote, at its place).
 * The param is marked used. A name that is not a param in scope is CMP202 with a suggestion, a
 * let or a param that reads data is CMP250, a param in the wrong unit (a cut-off of `90%`, a
 * deadline in 元) CMP251. Declarations are shared between the frameworks that inherit them, so
 * they are copied, never changed in place: a child may see another value through its own scope.
 */
import type { ActionDecl, GradesDecl, NumberLit, NumberSlot, RequireDecl, RulesDecl, VetoDecl } from '../dsl/ast.js';
import { constOf, showConst } from './const.js';
import { allNodes, type Item, type RFramework } from './model.js';
import type { Env, Sym } from './scope.js';
import { suggest } from './suggest.js';
import { COMPILE_TERMS } from './messages-terms.js';
import { SCORE, describeUnit } from './units.js';

/** What the number stands for: points (cut-offs, caps, weight shares) or a deadline in days. */
export type SlotKind = 'points' | 'days';

const ACCEPTS: Record<SlotKind, readonly (string | null)[]> = { points: [null, SCORE], days: [null, 'days'] };

/** The slot as a literal: itself, or its param's constant; undefined (reported) when it has none. */
export function resolveSlot(slot: NumberSlot, kind: SlotKind, scope: Map<string, Sym>, env: Env, file: string): NumberLit | undefined {
  if (slot.kind === 'number') return slot;
  const name = slot.parts.map((p) => p.text).join('.');
  const sym = slot.parts.length === 1 ? scope.get(name) : undefined;
  if (!sym) {
    const params = [...scope.values()].filter((s) => s.kind === 'param').map((s) => s.name);
    env.accept('CMP202', file, slot.range, { name, suggestion: suggest(name, params), expects: 'number' });
    return undefined;
  }
  env.facts.used.add(sym.key);
  const k = sym.kind === 'param' ? constOf(sym.item.decl.value, sym.scope) : undefined;
  if (!k) {
    env.accept('CMP250', file, slot.range, { name, what: sym.kind === 'let' ? COMPILE_TERMS.aLet : COMPILE_TERMS.aParamReadingData });
    return undefined;
  }
  if (!ACCEPTS[kind].includes(k.unit)) {
    env.accept('CMP251', file, slot.range, {
      name,
      value: showConst(k),
      found: describeUnit(k.unit),
      expected: kind === 'days' ? COMPILE_TERMS.days : COMPILE_TERMS.points,
    });
    return undefined;
  }
  return { kind: 'number', value: k.value.toFixed(), unit: k.unit, text: name, range: slot.range };
}

/**
 * The framework with its grade cut-offs, veto caps and requires resolved. An entry whose number
 * could not be resolved keeps its `ref`; the checks skip it (it was reported here).
 */
export function resolveFrameworkSlots(rf: RFramework, scope: Map<string, Sym>, env: Env): RFramework {
  const grades: Item<GradesDecl> | undefined = rf.grades && {
    ...rf.grades,
    decl: {
      ...rf.grades.decl,
      grades: rf.grades.decl.grades.map((g) => (g.min ? { ...g, min: resolveSlot(g.min, 'points', scope, env, rf.grades!.file) ?? g.min } : g)),
    },
  };
  const vetoes: Item<VetoDecl>[] = rf.vetoes.map((v) => {
    const e = v.decl.effect;
    if (e.kind !== 'cap') return v;
    return { ...v, decl: { ...v.decl, effect: { kind: 'cap', value: resolveSlot(e.value, 'points', scope, env, v.file) ?? e.value } } };
  });
  const requires: Item<RequireDecl>[] = rf.requires.map((r) => ({
    ...r,
    decl: { ...r.decl, value: resolveSlot(r.decl.value, 'points', scope, env, r.file) ?? r.decl.value },
  }));
  // Node weights by a param's name: the nodes are this framework's own copies, set in place.
  for (const n of allNodes(rf.roots)) {
    if (!n.weightRef) continue;
    const lit = resolveSlot(n.weightRef.decl, 'points', scope, env, n.weightRef.file);
    // One that cannot be resolved keeps its ref, so "no weight" (CMP303) is not said on top.
    if (!lit) continue;
    n.weight = { decl: lit, file: n.weightRef.file };
    delete n.weightRef;
  }
  const out: RFramework = { ...rf, vetoes, requires };
  if (grades) out.grades = grades;
  return out;
}

/** A rules block with every `rectify within <param>` resolved against the block's scope. */
export function resolveBlockSlots(item: Item<RulesDecl>, scope: Map<string, Sym>, env: Env): Item<RulesDecl> {
  const { decl, file } = item;
  if (!decl.rules.some((r) => r.actions.some((a) => a.withinDays?.kind === 'ref'))) return item;
  const action = (a: ActionDecl): ActionDecl => (a.withinDays ? { ...a, withinDays: resolveSlot(a.withinDays, 'days', scope, env, file) ?? a.withinDays } : a);
  return { ...item, decl: { ...decl, rules: decl.rules.map((r) => ({ ...r, actions: r.actions.map(action) })) } };
}

/** The literal of a resolved slot; undefined for a name that was reported. */
export function slotNumber(slot: NumberSlot | undefined): NumberLit | undefined {
  return slot?.kind === 'number' ? slot : undefined;
}
