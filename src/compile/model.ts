/**
 * The resolved model between loading and IR building: a framework with `extends` applied
 * (inherited tree, settings, grades, vetoes, params, lets, inputs), where every piece still points
 * at the AST declaration and the file it came from, so checks can report exact ranges. Also the
 * small shared types the checks use (`Item`, `RNode`) and helpers over the node tree.
 */
import type {
  DimensionDecl,
  FrameworkDecl,
  GradesDecl,
  IndicatorDecl,
  InputDecl,
  LetDecl,
  Meta,
  NumberLit,
  OutcomeDecl,
  ParamDecl,
  RequireDecl,
  RulesDecl,
  Setting,
  SharedMethodDecl,
  VetoDecl,
} from '../dsl/ast.js';

/** An AST declaration together with the file it was written in. */
export interface Item<T> {
  decl: T;
  file: string;
}

export interface RNode {
  kind: 'dimension' | 'indicator';
  name: string;
  decl: DimensionDecl | IndicatorDecl;
  /** File of `decl`. */
  file: string;
  /** The framework whose text created this node (an ancestor's name when inherited). */
  from: string;
  weight?: Item<NumberLit>;
  meta: Meta;
  applicable?: Item<NonNullable<DimensionDecl['applicable']>>;
  children: RNode[];
  /** The latest `dimension X { … }` of an extending framework that merged into this node. */
  mergedAt?: Item<import('../dsl/ast.js').Name>;
  /** Names from the root; filled by `assignPaths`. */
  path: string[];
}

export interface RFramework {
  name: string;
  decl: FrameworkDecl;
  file: string;
  /** Ancestors, nearest first. */
  lineage: string[];
  label?: string;
  meta: Meta;
  settings: Map<Setting['kind'], Item<Setting>>;
  grades?: Item<GradesDecl>;
  vetoes: Item<VetoDecl>[];
  /** Outcomes, inherited first (an extending framework's outcome of the same name replaces it). */
  outcomes: Item<OutcomeDecl>[];
  requires: Item<RequireDecl>[];
  params: Item<ParamDecl>[];
  lets: Item<LetDecl>[];
  inputs: Item<InputDecl>[];
  /** Data paths read by inherited nodes this framework removed or overrode (removed-inputs.ts). */
  removedReads: Set<string>;
  /** Band tables and rating scales by name, inherited ones first; a child's own replaces one. */
  sharedMethods: Item<SharedMethodDecl>[];
  roots: RNode[];
  /** Its `extends` chain could not be resolved: the tree is incomplete, so sums are not checked. */
  broken: boolean;
}

export interface RulesItem extends Item<RulesDecl> {}

export function isIndicator(n: RNode): n is RNode & { decl: IndicatorDecl } {
  return n.kind === 'indicator';
}

/** Pre-order walk (parents before children, source order). */
export function walkNodes(nodes: readonly RNode[], visit: (n: RNode, parent: RNode | undefined) => void, parent?: RNode): void {
  for (const n of nodes) {
    visit(n, parent);
    walkNodes(n.children, visit, n);
  }
}

export function assignPaths(nodes: readonly RNode[], prefix: string[] = []): void {
  for (const n of nodes) {
    n.path = [...prefix, n.name];
    assignPaths(n.children, n.path);
  }
}

export function allNodes(roots: readonly RNode[]): RNode[] {
  const out: RNode[] = [];
  walkNodes(roots, (n) => out.push(n));
  return out;
}

/** Deep copy of an inherited tree so a child framework's edits never touch its parent. */
export function cloneNodes(nodes: readonly RNode[]): RNode[] {
  return nodes.map((n) => ({ ...n, children: cloneNodes(n.children), path: [...n.path] }));
}

/**
 * Nodes a dotted reference may mean: those whose path ends with `parts`
 * (`预算执行率`, `过程.预算执行率` and `过程/资金管理/预算执行率` all find the same node).
 */
export function findBySuffix(roots: readonly RNode[], parts: readonly string[]): RNode[] {
  const out: RNode[] = [];
  walkNodes(roots, (n) => {
    if (n.path.length < parts.length) return;
    const tail = n.path.slice(n.path.length - parts.length);
    if (tail.every((p, i) => p === parts[i])) out.push(n);
  });
  return out;
}
