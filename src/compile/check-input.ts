/**
 * The types a check reads and the registry entry that names it, in their own file below both the
 * registry (`checks.ts`) and the checks it lists (bands, grades, methods, rules, weights), so
 * neither imports the other: `CheckInput` is everything one built framework offers a check,
 * `BlockBuild` one rules block as `build.ts` lowered it, and `Check` a named entry of the
 * registry. Types only; nothing here runs.
 */
import type { RulesDecl } from '../dsl/ast.js';
import type { RuleBlockIR, RuleSetIR } from './ir.js';
import type { Accept } from './messages.js';
import type { Item, RFramework } from './model.js';
import type { Env, Sym } from './scope.js';

/** One rules block after lowering: its scope (block names over the framework's) and symbols. */
export interface BlockBuild {
  item: Item<RulesDecl>;
  scope: Map<string, Sym>;
  params: Sym[];
  lets: Sym[];
  ir: RuleBlockIR;
}

export interface CheckInput {
  rf: RFramework;
  ir: RuleSetIR;
  env: Env;
  /** Framework-level params and lets. */
  scope: Map<string, Sym>;
  blocks: BlockBuild[];
  accept: Accept;
}

/** One entry of the check registry: `name` is what an internal error of the check quotes. */
export interface Check {
  name: string;
  run: (c: CheckInput) => void;
}
