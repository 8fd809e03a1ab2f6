/**
 * Units of rule-block expressions as far as the recommendation stage needs them: whether an
 * action amount or a combine cap is a percentage ('%') — which decides whether it applies to a
 * line base — or money. A name's unit is its declared unit, else the unit of its value
 * (`param 调增比例 = 10%` is '%'), looked up in the block's scope first (params, lets) and then the
 * framework's. Static: computed from the IR, never from record data.
 */
import type { ExprIR, LetIR, ParamIR, RuleBlockIR, RuleSetIR } from '../compile/ir.js';
import { assertNever } from '../common/diagnostic.js';

/** A name's declaration in a block's scope: block params, block lets, then the framework's. */
export function findName(block: RuleBlockIR | undefined, ir: RuleSetIR, name: string): ParamIR | LetIR | undefined {
  const scopes = block ? [block.params, block.lets, ir.params, ir.lets] : [ir.params, ir.lets];
  for (const list of scopes) {
    const hit = list.find((d) => d.name === name);
    if (hit) return hit;
  }
  return undefined;
}

/** The unit of an expression: '%' or another unit, null when it has none. */
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

/** A name's unit in a block's scope; depth-limited so a hand-written cycle cannot loop. */
export function nameUnit(block: RuleBlockIR | undefined, ir: RuleSetIR, name: string, depth = 0): string | null {
  const decl = findName(block, ir, name);
  if (!decl || depth > 16) return null;
  return decl.unit ?? unitOf(decl.value, (_k, n) => nameUnit(block, ir, n, depth + 1));
}

/** Whether an expression of a block is a percentage. */
export function isPercentIn(e: ExprIR, block: RuleBlockIR | undefined, ir: RuleSetIR): boolean {
  return unitOf(e, (_k, n) => nameUnit(block, ir, n)) === '%';
}
