/**
 * One record's scorecard as text, for `jixiao explain`: the rule set and its hash, the total
 * and grade, then each dimension with its indicators — value, target, method, points, the
 * inputs read, the band or level hit, the trace's arithmetic steps and, where points were lost,
 * why — then how the total was reached, the vetoes, what the next grade needs, and each
 * recommendation with the rule and the facts that fired it. Every number comes from the result
 * and its trace (src/engine/result.ts), never re-derived; the result should be traced at
 * 'full' (at a lower level the inputs and steps are simply empty). Lines fit 100 columns.
 */
import type { RuleSetIR } from '../compile/ir.js';
import type { Lang } from '../common/lang.js';
import type { DimensionResult, EvaluationResult, IndicatorResult, Recommendation, TraceStep } from '../engine/result.js';
import { actionLabel, amountText, ruleText } from '../report/actions.js';
import { formatTarget, formatValue } from '../report/format.js';
import { hasMessage, t } from '../report/i18n/index.js';
import { hitText } from '../report/public-text.js';
import { ew, methodWord } from './tool-messages.js';
import { wrapDisplay } from './text-table.js';

const WIDTH = 100;

export function explainText(result: EvaluationResult, ir: RuleSetIR, lang: Lang): string {
  const out = new Lines();
  out.add(0, ew(lang, 'title', { id: result.id }));
  out.add(0, ew(lang, 'ruleset', { name: result.ruleset.name, version: result.ruleset.version }));
  out.add(0, ew(lang, 'hash', { hash: result.ruleset.hash }));
  if (result.status === 'rejected') {
    out.add(0, ew(lang, 'rejected'));
    for (const e of result.errors) out.add(2, `${e.code} ${e.message}`);
    return out.text();
  }
  const veto = result.gradeBeforeVeto ? ew(lang, 'gradeBeforeVeto', { grade: result.gradeBeforeVeto }) : '';
  out.add(0, ew(lang, 'total', { total: show(result.total), scale: result.scale, grade: result.grade ?? '—' }) + veto);

  const lost = new Map(result.lostPoints.map((l) => [l.path, l]));
  const shown = new Set<string>();
  for (const dimension of result.dimensions) {
    const depth = dimension.path.split('/').length - 1;
    out.blank(depth === 0);
    out.add(depth * 2, dimensionLine(dimension, lang));
    for (const indicator of result.indicators.filter((i) => i.dimension === dimension.path)) {
      shown.add(indicator.path);
      indicatorLines(out, indicator, (depth + 1) * 2, lost.get(indicator.path), ir, lang);
    }
  }
  // indicators outside every dimension (a flat rule set) still get their lines
  for (const indicator of result.indicators.filter((i) => !shown.has(i.path))) indicatorLines(out, indicator, 2, lost.get(indicator.path), ir, lang);

  out.blank(true);
  out.add(0, ew(lang, 'calculation'));
  for (const step of result.trace.steps) out.add(2, stepText(step, lang));
  if (result.nextGrade) {
    const candidates = result.nextGrade.candidates
      .slice(0, 3)
      .map((c) => `${lastSegment(c.path)} ${c.available}`)
      .join(t(lang, 'list/sep'));
    out.add(2, ew(lang, 'nextGrade', { grade: result.nextGrade.grade, points: result.nextGrade.pointsNeeded, candidates }));
  }

  out.blank(true);
  out.add(0, ew(lang, 'vetoes'));
  if (result.vetoes.length === 0) out.add(2, ew(lang, 'noVetoes'));
  for (const v of result.vetoes) out.add(2, ew(lang, 'veto', { name: v.name, effect: v.effect, facts: factsText(v.facts) }));

  out.blank(true);
  out.add(0, ew(lang, 'recommendations'));
  if (result.recommendations.length === 0) out.add(2, ew(lang, 'noRecommendations'));
  result.recommendations.forEach((rec, i) => recommendationLines(out, rec, i + 1, ir, lang));

  const recordErrors = result.errors.filter((e) => !result.indicators.some((i) => i.path === e.path));
  if (recordErrors.length > 0) {
    out.blank(true);
    out.add(0, ew(lang, 'errors'));
    for (const e of recordErrors) out.add(2, `${e.code} ${e.message}`);
  }
  return out.text();
}

function dimensionLine(d: DimensionResult, lang: Lang): string {
  const weight = d.effectiveWeight ?? d.weight;
  return (
    ew(lang, 'dimension', { name: d.name, points: show(d.points), weight }) + (d.status === 'not_applicable' ? ` — ${t(lang, 'status/not_applicable')}` : '')
  );
}

function indicatorLines(
  out: Lines,
  indicator: IndicatorResult,
  indent: number,
  lost: { lost: number; reason: string } | undefined,
  ir: RuleSetIR,
  lang: Lang,
): void {
  const weight = indicator.effectiveWeight ?? indicator.weight;
  const reweighted = indicator.effectiveWeight !== undefined ? ew(lang, 'effectiveWeight', { weight: indicator.effectiveWeight }) : '';
  out.add(
    indent,
    ew(lang, 'indicator', { name: indicator.name, points: show(indicator.points), weight, method: methodWord(lang, indicator.method) }) + reweighted,
  );
  const at = indent + 4;
  if (indicator.status === 'not_applicable') {
    out.add(at, ew(lang, 'notApplicable'));
    return;
  }
  // a checklist has no single value: its elements show in the steps
  const facts =
    indicator.value === null && indicator.status === 'scored' ? [] : [ew(lang, 'value', { value: formatValue(lang, indicator.value, indicator.unit) })];
  if (indicator.target && indicator.target.value !== null) facts.push(ew(lang, 'target', { target: formatTarget(lang, indicator) }));
  const hit = hitText(lang, ir, indicator);
  if (hit) facts.push(hit);
  if (facts.length > 0) out.add(at, facts.join(t(lang, 'punct/semicolon')));
  const inputs = Object.entries(indicator.trace.inputs);
  if (inputs.length > 0)
    out.add(at, ew(lang, 'inputs', { inputs: inputs.map(([path, value]) => `${path} = ${valueText(value)}`).join(t(lang, 'punct/semicolon')) }));
  for (const step of indicator.trace.steps) out.add(at, stepText(step, lang));
  if (indicator.error) {
    out.add(at, ew(lang, 'unavailable', { status: t(lang, `status/${indicator.status}`), code: indicator.error.code, message: indicator.error.message }));
  }
  if (lost && lost.lost > 0) out.add(at, ew(lang, 'lost', { lost: lost.lost, reason: reasonText(lost.reason, lang) }));
  if (indicator.reported) out.add(at, ew(lang, 'reported', { points: indicator.reported.points, reason: indicator.reported.reason }));
}

function recommendationLines(out: Lines, rec: Recommendation, n: number, ir: RuleSetIR, lang: Lang): void {
  const amount = rec.amount === undefined ? '' : ` ${amountText(lang, rec)}`;
  out.add(2, ew(lang, 'recommendation', { n, action: actionLabel(lang, rec, [ir]), amount }));
  out.add(5, ew(lang, 'rule', { rule: ruleText(lang, rec, [ir]), reason: rec.reason }));
  const facts = Object.keys(rec.facts).length === 0 ? ew(lang, 'noFacts') : factsText(rec.facts);
  out.add(5, ew(lang, 'facts', { facts }));
}

/** A trace step; one that already ends in its result ("… → 差") is not followed by it twice. */
function stepText(step: TraceStep, lang: Lang): string {
  return step.what.endsWith(` ${step.result}`) ? step.what : ew(lang, 'step', { what: step.what, result: step.result });
}

function reasonText(code: string, lang: Lang): string {
  const key = `lost/${code}`;
  return hasMessage(key) ? t(lang, key) : t(lang, 'lost/other', { code });
}

function factsText(facts: Record<string, unknown>): string {
  return Object.entries(facts)
    .map(([name, value]) => `${name} = ${valueText(value)}`)
    .join(', ');
}

/** A fact or input as it was read: strings bare, the rest as JSON (null for missing). */
function valueText(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? 'null');
}

function show(points: number | null): string {
  return points === null ? '—' : String(points);
}

function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Lines with hanging indentation, wrapped to the width; blank lines never doubled. */
class Lines {
  private readonly lines: string[] = [];

  add(indent: number, text: string): void {
    const pad = ' '.repeat(indent);
    wrapDisplay(text, WIDTH - indent - 2).forEach((line, i) => this.lines.push((i === 0 ? pad : `${pad}  `) + line));
  }

  blank(when: boolean): void {
    if (when && this.lines.length > 0 && this.lines[this.lines.length - 1] !== '') this.lines.push('');
  }

  text(): string {
    return this.lines.join('\n') + '\n';
  }
}
