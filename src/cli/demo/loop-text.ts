/**
 * Typed access to the words of the demo's closed-loop summary (the catalogue is messages.ts):
 * `loopText(lang)` gives each section title as text and each finding as a function of its
 * numbers, so loop-summary.ts cannot pass a number to the wrong placeholder or forget one; the
 * wording itself lives only in the catalogue. Numbers are formatted by the caller and passed in
 * already as text where they are amounts.
 */
import { render, type Args } from '../../common/catalogue.js';
import type { Lang } from '../messages.js';
import { DEMO_COLUMNS, DEMO_LEVELS, DEMO_LOOP } from './messages.js';

type LoopKey = keyof typeof DEMO_LOOP;
type Column = keyof typeof DEMO_COLUMNS;

export function loopText(lang: Lang) {
  const t = (key: LoopKey, args: Args = {}): string => render(DEMO_LOOP, key, args, lang).message;
  const col = Object.fromEntries(Object.entries(DEMO_COLUMNS).map(([key, text]) => [key, text[lang]])) as Record<Column, string>;
  return {
    carriedTitle: t('carriedTitle'),
    carried: (withWarning: number, total: number, levels: string) => t('carried', { withWarning, total, levels }),
    contextTitle: t('contextTitle'),
    context: (n: number, grades: string) => t('context', { n, grades }),
    rectification: (statuses: string) => t('rectification', { statuses }),
    sampleTitle: t('sampleTitle'),
    sample: (picked: number, population: number, seed: number, amount: string) => t('sample', { picked, population, seed, amount }),
    byThreshold: (n: number, threshold: string) => t('byThreshold', { n, threshold }),
    byRisk: (n: number, list: string) => t('byRisk', { n, list }),
    byRandom: (n: number, share: string) => t('byRandom', { n, share }),
    selfTitle: t('selfTitle'),
    self: (checked: number, flagged: number, higher: number, lower: number) => t('self', { checked, flagged, higher, lower }),
    selfMissing: (n: number) => t('selfMissing', { n }),
    departmentTitle: t('departmentTitle'),
    townTitle: t('townTitle'),
    rollup: (n: number, withMembers: number, share: string, grades: string) => t('rollup', { n, withMembers, share, grades }),
    linkage: (up: string, nUp: number, down: string, nDown: number, net: string) => t('linkage', { up, nUp, down, nDown, net }),
    largest: (n: number, total: number) => t('largest', { n, total }),
    allocationTitle: t('allocationTitle'),
    allocation: (fund: string, pool: string, n: number, coefficients: string) => t('allocation', { fund, pool, n, coefficients }),
    allocationSum: (total: string, exact: boolean, cents: number) => t(exact ? 'allocationSum' : 'allocationSum.notExact', { total, cents }),
    none: t('none'),
    problems: (n: number) => t('problems', { n }),
    vetoMark: t('vetoMark'),
    held: (amount: string, n: number) => t('held', { amount, n }),
    vetoNote: (list: string) => t('vetoNote', { list }),
    shareText: (own: string, members: string) => t('shareText', { own, members }),
    listSeparator: t('listSeparator'),
    col,
    reason: { threshold: t('reasonThreshold'), random: t('reasonRandom') },
  };
}

/** A monitoring level in `lang`; a level the catalogue does not know is shown as written. */
export function levelName(lang: Lang, level: string): string {
  return Object.hasOwn(DEMO_LEVELS, level) ? DEMO_LEVELS[level as keyof typeof DEMO_LEVELS][lang] : level;
}

/** Counts as "红色 33 · 黄色 32", or the word for none. */
export function counts(entries: readonly (readonly [string, number])[], none: string): string {
  return entries.length === 0 ? none : entries.map(([k, n]) => `${k} ${n}`).join(' · ');
}
