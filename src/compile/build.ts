/**
 * Builds the IR of one resolved framework plus the rule blocks attached to it, lowering every
 * expression (which checks names, types and units on the way) and handing out ids in one fixed
 * order: grades, vetoes, requires, params, lets, nodes (pre-order, each with its score and bands),
 * then rule blocks. Returns the draft IR (no hash, no data schema yet) and the environment the
 * checks need. Settings default to scale 100, precision 2, half_up, missing unavailable,
 * not_applicable rescale, version "0".
 */
import type { Expr, IndicatorDecl, RulesDecl, Setting } from '../dsl/ast.js';
import type { BlockBuild } from './check-input.js';
import type { ActionIR, DimensionIR, IndicatorIR, MetaIR, NodeIR, RuleBlockIR, RuleSetIR, ScoreIR, SettingsIR } from './ir.js';
import { IR_VERSION } from './ir.js';
import { expect, lowerExpr, noteData } from './expr.js';
import type { IdGen } from './ids.js';
import type { Accept } from './messages.js';
import type { Item, RFramework, RNode } from './model.js';
import { allNodes } from './model.js';
import { resolveBareLine } from './rules.js';
import { lowerScore } from './score.js';
import { constOf } from './const.js';
import { resolveBlockSlots, resolveFrameworkSlots, slotNumber } from './slots.js';
import type { Env, ExprCtx, Lowered, Sym } from './scope.js';
import { newFacts } from './scope.js';
import { lowerSymbol, makeScope, toLetIR, toParamIR, topoLets } from './symbols.js';
import type { Ty } from './units.js';
import { ANY, addUnits, describeUnit, inputTy } from './units.js';
import { scaleTy } from './scales.js';
import { lowerAggregate, lowerFrameworkAggregate } from './aggregate.js';

export interface Built {
  /** The framework with numbers written by a param's name resolved (slots.ts): what checks read. */
  rf: RFramework;
  ir: RuleSetIR;
  env: Env;
  scope: Map<string, Sym>;
  blocks: BlockBuild[];
}

export function metaIR(m: { title?: string; description?: string; refs: string[]; unit?: string }): MetaIR {
  const out: MetaIR = { refs: [...m.refs] };
  if (m.title !== undefined) out.title = m.title;
  if (m.description !== undefined) out.description = m.description;
  if (m.unit !== undefined) out.unit = m.unit;
  return out;
}

export function settingsOf(rf: RFramework): SettingsIR {
  const get = <K extends Setting['kind']>(k: K): Extract<Setting, { kind: K }> | undefined =>
    rf.settings.get(k)?.decl as Extract<Setting, { kind: K }> | undefined;
  const reported = get('reported_precision');
  return {
    scale: get('scale')?.value.value ?? '100',
    precision: get('precision')?.digits ?? 2,
    rounding: get('rounding')?.mode ?? 'half_up',
    // Only when declared, so rule sets without form mode keep their IR and hash.
    ...(reported ? { reportedPrecision: reported.digits } : {}),
    missing: get('missing')?.policy ?? 'unavailable',
    notApplicable: get('not_applicable')?.policy ?? 'rescale',
  };
}

export function buildFramework(written: RFramework, blocks: Item<RulesDecl>[], ids: IdGen, accept: Accept): Built {
  const inputs = new Map<string, Ty>(written.inputs.map((i) => [i.decl.path.segments.join('.'), i.decl.scale ? scaleTy(i.decl.scale) : inputTy(i.decl.type)]));
  const valueCache = new Map<RNode, Lowered | 'doing'>();
  const env: Env = {
    fw: written,
    grades: written.grades?.decl.grades.map((g) => g.label.text) ?? [],
    inputs,
    facts: newFacts(),
    accept,
    nodes: allNodes(written.roots),
    valueTy: (node) => lowerValue(node)?.ty ?? ANY,
    lowerSymbol: (sym) => lowerSymbol(sym, env),
  };
  const scope = makeScope({ params: written.params, lets: written.lets }, '', false);
  const rf = resolveFrameworkSlots(written, scope, env);
  env.fw = rf;
  const nodeCtx = (n: RNode): ExprCtx => ({ env, file: n.file, where: n.kind, self: n, scope, owner: `node:${n.path.join('/')}`, rules: false });
  const lowerValue = (node: RNode): Lowered | undefined => {
    const decl = node.decl as IndicatorDecl;
    if (node.kind !== 'indicator' || !decl.value) return undefined;
    const cached = valueCache.get(node);
    if (cached === 'doing') return { ir: { kind: 'boolean', value: false }, ty: ANY };
    if (cached) return cached;
    valueCache.set(node, 'doing');
    const l = lowerExpr(decl.value, nodeCtx(node));
    valueCache.set(node, l);
    return l;
  };

  const settings = settingsOf(rf);
  const grades = (rf.grades?.decl.grades ?? []).map((g) => ({
    label: g.label.text,
    min: slotNumber(g.min)?.value ?? null,
    id: ids.next('g', rf.grades!.file, g.range),
  }));
  const fwCtx = (file: string, where: ExprCtx['where']): ExprCtx => ({ env, file, where, scope, rules: false });
  const outcomes = rf.outcomes.map(({ decl, file }) => {
    const w = lowerExpr(decl.when, fwCtx(file, 'veto'));
    expect(w, 'bool', decl.when.range, fwCtx(file, 'veto'));
    return { id: ids.next('o', file, decl.range), name: decl.name.text, when: w.ir, hideTotal: decl.hideTotal, meta: metaIR(decl.meta) };
  });
  const vetoes = rf.vetoes.map(({ decl, file }) => {
    const id = ids.next('v', file, decl.range);
    const w = lowerExpr(decl.when, fwCtx(file, 'veto'));
    expect(w, 'bool', decl.when.range, fwCtx(file, 'veto'));
    const effect =
      decl.effect.kind === 'grade'
        ? { kind: 'grade' as const, grade: decl.effect.grade.text }
        : decl.effect.kind === 'cap'
          ? { kind: 'cap' as const, value: slotNumber(decl.effect.value)?.value ?? '0' }
          : { kind: 'zero' as const };
    return { id, name: decl.name.text, when: w.ir, effect, meta: metaIR(decl.meta) };
  });
  const requires = rf.requires.map(({ decl, file }) => ({
    id: ids.next('q', file, decl.range),
    names: decl.names.map((n) => n.text),
    op: decl.op,
    value: slotNumber(decl.value)?.value ?? '0',
  }));

  const fwSyms = [...scope.values()];
  for (const s of fwSyms) lowerSymbol(s, env);
  const params = fwSyms.filter((s) => s.kind === 'param').map((s) => toParamIR(s, ids.next('p', s.item.file, s.item.decl.range)));
  const lets = topoLets(
    fwSyms.filter((s) => s.kind === 'let'),
    env.facts.deps,
  ).map((s) => toLetIR(s, ids.next('l', s.item.file, s.item.decl.range)));

  const buildNode = (n: RNode): NodeIR => {
    const id = ids.next('n', n.file, n.decl.range);
    const ctx = nodeCtx(n);
    const base = { id, path: n.path.join('/'), name: n.name, weight: n.weight?.decl.value ?? '0', meta: metaIR(n.meta) };
    const applicable = n.applicable ? lowerCondition(n.applicable.decl, { ...ctx, file: n.applicable.file }) : undefined;
    if (n.kind === 'dimension') {
      const dim: DimensionIR = { kind: 'dimension', ...base, children: [] };
      if (applicable) dim.applicable = applicable;
      const aggregate = lowerAggregate(n, env, accept);
      if (aggregate) dim.aggregate = aggregate;
      dim.children = n.children.map(buildNode);
      if (!n.weight) dim.weight = sumWeights(dim.children);
      return dim;
    }
    const decl = n.decl as IndicatorDecl;
    const value = lowerValue(n);
    const score: ScoreIR = decl.score ? lowerScore(decl.score, ctx, ids) : { method: 'proportional', id: ids.next('s', n.file, decl.range) };
    const ind: IndicatorIR = { kind: 'indicator', ...base, unit: null, score, missing: decl.missing ?? settings.missing };
    if (value) {
      ind.value = value.ir;
      // A bare data field scored by a numeric method is a number; by yes/no a boolean.
      const m = decl.score?.method ?? 'proportional';
      if (m === 'yesno') noteData(value.ir, 'boolean', ctx);
      else if (m !== 'rating' && m !== 'tiers' && m !== 'checklist' && m !== 'expert') noteData(value.ir, 'number', ctx);
    }
    // The value's unit: declared, else inferred from the formula, else from the target
    // (data.a / data.b against `target >= 100%` is a percentage).
    let targetUnit: string | null = null;
    if (decl.target) {
      const t = decl.target;
      const tv = lowerExpr(t.value, ctx);
      // A target read from data is a number like the value it is compared with ("95%" in
      // `target >= data.plan.new_places` must not pass as 0.95 places unseen).
      noteData(tv.ir, 'number', ctx);
      targetUnit = tv.ty.k === 'num' ? tv.ty.unit : null;
      const vu = value?.ty.k === 'num' ? value.ty.unit : null;
      if (vu !== null && targetUnit !== null && addUnits(vu, targetUnit) === 'mismatch') {
        accept('CMP213', n.file, t.range, { left: describeUnit(vu), right: describeUnit(targetUnit) });
      }
      ind.target = { op: t.op, value: tv.ir };
      if (t.upper) {
        ind.target.upper = lowerExpr(t.upper, ctx).ir;
        noteData(ind.target.upper, 'number', ctx);
      }
      if (t.tolerance) {
        ind.target.tolerance = lowerExpr(t.tolerance, ctx).ir;
        noteData(ind.target.tolerance, 'number', ctx);
      }
    }
    ind.unit = decl.meta.unit ?? (value?.ty.k === 'num' && value.ty.unit !== null ? value.ty.unit : (targetUnit ?? (value ? boundUnit(decl, scope) : null)));
    if (applicable) ind.applicable = applicable;
    return ind;
  };
  const nodes = rf.roots.map(buildNode);

  const blockBuilds = blocks.map((item) => buildBlock(item, env, scope, ids));

  const ir: RuleSetIR = {
    irVersion: IR_VERSION,
    name: rf.name,
    version: rf.settings.get('version')?.decl.kind === 'version' ? (rf.settings.get('version')!.decl as { value: string }).value : '0',
    meta: metaIR(rf.meta),
    lineage: rf.lineage,
    hash: '',
    settings,
    grades,
    vetoes,
    requires,
    params,
    lets,
    nodes,
    ruleBlocks: blockBuilds.map((b) => b.ir),
    dataSchema: {},
    files: [],
    sourceMap: ids.sourceMap,
  };
  if (rf.label !== undefined) ir.label = rf.label;
  if (outcomes.length) ir.outcomes = outcomes;
  const top = lowerFrameworkAggregate(rf, env, accept);
  if (top) ir.aggregate = top;
  return { rf, ir, env, scope, blocks: blockBuilds };
}

/** The unit band bounds or linear points are written in (`>= 95%` → '%'), for an undeclared value. */
function boundUnit(decl: IndicatorDecl, scope: Map<string, Sym>): string | null {
  const m = decl.score;
  const exprs =
    m?.method === 'bands'
      ? m.bands.flatMap((b) =>
          b.condition.kind === 'compare' ? [b.condition.bound] : b.condition.kind === 'interval' ? [b.condition.low, b.condition.high] : [],
        )
      : m?.method === 'linear'
        ? m.points.map((p) => p.x)
        : [];
  for (const e of exprs) {
    const u = constOf(e, scope)?.unit;
    if (u) return u;
  }
  return null;
}

function lowerCondition(e: Parameters<typeof lowerExpr>[0], ctx: ExprCtx): ReturnType<typeof lowerExpr>['ir'] {
  const l = lowerExpr(e, ctx);
  expect(l, 'bool', e.range, ctx);
  return l.ir;
}

function sumWeights(children: NodeIR[]): string {
  // Dimensions without a weight take the sum of their children (decimal strings, exact).
  let total = 0n;
  let scale = 0;
  for (const c of children) scale = Math.max(scale, (c.weight.split('.')[1] ?? '').length);
  for (const c of children) {
    const [i, f = ''] = c.weight.split('.');
    total += BigInt((i ?? '0') + f.padEnd(scale, '0'));
  }
  const s = total.toString().padStart(scale + 1, '0');
  return scale === 0 ? s : `${s.slice(0, -scale)}.${s.slice(-scale)}`.replace(/\.?0+$/, '');
}

function buildBlock(written: Item<RulesDecl>, env: Env, fwScope: Map<string, Sym>, ids: IdGen): BlockBuild {
  const { file } = written;
  const id = ids.next('rb', file, written.decl.range);
  const prefix = `${id}/`;
  const scope = makeScope(
    { params: written.decl.params.map((d) => ({ decl: d, file })), lets: written.decl.lets.map((d) => ({ decl: d, file })) },
    prefix,
    true,
    fwScope,
  );
  const item = resolveBlockSlots(written, scope, env);
  const { decl } = item;
  const own = [...scope.values()].filter((s) => s.key.startsWith(prefix));
  const ctx: ExprCtx = { env, file, where: 'rules', scope, rules: true };
  const lines = decl.lines.map((l) => {
    const base = lowerExpr(l.base, ctx);
    expect(base, 'num', l.base.range, ctx);
    return { id: ids.next('ln', file, l.range), name: l.name.text, base: base.ir, meta: metaIR(l.meta) };
  });
  const lineNames = new Set(decl.lines.map((l) => l.name.text));
  const combines = decl.combines.map((c) => {
    // An action-kind combine keeps the English keyword as its target, whatever the spelling.
    const out: RuleBlockIR['combines'][number] = c.action
      ? { id: ids.next('c', file, c.range), line: c.action, action: c.action, mode: c.mode }
      : { id: ids.next('c', file, c.range), line: c.line.text, mode: c.mode };
    if (c.cap) out.cap = lowerExpr(c.cap, ctx).ir;
    return out;
  });
  const rules = decl.rules.map((r) => {
    const rid = ids.next('r', file, r.range);
    // A block's applicability is part of each rule's condition: both evaluators (compiled and
    // json-rules-engine) see one condition, and each recommendation's facts show what it read.
    const when: Expr = decl.when ? { kind: 'binary', op: 'and', left: decl.when, right: r.when, range: r.when.range } : r.when;
    const w = lowerExpr(when, ctx);
    if (w.ty.k !== 'bool' && w.ty.k !== 'any') env.accept('REC510', file, r.when.range, { name: r.name.text });
    const actions = r.actions.map((written) => {
      const a = resolveBareLine(written, lineNames, scope);
      const out: ActionIR = { id: ids.next('a', file, a.range), verb: a.verb };
      if (a.line) out.line = a.line.text;
      if (a.amount) {
        const amount = lowerExpr(a.amount, ctx);
        expect(amount, 'num', a.amount.range, ctx);
        out.amount = amount.ir;
      }
      const within = slotNumber(a.withinDays);
      if (within) out.withinDays = within.value;
      if (a.level) out.level = a.level.text;
      if (a.text !== undefined) out.text = a.text;
      return out;
    });
    return { id: rid, name: r.name.text, priority: r.priority ?? 1, when: w.ir, actions, reason: r.reason ?? '', meta: metaIR(r.meta) };
  });
  for (const s of own) lowerSymbol(s, env);
  const params = own.filter((s) => s.kind === 'param');
  const lets = topoLets(
    own.filter((s) => s.kind === 'let'),
    env.facts.deps,
  );
  const ir: RuleBlockIR = {
    id,
    name: decl.name.text,
    for: decl.for.text,
    meta: metaIR(decl.meta),
    params: params.map((s) => toParamIR(s, ids.next('p', s.item.file, s.item.decl.range))),
    lets: lets.map((s) => toLetIR(s, ids.next('l', s.item.file, s.item.decl.range))),
    lines,
    combines,
    rules,
  };
  return { item, scope, params, lets: own.filter((s) => s.kind === 'let'), ir };
}
