/**
 * The demo's terminal summary: what was checked, grades per data set, the budget-review cut,
 * money moved by department and by town, monitoring warnings, then the closed loop step by step
 * (loop-summary.ts) and where the files went. All amounts are exact decimal strings, shown in 万元.
 */
import { Decimal } from 'decimal.js';
import { render, type Args } from '../../common/catalogue.js';
import type { AdjustmentGroup } from '../../report/index.js';
import type { Lang } from '../messages.js';
import { alignColumns } from '../text-table.js';
import { wan } from './format.js';
import { loopLines } from './loop-summary.js';
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

export function formatDemoSummary(run: DemoRun, city: string, outLabel: string, lang: Lang): string {
  const l = summaryText(lang);
  const out: string[] = [l.title(city), ''];
  const errors = run.library.diagnostics.filter((d) => d.severity === 'error').length;
  out.push(l.library(run.library.files, errors, run.library.diagnostics.length - errors), '', `${l.sets}:`);
  const rows = run.sets.map(({ set, items }) => {
    const grades = new Map<string, number>();
    let rejected = 0;
    for (const { result } of items) {
      if (result.status === 'rejected') rejected++;
      else grades.set(result.grade ?? '—', (grades.get(result.grade ?? '—') ?? 0) + 1);
    }
    const gradeText = [...grades].map(([g, n]) => `${g} ${n}`).join(' · ') + (rejected ? ` · ${l.rejected} ${rejected}` : '');
    return [set.data.replace('examples/demo-city/', ''), `${items.length} ${l.records}`, set.framework, gradeText];
  });
  out.push(...alignColumns(rows).map((r) => '  ' + r));
  const s = run.summary;
  if (s.review) {
    const rate = s.review.rate === null ? '—' : `${new Decimal(s.review.rate).times(100).toFixed(2)}%`;
    out.push('', l.review(s.review.count, wan(s.review.requested, l.wan), wan(s.review.approved, l.wan), wan(s.review.cut, l.wan), rate));
  }
  out.push('', `${l.byDepartment}:`, ...groupLines(largest(s.byDepartment, 10), l.wan, l.none));
  out.push('', `${l.byTown}:`, ...groupLines(s.byTown, l.wan, l.none));
  const warningText = s.warnings.map((w) => `${w.level} ${w.count}`).join(' · ');
  out.push('', `${l.warnings}: ${warningText || l.none}`);
  if (run.loop) out.push(...loopLines(run.loop, lang));
  out.push('', l.wrote(run.written, outLabel));
  return out.join('\n') + '\n';
}

function largest(groups: AdjustmentGroup[], n: number): AdjustmentGroup[] {
  return [...groups].sort((a, b) => new Decimal(b.total).abs().cmp(new Decimal(a.total).abs()) || (a.key < b.key ? -1 : 1)).slice(0, n);
}

function groupLines(groups: AdjustmentGroup[], unit: string, none: string): string[] {
  if (groups.length === 0) return [`  ${none}`];
  const rows = groups.map((g) => [
    g.key || '—',
    wan(g.total, unit, true),
    Object.entries(g.lines).map(([line, amount]) => `${line} ${wan(amount, unit, true)}`).join(', '),
  ]);
  return alignColumns(rows).map((r) => '  ' + r);
}
