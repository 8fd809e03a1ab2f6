/**
 * The short human summary of `jixiao eval --format table`: one line per record (id, total,
 * grade, recommendations), then per record why it was rejected, or the indicators that lost
 * points (an unavailable one with its error). Widths are measured
 * in terminal columns, so Chinese names line up.
 */
import { alignColumns, padDisplay } from './text-table.js';
import type { EvaluationResult } from '../engine/result.js';
import { cliWord, type CliWord, type Lang } from './messages.js';

export function formatResultTable(results: EvaluationResult[], lang: Lang): string {
  const w = (word: CliWord): string => cliWord(lang, word);
  const rows = results.map((r) => [
    r.id,
    r.status === 'ok' ? String(r.total) : w('tableRejected'),
    r.grade ?? '—',
    r.recommendations.map((rec) => [rec.action, rec.line, rec.amount].filter(Boolean).join(' ')).join('; ') || '—',
  ]);
  const lines = alignColumns([[w('tableRecord'), w('tableTotal'), w('tableGrade'), w('tableRecommendations')], ...rows]);
  for (const r of results) {
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
