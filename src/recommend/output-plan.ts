/**
 * The half of "fired events → recommendations" that no record changes, built once per rule set:
 * per rule (indexed by its `order`) the texts its recommendations carry, its block, the readers of
 * the facts it lists, and per action whether the amount is a percentage, the base of its line,
 * the combine that merges it and whether that combine's cap is a percentage. The decisions are
 * the ones actions.ts and combine.ts used to take per recommendation (units from the IR, the
 * first combine of the block naming the action's line or kind, `all` and unfit modes merging
 * nothing), so a record only pays for its own values. Events are matched by `order`, never by
 * object identity: json-rules-engine hands back copies of the event params.
 */
import type { ActionIR, CombineIR, ExprIR, RuleSetIR } from '../compile/ir.js';
import type { ActionVerb } from '../dsl/ast.js';
import { ACTION_COMBINE_MODES } from '../dsl/literals.js';
import type { Fn } from '../engine/expr.js';
import type { Num } from '../engine/num.js';
import { constantValue, decOf } from './exprs.js';
import type { FactReader } from './fact-readers.js';
import type { Scope, Shared } from './facts.js';
import type { RulePlan } from './to-rules-engine.js';
import { isPercentIn } from './units.js';

/**
 * An amount, base or cap: its closure, or its value when it reads nothing of a record (a param
 * such as `调减比例 = 10%`, `-调减比例`, `5%`), computed once here instead of per record.
 */
export interface PlannedValue {
  fn: Fn;
  fixed: boolean;
  value: Num | null;
}

function planValue(shared: Shared, blockIndex: number, e: ExprIR): PlannedValue {
  const exprs = shared.exprs[blockIndex]!;
  const v = constantValue(exprs, e);
  return { fn: exprs.fn(e), fixed: v !== undefined, value: v === undefined ? null : decOf(v) };
}

/** A planned value on a record, as an exact amount (null: none). */
export function valueOn(v: PlannedValue, scope: Scope, blockIndex: number): Num | null {
  return v.fixed ? v.value : decOf(scope.run(blockIndex, v.fn));
}

/** A combine that merges the recommendations of one block's one target. */
export interface CombinePlan {
  ir: CombineIR;
  /** Cap (a cap on a line only; action kinds ignore caps). */
  cap: PlannedValue | undefined;
  capIsPercent: boolean;
}

export interface ActionPlan {
  action: ActionIR;
  verb: ActionVerb;
  amount: PlannedValue | undefined;
  /** The amount is a percentage, so it applies to a base. */
  percent: boolean;
  /** Base of the action's line, when its block declares that line. */
  base: PlannedValue | undefined;
  withinDays: number | undefined;
  /** Undefined: the recommendation is kept as it fired. */
  combine: CombinePlan | undefined;
}

export interface RuleOutput {
  rule: string;
  block: string;
  reason: string;
  blockIndex: number;
  /** The facts its recommendations list: label and reader. */
  reads: readonly (readonly [string, FactReader])[];
  /**
   * Those labels as keys, in order, every value null: a record's facts object is a copy of it
   * (one shape per rule, no key added per record). Undefined when a label would not be a plain
   * key (`__proto__`), which is then assigned as before.
   */
  factsShape: Readonly<Record<string, unknown>> | undefined;
  actions: readonly ActionPlan[];
}

function combineFor(ir: RuleSetIR, blockIndex: number, action: ActionIR): CombineIR | undefined {
  const combines = ir.ruleBlocks[blockIndex]?.combines;
  if (!combines || combines.length === 0) return undefined;
  const line = action.line;
  const c = line !== undefined ? combines.find((x) => !x.action && x.line === line) : combines.find((x) => x.action === action.verb);
  if (!c || c.mode === 'all') return undefined;
  // A mode that does not fit the kind (hand-written IR; REC546) merges nothing.
  return c.action && !ACTION_COMBINE_MODES[c.action].includes(c.mode) ? undefined : c;
}

function factsShape(reads: readonly (readonly [string, FactReader])[]): Record<string, unknown> | undefined {
  const shape: Record<string, unknown> = {};
  for (const [label] of reads) {
    if (label === '__proto__') return undefined;
    shape[label] = null;
  }
  return shape;
}

/** Per `order`, the output plan of each planned rule (undefined for rules left out). */
export function planOutputs(ir: RuleSetIR, plan: RulePlan, shared: Shared, readersOf: (order: number) => [string, FactReader][]): (RuleOutput | undefined)[] {
  const outputs: (RuleOutput | undefined)[] = [];
  // Combine ids are unique over the rule set, so one id is one block's one target.
  const combines = new Map<string, CombinePlan>();
  for (const r of plan.rules) {
    const p = r.event.params;
    const blockIndex = plan.ruleBlock.get(p.order) ?? -1;
    const block = plan.blocks[blockIndex]?.block;
    const actions = p.actions.map((action): ActionPlan => {
      const c = combineFor(ir, blockIndex, action);
      let combine: CombinePlan | undefined;
      if (c) {
        combine = combines.get(c.id);
        if (!combine) {
          combine = {
            ir: c,
            cap: c.cap && !c.action ? planValue(shared, blockIndex, c.cap) : undefined,
            capIsPercent: c.cap ? isPercentIn(c.cap, block, ir) : false,
          };
          combines.set(c.id, combine);
        }
      }
      const decl = action.line === undefined ? undefined : block?.lines.find((l) => l.name === action.line);
      return {
        action,
        verb: action.verb,
        amount: action.amount ? planValue(shared, blockIndex, action.amount) : undefined,
        percent: action.amount ? isPercentIn(action.amount, block, ir) : false,
        base: decl ? planValue(shared, blockIndex, decl.base) : undefined,
        withinDays: action.withinDays === undefined ? undefined : Number(action.withinDays),
        combine,
      };
    });
    const reads = readersOf(p.order);
    outputs[p.order] = { rule: p.rule, block: p.block, reason: p.reason, blockIndex, reads, factsShape: factsShape(reads), actions };
  }
  return outputs;
}
