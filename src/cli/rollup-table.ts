/**
 * The readable form of `jixiao rollup --format table`: one line per entity — its id and key,
 * its own score, how many members counted and their weighted average, the combined score, the
 * grade and the linkage recommendations with their amounts — then the members left out, per
 * entity, with why. Scores are shown as computed (the members' average to two decimals, rounded
 * half-up, from its exact decimal); widths are in terminal columns so Chinese names line up.
 */
import { Decimal } from 'decimal.js';
import { alignColumns } from './text-table.js';
import type { RollupResult } from '../rollup/index.js';
import { cliWord, type CliWord, type Lang } from './messages.js';

export function formatRollupTable(result: RollupResult, lang: Lang): string {
  const w = (word: CliWord): string => cliWord(lang, word);
  const rows = result.entities.map((e) => [
    e.id,
    e.key,
    e.own.total === null ? '—' : String(e.own.total),
    String(e.members.count),
    e.members.score === null ? '—' : new Decimal(e.members.score).toFixed(2, Decimal.ROUND_HALF_UP),
    e.status === 'ok' && e.total !== null ? String(e.total) : w('rollupNoScore'),
    e.grade ?? '—',
    e.recommendations.map((r) => [r.action, r.line, r.amount].filter(Boolean).join(' ')).join('; ') || '—',
  ]);
  const lines = [
    result.rollup,
    '',
    ...alignColumns([
      [
        w('rollupEntity'),
        w('rollupKey'),
        w('rollupOwn'),
        w('rollupMembers'),
        w('rollupAverage'),
        w('rollupTotal'),
        w('rollupGrade'),
        w('rollupRecommendations'),
      ],
      ...rows,
    ]),
  ];
  for (const e of result.entities) {
    if (e.members.excluded.length === 0) continue;
    lines.push('', `${e.id} — ${w('rollupExcluded')}: ${e.members.excluded.map((x) => `${x.id} (${x.reason})`).join(', ')}`);
  }
  return lines.join('\n') + '\n';
}
