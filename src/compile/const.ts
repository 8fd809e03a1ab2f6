/**
 * Compile-time constants: the numeric value of an expression made only of literals, params with
 * constant values, unary minus and + - * /, computed with decimal.js. Checks use it to compare
 * band bounds, awards, cut-offs and weights; anything that depends on data is `undefined` and the
 * checks then stay silent rather than guess. Also a short printer for messages and band labels.
 */
import { Decimal } from './decimal.js';
import { assertNever } from '../common/diagnostic.js';
import type { Expr } from '../dsl/ast.js';
import type { Sym } from './scope.js';
import { RATIO, addUnits, divUnits, mulUnits } from './units.js';

export interface Const {
  value: Decimal;
  unit: string | null;
}

export function constOf(e: Expr | undefined, scope?: Map<string, Sym>, depth = 0): Const | undefined {
  if (!e || depth > 20) return undefined;
  switch (e.kind) {
    case 'number':
      return { value: new Decimal(e.value), unit: e.unit };
    case 'unary': {
      if (e.op !== '-') return undefined;
      const o = constOf(e.operand, scope, depth + 1);
      return o && { value: o.value.neg(), unit: o.unit };
    }
    case 'ref': {
      const sym = e.parts.length === 1 ? scope?.get(e.parts[0]!.text) : undefined;
      return sym && sym.kind === 'param' ? constOf(sym.item.decl.value, sym.scope, depth + 1) : undefined;
    }
    case 'binary': {
      const l = constOf(e.left, scope, depth + 1);
      const r = constOf(e.right, scope, depth + 1);
      if (!l || !r) return undefined;
      switch (e.op) {
        case '+':
        case '-': {
          const u = addUnits(l.unit, r.unit);
          if (u === 'mismatch') return undefined;
          return { value: e.op === '+' ? l.value.plus(r.value) : l.value.minus(r.value), unit: u };
        }
        case '*':
          return { value: l.value.times(r.value), unit: mulUnits(l.unit, r.unit) };
        case '/':
          return r.value.isZero() ? undefined : { value: l.value.div(r.value), unit: divUnits(l.unit, r.unit) };
        default:
          return undefined;
      }
    }
    case 'string':
    case 'boolean':
    case 'path':
    case 'context':
    case 'call':
    case 'if':
      return undefined;
    default:
      return assertNever(e, 'expression kind');
  }
}

/** A constant as policy staff write it: 0.95 with unit % → "95%". */
export function showConst(c: Const): string {
  if (c.unit === RATIO) return `${c.value.times(100).toString()}%`;
  if (c.unit === null) return c.value.toString();
  return `${c.value.toString()}${c.unit}`;
}
