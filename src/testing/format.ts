/**
 * Terminal rendering of a test report: one line per case (✓ / ✗ / ! / ~ / ·), for a failing
 * case one line per differing field `expected … actual …`, compile diagnostics as
 * `file:line:col CODE message`, then a summary and the coverage gaps. Plain text, no colours:
 * the CLI decides about colour.
 */
import type { CaseReport, Coverage, TestReport } from './types.js';

const MARK: Record<CaseReport['status'], string> = { pass: '✓', fail: '✗', error: '!', updated: '~', empty: '·' };

function show(v: unknown): string {
  if (v === undefined) return '(absent)';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function coverageLines(c: Coverage): string[] {
  const out: string[] = [];
  const list = (title: string, items: string[] | undefined): void => {
    if (items && items.length) out.push(`  ${title}: ${items.join(', ')}`);
  };
  list('indicators never scored', c.indicatorsNeverScored);
  list('bands/levels/tiers never hit', c.branchesNeverHit);
  list('grades never produced', c.gradesNeverProduced);
  list('rules never fired', c.rulesNeverFired);
  return out.length ? [`coverage of ${c.ruleset}:`, ...out] : [`coverage of ${c.ruleset}: complete`];
}

export function formatTestReport(report: TestReport): string {
  const lines: string[] = [];
  for (const f of report.files) {
    lines.push(`${f.file}${f.rules ? `  (rules ${f.rules}${f.framework ? `, framework ${f.framework}` : ''})` : ''}`);
    if (f.message) lines.push(`  ! ${f.message}`);
    for (const d of f.diagnostics.filter((x) => x.severity === 'error')) {
      lines.push(`  ${d.file}:${d.range.start.line}:${d.range.start.column} ${d.code} ${d.message}`);
    }
    for (const c of f.cases) {
      lines.push(`  ${MARK[c.status]} ${c.name}${c.status === 'updated' ? ' (expect rewritten)' : c.status === 'empty' ? ' (no expect)' : ''}`);
      if (c.message) lines.push(`      ${c.message}`);
      if (c.status === 'fail' || c.status === 'updated') {
        for (const d of c.diffs) lines.push(`      ${d.field}: expected ${show(d.expected)}, actual ${show(d.actual)}`);
      }
    }
  }
  const parts = [`${report.passed} passed`, `${report.failed} failed`];
  if (report.errors) parts.push(`${report.errors} errors`);
  if (report.updated) parts.push(`${report.updated} updated`);
  if (report.empty) parts.push(`${report.empty} without expect`);
  lines.push('', parts.join(', '));
  for (const c of report.coverage) lines.push(...coverageLines(c));
  return lines.join('\n') + '\n';
}
