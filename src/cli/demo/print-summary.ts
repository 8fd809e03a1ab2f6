/**
 * The demo's terminal summary: what was checked, grades per data set (in the rule set's grade
 * order), the budget-review cut, money moved by department and by town (budget lines by their
 * titles), monitoring warnings, then the closed loop step by step (loop-summary.ts) and where
 * the files went. Every line fits TERMINAL_WIDTH (100) display columns: long sentences wrap,
 * per-line breakdowns go on indented continuation lines. Amounts are exact decimals, in 万元.
 */
import { Decimal } from 'decimal.js';
import { render, type Args } from '../../common/catalogue.js';
import type { RuleSetIR } from '../../compile/ir.js';
import { lineLabel } from '../../report/actions.js';
import type { AdjustmentGroup } from '../../report/index.js';
import type { Lang } from '../messages.js';
import { alignColumns } from '../text-table.js';
import { TERMINAL_WIDTH, wan, wrapDisplay, wrapItems } from './format.js';
import { loopLines } from './loop-summary.js';
import { levelName } from './loop-text.js';
import { DEMO_SUMMARY } from './messages.js';
import type { DemoRun } from './run-demo.js';

/** The summary's words in `lang`, each line a function of its numbers (wording in messages.ts). */
function summaryText(lang: Lang) {
  const t = (key: keyof typeof DEMO_SUMMARY, args: Args = {}): string => render(DEMO_SUMMARY, key, args, lang).message;
  return {
    title: (city: string) => t('title', { city }),
    library: (files: number, errors: number, warnings: number) => t('library', { files, errors, warnings }),
    sets: t('sets'),
    records: t('records'),
    rejected: t('rejected'),
    review: (n: number, requested: string, approved: string, cut: string, rate: string) => t('review', { n, requested, approved, cut, rate }),
    byDepartment: t('byDepartment'),
    byTown: t('byTown'),
    warnings: t('warnings'),
    none: t('none'),
    wrote: (n: number, dir: string) => t('wrote', { n, dir }),
    wan: t('wan'),
  };
}

/** A data set's name without the folder every one shares or the file extension. */
function setName(data: string): string {
  return data.replace('examples/demo-city/', '').replace(/^projects\//, '').replace(/\.(ya?ml|json|ndjson)$/, '');
}

/** Grade labels in the rule set's order (highest first), unknown ones after in first-seen order. */
function gradeCounts(grades: ReadonlyMap<string, number>, ir: RuleSetIR | undefined): [string, number][] {
  const order = ir?.grades.map((g) => g.label) ?? [];
  const rank = (g: string) => (order.indexOf(g) < 0 ? order.length : order.indexOf(g));
  return [...grades].map((e, i) => ({ e, i })).sort((a, b) => rank(a.e[0]) - rank(b.e[0]) || a.i - b.i).map(({ e }) => e);
}

export function formatDemoSummary(run: DemoRun, city: string, outLabel: string, lang: Lang): string {
  const l = summaryText(lang);
  const out: string[] = [l.title(city), ''];
  const errors = run.library.diagnostics.filter((d) => d.severity === 'error').length;
  out.push(...wrapDisplay(l.library(run.library.files, errors, run.library.diagnostics.length - errors), '', '  '), '', `${l.sets}:`);
  const rows = run.sets.map(({ set, ir, items }) => {
    const grades = new Map<string, number>();
    let rejected = 0;
    for (const { result } of items) {
      if (result.status === 'rejected') rejected++;
      else grades.set(result.grade ?? '—', (grades.get(result.grade ?? '—') ?? 0) + 1);
    }
    const gradeText = gradeCounts(grades, ir).map(([g, n]) => `${g} ${n}`).join(' · ') + (rejected ? ` · ${l.rejected} ${rejected}` : '');
    return [setName(set.data), `${items.length} ${l.records}`, set.framework, gradeText];
  });
  out.push(...alignColumns(rows).map((r) => '  ' + r));
  const s = run.summary;
  if (s.review) {
    const rate = s.review.rate === null ? '—' : `${new Decimal(s.review.rate).times(100).toFixed(2)}%`;
    out.push('', ...wrapDisplay(l.review(s.review.count, wan(s.review.requested, l.wan), wan(s.review.approved, l.wan), wan(s.review.cut, l.wan), rate), '', '  '));
  }
  const irs = run.sets.flatMap((x) => (x.ir ? [x.ir] : []));
  out.push('', `${l.byDepartment}:`, ...groupLines(largest(s.byDepartment, 10), l.wan, l.none, lang, irs));
  out.push('', `${l.byTown}:`, ...groupLines(s.byTown, l.wan, l.none, lang, irs));
  const warningText = s.warnings.map((w) => `${levelName(lang, w.level)} ${w.count}`).join(' · ');
  out.push('', `${l.warnings}: ${warningText || l.none}`);
  if (run.loop) out.push(...loopLines(run.loop, lang));
  out.push('', ...wrapDisplay(l.wrote(run.written, outLabel), '', '  '));
  return out.join('\n') + '\n';
}

function largest(groups: AdjustmentGroup[], n: number): AdjustmentGroup[] {
  return [...groups].sort((a, b) => new Decimal(b.total).abs().cmp(new Decimal(a.total).abs()) || (a.key < b.key ? -1 : 1)).slice(0, n);
}

/** Each group's total on its line, its budget lines (by title) wrapped beneath it. */
function groupLines(groups: AdjustmentGroup[], unit: string, none: string, lang: Lang, irs: readonly RuleSetIR[]): string[] {
  if (groups.length === 0) return [`  ${none}`];
  const heads = alignColumns(groups.map((g) => [g.key || '—', wan(g.total, unit, true)]));
  return groups.flatMap((g, i) => {
    const parts = Object.entries(g.lines).map(([line, amount]) => `${lineLabel(lang, line, irs)} ${wan(amount, unit, true)}`);
    return ['  ' + heads[i], ...wrapItems(parts, DEMO_SUMMARY.itemSeparator[lang], '      ', TERMINAL_WIDTH)];
  });
}
