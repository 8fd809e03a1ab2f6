/**
 * The values a numeric input may take, as the data check reads them from the data schema:
 * `input data.survey.satisfaction percent [0%, 100%]`, `input data.output.delay_days number >= 0`.
 * Bounds are constants (numbers with units, params), resolved exactly with decimal.js to plain
 * decimal strings in the input's own unit — 元 for money, a fraction for percent (`100%` → "1").
 * Money and counts are 0 or more unless the input declares its own range (a declared range
 * replaces that default, so `input data.balance money >= -1亿` allows a negative balance). The
 * check (`checkInputBounds`) reports a range that cannot be meant: on a type without numbers
 * (CMP234), a bound that reads data or is written in another unit (CMP235), a range that holds no
 * value (CMP236); `resolveBounds` is then silent and the schema gets the default.
 */
import type { Expr, InputDecl, InputType } from '../dsl/ast.js';
import type { CheckInput } from './check-input.js';
import { constOf } from './const.js';
import type { Decimal } from './decimal.js';
import type { Sym } from './scope.js';

/** A resolved range; an end left out is open. `text` is how messages show it (`[0, 1]`, `≥ 0`). */
export interface ResolvedBounds {
  min?: string;
  minExclusive: boolean;
  max?: string;
  maxExclusive: boolean;
}

export const NUMERIC_INPUTS: ReadonlySet<InputType> = new Set(['money', 'percent', 'number', 'count']);

/** The default range of a type: money and counts are never negative. */
export function defaultBounds(type: InputType | 'count'): ResolvedBounds | undefined {
  return type === 'money' || type === 'count' ? { min: '0', minExclusive: false, maxExclusive: false } : undefined;
}

type Problem = { code: 'CMP234' | 'CMP235' | 'CMP236'; args: Record<string, string> };

function unitFits(type: InputType, unit: string | null): boolean {
  if (unit === null) return true;
  if (type === 'money') return unit === '元';
  if (type === 'percent') return unit === '%';
  return unit !== '元' && unit !== '%';
}

const UNIT_WORD: Record<string, string> = { money: '元', percent: '%' };

function resolve(decl: InputDecl, scope: Map<string, Sym> | undefined): { bounds?: ResolvedBounds; problem?: Problem } {
  const b = decl.bounds;
  if (!b) return defaultBounds(decl.type) ? { bounds: defaultBounds(decl.type)! } : {};
  if (!NUMERIC_INPUTS.has(decl.type)) return { problem: { code: 'CMP234', args: { type: decl.type } } };
  const ends: (Decimal | undefined)[] = [];
  for (const e of [b.low, b.high]) {
    if (e === undefined) {
      ends.push(undefined);
      continue;
    }
    const c = constOf(e, scope);
    if (!c) return { problem: { code: 'CMP235', args: { type: decl.type, what: 'constant' } } };
    if (!unitFits(decl.type, c.unit)) return { problem: { code: 'CMP235', args: { type: decl.type, what: 'unit', unit: c.unit ?? '', want: UNIT_WORD[decl.type] ?? '', example: decl.type === 'money' ? '>= 0, [0, 1亿]' : '[0%, 100%]' } } };
    ends.push(c.value);
  }
  const [lo, hi] = ends;
  if (lo && hi && (lo.gt(hi) || (lo.eq(hi) && (!b.lowInclusive || !b.highInclusive)))) {
    return { problem: { code: 'CMP236', args: { low: lo.toFixed(), high: hi.toFixed() } } };
  }
  return {
    bounds: {
      ...(lo ? { min: lo.toFixed() } : {}),
      minExclusive: lo ? !b.lowInclusive : false,
      ...(hi ? { max: hi.toFixed() } : {}),
      maxExclusive: hi ? !b.highInclusive : false,
    },
  };
}

/** The range the data check applies to an input (the default when its own cannot be used). */
export function resolveBounds(decl: InputDecl, scope?: Map<string, Sym>): ResolvedBounds | undefined {
  const r = resolve(decl, scope);
  return r.problem ? defaultBounds(decl.type) : r.bounds;
}

/** Params a bound names count as used (a range is a use, as a formula is). */
function noteUsed(e: Expr | undefined, c: CheckInput): void {
  if (!e) return;
  if (e.kind === 'ref' && e.parts.length === 1) {
    const sym = c.scope.get(e.parts[0]!.text);
    if (sym) c.env.facts.used.add(sym.key);
  } else if (e.kind === 'unary') noteUsed(e.operand, c);
  else if (e.kind === 'binary') (noteUsed(e.left, c), noteUsed(e.right, c));
}

/** Reports ranges of the framework's own inputs that cannot be meant (CMP234–CMP236). */
export function checkInputBounds(c: CheckInput): void {
  for (const i of c.rf.inputs) {
    if (!i.decl.bounds) continue;
    noteUsed(i.decl.bounds.low, c);
    noteUsed(i.decl.bounds.high, c);
    const { problem } = resolve(i.decl, c.scope);
    if (problem) c.accept(problem.code, i.file, i.decl.bounds.range, problem.args);
  }
}
