/**
 * Compiles the rule blocks of a `RuleSetIR` into json-rules-engine rules: plain JSON with
 * `all`/`any`/`not` and `{fact, path, operator, value}` leaves, one rule per `RuleIR`, event
 * `{type: 'recommend', params: {block, rule, order, priority, reason, actions}}`. The same JSON is
 * what `jixiao compile --emit rules` prints, what the reference path feeds json-rules-engine and
 * what the compiled path turns into closures.
 *
 * Facts (all plain values, built per record by facts.ts; paths are JSON Pointers, see path.ts):
 * `scorecard` {grade, gradeRank, total, stage, indicators{path{value,points,score,status,target}},
 * dimensions{path{points,score,status}}}, `data` (the record), `params` {block{name}} (params and
 * lets, evaluated), `derived` {block{expr text}} and `context` (caller-supplied, read by
 * `previous.*` / `rectification.*`; `previous.gradeRank` added by facts.ts); `block` is the
 * block's name, or `name#index` when two blocks share a name.
 * A comparison with a plain reference on one side and a literal or plain reference on the other
 * becomes one leaf; any other operand (arithmetic, calls, `if`) becomes a derived fact named by
 * its canonical text (src/engine/print.ts, the printer traces use). Ordering comparisons on
 * `grade` use `gradeRank` (higher is better), and on `previous.grade` the context's
 * `previous.gradeRank`.
 * One meaning everywhere: a leaf is emitted only where json-rules-engine's `===` and ordering give
 * the engine's answer for every value the operand can hold (`rawSafe`). A comparison of a value
 * read as it arrived (record data, the caller's context, a name or call that passes one on) with a
 * string or with another reference, and a bare operand that is not a boolean by construction
 * (`when data.flag` with " true"), become a derived fact of the whole test, evaluated by the
 * engine (trimming, numeric strings, yes/no words), compared `equal true`.
 */
import type { ActionIR, ExprIR, NodeIR, RuleBlockIR, RuleSetIR } from '../compile/ir.js';
import type { Diagnostic } from '../common/diagnostic.js';
import { assertNever } from '../common/diagnostic.js';
import { printExpr } from '../engine/print.js';
import { recDiagnostic } from './messages.js';
import { escapeSegment, toPointer } from './path.js';
import { findName } from './units.js';

export type JreOperator = 'equal' | 'notEqual' | 'lessThan' | 'lessThanInclusive' | 'greaterThan' | 'greaterThanInclusive';
export const JRE_OPERATORS: readonly JreOperator[] = ['equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'];

export interface FactRefJson {
  fact: string;
  path?: string;
}
export interface JreLeaf extends FactRefJson {
  operator: JreOperator;
  value: unknown;
}
export type JreCondition = { all: JreCondition[] } | { any: JreCondition[] } | { not: JreCondition } | JreLeaf;
export type JreTop = { all: JreCondition[] } | { any: JreCondition[] } | { not: JreCondition };

export interface RecommendEventParams {
  block: string;
  rule: string;
  /** Source order over all blocks: the tie-breaker after priority. */
  order: number;
  priority: number;
  reason: string;
  actions: ActionIR[];
}
export interface JreRule {
  name: string;
  priority: number;
  conditions: JreTop;
  event: { type: 'recommend'; params: RecommendEventParams };
}

/** A fact a rule's condition reads, with the label shown in `Recommendation.facts`. */
export interface FactRef extends FactRefJson {
  label: string;
}

export interface BlockPlan {
  block: RuleBlockIR;
  /** The block's key in the `params` and `derived` facts: its name, or `name#index` when repeated. */
  key: string;
  /** Derived facts of this block: canonical text → expression. */
  derived: Map<string, ExprIR>;
  /** Params and lets of this block's scope that conditions read. */
  names: Set<string>;
}

export interface RulePlan {
  rules: JreRule[];
  blocks: BlockPlan[];
  /** Facts each rule reads, by `order`. */
  ruleFacts: Map<number, FactRef[]>;
  /** Index into `blocks` of each rule, by `order`. */
  ruleBlock: Map<number, number>;
  indicatorPaths: Set<string>;
  dimensionPaths: Set<string>;
  /** Grade label → rank, highest grade has the highest rank. */
  gradeRanks: Map<string, number>;
  diagnostics: Diagnostic[];
}

const OPS: Record<string, JreOperator> = {
  '==': 'equal',
  '!=': 'notEqual',
  '<': 'lessThan',
  '<=': 'lessThanInclusive',
  '>': 'greaterThan',
  '>=': 'greaterThanInclusive',
};
const FLIP: Record<string, string> = { '==': '==', '!=': '!=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

function nodeKinds(nodes: NodeIR[], out: Map<string, 'indicator' | 'dimension'>): Map<string, 'indicator' | 'dimension'> {
  for (const n of nodes) {
    out.set(n.path, n.kind);
    if (n.kind === 'dimension') nodeKinds(n.children, out);
  }
  return out;
}

function constant(e: ExprIR): { ok: true; value: string | number | boolean } | { ok: false } {
  if (e.kind === 'number') return { ok: true, value: Number(e.value) };
  if (e.kind === 'string' || e.kind === 'boolean') return { ok: true, value: e.value };
  if (e.kind === 'unary' && e.op === '-' && e.operand.kind === 'number') return { ok: true, value: -Number(e.operand.value) };
  return { ok: false };
}

/** Plans every rule block of the rule set; see the module docblock. */
export function planRules(ir: RuleSetIR): RulePlan {
  const kinds = nodeKinds(ir.nodes, new Map());
  const gradeRanks = new Map(ir.grades.map((g, i) => [g.label, ir.grades.length - i] as const));
  const plan: RulePlan = {
    rules: [],
    blocks: [],
    ruleFacts: new Map(),
    ruleBlock: new Map(),
    indicatorPaths: new Set(),
    dimensionPaths: new Set(),
    gradeRanks,
    diagnostics: [],
  };
  let order = 0;
  const nameCount = new Map<string, number>();
  for (const b of ir.ruleBlocks) nameCount.set(b.name, (nameCount.get(b.name) ?? 0) + 1);
  for (const [blockIndex, block] of ir.ruleBlocks.entries()) {
    const key = (nameCount.get(block.name) ?? 0) > 1 ? `${block.name}#${blockIndex}` : block.name;
    const bp: BlockPlan = { block, key, derived: new Map(), names: new Set() };
    plan.blocks.push(bp);
    for (const rule of block.rules) {
      const myOrder = order++;
      plan.ruleBlock.set(myOrder, blockIndex);
      if (!Number.isInteger(rule.priority) || rule.priority < 1) {
        plan.diagnostics.push(recDiagnostic('REC531', [rule.name, rule.priority], ir, rule.id));
        continue;
      }
      const facts: FactRef[] = [];
      const before = plan.diagnostics.length;
      const ctx = { ir, plan, bp, kinds, facts, ruleName: rule.name, ruleId: rule.id };
      const cond = toCondition(rule.when, ctx);
      if (plan.diagnostics.length > before) continue;
      const conditions: JreTop = 'all' in cond || 'any' in cond || 'not' in cond ? cond : { all: [cond] };
      plan.ruleFacts.set(myOrder, dedupe(facts));
      plan.rules.push({
        name: rule.name,
        priority: rule.priority,
        conditions,
        event: {
          type: 'recommend',
          params: { block: block.name, rule: rule.name, order: myOrder, priority: rule.priority, reason: rule.reason, actions: rule.actions },
        },
      });
    }
  }
  return plan;
}

/** The json-rules-engine rules of a rule set, as plain JSON (`jixiao compile --emit rules`). */
export function emitRules(ir: RuleSetIR): object[] {
  return planRules(ir).rules.map((r) => JSON.parse(JSON.stringify(r)) as object);
}

function dedupe(facts: FactRef[]): FactRef[] {
  const seen = new Set<string>();
  return facts.filter((f) => (seen.has(f.label) ? false : (seen.add(f.label), true)));
}

interface Ctx {
  ir: RuleSetIR;
  plan: RulePlan;
  bp: BlockPlan;
  kinds: Map<string, 'indicator' | 'dimension'>;
  facts: FactRef[];
  ruleName: string;
  ruleId: string;
}

function toCondition(e: ExprIR, ctx: Ctx): JreCondition {
  if (e.kind === 'binary' && (e.op === 'and' || e.op === 'or')) {
    const key = e.op === 'and' ? 'all' : 'any';
    const parts: JreCondition[] = [];
    const collect = (x: ExprIR): void => {
      if (x.kind === 'binary' && x.op === e.op) {
        collect(x.left);
        collect(x.right);
      } else parts.push(toCondition(x, ctx));
    };
    collect(e);
    return key === 'all' ? { all: parts } : { any: parts };
  }
  if (e.kind === 'unary' && e.op === 'not') {
    // `not` of a test the engine decides is decided by the engine too: missing stays missing
    // (the condition is false), as in scoring, instead of json-rules-engine's `not false`.
    const inner = engineTest(e.operand, ctx);
    if (inner) return truth(e, inner, ctx);
    return { not: toCondition(e.operand, ctx) };
  }
  const sides = engineTest(e, ctx);
  if (sides)
    return truth(
      e.kind === 'binary' && e.op in OPS ? e : { kind: 'binary', op: '==', left: e, right: { kind: 'boolean', value: true }, unit: null },
      sides,
      ctx,
    );
  if (e.kind === 'binary' && e.op in OPS) return comparison(e.op, e.left, e.right, ctx);
  // A bare boolean operand: `exists(data.x)`, a let that is a comparison.
  const ref = operand(e, ctx);
  return { fact: ref.fact, ...(ref.path !== undefined ? { path: ref.path } : {}), operator: 'equal', value: true };
}

function comparison(op: string, left: ExprIR, right: ExprIR, ctx: Ctx): JreCondition {
  const lc = constant(left);
  const rc = constant(right);
  if (lc.ok && !rc.ok) return comparison(FLIP[op] ?? op, right, left, ctx);
  const grade = gradeFact(left);
  const otherGrade = gradeFact(right);
  if (grade && otherGrade && op !== '==' && op !== '!=') {
    // `grade < previous.grade`: rank against rank (the compiler writes label pairs instead).
    ctx.facts.push({ fact: grade.fact, path: grade.path, label: grade.label }, { fact: otherGrade.fact, path: otherGrade.path, label: otherGrade.label });
    return { fact: grade.fact, path: grade.rankPath, operator: OPS[op]!, value: { fact: otherGrade.fact, path: otherGrade.rankPath } };
  }
  if (grade && rc.ok && typeof rc.value === 'string') {
    const rank = ctx.plan.gradeRanks.get(rc.value);
    if (rank === undefined) {
      ctx.plan.diagnostics.push(recDiagnostic('REC532', [ctx.ruleName, rc.value], ctx.ir, ctx.ruleId));
      return { fact: grade.fact, path: grade.path, operator: 'equal', value: rc.value };
    }
    ctx.facts.push({ fact: grade.fact, path: grade.path, label: grade.label });
    if (op === '==' || op === '!=') return { fact: grade.fact, path: grade.path, operator: OPS[op]!, value: rc.value };
    return { fact: grade.fact, path: grade.rankPath, operator: OPS[op]!, value: rank };
  }
  const l = operand(left, ctx);
  const value = rc.ok ? rc.value : toRefJson(operand(right, ctx));
  return { fact: l.fact, ...(l.path !== undefined ? { path: l.path } : {}), operator: OPS[op]!, value };
}

/**
 * Where a grade and its rank are read: `scorecard` /grade and /gradeRank, or for last year's
 * grade `context` /previous/grade and /previous/gradeRank (ranked by facts.ts against this rule
 * set's grades, so both grades order alike).
 */
function gradeFact(e: ExprIR): { fact: string; path: string; rankPath: string; label: string } | undefined {
  if (e.kind === 'scorecard' && e.member === 'grade') return { fact: 'scorecard', path: '/grade', rankPath: '/gradeRank', label: 'grade' };
  if (e.kind === 'scorecard' && e.member === 'reportedGrade') {
    return { fact: 'scorecard', path: '/reportedGrade', rankPath: '/reportedGradeRank', label: 'reported.grade' };
  }
  if (e.kind === 'context' && e.root === 'previous' && e.path.length === 1 && e.path[0] === 'grade') {
    return { fact: 'context', path: '/previous/grade', rankPath: '/previous/gradeRank', label: 'previous.grade' };
  }
  return undefined;
}

/**
 * What an operand holds, as far as json-rules-engine's operators are concerned: a boolean, a
 * number or a string the engine produced, a scored node's value (`engine`: a number, a trimmed
 * label or a boolean from the result), or `raw` — a value as the record or the caller gave it
 * (" 是 ", "3", "true"), on which `===` and the engine's `==` can differ.
 */
type Kind = 'bool' | 'num' | 'str' | 'engine' | 'raw';

function kindOf(e: ExprIR, ctx: Ctx, depth: number): Kind {
  switch (e.kind) {
    case 'number':
      return 'num';
    case 'string':
      return 'str';
    case 'boolean':
      return 'bool';
    case 'data':
    case 'context':
    case 'self':
      return 'raw';
    case 'scorecard':
      // The stage is trimmed when the record's scope is built (facts.ts), as `==` trims it.
      return e.member === 'total' || e.member === 'reportedTotal' ? 'num' : 'str';
    case 'node':
      return e.member === 'points' || e.member === 'score' ? 'num' : e.member === 'status' ? 'str' : 'engine';
    case 'param':
    case 'let': {
      const decl = findName(ctx.bp.block, ctx.ir, e.name);
      return decl && depth < 16 ? kindOf(decl.value, ctx, depth + 1) : 'raw';
    }
    case 'binary':
      return e.op === '+' || e.op === '-' || e.op === '*' || e.op === '/' ? 'num' : 'bool';
    case 'unary':
      return e.op === '-' ? 'num' : 'bool';
    case 'call': {
      if (e.fn === 'exists') return 'bool';
      if (e.fn !== 'coalesce') return 'num';
      const kinds = new Set(e.args.map((a) => kindOf(a, ctx, depth)));
      return kinds.size === 1 ? [...kinds][0]! : 'raw';
    }
    case 'if': {
      const t = kindOf(e.then, ctx, depth);
      return t === kindOf(e.otherwise, ctx, depth) ? t : 'raw';
    }
    default:
      return assertNever(e, 'expression kind');
  }
}

/**
 * Whether a leaf `left op right` decides as the engine does. A raw value against a number or a
 * boolean is left as a leaf only when it is a bare data path the record schema types without
 * text (a number or a boolean, validated before scoring), so `===` and JS ordering agree there;
 * anything else raw — `coalesce(data.flag, false)`, a let passing data on, the caller's context,
 * a field that may hold text such as `" 是 "` or `"95%"` — is decided by the engine, so a rule
 * reads `"true"` as the scorecard does (one boolean semantics).
 */
function leafExact(op: string, left: ExprIR, right: ExprIR, ctx: Ctx): boolean {
  if (gradeFact(left) || gradeFact(right)) return true;
  const lk = kindOf(left, ctx, 0);
  const rk = kindOf(right, ctx, 0);
  if (lk === 'raw' || rk === 'raw') {
    const [raw, other] = lk === 'raw' ? [left, rk] : [right, lk];
    return (other === 'num' || other === 'bool') && typedWithoutText(raw, ctx.ir);
  }
  return lk === rk || lk === 'engine' || rk === 'engine' || !(op === '==' || op === '!=');
}

/**
 * A bare data path whose schema leaf admits no text (only numbers, booleans or null). The
 * compiler puts every path a rule set reads into its schema; a path the schema does not hold
 * comes from a hand-made IR, whose author vouches for its type, as before.
 */
function typedWithoutText(e: ExprIR, ir: RuleSetIR): boolean {
  if (e.kind !== 'data' || e.path.includes('[]')) return false;
  let node: unknown = ir.dataSchema;
  for (const seg of e.path) {
    const props = (node as { properties?: Record<string, unknown> } | null)?.properties;
    if (!props || !Object.hasOwn(props, seg)) return true;
    node = props[seg];
  }
  const type = (node as { type?: unknown } | null)?.type;
  const types = typeof type === 'string' ? [type] : Array.isArray(type) ? type : [];
  return types.length > 0 && types.every((t) => t === 'number' || t === 'integer' || t === 'boolean' || t === 'null');
}

/**
 * The operands of a test json-rules-engine would decide differently from the engine, or
 * undefined when it is a faithful leaf: a comparison that is not `leafExact`, or a bare operand
 * that is not a boolean by construction (`data.audit.flag` holding "是" or " true").
 */
function engineTest(e: ExprIR, ctx: Ctx): ExprIR[] | undefined {
  if (e.kind === 'binary' && (e.op === 'and' || e.op === 'or')) return undefined;
  if (e.kind === 'unary' && e.op === 'not') return undefined;
  if (e.kind === 'binary' && e.op in OPS) return leafExact(e.op, e.left, e.right, ctx) ? undefined : [e.left, e.right];
  return kindOf(e, ctx, 0) === 'bool' ? undefined : [e];
}

/**
 * A whole test as a derived boolean fact, compared `equal true`. A recommendation lists what its
 * operands read (as a leaf would), not the test's own true: `sides` are those operands.
 */
function truth(e: ExprIR, sides: ExprIR[], ctx: Ctx): JreLeaf {
  const ref = derivedRef(e, ctx, false);
  for (const side of sides) if (!constant(side).ok) operand(side, ctx);
  return { fact: ref.fact, path: ref.path!, operator: 'equal', value: true };
}

function toRefJson(ref: FactRef): FactRefJson {
  return ref.path !== undefined ? { fact: ref.fact, path: ref.path } : { fact: ref.fact };
}

/** A plain reference as a fact, or a derived fact for anything else. Records what it reads. */
function operand(e: ExprIR, ctx: Ctx): FactRef {
  const ref = plainRef(e, ctx);
  if (ref) {
    ctx.facts.push(ref);
    return ref;
  }
  return derivedRef(e, ctx);
}

function derivedRef(e: ExprIR, ctx: Ctx, listed = true): FactRef {
  const key = printExpr(e);
  ctx.bp.derived.set(key, e);
  const derived = { fact: 'derived', path: toPointer([ctx.bp.key, key]), label: key };
  if (!listed) return derived;
  collectReads(e, ctx);
  ctx.facts.push(derived);
  return derived;
}

function plainRef(e: ExprIR, ctx: Ctx): FactRef | undefined {
  switch (e.kind) {
    case 'data':
      if (e.path.includes('[]')) return undefined;
      return { fact: 'data', path: toPointer(e.path), label: ['data', ...e.path].join('.') };
    case 'scorecard':
      return { fact: 'scorecard', path: '/' + e.member, label: e.member };
    case 'context':
      return { fact: 'context', path: toPointer([e.root, ...e.path]), label: [e.root, ...e.path].join('.') };
    case 'param':
    case 'let':
      ctx.bp.names.add(e.name);
      return { fact: 'params', path: toPointer([ctx.bp.key, e.name]), label: e.name };
    case 'node': {
      const kind = ctx.kinds.get(e.path);
      if (!kind) {
        ctx.plan.diagnostics.push(recDiagnostic('REC533', [ctx.ruleName, e.path], ctx.ir, ctx.ruleId));
        return { fact: 'scorecard', path: '/missing', label: e.path };
      }
      (kind === 'indicator' ? ctx.plan.indicatorPaths : ctx.plan.dimensionPaths).add(e.path);
      const group = kind === 'indicator' ? 'indicators' : 'dimensions';
      return { fact: 'scorecard', path: `/${group}/${escapeSegment(e.path)}/${e.member}`, label: `${e.path}.${e.member}` };
    }
    case 'self':
      ctx.plan.diagnostics.push(recDiagnostic('REC534', [ctx.ruleName, e.member], ctx.ir, ctx.ruleId));
      return { fact: 'scorecard', path: '/missing', label: e.member };
    case 'number':
    case 'string':
    case 'boolean':
    case 'binary':
    case 'unary':
    case 'call':
    case 'if':
      return undefined;
    default:
      return assertNever(e, 'expression kind');
  }
}

/** Records the plain references inside a derived expression (for facts shown and fact building). */
function collectReads(e: ExprIR, ctx: Ctx): void {
  const ref = plainRef(e, ctx);
  if (ref) {
    ctx.facts.push(ref);
    return;
  }
  switch (e.kind) {
    case 'binary':
      collectReads(e.left, ctx);
      collectReads(e.right, ctx);
      return;
    case 'unary':
      collectReads(e.operand, ctx);
      return;
    case 'call':
      e.args.forEach((a) => collectReads(a, ctx));
      return;
    case 'if':
      collectReads(e.condition, ctx);
      collectReads(e.then, ctx);
      collectReads(e.otherwise, ctx);
      return;
    case 'number':
    case 'string':
    case 'boolean':
    case 'data':
    case 'param':
    case 'let':
    case 'node':
    case 'self':
    case 'scorecard':
    case 'context':
      return;
    default:
      assertNever(e, 'expression kind');
  }
}
