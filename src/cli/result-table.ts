/**
 * The short human summary of `jixiao eval --format table`: one line per record (id, total,
 * grade, recommendations), then per record the indicators that lost points. Widths are measured
 * in terminal columns, so Chinese names line up.
 */
import { displayWidth } from '../compile/code-frame.js';
import type { EvaluationResult } from '../engine/result.js';
import type { Lang } from './messages.js';

const HEAD = {
  en: { id: 'record', total: 'total', grade: 'grade', recs: 'recommendations', lost: 'points lost', rejected: 'rejected' },
  zh: { id: '记录', total: '得分', grade: '等级', recs: '建议', lost: '失分', rejected: '被拒绝' },
} as const;

export function formatResultTable(results: EvaluationResult[], lang: Lang): string {
  const h = HEAD[lang];
  const rows = results.map((r) => [
    r.id,
    r.status === 'ok' ? String(r.total) : h.rejected,
    r.grade ?? '—',
    r.recommendations.map((rec) => [rec.action, rec.line, rec.amount].filter(Boolean).join(' ')).join('; ') || '—',
  ]);
  const lines = table([[h.id, h.total, h.grade, h.recs], ...rows]);
  for (const r of results) {
    if (r.lostPoints.length === 0) continue;
    lines.push('', `${r.id} — ${h.lost}:`);
    for (const lost of r.lostPoints.slice(0, 10)) lines.push(`  ${pad(lost.path, 28)} -${lost.lost}  ${lost.reason}`);
  }
  return lines.join('\n') + '\n';
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => displayWidth(row[c] ?? ''))));
  return rows.map((row) => row.map((cell, c) => (c === row.length - 1 ? cell : pad(cell, widths[c]!))).join('  '));
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
