/**
 * Names: resolving a `Ref` (built-ins, params, lets, nodes by unique path suffix, members such as
 * `预算执行率.value`) and the checks about names over a whole framework — unknown and ambiguous
 * names with a "did you mean" (CMP202/REC502, CMP209), names used where they mean nothing
 * (CMP216), `unspent` not defined (REC505), and cycles among lets (CMP210) and among indicators
 * that read each other's results (CMP211). Unused params/lets/inputs (CMP217) are decided in
 * program.ts, across every framework that has them.
 */
import type { Ref } from '../dsl/ast.js';
import type { ExprIR } from './ir.js';
import type { Accept } from './messages.js';
import type { Dep, ExprCtx, Lowered, NodeMember, Sym } from './scope.js';
import { ratingScale } from './aggregate.js';
import { NODE_MEMBERS, recordDep } from './scope.js';
import { ANY, SCORE, STR, num } from './units.js';
import { findBySuffix } from './model.js';
import { suggest } from './suggest.js';
import type { Term } from '../common/lang.js';
import { COMPILE_TERMS } from './messages-terms.js';

const BUILTINS = ['value', 'target', 'weight', 'grade', 'total', 'stage'];
const REPORTED_ROOTS = new Set(['reported', '自评']);
const REPORTED_FIELDS: Record<string, 'reportedTotal' | 'reportedGrade'> = {
  total: 'reportedTotal',
  总分: 'reportedTotal',
  grade: 'reportedGrade',
  等级: 'reportedGrade',
};

/** `reported.grade` / `自评.等级`: a grade, compared with labels and other grades like `grade`. */
export function isReportedGradeRef(e: { kind: string; parts?: readonly { text: string }[] }, ctx: ExprCtx): boolean {
  const parts = e.kind === 'ref' ? (e.parts ?? []).map((p) => p.text) : [];
  return (
    parts.length === 2 && REPORTED_ROOTS.has(parts[0]!) && REPORTED_FIELDS[parts[1]!] === 'reportedGrade' && findBySuffix(ctx.env.fw.roots, parts).length === 0
  );
}

export function resolveRef(e: Ref, ctx: ExprCtx): Lowered {
  const texts = e.parts.map((p) => p.text);
  const fail: Lowered = { ir: { kind: 'boolean', value: false }, ty: ANY };
  if (texts.length === 1) {
    const name = texts[0]!;
    const sym = ctx.scope.get(name);
    if (sym) return useSymbol(sym, e, ctx);
    const builtin = resolveBuiltin(name, e, ctx);
    if (builtin) return builtin;
  }
  // `reported.total` / `reported.grade` (自评.总分 / 自评.等级): the record's own figures, unless a
  // node is really called so.
  if (texts.length === 2 && REPORTED_ROOTS.has(texts[0]!) && findBySuffix(ctx.env.fw.roots, texts).length === 0) {
    const field = REPORTED_FIELDS[texts[1]!];
    if (field) {
      if (!ctx.rules) {
        ctx.env.accept('CMP216', ctx.file, e.range, { name: texts.join('.'), where: COMPILE_TERMS.inScoring, why: COMPILE_TERMS.gradeOnlyInRules });
        return fail;
      }
      return field === 'reportedGrade'
        ? { ir: { kind: 'scorecard', member: field }, ty: { k: 'grade' } }
        : { ir: { kind: 'scorecard', member: field }, ty: num(SCORE) };
    }
  }
  let member: NodeMember | undefined;
  let pathParts = texts;
  const last = texts[texts.length - 1]!;
  if (texts.length >= 2 && (NODE_MEMBERS as readonly string[]).includes(last)) {
    member = last as NodeMember;
    pathParts = texts.slice(0, -1);
  }
  const found = findBySuffix(ctx.env.fw.roots, pathParts);
  if (found.length > 1) {
    ctx.env.accept('CMP209', ctx.file, e.range, { name: texts.join('.'), candidates: found.map((n) => n.path.join('.')).join('、') });
    return fail;
  }
  const node = found[0];
  if (!node) {
    reportUnknown(e, ctx);
    return fail;
  }
  const m: NodeMember = member ?? (node.kind === 'indicator' ? 'value' : 'points');
  const path = node.path.join('/');
  if (ctx.owner) recordDep(ctx, ctx.env.facts.deps, ctx.owner, `node:${path}`, e.range);
  // An indicator's rating is its value; a dimension's `value` is its points.
  const irMember = node.kind === 'dimension' && m === 'value' ? 'points' : node.kind === 'indicator' && m === 'rating' ? 'value' : m;
  const ir: ExprIR = { kind: 'node', path, member: irMember };
  if (node.kind === 'indicator' && (irMember === 'value' || m === 'target')) return { ir, ty: ctx.env.valueTy(node) };
  if (m === 'rating') {
    const scale = ratingScale(node, ctx.env);
    if (!scale)
      ctx.env.accept('CMP262', ctx.file, e.range, {
        what: { zh: '维度', en: 'dimension' },
        name: node.name,
        method: 'rating',
        child: node.children[0]?.name ?? node.name,
      });
    return { ir, ty: scale ? { k: 'str', scale } : ANY };
  }
  return { ir, ty: m === 'status' ? STR : num(SCORE) };
}

function useSymbol(sym: Sym, e: Ref, ctx: ExprCtx): Lowered {
  ctx.env.facts.used.add(sym.key);
  if (ctx.owner) recordDep(ctx, ctx.env.facts.deps, ctx.owner, sym.key, e.range);
  ctx.env.lowerSymbol(sym);
  return { ir: { kind: sym.kind, name: sym.name }, ty: sym.ty };
}

function resolveBuiltin(name: string, e: Ref, ctx: ExprCtx): Lowered | undefined {
  const notHere = (where: Term, why: Term): Lowered => {
    ctx.env.accept('CMP216', ctx.file, e.range, { name, where, why });
    return { ir: { kind: 'boolean', value: false }, ty: ANY };
  };
  switch (name) {
    case 'value':
    case 'target':
    case 'weight': {
      if (ctx.where !== 'indicator' || !ctx.self) return notHere(COMPILE_TERMS.outsideIndicator, COMPILE_TERMS.outsideIndicatorWhy);
      const ir: ExprIR = { kind: 'self', member: name };
      return { ir, ty: name === 'weight' ? num(SCORE) : ctx.env.valueTy(ctx.self) };
    }
    case 'grade':
      if (!ctx.rules) return notHere(COMPILE_TERMS.inScoring, COMPILE_TERMS.gradeOnlyInRules);
      return { ir: { kind: 'scorecard', member: 'grade' }, ty: { k: 'grade' } };
    case 'total':
      if (!ctx.rules && ctx.where !== 'veto') return notHere(COMPILE_TERMS.inIndicatorsOrDimensions, COMPILE_TERMS.totalKnownLater);
      return { ir: { kind: 'scorecard', member: 'total' }, ty: num(SCORE) };
    case 'stage':
      return { ir: { kind: 'scorecard', member: 'stage' }, ty: STR };
    default:
      return undefined;
  }
}

function reportUnknown(e: Ref, ctx: ExprCtx): void {
  const texts = e.parts.map((p) => p.text);
  const text = texts.join('.');
  if (texts.length === 1 && ctx.env.grades.includes(text)) {
    ctx.env.accept('CMP222', ctx.file, e.range);
    return;
  }
  if (ctx.rules && text === 'unspent') {
    ctx.env.accept('REC505', ctx.file, e.range);
    return;
  }
  // Suggest for the node part and keep the member: 预算执行.value → 预算执行率.value.
  const last = texts[texts.length - 1]!;
  const member = texts.length > 1 && (NODE_MEMBERS as readonly string[]).includes(last) ? last : undefined;
  const head = (member ? texts.slice(0, -1) : texts).join('.');
  const candidates = [
    ...(member ? [] : [...ctx.scope.keys(), ...BUILTINS]),
    ...ctx.env.nodes.map((n) => n.name),
    ...ctx.env.nodes.map((n) => n.path.join('.')),
  ];
  const s = suggest(head, candidates);
  const suggestion = s === undefined ? undefined : member ? `${s}.${member}` : s;
  ctx.env.accept(ctx.rules ? 'REC502' : 'CMP202', ctx.file, e.range, { name: text, suggestion });
}

/**
 * Reports every cycle of `deps` once, at the edge that closes it (deterministic order): CMP210
 * when only lets are involved, CMP211 when an indicator or dimension is part of it. A depth-first
 * walk with its own stack: a file may chain thousands of lets, one reading the next.
 */
export function reportCycles(deps: Map<string, Dep[]>, accept: Accept, label: (key: string) => string): void {
  const state = new Map<string, 'doing' | 'done'>();
  const stack: string[] = [];
  const frames: { key: string; deps: readonly Dep[]; next: number }[] = [];
  const enter = (key: string): void => {
    state.set(key, 'doing');
    stack.push(key);
    frames.push({ key, deps: deps.get(key) ?? [], next: 0 });
  };
  for (const root of [...deps.keys()].sort()) {
    if (state.has(root)) continue;
    enter(root);
    while (frames.length > 0) {
      const f = frames[frames.length - 1]!;
      const d = f.deps[f.next++];
      if (!d) {
        frames.pop();
        stack.pop();
        state.set(f.key, 'done');
        continue;
      }
      const s = state.get(d.to);
      if (s === 'doing') {
        const keys = [...stack.slice(stack.indexOf(d.to)), d.to];
        const code = keys.some((k) => k.startsWith('node:')) ? 'CMP211' : 'CMP210';
        accept(code, d.file, d.range, { cycle: keys.map(label).join(' → ') });
      } else if (s === undefined) enter(d.to);
    }
  }
}
