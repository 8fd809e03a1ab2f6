/**
 * `rollup(declaration, ir, entities, members, recommender?)`: an entity's overall score from its
 * own scorecard and its members' results (a department with its projects, a town with the
 * projects in it), then its grade and — through the existing recommendation stage, with the
 * combined total and grade in place of its own — its linkage recommendations (department
 * budget, transfer payments, special funds).
 *
 *   members score = Σ wᵢ·sᵢ / Σ wᵢ          (sᵢ = member's unrounded total on the entity's scale)
 *   total         = own share × own total + members share × members score
 *
 * All arithmetic is decimal on the unrounded totals; the total is rounded to the entity rule
 * set's precision and rounding, and graded by its cut-offs like the engine does. A veto that
 * capped the entity's own score (`cap`, `zero`) enters with the capped score; one that capped
 * the entity's own grade still caps the combined grade. Every number is traced: each
 * member with its weight, weight share and contribution, and each member left out with why
 * (rejected, no weight, unknown entity). Output order is the entities' input order; members
 * are listed by id. Never throws on user data.
 */
import type { RuleSetIR } from '../compile/ir.js';
import type { Diagnostic } from '../common/diagnostic.js';
import type { EvaluationResult, Recommendation, TraceStep } from '../engine/result.js';
import type { RecommendContext, Recommender } from '../recommend/index.js';
import type { RollupDeclaration } from './declaration.js';
import { percentText } from './declaration.js';
import { DEFAULT_LANG, type Lang } from '../common/lang.js';
import { rolDiagnostic } from './messages.js';
import { Dec, readDecimal, readPath } from './quantity.js';

/** An entity's recommendation context by its id (undefined: none given for it). */
export type ContextLookup = (id: string) => RecommendContext | undefined;

export function contextOf(context: RecommendContext | ContextLookup | undefined, id: string): RecommendContext | undefined {
  return typeof context === 'function' ? context(id) : context;
}

export interface Scored {
  record: unknown;
  result: EvaluationResult;
}

export interface RollupMember {
  id: string;
  /** The member's total on the entity's scale, unrounded (6 decimals). */
  score: string;
  weight: string;
  weightShare: string;
  /** weightShare × score: this member's part of the members score. */
  contribution: string;
}

export interface RollupEntityResult {
  id: string;
  key: string;
  status: 'ok' | 'no_score';
  own: { total: number | null; grade: string | null; rawTotal: string | null };
  members: { count: number; weightSum: string; score: string | null; items: RollupMember[]; excluded: { id: string; reason: string }[] };
  share: { own: string; members: string };
  total: number | null;
  rawTotal: string | null;
  grade: string | null;
  recommendations: Recommendation[];
  trace: TraceStep[];
}

export interface RollupResult {
  rollup: string;
  ruleset: { name: string; version: string; hash: string };
  entities: RollupEntityResult[];
  diagnostics: Diagnostic[];
}

const ROUNDING: Record<RuleSetIR['settings']['rounding'], 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8> = {
  half_up: Dec.ROUND_HALF_UP,
  half_even: Dec.ROUND_HALF_EVEN,
  down: Dec.ROUND_DOWN,
  up: Dec.ROUND_UP,
};
const f6 = (d: Dec): string => d.toFixed(6, Dec.ROUND_HALF_UP);
/** Unrounded values for the trace: exact up to 10 decimals (the computation keeps all digits). */
const f10 = (d: Dec): string => d.toDecimalPlaces(10, Dec.ROUND_HALF_UP).toString();
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const idOf = (s: Scored): string => s.result.id;

/** The unrounded total of a result on `scale`, or null when it has none. */
function rawOn(result: EvaluationResult, scale: Dec): Dec | null {
  if (result.status !== 'ok' || result.total === null) return null;
  let raw = /^-?\d+(\.\d+)?$/.test(result.trace?.rawTotal ?? '') ? new Dec(result.trace.rawTotal) : new Dec(result.total);
  // The trace keeps the score before vetoes; a `cap`/`zero` veto lowered the reported total,
  // and the roll-up must combine that capped score, not the one the veto overruled.
  if (result.vetoes.some((v) => v.effect === 'zero' || v.effect.startsWith('cap'))) raw = Dec.min(raw, new Dec(result.total));
  return result.scale && !new Dec(result.scale).equals(scale) ? raw.times(scale).dividedBy(result.scale) : raw;
}

function gradeOf(ir: RuleSetIR, total: Dec): string | null {
  for (const g of ir.grades) if (g.min === null || total.greaterThanOrEqualTo(g.min)) return g.label;
  return null;
}

/** The lower (worse) of two grades of the rule set; grades are listed highest first. */
function worse(ir: RuleSetIR, a: string | null, b: string | null): string | null {
  if (a === null || b === null) return a ?? b;
  const rank = (g: string): number => ir.grades.findIndex((x) => x.label === g);
  return rank(a) >= rank(b) ? a : b;
}

export function rollup(
  decl: RollupDeclaration,
  ir: RuleSetIR,
  entities: readonly Scored[],
  members: readonly Scored[],
  options: {
    recommender?: Recommender;
    /** One context for every entity, or each entity's own (last year's result, rectification) by id. */
    context?: RecommendContext | ContextLookup;
    lang?: Lang;
  } = {},
): RollupResult {
  const diagnostics: Diagnostic[] = [];
  const lang = options.lang ?? DEFAULT_LANG;
  const scale = new Dec(ir.settings.scale);
  const keyOf = (s: Scored): string => String(readPath(s.record, decl.entity.key) ?? '');
  const byKey = new Map<string, Scored[]>();
  const seen = new Set<string>();
  for (const e of entities) {
    const k = keyOf(e);
    if (seen.has(k)) diagnostics.push(rolDiagnostic('ROL815', [k], undefined, lang));
    seen.add(k);
    byKey.set(k, []);
  }
  for (const m of [...members].sort((a, b) => cmp(idOf(a), idOf(b)))) {
    const k = String(readPath(m.record, decl.members.key) ?? '');
    const list = byKey.get(k);
    if (list) list.push(m);
    else diagnostics.push(rolDiagnostic('ROL811', [idOf(m), k], undefined, lang));
  }

  const results = entities.map((e): RollupEntityResult => {
    const key = keyOf(e);
    const trace: TraceStep[] = [];
    const items: RollupMember[] = [];
    const excluded: { id: string; reason: string }[] = [];
    const scored: { id: string; score: Dec; weight: Dec }[] = [];
    for (const m of byKey.get(key) ?? []) {
      const score = rawOn(m.result, scale);
      if (score === null) {
        excluded.push({ id: idOf(m), reason: m.result.status === 'rejected' ? 'rejected' : 'no_total' });
        diagnostics.push(rolDiagnostic('ROL813', [idOf(m), m.result.status], undefined, lang));
        continue;
      }
      const weight = decl.members.weight === null ? new Dec(1) : readDecimal(m.record, decl.members.weight);
      if (weight === null || weight.isNegative()) {
        excluded.push({ id: idOf(m), reason: 'no_weight' });
        diagnostics.push(rolDiagnostic('ROL812', [idOf(m), decl.members.weight ?? ''], undefined, lang));
        continue;
      }
      scored.push({ id: idOf(m), score, weight });
    }
    const weightSum = scored.reduce((a, s) => a.plus(s.weight), new Dec(0));
    let membersScore: Dec | null = null;
    if (scored.length > 0 && !weightSum.isZero()) {
      membersScore = new Dec(0);
      for (const s of scored) {
        const share = s.weight.dividedBy(weightSum);
        const contribution = share.times(s.score);
        membersScore = membersScore.plus(contribution);
        items.push({ id: s.id, score: f6(s.score), weight: s.weight.toFixed(2), weightShare: f6(share), contribution: f6(contribution) });
        trace.push({ what: `${s.id}: ${f6(s.score)} × ${s.weight.toFixed(2)} / ${weightSum.toFixed(2)}`, result: f6(contribution) });
      }
      trace.push({ what: `members score = Σ contributions of ${scored.length} member(s)`, result: f6(membersScore) });
    } else {
      for (const s of scored) excluded.push({ id: s.id, reason: 'no_weight' });
      trace.push({
        what: `no member with a score and a weight (${decl.noMembers === 'own' ? 'own score counts alone' : 'members count as 0'})`,
        result: 'null',
      });
    }
    const own = rawOn(e.result, scale);
    const ownPart = { total: e.result.total, grade: e.result.grade, rawTotal: own ? f10(own) : null };
    const membersPart = { count: items.length, weightSum: weightSum.toFixed(2), score: membersScore ? f6(membersScore) : null, items, excluded };
    const base = { id: idOf(e), key, own: ownPart, members: membersPart };
    if (own === null) {
      diagnostics.push(rolDiagnostic('ROL814', [idOf(e), e.result.status], undefined, lang));
      return { ...base, status: 'no_score', share: { own: '0', members: '0' }, total: null, rawTotal: null, grade: null, recommendations: [], trace };
    }
    let ownShare = decl.share.own;
    let memberShare = decl.share.members;
    if (membersScore === null && decl.noMembers === 'own') {
      ownShare = new Dec(1);
      memberShare = new Dec(0);
    }
    const raw = own.times(ownShare).plus((membersScore ?? new Dec(0)).times(memberShare));
    trace.push({
      what: `total = ${percentText(ownShare)} × own ${f10(own)} + ${percentText(memberShare)} × members ${membersScore ? f6(membersScore) : '0'}`,
      result: f10(raw),
    });
    const total = raw.toDecimalPlaces(ir.settings.precision, ROUNDING[ir.settings.rounding]);
    let grade = gradeOf(ir, total);
    trace.push({
      what: `rounded to ${ir.settings.precision} decimals (${ir.settings.rounding}); grade by cut-offs`,
      result: `${total.toString()} → ${grade ?? 'null'}`,
    });
    if (e.result.vetoes.length > 0) {
      const capped = worse(ir, grade, e.result.grade);
      if (capped !== grade)
        trace.push({ what: `veto ${e.result.vetoes.map((v) => v.name).join(', ')} caps the grade at ${e.result.grade}`, result: capped ?? 'null' });
      grade = capped;
    }
    // The entity's own scorecard, carrying the combined total and grade, goes through the
    // ordinary recommendation stage: linkage rules read `grade`/`total` as the overall result.
    const combined: EvaluationResult = { ...e.result, total: total.toNumber(), grade, recommendations: [] };
    const recommendations = options.recommender ? options.recommender.recommend(combined, e.record, contextOf(options.context, e.result.id)) : [];
    return {
      ...base,
      status: 'ok',
      share: { own: ownShare.toString(), members: memberShare.toString() },
      total: total.toNumber(),
      rawTotal: f10(raw),
      grade,
      recommendations,
      trace,
    };
  });
  return { rollup: decl.name, ruleset: { name: ir.name, version: ir.version, hash: ir.hash }, entities: results, diagnostics };
}
