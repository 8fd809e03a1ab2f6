/**
 * Lowers one AST expression to IR while checking it: operand types (CMP214), units of sums and
 * comparisons (CMP212/CMP213, see units.ts), functions and their arity (CMP215), `[]` paths
 * outside aggregates (CMP221), and names (resolved in names.ts). Grade comparisons are
 * rewritten so the engine and the rules need no notion of grade order: `grade == 优` stays an
 * equality on the string label, and `grade >= 良` becomes `grade == 优 or grade == 良` (labels
 * from the grades block, highest first; an empty set becomes `false`). Last year's grade
 * (`previous.grade`) is compared the same way, and `previous.grade > grade` becomes the
 * disjunction over label pairs; context names (`previous.*`, `rectification.*`) outside rules
 * blocks are CMP225. Every data path is noted in
 * the facts with the type its use implies. Returns the IR and the expression's type; after an
 * error the type is `any` so one mistake is reported once.
 */
import type { SourceRange } from '../common/diagnostic.js';
import { assertNever } from '../common/diagnostic.js';
import type { Term } from '../common/lang.js';
import type { Binary, Call, ContextPath, DataPath, Expr, Ref } from '../dsl/ast.js';
import type { BuiltinFunction, ExprIR } from './ir.js';
import { isReportedGradeRef, resolveRef } from './names.js';
import type { DataType, ExprCtx, Lowered } from './scope.js';
import type { Ty } from './units.js';
import { ANY, BOOL, SCORE, STR, addUnits, describeTy, describeUnit, divUnits, isBoolean, isNumeric, mulUnits, num, unitOf } from './units.js';
import { suggest } from './suggest.js';
import { lowerVetoed } from './vetoed.js';
import { checkUndeclared } from './undeclared.js';
import { COMPILE_TERMS } from './messages-terms.js';
import { lowerLookup } from './lookup.js';
import { labelOf, lowerScaleLabel, lowerScaleMinMax, lowerScalePair, scaleOf } from './scales.js';

const FUNCTIONS: Record<BuiltinFunction, { min: number; max: number; aggregate?: boolean }> = {
  min: { min: 1, max: Infinity },
  max: { min: 1, max: Infinity },
  abs: { min: 1, max: 1 },
  round: { min: 1, max: 2 },
  sum: { min: 1, max: 1, aggregate: true },
  avg: { min: 1, max: 1, aggregate: true },
  wavg: { min: 2, max: 2, aggregate: true },
  count: { min: 1, max: 1, aggregate: true },
  exists: { min: 1, max: 1 },
  coalesce: { min: 1, max: Infinity },
  clamp: { min: 3, max: 3 },
};

export function lowerExpr(e: Expr, ctx: ExprCtx): Lowered {
  switch (e.kind) {
    case 'number':
      return { ir: { kind: 'number', value: e.value, unit: e.unit }, ty: num(e.unit) };
    case 'string':
      return { ir: { kind: 'string', value: e.value }, ty: STR };
    case 'boolean':
      return { ir: { kind: 'boolean', value: e.value }, ty: BOOL };
    case 'path':
      return lowerPath(e, ctx);
    case 'context':
      return lowerContext(e, ctx);
    case 'ref':
      return resolveRef(e, ctx);
    case 'binary':
      return lowerBinary(e, ctx);
    case 'unary': {
      const o = lowerExpr(e.operand, ctx);
      if (e.op === 'not') {
        expect(o, 'bool', e.operand.range, ctx);
        return { ir: { kind: 'unary', op: 'not', operand: o.ir }, ty: BOOL };
      }
      expect(o, 'num', e.operand.range, ctx);
      return { ir: { kind: 'unary', op: '-', operand: o.ir }, ty: o.ty.k === 'num' ? o.ty : num(null) };
    }
    case 'call':
      return lowerCall(e, ctx);
    case 'if': {
      const c = lowerExpr(e.condition, ctx);
      expect(c, 'bool', e.condition.range, ctx);
      const t = lowerExpr(e.then, ctx);
      const o = lowerExpr(e.otherwise, ctx);
      let ty: Ty = t.ty.k === 'any' ? o.ty : t.ty;
      if (t.ty.k === 'num' && o.ty.k === 'num') {
        const u = addUnits(t.ty.unit, o.ty.unit);
        if (u === 'mismatch') {
          ctx.env.accept('CMP212', ctx.file, e.range, { left: describeUnit(t.ty.unit), right: describeUnit(o.ty.unit), op: COMPILE_TERMS.opListTogether });
          ty = ANY;
        } else ty = num(u);
      }
      return { ir: { kind: 'if', condition: c.ir, then: t.ir, otherwise: o.ir }, ty };
    }
    default:
      return assertNever(e, 'expression kind');
  }
}

/** Reports CMP214 when `l` cannot be used as the expected kind. Returns false on a report. */
export function expect(l: Lowered, want: 'num' | 'bool' | 'str', range: SourceRange, ctx: ExprCtx): boolean {
  const ok = want === 'num' ? isNumeric(l.ty) : want === 'bool' ? isBoolean(l.ty) : l.ty.k === 'str' || l.ty.k === 'any';
  if (ok) {
    noteData(l.ir, want === 'num' ? 'number' : want === 'bool' ? 'boolean' : 'string', ctx);
    return true;
  }
  const expected: Term = want === 'num' ? COMPILE_TERMS.number : want === 'bool' ? COMPILE_TERMS.yesNoCondition : COMPILE_TERMS.text;
  ctx.env.accept('CMP214', ctx.file, range, { expected, actual: describeTy(l.ty) });
  return false;
}

/** Refines the recorded type of a bare data path from how it is used. */
export function noteData(ir: ExprIR, type: DataType, ctx: ExprCtx): void {
  if (ir.kind !== 'data') return;
  const key = ir.path.join('.');
  const use = ctx.env.facts.data.get(key);
  if (use && (use.type === 'any' || use.type === 'array')) use.type = type;
}

/** A bare data path counted case by case (`deduct 2 per data.violations`): a whole number ≥ 0. */
export function noteCount(ir: ExprIR, ctx: ExprCtx): void {
  if (ir.kind !== 'data') return;
  const use = ctx.env.facts.data.get(ir.path.join('.'));
  if (use && (use.type === 'any' || use.type === 'number' || use.type === 'array')) use.type = 'count';
}

function lowerPath(e: DataPath, ctx: ExprCtx): Lowered {
  const key = e.segments.join('.');
  const hasArray = e.segments.includes('[]');
  if (hasArray && !ctx.inAggregate) {
    ctx.env.accept('CMP221', ctx.file, e.range, { path: `data.${key}`.replace(/\.\[\]/g, '[]') });
  }
  const inputs = ctx.env.inputs;
  const declared = inputs.get(key);
  if (declared === undefined) checkUndeclared(e, ctx);
  // Reading data.items[].x also uses `input data.items list`. Most frameworks declare no input,
  // and then no prefix can be one: the prefixes are built only when there is something to find.
  if (inputs.size > 0) {
    let prefix = '';
    for (let i = 0; i < e.segments.length; i++) {
      prefix = i === 0 ? e.segments[0]! : `${prefix}.${e.segments[i]}`;
      if (inputs.has(prefix)) ctx.env.facts.used.add(`input:${prefix}`);
    }
  }
  if (!ctx.env.facts.data.has(key)) ctx.env.facts.data.set(key, { segments: [...e.segments], type: 'any' });
  return { ir: { kind: 'data', path: [...e.segments] }, ty: declared ?? ANY };
}

/**
 * `previous.*` / `rectification.*`: readable in rule blocks only (CMP225 elsewhere: scoring
 * happens before the caller's context is consulted, and a score must depend on the record
 * alone). `previous.total` is points, `rectification.status` text, `previous.grade` a grade
 * (compared through `lowerGradeCompare`); any other field is untyped, like a data path.
 */
function lowerContext(e: ContextPath, ctx: ExprCtx): Lowered {
  const name = [e.root, ...e.segments].join('.');
  if (!ctx.rules) {
    ctx.env.accept('CMP225', ctx.file, e.range, { name });
    return { ir: { kind: 'boolean', value: false }, ty: ANY };
  }
  const ir: ExprIR = { kind: 'context', root: e.root, path: [...e.segments] };
  const field = e.segments.length === 1 ? e.segments[0] : undefined;
  if (e.root === 'previous' && field === 'total') return { ir, ty: num(SCORE) };
  if (e.root === 'previous' && field === 'grade') return { ir, ty: STR };
  if (e.root === 'rectification' && field === 'status') return { ir, ty: STR };
  return { ir, ty: ANY };
}

const COMPARE = new Set(['==', '!=', '<', '<=', '>', '>=']);

function isGradeRef(e: Expr, ctx: ExprCtx): e is Ref {
  return e.kind === 'ref' && e.parts.length === 1 && e.parts[0]!.text === 'grade' && !ctx.scope.has('grade');
}

/** `previous.grade`: compared with labels and ranked like `grade` (outside rules CMP225 follows). */
function isPreviousGrade(e: Expr): e is ContextPath {
  return e.kind === 'context' && e.root === 'previous' && e.segments.length === 1 && e.segments[0] === 'grade';
}

const isGradeLike = (e: Expr, ctx: ExprCtx): boolean => isGradeRef(e, ctx) || isPreviousGrade(e) || isReportedGradeRef(e, ctx);

function lowerBinary(e: Binary, ctx: ExprCtx): Lowered {
  if (COMPARE.has(e.op) && isGradeLike(e.left, ctx) && isGradeLike(e.right, ctx)) return lowerGradePair(e, ctx);
  if (COMPARE.has(e.op) && (isGradeLike(e.left, ctx) || isGradeLike(e.right, ctx))) return lowerGradeCompare(e, ctx);
  // A label written first (`"B" <= data.x`) is a string; the scale side decides (scales.ts).
  if (COMPARE.has(e.op) && e.left.kind === 'string') {
    const r0 = lowerExpr(e.right, ctx);
    const sc = scaleOf(r0.ty);
    if (sc) return lowerScaleLabel(r0, sc, e.left.value, e.left, e, true, ctx);
    return finishBinary(e, lowerExpr(e.left, ctx), r0, ctx);
  }
  const l = lowerExpr(e.left, ctx);
  const ls = COMPARE.has(e.op) ? scaleOf(l.ty) : undefined;
  const label = ls && labelOf(e.right, ctx);
  if (ls && label !== undefined) return lowerScaleLabel(l, ls, label, e.right, e, false, ctx);
  const r = lowerExpr(e.right, ctx);
  const rs = COMPARE.has(e.op) ? scaleOf(r.ty) : undefined;
  if (ls && rs) return lowerScalePair(l, r, ls, rs, e, ctx);
  return finishBinary(e, l, r, ctx);
}

function finishBinary(e: Binary, l: Lowered, r: Lowered, ctx: ExprCtx): Lowered {
  const ir = (unit: string | null): ExprIR => ({ kind: 'binary', op: e.op, left: l.ir, right: r.ir, unit });
  if (e.op === 'and' || e.op === 'or') {
    expect(l, 'bool', e.left.range, ctx);
    expect(r, 'bool', e.right.range, ctx);
    return { ir: ir(null), ty: BOOL };
  }
  if (COMPARE.has(e.op)) {
    compareTypes(l, r, e, ctx);
    return { ir: ir(null), ty: BOOL };
  }
  const okL = expect(l, 'num', e.left.range, ctx);
  const okR = expect(r, 'num', e.right.range, ctx);
  if (!okL || !okR) return { ir: ir(null), ty: ANY };
  const a = unitOf(l.ty);
  const b = unitOf(r.ty);
  let unit: string | null;
  if (e.op === '+' || e.op === '-') {
    const u = addUnits(a, b);
    if (u === 'mismatch') {
      ctx.env.accept('CMP212', ctx.file, e.range, {
        left: describeUnit(a),
        right: describeUnit(b),
        op: e.op === '+' ? COMPILE_TERMS.opAdd : COMPILE_TERMS.opSubtract,
      });
      return { ir: ir(null), ty: ANY };
    }
    unit = u;
  } else unit = e.op === '*' ? mulUnits(a, b) : divUnits(a, b);
  return { ir: ir(unit), ty: num(unit) };
}

function compareTypes(l: Lowered, r: Lowered, e: Binary, ctx: ExprCtx): void {
  if (l.ty.k === 'any' && r.ty.k !== 'any') return noteFrom(l, r.ty, ctx);
  if (r.ty.k === 'any' && l.ty.k !== 'any') return noteFrom(r, l.ty, ctx);
  if (l.ty.k === 'any' || r.ty.k === 'any') return;
  if (l.ty.k === 'num' && r.ty.k === 'num') {
    if (addUnits(l.ty.unit, r.ty.unit) === 'mismatch') {
      ctx.env.accept('CMP213', ctx.file, e.range, { left: describeUnit(l.ty.unit), right: describeUnit(r.ty.unit) });
    }
    return;
  }
  const ordered = e.op !== '==' && e.op !== '!=';
  if (l.ty.k !== r.ty.k || (ordered && l.ty.k !== 'num')) {
    ctx.env.accept('CMP213', ctx.file, e.range, { left: describeTy(l.ty), right: describeTy(r.ty) });
  }
}

function noteFrom(side: Lowered, other: Ty, ctx: ExprCtx): void {
  const t: DataType = other.k === 'num' ? 'number' : other.k === 'str' ? 'string' : other.k === 'bool' ? 'boolean' : 'any';
  noteData(side.ir, t, ctx);
}

function lowerGradeCompare(e: Binary, ctx: ExprCtx): Lowered {
  const gradeOnLeft = isGradeLike(e.left, ctx);
  const gradeSide = gradeOnLeft ? e.left : e.right;
  const other = gradeOnLeft ? e.right : e.left;
  const g = lowerExpr(gradeSide, ctx);
  const fail: Lowered = { ir: { kind: 'boolean', value: false }, ty: BOOL };
  let label: string | undefined;
  if (other.kind === 'ref' && other.parts.length === 1) label = other.parts[0]!.text;
  else if (other.kind === 'string') label = other.value;
  else {
    ctx.env.accept('CMP222', ctx.file, other.range);
    return fail;
  }
  const grades = ctx.env.grades;
  const rank = grades.indexOf(label);
  if (rank < 0) {
    ctx.env.accept(ctx.rules ? 'REC503' : 'CMP218', ctx.file, other.range, {
      name: label,
      grades: grades.join('、') || '（无）',
      suggestion: suggest(label, grades),
    });
    return fail;
  }
  if (g.ir.kind !== 'scorecard' && g.ir.kind !== 'context') return fail;
  // `优 <= grade` reads as `grade >= 优`: flip the operator when grade is on the right.
  const flip: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };
  const op = gradeOnLeft ? e.op : (flip[e.op] ?? e.op);
  const eq = (l: string): ExprIR => ({ kind: 'binary', op: '==', left: g.ir, right: { kind: 'string', value: l }, unit: null });
  if (op === '==') return { ir: eq(label), ty: BOOL };
  if (op === '!=') return { ir: { kind: 'binary', op: '!=', left: g.ir, right: { kind: 'string', value: label }, unit: null }, ty: BOOL };
  // Highest first: "better or equal" is every label up to and including this one.
  const pick = grades.filter((_, i) => (op === '>=' ? i <= rank : op === '>' ? i < rank : op === '<=' ? i >= rank : i > rank));
  if (pick.length === 0) return { ir: { kind: 'boolean', value: false }, ty: BOOL };
  const ir = pick.map(eq).reduce((acc, x) => ({ kind: 'binary', op: 'or', left: acc, right: x, unit: null }));
  return { ir, ty: BOOL };
}

/**
 * `previous.grade < grade` (both sides grades): rewritten over label pairs so that no evaluator
 * needs grade order — `(previous.grade == "良" and grade == "优") or …` for every pair whose
 * ranks satisfy the operator; `==`/`!=` stay plain string comparisons.
 */
function lowerGradePair(e: Binary, ctx: ExprCtx): Lowered {
  const l = lowerExpr(e.left, ctx);
  const r = lowerExpr(e.right, ctx);
  if (e.op === '==' || e.op === '!=') return { ir: { kind: 'binary', op: e.op, left: l.ir, right: r.ir, unit: null }, ty: BOOL };
  const grades = ctx.env.grades;
  const holds = (i: number, j: number): boolean =>
    // Highest first: a smaller index is a better grade.
    e.op === '<' ? i > j : e.op === '<=' ? i >= j : e.op === '>' ? i < j : i <= j;
  const eq = (side: ExprIR, label: string): ExprIR => ({ kind: 'binary', op: '==', left: side, right: { kind: 'string', value: label }, unit: null });
  const terms: ExprIR[] = [];
  grades.forEach((a, i) =>
    grades.forEach((b, j) => {
      if (holds(i, j)) terms.push({ kind: 'binary', op: 'and', left: eq(l.ir, a), right: eq(r.ir, b), unit: null });
    }),
  );
  if (terms.length === 0) return { ir: { kind: 'boolean', value: false }, ty: BOOL };
  return { ir: terms.reduce((acc, x) => ({ kind: 'binary', op: 'or', left: acc, right: x, unit: null })), ty: BOOL };
}

function lowerCall(e: Call, ctx: ExprCtx): Lowered {
  if (e.callee.text === 'lookup') return lowerLookup(e, ctx, (a) => lowerExpr(a, ctx));
  if (e.callee.text === 'vetoed') return lowerVetoed(e, ctx, lowerExpr);
  const name = e.callee.text as BuiltinFunction;
  const spec = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
  // An unknown function is reported once; its arguments are not blamed for `[]` on top.
  const inner: ExprCtx = spec?.aggregate || !spec ? { ...ctx, inAggregate: true } : ctx;
  const args = e.args.map((a) => lowerExpr(a, inner));
  const callIr: ExprIR = { kind: 'call', fn: name, args: args.map((a) => a.ir) };
  if (!spec) {
    ctx.env.accept('CMP215', ctx.file, e.callee.range, { name: e.callee.text, suggestion: suggest(e.callee.text, Object.keys(FUNCTIONS)) });
    return { ir: callIr, ty: ANY };
  }
  if (args.length < spec.min || args.length > spec.max) {
    const arity = spec.min === spec.max ? String(spec.min) : spec.max === Infinity ? `至少 ${spec.min}` : `${spec.min}–${spec.max}`;
    ctx.env.accept('CMP215', ctx.file, e.range, { name, arity, count: args.length });
    return { ir: callIr, ty: ANY };
  }
  switch (name) {
    case 'exists':
      return { ir: callIr, ty: BOOL };
    case 'count':
      return { ir: callIr, ty: num(null) };
    case 'coalesce': {
      const known = args.find((a) => a.ty.k !== 'any');
      return { ir: callIr, ty: known?.ty ?? ANY };
    }
    case 'min':
    case 'max': {
      const scaled = lowerScaleMinMax(e, args, ctx);
      if (scaled) return scaled;
      return numericCall(name, e, args, callIr, ctx);
    }
    case 'wavg':
    case 'sum':
    case 'avg':
    case 'abs':
    case 'round':
    case 'clamp':
      return numericCall(name, e, args, callIr, ctx);
    default:
      return assertNever(name, 'function');
  }
}

function numericCall(name: BuiltinFunction, e: Call, args: Lowered[], callIr: ExprIR, ctx: ExprCtx): Lowered {
  const unitArgs = name === 'round' || name === 'wavg' ? args.slice(0, 1) : args;
  args.forEach((a, i) => expect(a, 'num', e.args[i]!.range, ctx));
  let unit: string | null = null;
  for (const a of unitArgs) {
    const u = addUnits(unit, unitOf(a.ty));
    if (u === 'mismatch') {
      ctx.env.accept('CMP212', ctx.file, e.range, { left: describeUnit(unit), right: describeUnit(unitOf(a.ty)), op: COMPILE_TERMS.opCompare });
      return { ir: callIr, ty: ANY };
    }
    unit = u;
  }
  return { ir: callIr, ty: num(unit) };
}
