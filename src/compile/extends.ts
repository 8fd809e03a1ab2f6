/**
 * Resolves `extends`: turns every framework declaration of the loaded files into an `RFramework`
 * whose tree, settings, grades, vetoes, params, lets and inputs include what it inherits.
 * Same-named dimensions merge (the child may change the weight and add nodes), `override`
 * replaces a node wholesale, `remove` deletes one (`remove input data.x` an inherited input); a child's param/let/input/veto with an
 * inherited name replaces the inherited one, its settings replace the parent's per kind, and its
 * `grades` block replaces the parent's. Reports unknown parents (CMP204), extends cycles (CMP205),
 * redefinitions without `override` (CMP206), `override`/`remove` of nothing (CMP207/CMP208),
 * `override`/`remove` outside an extending framework (CMP219), duplicate names (CMP203, CMP220),
 * and a chain of more than `MAX_EXTENDS_DEPTH` ancestors (CMP227: each framework copies its
 * ancestors' trees, so a chain of thousands costs quadratic time).
 */
import type { SourceRange } from '../common/diagnostic.js';
import type { DataPath, DimensionDecl, FrameworkDecl, IndicatorDecl, Name, NodeMember } from '../dsl/ast.js';
import type { Accept } from './messages.js';
import type { Item, RFramework, RNode } from './model.js';
import { allNodes, assignPaths, cloneNodes, findBySuffix } from './model.js';
import { MAX_EXTENDS_DEPTH } from '../dsl/limits.js';
import { modifyNode } from './modify.js';
import { dataPathsOf } from './removed-inputs.js';
import { suggest } from './suggest.js';

export function resolveFrameworks(decls: readonly Item<FrameworkDecl>[], accept: Accept): Map<string, RFramework> {
  const byName = new Map<string, Item<FrameworkDecl>>();
  for (const d of decls) {
    const first = byName.get(d.decl.name.text);
    if (first) {
      const where = `${first.file}:${first.decl.name.range.start.line}`;
      accept('CMP220', d.file, d.decl.name.range, { name: d.decl.name.text, where });
      continue;
    }
    byName.set(d.decl.name.text, d);
  }
  const done = new Map<string, RFramework>();
  const visiting: string[] = [];
  /** Ancestors of each resolved framework; Infinity below a chain cut for its length (CMP227). */
  const chain = new Map<string, number>();

  const resolve = (item: Item<FrameworkDecl>): RFramework => {
    const name = item.decl.name.text;
    const cached = done.get(name);
    if (cached) return cached;
    visiting.push(name);
    let parent: RFramework | undefined;
    let ancestors = 0;
    const ext = item.decl.extends;
    if (ext) {
      const p = byName.get(ext.text);
      const tooLong = (): void => {
        accept('CMP227', item.file, ext.range, { name: ext.text, limit: MAX_EXTENDS_DEPTH });
        ancestors = Infinity;
      };
      if (!p) {
        accept('CMP204', item.file, ext.range, { name: ext.text, suggestion: suggest(ext.text, byName.keys()) });
      } else if (visiting.includes(ext.text)) {
        const cycle = [...visiting.slice(visiting.indexOf(ext.text)), ext.text].join(' → ');
        accept('CMP205', item.file, ext.range, { cycle });
      } else if (visiting.length > MAX_EXTENDS_DEPTH) {
        // Resolving parents first would recurse once per ancestor: stop before the stack does.
        tooLong();
      } else {
        parent = resolve(p);
        ancestors = (chain.get(p.decl.name.text) ?? 0) + 1;
        // Below a cut the chain is broken already: no second report, and no ancestors to copy.
        if (ancestors === Infinity) parent = undefined;
        else if (ancestors > MAX_EXTENDS_DEPTH) {
          tooLong();
          parent = undefined;
        }
      }
    }
    chain.set(name, ancestors);
    const rf = build(item, parent, accept);
    rf.broken = (ext !== undefined && parent === undefined) || (parent?.broken ?? false);
    visiting.pop();
    done.set(name, rf);
    return rf;
  };
  for (const d of byName.values()) resolve(d);
  return done;
}

function byItemName<T extends { name: Name }>(inherited: Item<T>[], own: T[], file: string, what: string, accept: Accept): Item<T>[] {
  const out = [...inherited];
  // Position of the first item of each name: a search per declaration made 20,000 lets quadratic.
  const at = new Map<string, number>();
  out.forEach((x, i) => {
    if (!at.has(x.decl.name.text)) at.set(x.decl.name.text, i);
  });
  const ownSeen = new Map<string, T>();
  for (const decl of own) {
    const first = ownSeen.get(decl.name.text);
    if (first) {
      accept('CMP203', file, decl.name.range, { name: decl.name.text, what, line: first.name.range.start.line });
      continue;
    }
    ownSeen.set(decl.name.text, decl);
    const i = at.get(decl.name.text);
    if (i !== undefined) out[i] = { decl, file };
    else {
      at.set(decl.name.text, out.length);
      out.push({ decl, file });
    }
  }
  return out;
}

function build(item: Item<FrameworkDecl>, parent: RFramework | undefined, accept: Accept): RFramework {
  const { decl, file } = item;
  const settings = new Map(parent?.settings ?? []);
  for (const s of decl.settings) settings.set(s.kind, { decl: s, file });
  const meta = {
    ...(parent?.meta ?? { refs: [] }),
    ...(decl.meta.title !== undefined ? { title: decl.meta.title } : {}),
    ...(decl.meta.description !== undefined ? { description: decl.meta.description } : {}),
    ...(decl.meta.unit !== undefined ? { unit: decl.meta.unit } : {}),
    refs: decl.meta.refs.length > 0 ? decl.meta.refs : (parent?.meta.refs ?? []),
  };
  const rf: RFramework = {
    name: decl.name.text,
    decl,
    file,
    lineage: parent ? [parent.name, ...parent.lineage] : [],
    meta,
    settings,
    vetoes: byItemName(parent?.vetoes ?? [], decl.vetoes, file, 'veto', accept),
    outcomes: byItemName(parent?.outcomes ?? [], decl.outcomes ?? [], file, 'outcome', accept),
    requires: [...(parent?.requires ?? []), ...decl.requires.map((r) => ({ decl: r, file }))],
    params: byItemName(parent?.params ?? [], decl.params, file, 'param', accept),
    lets: byItemName(parent?.lets ?? [], decl.lets, file, 'let', accept),
    inputs: [],
    removedReads: new Set(parent?.removedReads ?? []),
    sharedMethods: byItemName(parent?.sharedMethods ?? [], decl.sharedMethods, file, 'table', accept),
    roots: parent ? cloneNodes(parent.roots) : [],
    broken: false,
  };
  const label = decl.label ?? parent?.label;
  if (label !== undefined) rf.label = label;
  const grades = decl.grades ? { decl: decl.grades, file } : parent?.grades;
  if (grades) rf.grades = grades;
  // Inputs are keyed by data path; a child's declaration replaces the parent's.
  const inputs = new Map((parent?.inputs ?? []).map((i) => [i.decl.path.segments.join('.'), i]));
  for (const i of decl.inputs) inputs.set(i.path.segments.join('.'), { decl: i, file });

  const removeInput = (path: DataPath): void => {
    const key = path.segments.join('.');
    if (inputs.delete(key)) return;
    accept('CMP208', file, path.range, { name: `data.${key}`, suggestion: suggest(key, [...inputs.keys()]) });
  };
  const extending = parent !== undefined || decl.extends !== undefined;
  const ctx: MergeCtx = { fw: rf.name, file, accept, extending, root: rf.roots, removeInput, removedReads: rf.removedReads };
  applyMembers(rf.roots, decl.members, ctx);
  rf.inputs = [...inputs.values()];
  assignPaths(rf.roots);
  return rf;
}

interface MergeCtx {
  fw: string;
  file: string;
  accept: Accept;
  extending: boolean;
  root: RNode[];
  /** `remove input data.x`: drops the inherited declaration (CMP208 when there is none). */
  removeInput?: (path: DataPath) => void;
  /** Where the data paths read by removed and overridden nodes are collected. */
  removedReads?: Set<string>;
}

export function newNode(decl: DimensionDecl | IndicatorDecl, file: string, fw: string, accept: Accept): RNode {
  const node: RNode = { kind: decl.kind, name: decl.name.text, decl, file, from: fw, meta: decl.meta, children: [], path: [] };
  if (decl.weight) node.weight = { decl: decl.weight, file };
  if (decl.applicable) node.applicable = { decl: decl.applicable, file };
  if (decl.kind === 'dimension') {
    applyMembers(node.children, decl.members, { fw, file, accept, extending: false, root: node.children });
  }
  return node;
}

/** Applies a framework's (or a merged dimension's) members to a list of sibling nodes. */
function applyMembers(target: RNode[], members: readonly NodeMember[], ctx: MergeCtx): void {
  const own = new Map<string, RNode>();
  for (const m of members) {
    if (m.kind === 'remove') {
      if (!m.input) applyRemove(target, m.path, m.range, ctx);
      else if (!ctx.extending) ctx.accept('CMP219', ctx.file, m.range, { what: 'remove' });
      else ctx.removeInput?.(m.input);
      continue;
    }
    if (m.override && !ctx.extending) {
      ctx.accept('CMP219', ctx.file, m.name.range, { what: m.kind === 'indicator' && m.partial ? 'modify' : 'override' });
    }
    const dotted = m.name.text.includes('.') ? m.name.text.split('.') : [m.name.text];
    const dup = own.get(m.name.text);
    if (dup) {
      ctx.accept('CMP203', ctx.file, m.name.range, { name: m.name.text, what: m.kind, line: dup.decl.name.range.start.line });
      continue;
    }
    let list = target;
    let existing = target.find((n) => n.name === m.name.text);
    if (!existing && (m.override || dotted.length > 1) && ctx.extending) {
      // `override indicator 过程.资金使用合规性` or a unique name anywhere below this level.
      const found = findBySuffix(target, dotted).filter((n) => n.from !== ctx.fw);
      if (found.length === 1) {
        existing = found[0];
        list = parentList(ctx.root, existing!) ?? target;
      }
    }
    if (existing && existing.from === ctx.fw) {
      ctx.accept('CMP203', ctx.file, m.name.range, { name: m.name.text, what: m.kind, line: existing.decl.name.range.start.line });
      continue;
    }
    if (m.override) {
      if (!existing) {
        if (ctx.extending) {
          const names = allNodes(target).map((n) => n.name);
          ctx.accept('CMP207', ctx.file, m.name.range, { name: m.name.text, suggestion: suggest(m.name.text, names) });
        }
        continue;
      }
      noteReads(existing, ctx);
      if (m.kind === 'indicator' && m.partial) {
        const changed = modifyNode(existing, m, ctx);
        if (changed) list[list.indexOf(existing)] = changed;
        own.set(m.name.text, changed ?? existing);
        continue;
      }
      const fresh = newNode(m, ctx.file, ctx.fw, ctx.accept);
      fresh.name = existing.name;
      list[list.indexOf(existing)] = fresh;
      own.set(m.name.text, fresh);
      continue;
    }
    if (existing) {
      if (m.kind === 'dimension' && existing.kind === 'dimension') {
        mergeDimension(existing, m, ctx);
        own.set(m.name.text, existing);
      } else {
        ctx.accept('CMP206', ctx.file, m.name.range, { name: m.name.text, parent: existing.from });
      }
      continue;
    }
    const node = newNode(m, ctx.file, ctx.fw, ctx.accept);
    target.push(node);
    own.set(m.name.text, node);
  }
}

function mergeDimension(existing: RNode, m: DimensionDecl, ctx: MergeCtx): void {
  existing.mergedAt = { decl: m.name, file: ctx.file };
  if (m.weight) existing.weight = { decl: m.weight, file: ctx.file };
  if (m.applicable) existing.applicable = { decl: m.applicable, file: ctx.file };
  existing.meta = {
    ...existing.meta,
    ...(m.meta.title !== undefined ? { title: m.meta.title } : {}),
    ...(m.meta.description !== undefined ? { description: m.meta.description } : {}),
    refs: m.meta.refs.length > 0 ? m.meta.refs : existing.meta.refs,
  };
  applyMembers(existing.children, m.members, { ...ctx, root: ctx.root });
}

function applyRemove(target: RNode[], path: Name[], range: SourceRange, ctx: MergeCtx): void {
  const parts = path.flatMap((p) => p.text.split('.'));
  const last = path[path.length - 1];
  if (!ctx.extending) {
    ctx.accept('CMP219', ctx.file, range, { what: 'remove' });
    return;
  }
  const found = findBySuffix(target, parts).filter((n) => n.from !== ctx.fw);
  if (found.length !== 1) {
    const names = allNodes(target).map((n) => n.name);
    const at = last ? { start: path[0]!.range.start, end: last.range.end } : range;
    ctx.accept('CMP208', ctx.file, at, { name: parts.join('.'), suggestion: suggest(parts[parts.length - 1] ?? '', names) });
    return;
  }
  const list = parentList(ctx.root, found[0]!) ?? target;
  noteReads(found[0]!, ctx);
  list.splice(list.indexOf(found[0]!), 1);
}

/** Records what an inherited node that is going away read, for removed-inputs.ts. */
function noteReads(node: RNode, ctx: MergeCtx): void {
  if (ctx.removedReads) for (const n of allNodes([node])) dataPathsOf(n.decl, ctx.removedReads);
}

function parentList(roots: RNode[], node: RNode): RNode[] | undefined {
  if (roots.includes(node)) return roots;
  for (const r of roots) {
    const found = parentList(r.children, node);
    if (found) return found;
  }
  return undefined;
}
