/**
 * The demo's terminal summary: what was checked, grades per data set (in the rule set's grade
 * order), the budget-review cut, money moved by department and by town (budget lines by their
 * titles), monitoring warnings, then the closed loop step by step (loop-summary.ts) and where
 * the files went. Every line fits TERMINAL_WIDTH (100) display columns: long sentences wrap,
 * per-line breakdowns go on indented continuation lines. Amounts are exact decimals, in 万元.
 */
import { Decimal } from 'decimal.js';
import type { RuleSetIR } from '../../compile/ir.js';
import { lineLabel } from '../../report/actions.js';
import type { AdjustmentGroup } from '../../report/index.js';
import type { Lang } from '../messages.js';
import { alignColumns } from '../text-table.js';
import { TERMINAL_WIDTH, wan, wrapDisplay, wrapItems } from './format.js';
import { loopLines } from './loop-summary.js';
import { levelName } from './loop-text.js';
import type { DemoRun } from './run-demo.js';

const L = {
  en: {
    title: (city: string) => `jixiao demo — ${city}`,
    library: (files: number, errors: number, warnings: number) => `Indicator library: ${files} files checked, ${errors} errors, ${warnings} warnings`,
    sets: 'Data sets',
    records: 'records',
    rejected: 'rejected',
    review: (n: number, req: string, appr: string, cut: string, rate: string) =>
      `Budget review (ex-ante): ${n} projects, requested ${req}, approved ${appr}, cut ${cut} (${rate})`,
    byDepartment: 'Budget adjustments by department (largest 10)',
    byTown: 'Budget adjustments by town',
    warnings: 'Monitoring warnings',
    none: 'none',
    wrote: (n: number, dir: string) => `Wrote ${n} files to ${dir}/ — open summary.html; per-project reports in reports/, results in results/, workbooks in workbooks/, the loop (sample, roll-ups, allocation) in loop/`,
    wan: '万元',
  },
  zh: {
    title: (city: string) => `jixiao 示例 — ${city}`,
    library: (files: number, errors: number, warnings: number) => `指标库：检查 ${files} 个文件，${errors} 个错误，${warnings} 个警告`,
    sets: '数据集',
    records: '条',
    rejected: '被拒绝',
    review: (n: number, req: string, appr: string, cut: string, rate: string) =>
      `预算评审（事前）：${n} 个项目，申报 ${req}，核定 ${appr}，审减 ${cut}（${rate}）`,
    byDepartment: '按部门的预算调整（前 10）',
    byTown: '按镇街的预算调整',
    warnings: '监控预警',
    none: '无',
    wrote: (n: number, dir: string) => `已写入 ${n} 个文件到 ${dir}/ — 打开 summary.html；项目报告在 reports/，结果在 results/，工作簿在 workbooks/，抽查、综合评价和分配结果在 loop/`,
    wan: '万元',
  },
} as const;

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
  const l = L[lang];
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
    return ['  ' + heads[i], ...wrapItems(parts, lang === 'zh' ? '；' : '; ', '      ', TERMINAL_WIDTH)];
  });
}
