/**
 * CMP226: a `let` whose formula, counting the formulas of the lets it reads (and theirs), nests
 * more than `MAX_LET_DEPTH` operations. Each formula is already within the parser's limit, but
 * the engine evaluates a let when it is first read, inside the formula reading it, so a chain of
 * thousands of lets (`let l2 = l1 + 1`, `let l3 = l2 + 1`, …) would be one evaluation deep
 * enough to exhaust the call stack. Lets come in dependency order (build.ts), so one pass with
 * an explicit stack per formula measures them all; reported once per chain, at the first let
 * that goes over.
 */
import { MAX_LET_DEPTH } from '../dsl/limits.js';
import type { CheckInput } from './check-input.js';
import type { ExprIR, LetIR } from './ir.js';
import type { Sym } from './scope.js';

export function checkLetDepth(c: CheckInput): void {
  const framework = measure(c.ir.lets, new Map(), c.scope, c);
  for (const b of c.blocks) measure(b.ir.lets, framework, b.scope, c);
}

/** Depth of each let of `lets` through `inherited` ones; reports the first over the limit per chain. */
function measure(lets: readonly LetIR[], inherited: ReadonlyMap<string, number>, scope: ReadonlyMap<string, Sym>, c: CheckInput): Map<string, number> {
  const depths = new Map(inherited);
  for (const l of lets) {
    const d = depthOf(l.value, depths);
    // Past the limit a let counts as infinitely deep: the lets built on it are over too, but
    // they are the same mistake and are not reported again.
    depths.set(l.name, d > MAX_LET_DEPTH ? Infinity : d);
    if (d <= MAX_LET_DEPTH || d === Infinity) continue;
    const sym = scope.get(l.name);
    if (sym) c.accept('CMP226', sym.item.file, sym.item.decl.name.range, { name: l.name, limit: MAX_LET_DEPTH });
  }
  return depths;
}

/** Operations nested in `root`, a let read counting as that let's depth. */
function depthOf(root: ExprIR, lets: ReadonlyMap<string, number>): number {
  const memo = new Map<ExprIR, number>();
  const stack: ExprIR[] = [root];
  while (stack.length > 0) {
    const e = stack[stack.length - 1]!;
    const kids = children(e);
    const waiting = kids.filter((k) => !memo.has(k));
    if (waiting.length > 0) {
      stack.push(...waiting);
      continue;
    }
    stack.pop();
    const leaf = e.kind === 'let' ? (lets.get(e.name) ?? 0) : 0;
    memo.set(e, kids.length === 0 ? leaf : 1 + Math.max(...kids.map((k) => memo.get(k) ?? 0)));
  }
  return memo.get(root) ?? 0;
}

function children(e: ExprIR): ExprIR[] {
  switch (e.kind) {
    case 'binary':
      return [e.left, e.right];
    case 'unary':
      return [e.operand];
    case 'call':
      return e.args;
    case 'if':
      return [e.condition, e.then, e.otherwise];
    default:
      return [];
  }
}
