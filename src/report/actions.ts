/**
 * How a recommendation reads in a report: the action's name (调增/调减 from the amount's or
 * percentage's sign, the budget line's display name, deadline, warning level, flag text), its
 * amount in 元/万元 and the rule that produced it. Line names come from the rule set's `line`
 * declarations (their title) when present, else from the catalogue, else the name itself.
 */
import type { RuleSetIR } from '../compile/ir.js';
import type { Recommendation } from '../engine/result.js';
import { assertNever } from '../common/diagnostic.js';
import { formatMoney, formatPercent, paren, toDecimal } from './format.js';
import { hasMessage, t, type Lang, type MessageKey } from './i18n/index.js';
import { combinedText, ruleTitle } from './public-text.js';

/** Display name of a budget line. */
export function lineLabel(lang: Lang, line: string, irs: readonly RuleSetIR[] = []): string {
  // Summaries key line-less money actions as '@recall', '@withhold', …
  if (line.startsWith('@') && hasMessage(`action/${line.slice(1)}`)) return t(lang, `action/${line.slice(1)}` as MessageKey);
  for (const ir of irs) {
    for (const block of ir.ruleBlocks) {
      const decl = block.lines.find((l) => l.name === line);
      if (decl?.meta.title) return decl.meta.title;
      if (decl?.meta.description) return decl.meta.description;
    }
  }
  const key = `line/${line}`;
  return hasMessage(key) ? t(lang, key) : line;
}

/** The sign of what a recommendation does to money: -1 cut, 1 raise, 0 unknown. */
function direction(rec: Recommendation): number {
  const d = toDecimal(rec.amount) ?? toDecimal(rec.percentage);
  return d === null ? 0 : d.isNegative() ? -1 : d.isZero() ? 0 : 1;
}

export function actionLabel(lang: Lang, rec: Recommendation, irs: readonly RuleSetIR[] = []): string {
  const line = rec.line ? lineLabel(lang, rec.line, irs) : '';
  const withLine = (label: string): string => (line ? label + paren(lang, line) : label);
  switch (rec.action) {
    case 'adjust': {
      const dir = direction(rec);
      const base = t(lang, dir < 0 ? 'action/adjust/down' : dir > 0 ? 'action/adjust/up' : 'action/adjust');
      const pct = toDecimal(rec.percentage);
      const pctText = pct === null ? '' : paren(lang, t(lang, 'rec/percentage', { pct: formatPercent(pct.abs()) }));
      return withLine(base) + pctText;
    }
    case 'recall':
    case 'withhold':
    case 'suspend':
    case 'stop':
    case 'cancel':
    case 'interview':
    case 'commend':
      return withLine(t(lang, `action/${rec.action}`));
    case 'rectify':
      return rec.withinDays === undefined
        ? t(lang, 'action/rectify')
        : t(lang, 'action/rectify') + paren(lang, t(lang, 'rec/withinDays', { days: rec.withinDays }));
    case 'warn': {
      const level = rec.level ?? '';
      const key = `level/${level}`;
      const levelText = hasMessage(key) ? t(lang, key) : level;
      return levelText ? t(lang, 'action/warn') + paren(lang, levelText) : t(lang, 'action/warn');
    }
    case 'flag':
      return rec.text ? t(lang, 'action/flag') + t(lang, 'punct/colon') + rec.text : t(lang, 'action/flag');
    default:
      return assertNever(rec.action, 'action');
  }
}

/** The amount of a recommendation in 元/万元, or '—'. Cuts print as positive amounts after 调减. */
export function amountText(lang: Lang, rec: Recommendation): string {
  const d = toDecimal(rec.amount);
  if (d === null) return t(lang, 'value/none');
  // The action name already says 调增/调减, so the amount is shown without its sign.
  return formatMoney(lang, rec.action === 'adjust' ? d.abs() : d);
}

/** The rule column: block and rule titles, and in words how several fired rules were combined. */
export function ruleText(lang: Lang, rec: Recommendation, irs: readonly RuleSetIR[] = []): string {
  const blockTitle = irs.flatMap((ir) => ir.ruleBlocks).find((b) => b.name === rec.ruleBlock)?.meta.title ?? rec.ruleBlock;
  const combined = combinedText(lang, rec, irs);
  // A combination's own name is its first rule's: the member list says it better.
  const rule = combined ?? ruleTitle(rec, irs);
  return blockTitle ? `${blockTitle} / ${rule}` : rule;
}
