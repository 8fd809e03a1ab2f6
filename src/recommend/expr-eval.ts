/**
 * A small decimal evaluator of `ExprIR` for the recommendation stage: rule-block params and lets,
 * derived facts (conditions that are not a plain fact-op-value comparison), line bases, action
 * amounts and combine caps. Numbers are decimal.js values (never binary floats), missing values
 * are `null` and propagate through arithmetic; division by zero gives `null`. It never throws on
 * user data: a bad path or a type mismatch is `null`.
 *
 * `printExpr` renders an expression canonically; it names derived facts deterministically, so the
 * same expression gets the same fact name on every machine and in every emitted rule file.
 */
import { Decimal } from 'decimal.js';
import type { ExprIR } from '../compile/ir.js';
import { assertNever } from '../common/diagnostic.js';
import { ownProperty } from './path.js';

/** Decimal with enough digits for money and ratios, rounding half-up, isolated from global config. */
export const Dec = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof Dec>;

export type Value = Dec | string | boolean | null | Value[];

export type NodeMember = 'value' | 'points' | 'score' | 'status' | 'target';

export interface ExprEnv {
  data: unknown;
  /** A scorecard node's member as found in the result (raw JSON value; undefined when absent). */
  node(path: string, member: NodeMember): unknown;
  scorecard(member: 'grade' | 'total' | 'stage'): unknown;
  /** A param or let, resolved in the rule block's scope and then the framework's. */
  name(kind: 'param' | 'let', name: string): Value;
  /** Rank of a grade label (higher is better), undefined when it is not a grade. */
  gradeRank(label: string): number | undefined;
  /** The caller's context (`previous`, `rectification`, …); absent reads as missing. */
  readonly context?: unknown;
}

/** Converts a raw JSON value (record data, scorecard numbers) into an evaluator value. */
export function fromJson(raw: unknown): Value {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number') return Number.isFinite(raw) ? new Dec(raw) : null;
  if (typeof raw === 'string' || typeof raw === 'boolean') return raw;
  if (Array.isArray(raw)) return raw.map(fromJson);
  return null;
}

/** Converts an evaluator value into a fact value (JSON): decimals become numbers. */
export function toFact(value: Value): unknown {
  if (value instanceof Dec) return value.toNumber();
  if (Array.isArray(value)) return value.map(toFact);
  return value;
}

function readData(root: unknown, path: readonly string[]): Value {
  if (!path.includes('[]')) {
    let v: unknown = root;
    for (const segment of path) v = ownProperty(v, segment);
    return fromJson(v);
  }
  let current: unknown[] = [root];
  let mapped = false;
  for (const segment of path) {
    if (segment === '[]') {
      mapped = true;
      current = current.flatMap((v) => (Array.isArray(v) ? v : []));
      continue;
    }
    current = current.map((v) => ownProperty(v, segment));
  }
  return mapped ? current.map(fromJson) : fromJson(current[0]);
}

const isDec = (v: Value): v is Dec => v instanceof Dec;

function flat(values: Value[]): Value[] {
  return values.flatMap((v) => (Array.isArray(v) ? flat(v) : [v]));
}

function truthy(v: Value): boolean {
  return v === true;
}

function compare(op: string, left: Value, right: Value, env: ExprEnv, gradeSide: boolean): Value {
  if (left === null || right === null) return null;
  if (isDec(left) && isDec(right)) {
    const c = left.comparedTo(right);
    return cmp(op, c);
  }
  if (typeof left === 'string' && typeof right === 'string') {
    if (op === '==') return left === right;
    if (op === '!=') return left !== right;
    if (!gradeSide) return null;
    const l = env.gradeRank(left);
    const r = env.gradeRank(right);
    return l === undefined || r === undefined ? null : cmp(op, l - r);
  }
  if (typeof left === 'boolean' && typeof right === 'boolean') {
    if (op === '==') return left === right;
    if (op === '!=') return left !== right;
  }
  return op === '!=' ? true : op === '==' ? false : null;
}

function cmp(op: string, c: number): boolean {
  switch (op) {
    case '==':
      return c === 0;
    case '!=':
      return c !== 0;
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    default:
      return c >= 0;
  }
}

function arith(op: string, l: Value, r: Value): Value {
  if (!isDec(l) || !isDec(r)) return null;
  switch (op) {
    case '+':
      return l.plus(r);
    case '-':
      return l.minus(r);
    case '*':
      return l.times(r);
    default:
      return r.isZero() ? null : l.dividedBy(r);
  }
}

function call(fn: string, args: Value[]): Value {
  const nums = flat(args).filter(isDec);
  switch (fn) {
    case 'min':
    case 'max':
      if (flat(args).some((v) => v === null) || nums.length === 0) return null;
      return fn === 'min' ? Dec.min(...nums) : Dec.max(...nums);
    case 'abs':
      return isDec(args[0] ?? null) ? (args[0] as Dec).abs() : null;
    case 'round': {
      const x = args[0] ?? null;
      const d = args[1] ?? new Dec(0);
      return isDec(x) && isDec(d) ? x.toDecimalPlaces(d.toNumber(), Dec.ROUND_HALF_UP) : null;
    }
    case 'sum':
      return nums.reduce((a, b) => a.plus(b), new Dec(0));
    case 'avg':
      return nums.length === 0 ? null : nums.reduce((a, b) => a.plus(b), new Dec(0)).dividedBy(nums.length);
    case 'wavg': {
      const vs = Array.isArray(args[0]) ? flat(args[0]) : [];
      const ws = Array.isArray(args[1]) ? flat(args[1]) : [];
      let num = new Dec(0);
      let den = new Dec(0);
      vs.forEach((v, i) => {
        const w = ws[i] ?? null;
        if (isDec(v) && isDec(w)) {
          num = num.plus(v.times(w));
          den = den.plus(w);
        }
      });
      return den.isZero() ? null : num.dividedBy(den);
    }
    case 'count':
      return new Dec(flat(args).filter((v) => v !== null).length);
    case 'exists':
      return (args[0] ?? null) !== null;
    case 'coalesce':
      return args.find((v) => v !== null) ?? null;
    case 'clamp': {
      const [x, lo, hi] = [args[0] ?? null, args[1] ?? null, args[2] ?? null];
      return isDec(x) && isDec(lo) && isDec(hi) ? Dec.min(Dec.max(x, lo), hi) : null;
    }
    default:
      return null;
  }
}

/** `grade` and `previous.grade`: their ordering comparisons use grade rank. */
const isGradeRef = (e: ExprIR): boolean =>
  (e.kind === 'scorecard' && e.member === 'grade') || (e.kind === 'context' && e.root === 'previous' && e.path.length === 1 && e.path[0] === 'grade');

/** Literals parsed once per IR node (decimals are immutable, so sharing them is safe). */
const literals = new WeakMap<object, Dec>();

/** Evaluates an expression; never throws on user data. */
export function evalExpr(expr: ExprIR, env: ExprEnv): Value {
  switch (expr.kind) {
    case 'number': {
      let d = literals.get(expr);
      if (d === undefined) {
        d = new Dec(expr.value);
        literals.set(expr, d);
      }
      return d;
    }
    case 'string':
      return expr.value;
    case 'boolean':
      return expr.value;
    case 'data':
      return readData(env.data, expr.path);
    case 'param':
    case 'let':
      return env.name(expr.kind, expr.name);
    case 'node':
      return fromJson(env.node(expr.path, expr.member));
    case 'self':
      return null;
    case 'scorecard':
      return fromJson(env.scorecard(expr.member));
    case 'context':
      return readData(ownProperty(env.context, expr.root), expr.path);
    case 'binary': {
      if (expr.op === 'and') return truthy(evalExpr(expr.left, env)) && truthy(evalExpr(expr.right, env));
      if (expr.op === 'or') return truthy(evalExpr(expr.left, env)) || truthy(evalExpr(expr.right, env));
      const l = evalExpr(expr.left, env);
      const r = evalExpr(expr.right, env);
      if (['+', '-', '*', '/'].includes(expr.op)) return arith(expr.op, l, r);
      return compare(expr.op, l, r, env, isGradeRef(expr.left) || isGradeRef(expr.right));
    }
    case 'unary': {
      const v = evalExpr(expr.operand, env);
      if (expr.op === 'not') return v === null ? null : !truthy(v);
      return isDec(v) ? v.negated() : null;
    }
    case 'call':
      return call(expr.fn, expr.args.map((a) => evalExpr(a, env)));
    case 'if':
      return truthy(evalExpr(expr.condition, env)) ? evalExpr(expr.then, env) : evalExpr(expr.otherwise, env);
    default:
      return assertNever(expr, 'expression kind');
  }
}

const PREC: Record<string, number> = { or: 1, and: 2, '==': 4, '!=': 4, '<': 4, '<=': 4, '>': 4, '>=': 4, '+': 5, '-': 5, '*': 6, '/': 6 };

/** Canonical text of an expression, fully determined by the IR (names derived facts). */
export function printExpr(expr: ExprIR): string {
  switch (expr.kind) {
    case 'number':
      return expr.unit === '%' ? `${new Dec(expr.value).times(100).toString()}%` : expr.value + (expr.unit && expr.unit !== 'count' ? expr.unit : '');
    case 'string':
      return JSON.stringify(expr.value);
    case 'boolean':
      return String(expr.value);
    case 'data':
      return ['data', ...expr.path].join('.');
    case 'param':
    case 'let':
      return expr.name;
    case 'node':
      return `${expr.path}.${expr.member}`;
    case 'self':
      return expr.member;
    case 'scorecard':
      return expr.member;
    case 'context':
      return [expr.root, ...expr.path].join('.');
    case 'binary': {
      const p = PREC[expr.op] ?? 0;
      const side = (e: ExprIR, right: boolean): string => {
        const text = printExpr(e);
        const q = e.kind === 'binary' ? (PREC[e.op] ?? 0) : e.kind === 'if' ? 0 : 9;
        return q < p || (right && q === p) ? `(${text})` : text;
      };
      return `${side(expr.left, false)} ${expr.op} ${side(expr.right, true)}`;
    }
    case 'unary':
      return expr.op === 'not' ? `not (${printExpr(expr.operand)})` : `-(${printExpr(expr.operand)})`;
    case 'call':
      return `${expr.fn}(${expr.args.map(printExpr).join(', ')})`;
    case 'if':
      return `(if ${printExpr(expr.condition)} then ${printExpr(expr.then)} else ${printExpr(expr.otherwise)})`;
    default:
      return assertNever(expr, 'expression kind');
  }
}

/** The unit of an expression as far as the recommendation stage needs it: '%' or not. */
export function unitOf(expr: ExprIR, lookup: (kind: 'param' | 'let', name: string) => string | null): string | null {
  switch (expr.kind) {
    case 'number':
      return expr.unit;
    case 'param':
    case 'let':
      return lookup(expr.kind, expr.name);
    case 'unary':
      return expr.op === '-' ? unitOf(expr.operand, lookup) : null;
    case 'binary':
      if (expr.unit) return expr.unit;
      if (expr.op === '+' || expr.op === '-') return unitOf(expr.left, lookup) ?? unitOf(expr.right, lookup);
      return null;
    case 'if':
      return unitOf(expr.then, lookup) ?? unitOf(expr.otherwise, lookup);
    case 'call':
      return ['min', 'max', 'abs', 'round', 'clamp', 'coalesce'].includes(expr.fn) && expr.args[0] ? unitOf(expr.args[0], lookup) : null;
    case 'string':
    case 'boolean':
    case 'data':
    case 'node':
    case 'self':
    case 'scorecard':
    case 'context':
      return null;
    default:
      return assertNever(expr, 'expression kind');
  }
}
