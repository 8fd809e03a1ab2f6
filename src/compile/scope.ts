/**
 * What an expression can see while it is lowered: the framework environment (grades, declared
 * inputs, the node tree, the facts collected for later checks) and the names in scope (params
 * and lets of the framework, with a rules block's own params and lets layered on top). Also the
 * `Facts` record that lowering fills and the checks read: which symbols were used, which lets and
 * indicators refer to which (for cycle checks) and every data path with the type its use implies
 * (for the data schema).
 */
import type { SourceRange } from '../common/diagnostic.js';
import type { LetDecl, ParamDecl } from '../dsl/ast.js';
import type { ExprIR } from './ir.js';
import type { Accept } from './messages.js';
import type { Item, RFramework, RNode } from './model.js';
import type { Ty } from './units.js';

/**
 * `label`: text or a number, for the subject of levels labelled with numbers (`1: 100%`).
 * `count`: a number of cases (the subject of `deduct … per`), a whole number 0 or more.
 */
export type DataType = 'number' | 'count' | 'string' | 'boolean' | 'any' | 'array' | 'label';

export interface DataUse {
  segments: string[];
  type: DataType;
}

export interface Dep {
  to: string;
  file: string;
  range: SourceRange;
}

export interface Facts {
  /** 'param:<name>', 'let:<name>', 'input:<a.b>' (framework level) and block-scoped keys. */
  used: Set<string>;
  /**
   * What refers to what, for cycle checks and the order of lets: keys are symbol keys
   * ('let:执行率', 'rb1/let:unspent') and 'node:<path>' ('node:决策/立项依据充分性').
   */
  deps: Map<string, Dep[]>;
  /** Data path 'a.b' / 'items.[].x' → its use. */
  data: Map<string, DataUse>;
}

export function newFacts(): Facts {
  return { used: new Set(), deps: new Map(), data: new Map() };
}

export interface Sym {
  kind: 'param' | 'let';
  name: string;
  key: string;
  item: Item<ParamDecl | LetDecl>;
  /** Lowering state, so a `let` used before its declaration is lowered on demand and cycles stop. */
  state: 'todo' | 'doing' | 'done';
  ty: Ty;
  ir?: ExprIR;
  /** Rules-block symbols may use rules-only names (grade, total). */
  rules: boolean;
  scope: Map<string, Sym>;
}

/** An expression after lowering: its IR and its type. */
export interface Lowered {
  ir: ExprIR;
  ty: Ty;
}

export interface Env {
  fw: RFramework;
  /** Grade labels, highest first. */
  grades: string[];
  inputs: Map<string, Ty>;
  facts: Facts;
  accept: Accept;
  /** The type of an indicator's value (lowered on demand; `any` while in progress). */
  valueTy: (node: RNode) => Ty;
  /**
   * Lowers a param or let on first use (a no-op once done). Given here rather than imported so
   * that resolving names does not import the lowering that calls it: the recursion
   * lowerExpr → resolveRef → lowerSymbol → lowerExpr runs through this callback, not a module cycle.
   */
  lowerSymbol: (sym: Sym) => void;
  /** Every node, pre-order. */
  nodes: RNode[];
}

export type Where = 'indicator' | 'dimension' | 'framework' | 'veto' | 'rules' | 'param';

export interface ExprCtx {
  env: Env;
  file: string;
  where: Where;
  self?: RNode;
  scope: Map<string, Sym>;
  /** Who is being lowered, to record dependencies: a symbol key or 'node:<path>'. */
  owner?: string;
  rules: boolean;
  inAggregate?: boolean;
}

export function recordDep(ctx: ExprCtx, map: Map<string, Dep[]>, ownerKey: string, to: string, range: SourceRange): void {
  const list = map.get(ownerKey) ?? [];
  list.push({ to, file: ctx.file, range });
  map.set(ownerKey, list);
}

export const NODE_MEMBERS = ['value', 'points', 'score', 'status', 'target', 'rating'] as const;
export type NodeMember = (typeof NODE_MEMBERS)[number];
