/**
 * Params and lets as symbols: building the scope maps for a framework and for a rules block
 * (block names shadow the framework's), lowering a symbol's value once and on demand (so order of
 * declaration does not matter and a cycle ends instead of recursing forever), and ordering lets
 * topologically for the IR — each `let` after the ones it reads, source order otherwise.
 */
import { periodRefs } from './dated-params.js';
import type { LetDecl, ParamDecl } from '../dsl/ast.js';
import type { LetIR, ParamIR } from './ir.js';
import { lowerExpr } from './expr.js';
import type { Item } from './model.js';
import type { Env, Sym } from './scope.js';
import { ANY } from './units.js';

export function makeScope(
  items: { params: Item<ParamDecl>[]; lets: Item<LetDecl>[] },
  prefix: string,
  rules: boolean,
  parent?: Map<string, Sym>,
): Map<string, Sym> {
  const scope = new Map<string, Sym>(parent ?? []);
  const add = (kind: 'param' | 'let', item: Item<ParamDecl | LetDecl>): void => {
    const name = item.decl.name.text;
    scope.set(name, { kind, name, key: `${prefix}${kind}:${name}`, item, state: 'todo', ty: ANY, rules, scope });
  };
  for (const p of items.params) add('param', p);
  for (const l of items.lets) add('let', l);
  return scope;
}

export function lowerSymbol(sym: Sym, env: Env): void {
  if (sym.state !== 'todo') return;
  sym.state = 'doing';
  const l = lowerExpr(sym.item.decl.value, {
    env,
    file: sym.item.file,
    where: sym.kind === 'param' ? 'param' : sym.rules ? 'rules' : 'framework',
    scope: sym.scope,
    owner: sym.key,
    rules: sym.rules,
  });
  sym.ir = l.ir;
  sym.ty = l.ty;
  sym.state = 'done';
}

export function toParamIR(s: Sym, id: string): ParamIR {
  return { id, name: s.name, value: s.ir ?? { kind: 'boolean', value: false }, unit: unitFor(s), meta: metaOf(s) };
}

export function toLetIR(s: Sym, id: string): LetIR {
  return { id, name: s.name, value: s.ir ?? { kind: 'boolean', value: false }, unit: unitFor(s), meta: metaOf(s) };
}

function unitFor(s: Sym): string | null {
  return s.ty.k === 'num' ? s.ty.unit : null;
}

function metaOf(s: Sym): ParamIR['meta'] {
  const m = s.item.decl.meta;
  // A param by fiscal year carries one reference per period (dated-params.ts).
  const decl = s.item.decl;
  const out: ParamIR['meta'] = { refs: decl.kind === 'param' && decl.periods ? periodRefs(decl) : [...m.refs] };
  if (m.title !== undefined) out.title = m.title;
  if (m.description !== undefined) out.description = m.description;
  if (m.unit !== undefined) out.unit = m.unit;
  return out;
}

/**
 * Lets ordered so each comes after the lets it reads; ties keep declaration order. Depth-first
 * with its own stack, since a file may chain thousands of lets.
 */
export function topoLets(lets: Sym[], deps: Map<string, { to: string }[]>): Sym[] {
  const byKey = new Map(lets.map((s) => [s.key, s]));
  const out: Sym[] = [];
  const seen = new Set<string>();
  const path = new Set<string>();
  const frames: { s: Sym; deps: readonly { to: string }[]; next: number }[] = [];
  const enter = (s: Sym): void => {
    path.add(s.key);
    frames.push({ s, deps: deps.get(s.key) ?? [], next: 0 });
  };
  for (const root of lets) {
    if (seen.has(root.key)) continue;
    enter(root);
    while (frames.length > 0) {
      const f = frames[frames.length - 1]!;
      const d = f.deps[f.next++];
      if (d) {
        const t = byKey.get(d.to);
        if (t && !seen.has(t.key) && !path.has(t.key)) enter(t);
        continue;
      }
      frames.pop();
      path.delete(f.s.key);
      seen.add(f.s.key);
      out.push(f.s);
    }
  }
  return out;
}
