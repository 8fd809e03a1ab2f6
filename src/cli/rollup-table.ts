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
import type { Lang } from './messages.js';

const HEAD = {
  en: {
    entity: 'entity', key: 'name', own: 'own', members: 'members', average: 'member avg', total: 'combined', grade: 'grade',
    recs: 'linkage recommendations', noScore: 'no score', excluded: 'left out',
  },
  zh: {
    entity: '主体', key: '名称', own: '自身得分', members: '成员数', average: '成员均分', total: '综合得分', grade: '等级',
    recs: '挂钩建议', noScore: '无得分', excluded: '未计入',
  },
} as const;

export function formatRollupTable(result: RollupResult, lang: Lang): string {
  const h = HEAD[lang];
  const rows = result.entities.map((e) => [
    e.id,
    e.key,
    e.own.total === null ? '—' : String(e.own.total),
    String(e.members.count),
    e.members.score === null ? '—' : new Decimal(e.members.score).toFixed(2, Decimal.ROUND_HALF_UP),
    e.status === 'ok' && e.total !== null ? String(e.total) : h.noScore,
    e.grade ?? '—',
    e.recommendations.map((r) => [r.action, r.line, r.amount].filter(Boolean).join(' ')).join('; ') || '—',
  ]);
  const lines = [result.rollup, '', ...alignColumns([[h.entity, h.key, h.own, h.members, h.average, h.total, h.grade, h.recs], ...rows])];
  for (const e of result.entities) {
    if (e.members.excluded.length === 0) continue;
    lines.push('', `${e.id} — ${h.excluded}: ${e.members.excluded.map((x) => `${x.id} (${x.reason})`).join(', ')}`);
  }
  return lines.join('\n') + '\n';
}
