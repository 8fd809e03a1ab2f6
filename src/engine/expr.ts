/**
 * Turns an expression of the IR into a closure, once per rule set. The closure takes the
 * per-record context (data, caches, node lookup) and the current indicator's frame (its own
 * value, target and weight) and returns a `Val`; it never throws — errors come back as `Fail`
 * values carrying an EVL code. Lets and params are compiled on first use and cached per record,
 * so a let read by ten indicators is computed once.
 */
import type { ExprIR } from '../compile/ir.js';
import type { ExprEnv, Fn, Reads } from './expr-types.js';
import { assertNever } from '../common/diagnostic.js';
import { Num, cmpNum } from './num.js';
import { callBuiltin } from './builtins.js';
import { EVL } from './messages.js';
import { printExpr } from './print.js';
import { asBoolean, asNumber, fail, fromData, isFail, valEquals, type Val } from './values.js';

export type { Ctx, ExprEnv, Fn, Frame, NodeMember, Reads } from './expr-types.js';

export function dataPathText(path: readonly string[]): string {
  return (
    'data.' +
    path
      .map((s) => (/^[\p{L}_][\p{L}\p{N}_]*$/u.test(s) || s === '[]' ? s : JSON.stringify(s)))
      .join('.')
      .replace(/\.\[\]/g, '[]')
  );
}

/** Reads a data path from a record; own properties only, '[]' maps over a list. */
export function readPath(obj: unknown, segs: readonly string[], from = 0): unknown {
  let cur = obj;
  for (let i = from; i < segs.length; i++) {
    const s = segs[i]!;
    if (s === '[]') {
      if (!Array.isArray(cur)) return cur === undefined || cur === null ? undefined : cur;
      return cur.map((el) => readPath(el, segs, i + 1));
    }
    if (cur === null || typeof cur !== 'object') return undefined;
    if (Array.isArray(cur)) {
      if (!/^\d+$/.test(s)) return undefined;
      cur = cur[Number(s)];
      continue;
    }
    if (!Object.hasOwn(cur, s)) return undefined;
    cur = (cur as Record<string, unknown>)[s];
  }
  return cur;
}

/**
 * `readPath` for a path of field names only (no '[]', no list index), the usual `data.k1.plan`:
 * a list met on the way has no such field, as readPath finds.
 */
function readFields(obj: unknown, segs: readonly string[]): unknown {
  let cur = obj;
  for (let i = 0; i < segs.length; i++) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur) || !Object.hasOwn(cur, segs[i]!)) return undefined;
    cur = (cur as Record<string, unknown>)[segs[i]!];
  }
  return cur;
}

export function compileExpr(e: ExprIR, env: ExprEnv): Fn {
  switch (e.kind) {
    case 'number':
    case 'string':
    case 'boolean': {
      const v: Val = e.kind === 'number' ? Num.parse(e.value) : e.value;
      return () => v;
    }
    case 'data': {
      const segs = e.path;
      // A list read without '[]' is passed on as a list: count(data.docs) and exists(data.docs)
      // want it, and arithmetic on it fails with EVL412 naming the path.
      if (segs.every((s) => s !== '[]' && !/^\d+$/.test(s))) return (ctx) => fromData(readFields(ctx.data, segs));
      return (ctx) => fromData(readPath(ctx.data, segs));
    }
    case 'param':
    case 'let':
      return named(e.kind, e.name, env);
    case 'node': {
      const { path, member } = e;
      return (ctx) => ctx.node(path, member);
    }
    case 'self': {
      const member = e.member;
      return (_ctx, self) => (self ? self[member] : fail(EVL.UNKNOWN_NAME, { name: member }));
    }
    case 'scorecard': {
      const member = e.member;
      return (ctx) => ctx.scorecard[member] ?? fail(EVL.UNKNOWN_NAME, { name: member });
    }
    case 'context': {
      // Rule blocks only (CMP225 elsewhere): scoring never reads the caller's context.
      const { root, path } = e;
      const name = [root, ...path].join('.');
      return (ctx) => (ctx.context ? ctx.context(root, path) : fail(EVL.UNKNOWN_NAME, { name }));
    }
    case 'binary':
      return compileBinary(e, env);
    case 'unary': {
      const operand = compileExpr(e.operand, env);
      const label = printExpr(e.operand);
      if (e.op === '-') {
        return (ctx, self) => {
          const v = asNumber(operand(ctx, self), label, pathOf(e.operand));
          return isFail(v) ? v : v.neg();
        };
      }
      return (ctx, self) => {
        const v = asBoolean(operand(ctx, self), label, pathOf(e.operand));
        return isFail(v) ? v : !v;
      };
    }
    case 'call': {
      const args = e.args.map((a) => compileExpr(a, env));
      const labels = e.args.map(printExpr);
      const fn = e.fn;
      return (ctx, self) => callBuiltin(fn, args, labels, ctx, self);
    }
    case 'if': {
      const c = compileExpr(e.condition, env);
      const t = compileExpr(e.then, env);
      const o = compileExpr(e.otherwise, env);
      const label = printExpr(e.condition);
      return (ctx, self) => {
        const b = asBoolean(c(ctx, self), label, pathOf(e.condition));
        if (isFail(b)) return b;
        return b ? t(ctx, self) : o(ctx, self);
      };
    }
    default:
      return assertNever(e, 'expression kind');
  }
}

function pathOf(e: ExprIR): string | undefined {
  return e.kind === 'data' ? dataPathText(e.path) : undefined;
}

function named(kind: 'param' | 'let', name: string, env: ExprEnv): Fn {
  const key = `${kind}:${name}`;
  return (ctx, self) => {
    const hit = ctx.cache.get(key);
    if (hit !== undefined) return hit;
    let fn = env.compiled.get(key);
    if (!fn) {
      const def = (kind === 'param' ? env.params : env.lets).get(name);
      if (!def) return fail(EVL.UNKNOWN_NAME, { name });
      fn = compileExpr(def, env);
      env.compiled.set(key, fn);
    }
    const v = fn(ctx, self);
    ctx.cache.set(key, v);
    return v;
  };
}

function compileBinary(e: Extract<ExprIR, { kind: 'binary' }>, env: ExprEnv): Fn {
  const l = compileExpr(e.left, env);
  const r = compileExpr(e.right, env);
  const ll = printExpr(e.left),
    rl = printExpr(e.right),
    lp = pathOf(e.left),
    rp = pathOf(e.right);
  const whole = printExpr(e);
  switch (e.op) {
    case '+':
    case '-':
    case '*':
    case '/': {
      // One closure per operator: the operator is not tested again on every record.
      const arithmetic = (apply: (a: Num, b: Num) => Val): Fn => {
        return (ctx, self) => {
          const a = asNumber(l(ctx, self), ll, lp);
          if (isFail(a)) return a;
          const b = asNumber(r(ctx, self), rl, rp);
          if (isFail(b)) return b;
          return apply(a, b);
        };
      };
      if (e.op === '+') return arithmetic((a, b) => a.plus(b));
      if (e.op === '-') return arithmetic((a, b) => a.minus(b));
      if (e.op === '*') return arithmetic((a, b) => a.times(b));
      return arithmetic((a, b) => (b.isZero() ? fail(EVL.DIV_ZERO, { what: whole }, rp) : a.div(b)));
    }
    case '==':
    case '!=': {
      const neg = e.op === '!=';
      return (ctx, self) => {
        const a = l(ctx, self);
        if (isFail(a)) return a;
        const b = r(ctx, self);
        if (isFail(b)) return b;
        return valEquals(a, b) !== neg;
      };
    }
    case '<':
    case '<=':
    case '>':
    case '>=': {
      const op = e.op;
      return (ctx, self) => {
        const a0 = l(ctx, self);
        if (isFail(a0)) return a0;
        const b0 = r(ctx, self);
        if (isFail(b0)) return b0;
        let c: number;
        if (typeof a0 === 'string' && typeof b0 === 'string' && env.gradeRank.has(a0) && env.gradeRank.has(b0)) {
          c = env.gradeRank.get(a0)! - env.gradeRank.get(b0)!;
        } else {
          const a = asNumber(a0, ll, lp);
          if (isFail(a)) return a;
          const b = asNumber(b0, rl, rp);
          if (isFail(b)) return b;
          c = cmpNum(a, b);
        }
        return op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c >= 0;
      };
    }
    case 'and':
    case 'or': {
      const isAnd = e.op === 'and';
      return (ctx, self) => {
        const a = asBoolean(l(ctx, self), ll, lp);
        if (isFail(a)) return a;
        if (isAnd ? !a : a) return a;
        return asBoolean(r(ctx, self), rl, rp);
      };
    }
    default:
      return assertNever(e.op, 'binary operator');
  }
}

/**
 * Every data path and node reference an expression reads, through lets and params. Walked with
 * an explicit stack: through a chain of lets each formula's depth adds up (fifty lets of 200
 * operations each is 10,000 levels), more than the call stack holds.
 */
export function collectReads(root: ExprIR, env: ExprEnv, out: Reads = { data: new Map(), nodes: new Map() }, seen = new Set<string>()): Reads {
  const stack: ExprIR[] = [root];
  for (let e = stack.pop(); e !== undefined; e = stack.pop()) {
    switch (e.kind) {
      case 'data':
        out.data.set(dataPathText(e.path), e.path);
        break;
      case 'node':
        out.nodes.set(`${e.path}.${e.member}`, { path: e.path, member: e.member });
        break;
      case 'param':
      case 'let': {
        const key = `${e.kind}:${e.name}`;
        const def = (e.kind === 'param' ? env.params : env.lets).get(e.name);
        if (def && !seen.has(key)) {
          seen.add(key);
          stack.push(def);
        }
        break;
      }
      case 'binary':
        stack.push(e.right, e.left);
        break;
      case 'unary':
        stack.push(e.operand);
        break;
      case 'call':
        for (let i = e.args.length - 1; i >= 0; i--) stack.push(e.args[i] as ExprIR);
        break;
      case 'if':
        stack.push(e.otherwise, e.then, e.condition);
        break;
      case 'number':
      case 'string':
      case 'boolean':
      case 'self':
      case 'scorecard':
      case 'context':
        break;
      default:
        assertNever(e, 'expression kind');
    }
  }
  return out;
}
