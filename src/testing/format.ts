/**
 * Terminal rendering of a test report: one line per case (✓ / ✗ / ! / ~ / ·), for a failing
 * case one line per differing field `expected … actual …`, compile diagnostics as
 * `file:line:col CODE message`, then a summary and the coverage gaps. Plain text, no colours:
 * the CLI decides about colour. Words come from the runner's catalogue in `lang` (default
 * Chinese); field names, values and diagnostics are shown as they are.
 */
import { DEFAULT_LANG, type Lang } from '../common/lang.js';
import { reportWord } from './messages.js';
import type { CaseReport, Coverage, TestReport } from './types.js';

const MARK: Record<CaseReport['status'], string> = { pass: '✓', fail: '✗', error: '!', updated: '~', empty: '·' };

function show(lang: Lang, v: unknown): string {
  if (v === undefined) return reportWord(lang, 'absent');
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function coverageLines(c: Coverage, lang: Lang): string[] {
  const out: string[] = [];
  const list = (key: 'indicatorsNeverScored' | 'branchesNeverHit' | 'gradesNeverProduced' | 'rulesNeverFired', items: string[] | undefined): void => {
    if (items && items.length) out.push(`  ${reportWord(lang, key)}: ${items.join(reportWord(lang, 'listSeparator'))}`);
  };
  list('indicatorsNeverScored', c.indicatorsNeverScored);
  list('branchesNeverHit', c.branchesNeverHit);
  list('gradesNeverProduced', c.gradesNeverProduced);
  list('rulesNeverFired', c.rulesNeverFired);
  return out.length ? [reportWord(lang, 'coverageOf', { ruleset: c.ruleset }), ...out] : [reportWord(lang, 'coverageComplete', { ruleset: c.ruleset })];
}

export function formatTestReport(report: TestReport, lang: Lang = DEFAULT_LANG): string {
  const lines: string[] = [];
  for (const f of report.files) {
    const framework = f.framework ? reportWord(lang, 'framework', { name: f.framework }) : '';
    lines.push(`${f.file}${f.rules ? reportWord(lang, 'rulesOf', { rules: f.rules, framework }) : ''}`);
    if (f.message) for (const m of f.message.split('\n')) lines.push(`  ! ${m}`);
    for (const d of f.diagnostics.filter((x) => x.severity === 'error')) {
      lines.push(`  ${d.file}:${d.range.start.line}:${d.range.start.column} ${d.code} ${d.message}`);
    }
    for (const c of f.cases) {
      const note = c.status === 'updated' ? reportWord(lang, 'expectRewritten') : c.status === 'empty' ? reportWord(lang, 'noExpect') : '';
      lines.push(`  ${MARK[c.status]} ${c.name}${note}`);
      if (c.message) for (const m of c.message.split('\n')) lines.push(`      ${m}`);
      if (c.status === 'fail' || c.status === 'updated') {
        for (const d of c.diffs)
          lines.push(`      ${reportWord(lang, 'diff', { field: d.field, expected: show(lang, d.expected), actual: show(lang, d.actual) })}`);
      }
    }
  }
  const parts = [reportWord(lang, 'passed', { n: report.passed }), reportWord(lang, 'failed', { n: report.failed })];
  if (report.errors) parts.push(reportWord(lang, 'errors', { n: report.errors }));
  if (report.updated) parts.push(reportWord(lang, 'updated', { n: report.updated }));
  if (report.empty) parts.push(reportWord(lang, 'empty', { n: report.empty }));
  lines.push('', parts.join(reportWord(lang, 'separator')));
  for (const c of report.coverage) lines.push(...coverageLines(c, lang));
  return lines.join('\n') + '\n';
}
