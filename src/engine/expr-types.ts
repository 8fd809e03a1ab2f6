/**
 * The shapes every compiled expression shares — the per-record context, the indicator frame,
 * the closure type and the name environment — in a file below both expr.ts (which compiles
 * expressions) and builtins.ts (which expr.ts calls), so neither imports the other's types and
 * the engine has no import cycle. expr.ts re-exports them for its existing importers.
 */
import type { ExprIR } from '../compile/ir.js';
import type { Num } from './num.js';
import type { Val } from './values.js';

export type NodeMember = 'value' | 'points' | 'score' | 'status' | 'target' | 'rating';

/** The indicator being scored: what `value`, `target` and `weight` mean inside it. */
export interface Frame {
  value: Val;
  target: Val;
  weight: Num;
}

/** Per-record state handed to every closure. */
export interface Ctx {
  data: Record<string, unknown>;
  cache: Map<string, Val>;
  node: (path: string, member: NodeMember) => Val;
  scorecard: { total?: Val; grade?: Val; stage?: Val; reportedTotal?: Val; reportedGrade?: Val };
  /**
   * The caller's context (`previous.*`, `rectification.*`): only the recommendation stage
   * supplies it; scoring leaves it out, so context reads fail there (CMP225 refuses them).
   */
  context?(root: string, path: readonly string[]): Val;
}

export type Fn = (ctx: Ctx, self: Frame | null) => Val;

/** What names mean in this rule set; shared by every compiled expression. */
export interface ExprEnv {
  params: Map<string, ExprIR>;
  lets: Map<string, ExprIR>;
  /** Grade label → rank (higher is better), for `grade >= 良`. */
  gradeRank: Map<string, number>;
  compiled: Map<string, Fn>;
}

export interface Reads {
  data: Map<string, string[]>;
  nodes: Map<string, { path: string; member: NodeMember }>;
}
