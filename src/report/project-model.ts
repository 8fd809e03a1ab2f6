/**
 * Builds the language-resolved content of a per-project public-disclosure report from one
 * `EvaluationResult`, its rule set IR and the optional `ProjectInfo`: the six sections of the
 * 财预〔2020〕10号 outline (基本情况 … 主要经验及做法、存在的问题及原因分析, 有关建议) as paragraphs
 * and tables of plain text, the evaluator's own text (`info.narrative`) in its places, and the
 * 落款 (issuer and date as given, else blanks to fill in — never today's date). Public text
 * uses titles and words only: stages, bands and rule combinations go through public-text.ts. Both the
 * Markdown and the HTML writer render this one model, so the two formats never disagree about
 * a number. Nothing here escapes text, reads a clock or depends on anything but its inputs.
 */
import { Decimal } from 'decimal.js';
import type { DimensionIR, NodeIR, RuleSetIR } from '../compile/ir.js';
import type { EvaluationResult, IndicatorResult, LostPoints } from '../engine/result.js';
import { actionLabel, amountText, ruleText } from './actions.js';
import { formatMoney, formatScore, formatPercent, formatTarget, formatValue, joinList, paren, toDecimal } from './format.js';
import { hasMessage, t, type Lang, type MessageKey } from './i18n/index.js';
import type { ProjectInfo } from './input.js';
import { table, type Table } from './layout.js';
import { fieldTitle, hitText, stageLabel } from './public-text.js';

export interface DimensionScore {
  name: string;
  weight: number;
  points: number | null;
}

export interface ProjectModel {
  lang: Lang;
  title: string;
  ruleset: string;
  sections: {
    basic: { table: Table | null; note: string | null };
    work: string[];
    conclusion: { paragraphs: string[]; dimensions: Table; chart: DimensionScore[] };
    indicators: Table;
    /** 主要经验及做法 and 存在的问题及原因分析, the two halves of the fifth section. */
    problems: { experience: string[]; problems: string[] };
    recommendations: { table: Table | null; note: string | null; paragraphs: string[] };
  };
  /** The 落款: issuing body and date lines, right-aligned under the report. */
  signoff: string[];
}

/** The rule set's display precision (default 2, as the IR does). */
export function precisionOf(ir: RuleSetIR | undefined): number {
  return ir?.settings.precision ?? 2;
}

function countIndicators(nodes: readonly NodeIR[]): number {
  return nodes.reduce((n, node) => n + (node.kind === 'indicator' ? 1 : countIndicators(node.children)), 0);
}

function lastSegment(path: string): string {
  const parts = path.split('/');
  return parts[parts.length - 1] ?? path;
}

/** "落入较低得分区间，失 2.00 分；所处区间：80% 至 90%" for one indicator's lost points. */
export function lostReason(lang: Lang, indicator: IndicatorResult, lost: readonly LostPoints[], precision: number, ir?: RuleSetIR): string {
  const parts: string[] = [];
  for (const entry of lost.filter((l) => l.path === indicator.path)) {
    const key = `lost/${entry.reason}`;
    const reason = hasMessage(key) ? t(lang, key) : t(lang, 'lost/other', { code: entry.reason });
    parts.push(t(lang, 'lost/sentence', { reason, lost: formatScore(entry.lost, precision) }));
  }
  const hit = parts.length > 0 ? hitText(lang, ir, indicator) : null;
  if (hit) parts.push(hit);
  if (indicator.error) parts.push(t(lang, 'lost/error', { message: indicator.error.message }));
  if (indicator.reported?.differs) {
    const points = formatScore(indicator.reported.points, precision);
    parts.push(
      indicator.reported.reason ? t(lang, 'lost/reported', { points, reason: indicator.reported.reason }) : t(lang, 'lost/reportedNoReason', { points }),
    );
  }
  return parts.join(t(lang, 'punct/semicolon'));
}

/** 'department' or 'town' for a unit's own record; undefined for a project. */
function ownEntity(info: ProjectInfo | undefined): 'department' | 'town' | undefined {
  return info?.entity === 'department' || info?.entity === 'town' ? info.entity : undefined;
}

function basicSection(lang: Lang, result: EvaluationResult, ir: RuleSetIR, info: ProjectInfo | undefined): ProjectModel['sections']['basic'] {
  const entity = ownEntity(info);
  // A department's or town's own report names it as such, not as a project.
  const idKey: MessageKey = entity ? `basic/entity/${entity}/id` : 'basic/id';
  const nameKey: MessageKey = entity ? `basic/entity/${entity}/name` : 'basic/name';
  const rows: string[][] = [[t(lang, idKey), result.id]];
  const add = (key: MessageKey, value: string | undefined): void => {
    if (value !== undefined && value !== '') rows.push([t(lang, key), value]);
  };
  add(nameKey, info?.name);
  if (entity !== 'department' || info?.department !== info?.name) add('basic/department', info?.department);
  if (entity !== 'town' || info?.town !== info?.name) add('basic/town', info?.town);
  add('basic/year', info?.year);
  add('basic/budget', info?.budget === undefined ? undefined : formatMoney(lang, info.budget));
  add('basic/requested', info?.requested === undefined ? undefined : formatMoney(lang, info.requested));
  add('basic/approved', info?.approved === undefined ? undefined : formatMoney(lang, info.approved));
  const requested = toDecimal(info?.requested);
  const approved = toDecimal(info?.approved);
  if (requested !== null && approved !== null) add('basic/reviewCut', formatMoney(lang, requested.minus(approved)));
  add('basic/stage', info?.stage === undefined ? (entity ? t(lang, `stage/${entity}`) : undefined) : stageLabel(lang, info.stage));
  add('basic/framework', ir.label ? ir.name + paren(lang, ir.label) : ir.name);
  if (ir.meta.refs.length > 0) add('basic/refs', joinList(lang, ir.meta.refs));
  const hasInfo = info !== undefined && Object.keys(info).length > 0;
  const overview = info?.narrative?.overview;
  return {
    table: table([t(lang, 'basic/field'), t(lang, 'basic/value')], ['left', 'left'], rows),
    note: overview ?? (hasInfo ? null : t(lang, 'basic/none')),
  };
}

function workSection(lang: Lang, ir: RuleSetIR, info: ProjectInfo | undefined): string[] {
  const dimensions = ir.nodes.filter((n): n is DimensionIR => n.kind === 'dimension').length;
  const out = [
    t(lang, 'work/framework', {
      framework: ir.label ?? ir.name,
      version: ir.version,
      scale: formatScore(ir.settings.scale, 0),
      dimensions,
      indicators: countIndicators(ir.nodes),
    }),
  ];
  if (ir.meta.refs.length > 0) out.push(t(lang, 'work/refs', { refs: joinList(lang, ir.meta.refs) }));
  out.push(t(lang, 'work/method', { precision: precisionOf(ir) }));
  if (info?.date) out.push(t(lang, 'work/date', { date: info.date }));
  if (info?.narrative?.work) out.push(info.narrative.work);
  return out;
}

function conclusionSection(lang: Lang, result: EvaluationResult, precision: number): ProjectModel['sections']['conclusion'] {
  const paragraphs: string[] = [];
  if (result.outcome?.totalHidden && result.status !== 'rejected') {
    // An outcome such as PART's "Results Not Demonstrated" publishes the rating, never the score.
    paragraphs.push(t(lang, 'conclusion/outcome', { grade: result.grade ?? t(lang, 'value/none') }));
  } else if (result.status === 'rejected' || result.total === null) {
    paragraphs.push(t(lang, 'conclusion/rejected'));
  } else {
    paragraphs.push(
      t(lang, 'conclusion/score', {
        total: formatScore(result.total, precision),
        scale: formatScore(result.scale, 0),
        grade: result.grade ?? t(lang, 'value/none'),
      }),
    );
    if (result.reported && result.reported.total !== null) {
      paragraphs.push(
        t(lang, 'conclusion/reported', {
          total: formatScore(result.reported.total, precision),
          grade: result.reported.grade ?? t(lang, 'value/none'),
          rule: formatScore(result.total, precision),
          ruleGrade: result.grade ?? t(lang, 'value/none'),
        }),
      );
    }
    if (result.gradeBeforeVeto && result.grade) {
      paragraphs.push(t(lang, 'conclusion/vetoed', { before: result.gradeBeforeVeto, grade: result.grade }));
    }
    for (const veto of result.vetoes) paragraphs.push(t(lang, 'conclusion/veto', { name: veto.name, effect: veto.effect }));
    if (result.vetoes.length === 0) paragraphs.push(t(lang, 'conclusion/noVeto'));
    if (result.nextGrade) {
      const candidates = result.nextGrade.candidates.slice(0, 3).map((c) => lastSegment(c.path) + paren(lang, formatScore(c.available, precision)));
      paragraphs.push(
        t(lang, 'conclusion/nextGrade', {
          grade: result.nextGrade.grade,
          points: formatScore(result.nextGrade.pointsNeeded, precision),
          candidates: joinList(lang, candidates),
        }),
      );
    }
  }
  const stated = result.reported !== undefined;
  const rows = result.dimensions.map((d) => {
    const depth = d.path.split('/').length - 1;
    const weight = d.effectiveWeight ?? d.weight;
    const points = toDecimal(d.points);
    const rate = points === null || weight === 0 ? t(lang, 'value/none') : formatPercent(points.div(weight), 1);
    const row = [
      '\u3000'.repeat(depth) + d.name,
      formatScore(weight, precision),
      d.status === 'not_applicable' ? t(lang, 'status/not_applicable') : formatScore(d.points, precision),
      rate,
    ];
    // The form's own score stands beside the rule's, only in reports of records that state one.
    if (stated) row.splice(2, 0, d.reported ? formatScore(d.reported.points, precision) : t(lang, 'value/none'));
    return row;
  });
  const head = [t(lang, 'col/dimension'), t(lang, 'col/weight'), t(lang, stated ? 'col/rulePoints' : 'col/points'), t(lang, 'col/rate')];
  const total =
    result.total === null || result.outcome?.totalHidden
      ? undefined
      : [t(lang, 'col/subtotal'), formatScore(result.scale, precision), formatScore(result.total, precision), ''];
  if (stated) {
    head.splice(2, 0, t(lang, 'col/reportedPoints'));
    total?.splice(2, 0, result.reported!.total === null ? t(lang, 'value/none') : formatScore(result.reported!.total, precision));
  }
  const dimensions = table(head, stated ? ['left', 'right', 'right', 'right', 'right'] : ['left', 'right', 'right', 'right'], rows, total);
  const chart = result.dimensions.filter((d) => !d.path.includes('/')).map((d) => ({ name: d.name, weight: d.effectiveWeight ?? d.weight, points: d.points }));
  return { paragraphs, dimensions, chart };
}

function indicatorSection(lang: Lang, result: EvaluationResult, precision: number, ir: RuleSetIR): Table {
  const stated = result.indicators.some((i) => i.reported);
  const rows = result.indicators.map((ind) => [
    ind.dimension,
    ind.name,
    formatScore(ind.effectiveWeight ?? ind.weight, precision),
    formatTarget(lang, ind),
    ind.status === 'scored' ? formatValue(lang, ind.value, ind.unit) : t(lang, `status/${ind.status}`),
    ...(stated ? [ind.reported ? formatScore(ind.reported.points, precision) : t(lang, 'value/none')] : []),
    ind.status === 'not_applicable' ? t(lang, 'status/not_applicable') : formatScore(ind.points, precision),
    lostReason(lang, ind, result.lostPoints, precision, ir),
  ]);
  return table(
    [
      t(lang, 'col/dimension'),
      t(lang, 'col/indicator'),
      t(lang, 'col/weight'),
      t(lang, 'col/target'),
      t(lang, 'col/actual'),
      ...(stated ? [t(lang, 'col/reportedPoints'), t(lang, 'col/rulePoints')] : [t(lang, 'col/points')]),
      t(lang, 'col/lostReason'),
    ],
    stated ? ['left', 'left', 'right', 'left', 'left', 'right', 'right', 'left'] : ['left', 'left', 'right', 'left', 'left', 'right', 'left'],
    rows,
  );
}

/** Lost-point problems named one by one; the rest are summed in one sentence. */
export const MAX_LISTED_LOSSES = 10;

/** A dimension's score rate from which its practice counts as experience worth stating. */
export const EXPERIENCE_RATE = 0.9;

/**
 * 主要经验及做法 from the scores: first-level dimensions at or above EXPERIENCE_RATE with their
 * points, and the indicators that got full points; the evaluator's own text after them.
 */
function experienceSection(lang: Lang, result: EvaluationResult, precision: number, info: ProjectInfo | undefined): string[] {
  const out: string[] = [];
  if (result.status === 'ok') {
    for (const d of result.dimensions) {
      if (d.path.includes('/') || d.status === 'not_applicable') continue;
      const weight = new Decimal(d.effectiveWeight ?? d.weight);
      const points = toDecimal(d.points);
      if (points === null || weight.isZero() || points.div(weight).lt(EXPERIENCE_RATE)) continue;
      out.push(
        t(lang, 'experience/dimension', {
          name: d.name,
          points: formatScore(d.points, precision),
          weight: formatScore(weight.toFixed(), precision),
          rate: formatPercent(points.div(weight), 1),
        }),
      );
    }
    const full = result.indicators.filter(
      (i) => i.status === 'scored' && i.points !== null && new Decimal(i.points).eq(i.effectiveWeight ?? i.weight) && Number(i.weight) > 0,
    );
    if (out.length > 0 && full.length > 0)
      out.push(
        t(lang, 'experience/full', {
          list: joinList(
            lang,
            full.map((i) => i.name),
          ),
        }),
      );
    if (out.length === 0) out.push(t(lang, 'experience/none'));
  }
  if (info?.narrative?.experience) out.push(info.narrative.experience);
  return out;
}

/** The evaluator's stated cause of an indicator's lost points (by indicator name or path). */
function causeOf(ind: IndicatorResult | undefined, info: ProjectInfo | undefined): string | undefined {
  const causes = info?.narrative?.causes;
  return ind && causes ? (causes[ind.name] ?? causes[ind.path]) : undefined;
}

/** A data path as the public reads it: the field's title, never the path itself. */
function fieldText(ir: RuleSetIR, path: string | undefined): string | null {
  return path ? fieldTitle(ir, path) : null;
}

/** "失分主要集中在“产出”（失 5.59 分）、“效益”（失 4.60 分）": the two first-level dimensions that lost most. */
function lossByDimension(lang: Lang, result: EvaluationResult, precision: number): string | null {
  const top = result.dimensions
    .filter((d) => !d.path.includes('/') && d.status !== 'not_applicable' && d.points !== null)
    .map((d, i) => ({ d, i, lost: new Decimal(d.effectiveWeight ?? d.weight).minus(d.points!) }))
    .filter((x) => x.lost.gt(0))
    .sort((a, b) => b.lost.cmp(a.lost) || a.i - b.i)
    .slice(0, 2);
  if (top.length === 0) return null;
  return t(lang, 'problems/byDimension', {
    list: joinList(
      lang,
      top.map((x) => t(lang, 'problems/dimensionLoss', { name: x.d.name, lost: formatScore(x.lost.toFixed(), precision) })),
    ),
  });
}

function problemsSection(lang: Lang, result: EvaluationResult, precision: number, info: ProjectInfo | undefined, ir: RuleSetIR): string[] {
  const out: string[] = [];
  for (const veto of result.vetoes) out.push(t(lang, 'problems/veto', { name: veto.name }));
  if (result.status === 'rejected') {
    for (const error of result.errors) {
      const field = fieldText(ir, error.path);
      out.push(t(lang, 'problems/recordError', { message: field ? field + t(lang, 'punct/colon') + error.message : error.message }));
    }
  }
  const byPath = new Map(result.indicators.map((i) => [i.path, i]));
  // Largest losses first; ties keep the engine's order so the list is stable.
  const lost = result.lostPoints
    .map((l, i) => ({ l, i }))
    .sort((a, b) => b.l.lost - a.l.lost || a.i - b.i)
    .map(({ l }) => l);
  const listed = lost.filter((entry) => entry.lost > 0 && byPath.get(entry.path)?.status !== 'unavailable');
  // A public report names the main problems; the long tail is summed up in one sentence.
  const rest = listed.slice(MAX_LISTED_LOSSES);
  const focus = listed.length > 0 ? lossByDimension(lang, result, precision) : null;
  if (focus) out.push(focus);
  let unexplained = 0;
  for (const entry of listed.slice(0, MAX_LISTED_LOSSES)) {
    const ind = byPath.get(entry.path);
    const key = `lost/${entry.reason}`;
    let reason = hasMessage(key) ? t(lang, key) : t(lang, 'lost/other', { code: entry.reason });
    if (ind && entry.reason !== 'UNAVAILABLE' && ind.value !== null && ind.value !== undefined) {
      const actual = t(lang, 'problems/actual', { actual: formatValue(lang, ind.value, ind.unit) });
      const target = t(lang, 'problems/target', { target: formatTarget(lang, ind) });
      reason += paren(lang, ind.target ? actual + t(lang, 'punct/comma') + target : actual);
    }
    const problem = t(lang, 'problems/lost', { indicator: ind?.name ?? lastSegment(entry.path), lost: formatScore(entry.lost, precision), reason });
    const cause = causeOf(ind, info);
    if (!cause) unexplained++;
    out.push(cause ? problem + t(lang, 'problems/cause', { cause }) : problem);
  }
  // One sentence for the causes nobody gave, instead of the same words under every problem.
  if (unexplained > 0) out.push(t(lang, 'problems/causeMissing', { count: unexplained }));
  if (rest.length > 0) {
    const sum = rest.reduce((acc, e) => acc.plus(e.lost), new Decimal(0));
    out.push(t(lang, 'problems/more', { count: rest.length, lost: formatScore(sum.toFixed(), precision) }));
  }
  for (const ind of result.indicators) {
    if (ind.status !== 'unavailable') continue;
    const field = fieldText(ir, ind.error?.path);
    const reason = ind.error ? ind.error.message + (field ? paren(lang, field) : '') : t(lang, 'lost/UNAVAILABLE');
    out.push(t(lang, 'problems/unavailable', { indicator: ind.name, reason }));
  }
  for (const ind of result.indicators) {
    if (!ind.reported?.differs) continue;
    // Above the rule score the unit scored itself too high; below it the form marked points down.
    const rule = new Decimal(ind.points ?? 0);
    const high = new Decimal(ind.reported.points).gt(rule);
    out.push(
      t(lang, high ? 'problems/reportedHigh' : 'problems/reportedLow', {
        indicator: ind.name,
        reported: formatScore(ind.reported.points, precision),
        points: formatScore(ind.points, precision),
        difference: formatScore(new Decimal(ind.reported.points).minus(rule).abs().toFixed(), precision),
      }),
    );
  }
  for (const f of result.findings ?? []) out.push(t(lang, 'problems/finding', { message: f.message }));
  if (info?.narrative?.problems) out.push(info.narrative.problems);
  if (out.length === 0) out.push(t(lang, 'problems/none'));
  return out;
}

function recommendationSection(
  lang: Lang,
  result: EvaluationResult,
  ir: RuleSetIR,
  info: ProjectInfo | undefined,
): ProjectModel['sections']['recommendations'] {
  const paragraphs = info?.narrative?.suggestions ? [info.narrative.suggestions] : [];
  if (result.recommendations.length === 0) return { table: null, note: paragraphs.length > 0 ? null : t(lang, 'rec/none'), paragraphs };
  const rows = result.recommendations.map((rec) => [actionLabel(lang, rec, [ir]), amountText(lang, rec), rec.reason, ruleText(lang, rec, [ir])]);
  return {
    table: table([t(lang, 'col/action'), t(lang, 'col/amount'), t(lang, 'col/reason'), t(lang, 'col/rule')], ['left', 'right', 'left', 'left'], rows),
    note: null,
    paragraphs,
  };
}

/** Issuer and date as given (info, else the caller's defaults); blanks to fill by hand otherwise. */
export function signoffLines(lang: Lang, issuer: string | undefined, date: string | undefined): string[] {
  return [
    issuer ? t(lang, 'signoff/issuer', { issuer }) : t(lang, 'signoff/blankIssuer'),
    date ? t(lang, 'signoff/date', { date }) : t(lang, 'signoff/blankDate'),
  ];
}

function titleOf(lang: Lang, result: EvaluationResult, info: ProjectInfo | undefined): string {
  const name = info?.name ?? result.id;
  const entity = ownEntity(info);
  return entity ? t(lang, `doc/entity/${entity}/title`, { name }) : t(lang, 'doc/project/title', { name });
}

/** Issuer and date used when a record carries none (from `--issuer`/`--date` or a side file). */
export interface SignoffDefaults {
  issuer?: string;
  date?: string;
}

export function buildProjectModel(result: EvaluationResult, ir: RuleSetIR, lang: Lang, info?: ProjectInfo, defaults: SignoffDefaults = {}): ProjectModel {
  const precision = precisionOf(ir);
  return {
    lang,
    title: titleOf(lang, result, info),
    ruleset: t(lang, 'doc/ruleset', {
      name: result.ruleset.name,
      version: result.ruleset.version,
      hash: result.ruleset.hash.replace(/^sha256:/, '').slice(0, 12),
    }),
    sections: {
      basic: basicSection(lang, result, ir, info),
      work: workSection(lang, ir, info),
      conclusion: conclusionSection(lang, result, precision),
      indicators: indicatorSection(lang, result, precision, ir),
      problems: { experience: experienceSection(lang, result, precision, info), problems: problemsSection(lang, result, precision, info, ir) },
      recommendations: recommendationSection(lang, result, ir, info),
    },
    signoff: signoffLines(lang, info?.issuer ?? defaults.issuer, info?.date ?? defaults.date),
  };
}

/** Section titles in outline order, numbered 一、二、… (zh) or 1. 2. … (en). */
export const SECTION_KEYS = [
  'section/basic',
  'section/work',
  'section/conclusion',
  'section/indicators',
  'section/problems',
  'section/recommendations',
] as const;
const ZH_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** "（一）主要经验及做法" / "1) Main experience and practice". */
export function subTitle(lang: Lang, index: number, key: MessageKey): string {
  return t(lang, 'sub/numbered', { n: lang === 'zh' ? (ZH_NUMERALS[index] ?? String(index + 1)) : String(index + 1), title: t(lang, key) });
}

export function sectionTitle(lang: Lang, index: number): string {
  const key = SECTION_KEYS[index];
  if (key === undefined) throw new Error(`no section ${index}`);
  const n = lang === 'zh' ? (ZH_NUMERALS[index] ?? String(index + 1)) : String(index + 1);
  return t(lang, 'section/numbered', { n, title: t(lang, key) });
}
