/**
 * The short human summary of `jixiao eval --format table`: one line per record (id, total,
 * grade, recommendations), then per record why it was rejected, or the indicators that lost
 * points (an unavailable one with its error). When a record states its own scores (自评), the
 * reported total and grade stand in two more columns beside the rule's (评价) and the rows that
 * differ, and the consistency findings, are listed under the record. Widths are measured in
 * terminal columns, so Chinese names line up.
 */
import { alignColumns, padDisplay } from './text-table.js';
import type { EvaluationResult } from '../engine/result.js';
import { cliWord, type CliWord, type Lang } from './messages.js';

export function formatResultTable(results: EvaluationResult[], lang: Lang): string {
  const w = (word: CliWord): string => cliWord(lang, word);
  // The two columns appear only when some record states scores: other tables stay as they were.
  const stated = results.some((r) => r.reported);
  const rows = results.map((r) => [
    r.id,
    r.status === 'ok' ? String(r.total) : w('tableRejected'),
    r.grade ?? '—',
    ...(stated ? [r.reported?.total === null || r.reported?.total === undefined ? '—' : String(r.reported.total), r.reported?.grade ?? '—'] : []),
    r.recommendations.map((rec) => [rec.action, rec.line, rec.amount].filter(Boolean).join(' ')).join('; ') || '—',
  ]);
  const head = [
    w('tableRecord'),
    w(stated ? 'tableRuleTotal' : 'tableTotal'),
    w('tableGrade'),
    ...(stated ? [w('tableReportedTotal'), w('tableReportedGrade')] : []),
    w('tableRecommendations'),
  ];
  const lines = alignColumns([head, ...rows]);
  for (const r of results) {
    const differing = r.indicators.filter((i) => i.reported?.differs);
    if (differing.length > 0) {
      lines.push('', `${r.id} — ${w('tableReportedRows')}:`);
      for (const i of differing.slice(0, 10))
        lines.push(`  ${padDisplay(i.path, 28)} ${i.points ?? '—'} → ${i.reported!.points}${i.reported!.reason ? `  ${i.reported!.reason}` : ''}`);
    }
    // A reason missing for a differing row is an error of a scored record: listed with the findings.
    const problems = [...(r.findings ?? []), ...(r.status === 'ok' ? r.errors.filter((e) => e.code === 'EVL446') : [])];
    if (problems.length > 0) {
      lines.push('', `${r.id} — ${w('tableFindings')}:`);
      for (const f of problems.slice(0, 10)) lines.push(`  ${f.code} ${f.message}`);
    }
    // A rejected record says why here too, not only on stderr: the table is what people read.
    if (r.status !== 'ok' && r.errors.length > 0) {
      lines.push('', `${r.id} — ${w('tableRejected')}:`);
      for (const e of r.errors.slice(0, 10)) lines.push(`  ${e.code} ${e.message}`);
    }
    if (r.lostPoints.length === 0) continue;
    lines.push('', `${r.id} — ${w('tableLost')}:`);
    for (const lost of r.lostPoints.slice(0, 10)) {
      // UNAVAILABLE alone does not say what to fix: add the indicator's error.
      const error = lost.reason === 'UNAVAILABLE' ? r.indicators.find((i) => i.path === lost.path)?.error : undefined;
      lines.push(`  ${padDisplay(lost.path, 28)} -${lost.lost}  ${lost.reason}${error ? ` (${error.code} ${error.message})` : ''}`);
    }
  }
  return lines.join('\n') + '\n';
}
