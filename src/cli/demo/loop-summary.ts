/**
 * The demo's closed loop as the finance bureau reads it: one step per section — monitoring
 * carried forward, last year's results, the re-check sample, self-evaluation re-check, the
 * department and town roll-ups with their linkage, the special-fund allocation — with the counts,
 * 万元 amounts and exact sums that matter. `loopSteps` builds the neutral model once;
 * `loopLines` prints it for the terminal (long tables cut to the largest rows) and
 * `loopSections` hands it to the summary report (full tables). Pure: same loop, same text.
 */
import { Decimal } from 'decimal.js';
import type { RollupEntityResult, RollupResult } from '../../rollup/index.js';
import { formatYuan } from '../../report/format.js';
import { signedAmount, table, type SummarySection, type Table } from '../../report/index.js';
import type { Lang } from '../messages.js';
import { alignColumns } from '../text-table.js';
import { wan, wrapDisplay } from './format.js';
import { counts, levelName, loopText } from './loop-text.js';
import type { DemoLoop } from './loop.js';

export interface LoopStep {
  title: string;
  paragraphs: string[];
  table?: Table;
  /** Rows the terminal prints instead of the whole table (with a line saying so). */
  terminal?: { note: string; rows: string[][] };
}

const GRADE_ORDER = ['优', '良', '中', '差'];
const LEVEL_ORDER = ['red', 'yellow', 'green'];
const byOrder = (order: readonly string[]) => (a: string, b: string): number => {
  const ra = order.indexOf(a) < 0 ? order.length : order.indexOf(a);
  const rb = order.indexOf(b) < 0 ? order.length : order.indexOf(b);
  return ra - rb || (a < b ? -1 : a > b ? 1 : 0);
};
const tally = (keys: readonly string[], order: readonly string[]): [string, number][] => {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return [...m.entries()].sort(([a], [b]) => byOrder(order)(a, b));
};
/** Long per-project lists go to summary.html and loop/ only; the terminal keeps the counts. */
const REPORT_ONLY = { note: '', rows: [] as string[][] };
const pct = (share: string): string => `${new Decimal(share).times(100).toString()}%`;

export function loopSteps(loop: DemoLoop, lang: Lang): LoopStep[] {
  const l = loopText(lang);
  const W = '万元';
  const steps: LoopStep[] = [];

  const levels = tally(loop.carried.map((c) => c.warning), LEVEL_ORDER);
  steps.push({
    title: l.carriedTitle,
    paragraphs: [l.carried(loop.carried.length, loop.sample?.population ?? loop.carried.length, counts(levels.map(([k, n]) => [levelName(lang, k), n]), l.none))],
    table: table([l.col.level, l.col.count, l.col.projects], ['left', 'right', 'left'],
      levels.map(([level, n]) => [levelName(lang, level), String(n), loop.carried.filter((c) => c.warning === level).map((c) => c.id).join(' ')])),
    terminal: REPORT_ONLY,
  });

  const ctx = loop.context;
  steps.push({
    title: l.contextTitle,
    paragraphs: [
      l.context(ctx.previous, counts(Object.entries(ctx.grades).sort(([a], [b]) => byOrder(GRADE_ORDER)(a, b)), l.none)),
      l.rectification(counts(Object.entries(ctx.rectification).sort(([a], [b]) => byOrder(['已整改', '整改中', '未整改'])(a, b)), l.none)),
    ],
  });

  if (loop.sample) {
    const s = loop.sample;
    const amount = s.picked.reduce((a, p) => a.plus(p.amount ?? 0), new Decimal(0));
    const criteria = tally(s.picked.flatMap((p) => p.reasons.flatMap((r) => (r.kind === 'high_risk' ? [r.criterion] : []))), []);
    const reasonText = (p: (typeof s.picked)[number]): string =>
      p.reasons.map((r) => (r.kind === 'high_risk' ? r.criterion : l.reason[r.kind])).join(l.listSeparator);
    steps.push({
      title: l.sampleTitle,
      paragraphs: [
        l.sample(s.counts.picked, s.population, s.seed, wan(amount, W)),
        l.byThreshold(s.counts.threshold, s.threshold === null ? l.none : wan(s.threshold, W)),
        l.byRisk(s.counts.high_risk, counts(criteria, l.none)),
        l.byRandom(s.counts.random, pct(s.share)),
      ],
      table: table([l.col.project, l.col.amount, l.col.reasons], ['left', 'right', 'left'],
        s.picked.map((p) => [p.name ? `${p.id} ${p.name}` : p.id, p.amount === null ? '' : new Decimal(p.amount).div(10000).toFixed(2), reasonText(p)]),
        [l.col.total, amount.div(10000).toFixed(2), String(s.counts.picked)]),
      terminal: REPORT_ONLY,
    });
  }

  if (loop.selfCheck) {
    const c = loop.selfCheck;
    const higher = c.flagged.filter((f) => new Decimal(f.deviation).isPos()).length;
    steps.push({
      title: l.selfTitle,
      paragraphs: [l.self(c.results.length, c.flagged.length, higher, c.flagged.length - higher), ...(c.missing.length ? [l.selfMissing(c.missing.length)] : [])],
      table: table([l.col.project, l.col.selfScore, l.col.review, l.col.deviation], ['left', 'right', 'right', 'right'],
        c.flagged.map((f) => [f.name ? `${f.id} ${f.name}` : f.id, f.selfScore, f.review, (new Decimal(f.deviation).isPos() ? '+' : '') + f.deviation])),
    });
  }

  const vetoed = new Set(loop.vetoed);
  if (loop.department) steps.push(rollupStep(loop.department, vetoed, l.departmentTitle, l.col.department, lang, 10));
  if (loop.town) steps.push(rollupStep(loop.town, vetoed, l.townTitle, l.col.town, lang, Infinity));

  if (loop.allocation) {
    const { fund, grades, result } = loop.allocation;
    const coefficients = [...new Map(result.shares.map((s) => [grades[s.id] ?? '—', s.coefficient])).entries()]
      .sort(([a], [b]) => byOrder(GRADE_ORDER)(a, b)).map(([g, c]) => `${g} ${c}`).join(' · ');
    const names = new Map(loop.town?.entities.map((e) => [e.id, e.key]) ?? []);
    const exact = result.shares.length > 0 && new Decimal(result.total).equals(result.pool);
    steps.push({
      title: l.allocationTitle,
      paragraphs: [
        l.allocation(fund, wan(result.pool, W), result.shares.length, coefficients),
        l.allocationSum(formatYuan(new Decimal(result.total)), exact, result.shares.reduce((n, s) => n + s.extraCent, 0)),
      ],
      table: table([l.col.town, l.col.grade, l.col.coefficient, l.col.factorShare, l.col.allocated], ['left', 'left', 'right', 'right', 'right'],
        result.shares.map((s) => [names.get(s.id) ?? s.id, grades[s.id] ?? '—', s.coefficient, new Decimal(s.factorShare).toFixed(6), formatYuan(new Decimal(s.amount))]),
        [l.col.total, '', '', '', formatYuan(new Decimal(result.total))]),
    });
  }
  return steps;
}

/**
 * Money of an entity's linkage recommendations: `adjust` (next year's budget or transfer
 * payment) apart from money held back now (withhold, recall — always a cut).
 */
function linkageAmount(e: RollupEntityResult, held: boolean): Decimal | null {
  let sum: Decimal | null = null;
  for (const r of e.recommendations) {
    if ((r.action === 'adjust') === held) continue;
    const a = signedAmount(r);
    if (a !== null) sum = (sum ?? new Decimal(0)).plus(a);
  }
  return sum;
}

function rollupStep(r: RollupResult, vetoed: ReadonlySet<string>, title: string, keyHeader: string, lang: Lang, terminalRows: number): LoopStep {
  const l = loopText(lang);
  const ok = r.entities.filter((e) => e.status === 'ok');
  const grades = tally(ok.map((e) => e.grade ?? '—'), GRADE_ORDER);
  const amounts = r.entities.map((e) => ({ e, amount: linkageAmount(e, false), held: linkageAmount(e, true) }));
  const anyHeld = amounts.some((a) => a.held !== null && !a.held.isZero());
  const heldSum = amounts.reduce((a, x) => a.plus(x.held ?? 0), new Decimal(0));
  const ups = amounts.filter((a) => a.amount?.isPos() && !a.amount.isZero());
  const downs = amounts.filter((a) => a.amount?.isNeg() && !a.amount.isZero());
  const sum = (xs: typeof amounts): Decimal => xs.reduce((a, x) => a.plus(x.amount ?? 0), new Decimal(0));
  const first = r.entities[0];
  const share = first ? l.shareText(pct(first.share.own), pct(first.share.members)) : '';
  const money = (d: Decimal | null): string => (d === null ? '' : wan(d, '', true).trim());
  const row = ({ e, amount, held }: (typeof amounts)[number]): string[] => [
    e.key,
    e.own.total === null ? '—' : e.own.total.toFixed(2),
    String(e.members.count),
    e.members.score === null ? '—' : new Decimal(e.members.score).toFixed(2),
    e.total === null ? '—' : e.total.toFixed(2),
    (e.grade ?? '—') + (vetoed.has(e.id) ? l.vetoMark : ''),
    [...new Set(e.recommendations.map((x) => x.rule))].join('、'),
    money(amount),
    ...(anyHeld ? [money(held)] : []),
  ];
  const net = sum(amounts);
  const capped = r.entities.filter((e) => vetoed.has(e.id)).map((e) => e.key);
  const head = [keyHeader, l.col.own, l.col.members, l.col.membersScore, l.col.combined, l.col.grade, l.col.linkage, l.col.adjust, ...(anyHeld ? [l.col.held] : [])];
  const largest = [...amounts]
    .filter((a) => a.amount !== null && !a.amount.isZero())
    .sort((a, b) => b.amount!.abs().cmp(a.amount!.abs()) || (a.e.key < b.e.key ? -1 : 1));
  const shown = Number.isFinite(terminalRows) ? largest.slice(0, terminalRows) : amounts;
  return {
    title,
    paragraphs: [
      l.rollup(ok.length, r.entities.filter((e) => e.members.count > 0).length, share, counts(grades, l.none)),
      l.linkage(wan(sum(ups), '万元', true), ups.length, wan(sum(downs), '万元', true), downs.length, wan(net, '万元', true)),
      ...(anyHeld ? [l.held(wan(heldSum, '万元', true), amounts.filter((a) => a.held !== null && !a.held.isZero()).length)] : []),
      ...(capped.length > 0 ? [l.vetoNote(capped.join(l.listSeparator))] : []),
    ],
    table: table(head, ['left', 'right', 'right', 'right', 'right', 'left', 'left', 'right', ...(anyHeld ? ['right' as const] : [])], amounts.map(row),
      [l.col.total, '', String(ok.reduce((n, e) => n + e.members.count, 0)), '', '', '', '', money(net), ...(anyHeld ? [money(heldSum)] : [])]),
    terminal: {
      note: Number.isFinite(terminalRows) ? l.largest(shown.length, r.entities.length) : '',
      // The member count and score stay in summary.html: without them the table fits 100 columns.
      rows: [head, ...shown.map(row)].map((cells) => cells.filter((_, c) => c !== 2 && c !== 3)),
    },
  };
}

/** The steps for the terminal: title, findings, and the rows worth printing. */
export function loopLines(loop: DemoLoop, lang: Lang): string[] {
  const out: string[] = [];
  const errors = loop.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) out.push('', loopText(lang).problems(errors.length), ...errors.slice(0, 5).map((d) => `  ${d.code} ${d.message}`));
  for (const step of loopSteps(loop, lang)) {
    out.push('', ...wrapDisplay(`${step.title}:`, '', '  '), ...step.paragraphs.flatMap((p) => wrapDisplay(p, '  ', '    ')));
    const rows = step.terminal ? step.terminal.rows : step.table ? [step.table.head, ...step.table.rows, ...(step.table.foot ? [step.table.foot] : [])] : [];
    if (step.terminal?.note) out.push(...wrapDisplay(step.terminal.note, '  ', '    '));
    if (rows.length > 0) out.push(...alignColumns(rows).map((r) => `  ${r}`.trimEnd()));
  }
  return out;
}

/** The steps as sections of summary.md / summary.html. */
export function loopSections(loop: DemoLoop, lang: Lang): SummarySection[] {
  return loopSteps(loop, lang).map((s) => ({ title: s.title, paragraphs: s.paragraphs, tables: s.table ? [s.table] : [] }));
}
