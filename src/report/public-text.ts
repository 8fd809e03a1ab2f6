/**
 * Plain words for what the engine and the rule files call by identifiers, so that no public
 * text shows an internal name: the evaluation stage (`ex_post` → 事后绩效评价), the band an
 * indicator's value fell in (the trace's `else` or `0..90` → "其余情形", "90 分及以上", written
 * from the IR's band condition and the indicator's unit), the level of a rating, and a
 * combination of several fired rules (rule titles and what the combining mode does, never the
 * mode's keyword). Everything is looked up in the rule set IR and the catalogue; an unknown
 * value is shown as the data gave it, since then it is the user's own word.
 */
import type { BandConditionIR, ExprIR, IndicatorIR, NodeIR, RuleSetIR } from '../compile/ir.js';
import type { IndicatorResult, Recommendation } from '../engine/result.js';
import { formatValue, joinList } from './format.js';
import { hasMessage, t, type Lang, type MessageKey } from './i18n/index.js';

/** Stage words as records write them, to the catalogue's stage key. */
const STAGE_ALIASES: Record<string, string> = {
  ex_ante: 'ex-ante', 'ex-ante': 'ex-ante', exante: 'ex-ante', 事前: 'ex-ante', 事前绩效评估: 'ex-ante',
  monitoring: 'monitoring', 事中: 'monitoring', 绩效监控: 'monitoring', 事中绩效监控: 'monitoring',
  ex_post: 'ex-post', 'ex-post': 'ex-post', expost: 'ex-post', 事后: 'ex-post', 事后评价: 'ex-post', 事后绩效评价: 'ex-post',
  self: 'self', 'self-evaluation': 'self', self_evaluation: 'self', 自评: 'self', 绩效自评: 'self',
};

/** The canonical stage (`ex-ante`, `monitoring`, `ex-post`, `self`) of a record's stage text, or null. */
export function stageKey(stage: string | undefined): string | null {
  if (stage === undefined) return null;
  return STAGE_ALIASES[stage.trim().toLowerCase()] ?? null;
}

/** A stage as words: "事后绩效评价"; a stage the catalogue does not know is the user's own word. */
export function stageLabel(lang: Lang, stage: string): string {
  const key = stageKey(stage) ?? stage;
  const messageKey = `stage/${key}`;
  return hasMessage(messageKey) ? t(lang, messageKey) : stage;
}

function findIndicator(nodes: readonly NodeIR[], path: string): IndicatorIR | undefined {
  for (const node of nodes) {
    if (node.kind === 'indicator') {
      if (node.path === path) return node;
    } else if (path.startsWith(node.path + '/')) {
      const found = findIndicator(node.children, path);
      if (found) return found;
    }
  }
  return undefined;
}

/** A band bound as a value in the indicator's unit; a parameter shows its constant value. */
function boundText(lang: Lang, ir: RuleSetIR, expr: ExprIR, unit: string | null): string {
  if (expr.kind === 'number') return formatValue(lang, expr.value, expr.unit ?? unit);
  if (expr.kind === 'param') {
    const param = ir.params.find((p) => p.name === expr.name);
    if (param?.value.kind === 'number') return formatValue(lang, param.value.value, param.value.unit ?? param.unit ?? unit);
    return expr.name;
  }
  return '…';
}

const COMPARE_KEYS: Record<string, MessageKey> = { '>=': 'band/ge', '>': 'band/gt', '<=': 'band/le', '<': 'band/lt', '=': 'band/eq' };

/** "90 分及以上", "80% 至 90%", "其余情形". */
export function bandWords(lang: Lang, ir: RuleSetIR, condition: BandConditionIR, unit: string | null): string {
  switch (condition.kind) {
    case 'else':
      return t(lang, 'band/else');
    case 'compare':
      return t(lang, COMPARE_KEYS[condition.op] ?? 'band/eq', { v: boundText(lang, ir, condition.bound, unit) });
    case 'interval':
      return t(lang, 'band/between', { low: boundText(lang, ir, condition.low, unit), high: boundText(lang, ir, condition.high, unit) });
  }
}

/**
 * What the trace's hit says, in words: the band for a bands method, the level for a rating or
 * tiers method; nothing for methods whose hit is a technical range (linear curve) or a plain
 * "target met", which the lost-points sentence already says better.
 */
export function hitText(lang: Lang, ir: RuleSetIR | undefined, indicator: IndicatorResult): string | null {
  const hits = indicator.trace.hit ?? [];
  if (hits.length === 0 || !ir) return null;
  const node = findIndicator(ir.nodes, indicator.path);
  if (!node) return null;
  const score = node.score;
  if (score.method === 'bands') {
    const words = hits.flatMap((hit) => {
      const band = score.bands.find((b) => b.label === hit);
      return band ? [bandWords(lang, ir, band.condition, indicator.unit ?? node.unit)] : [];
    });
    return words.length > 0 ? t(lang, 'hit/band', { band: joinList(lang, words) }) : null;
  }
  if (score.method === 'rating' || score.method === 'tiers') return t(lang, 'hit/level', { level: joinList(lang, hits) });
  return null;
}

/**
 * A data field's title from the rule set's data schema (the `input` declaration's description,
 * "服务对象满意度" for `survey.satisfaction`), or null when the schema has none.
 */
export function fieldTitle(ir: RuleSetIR | undefined, path: string): string | null {
  let node: unknown = ir?.dataSchema;
  for (const segment of path.replace(/^data\./, '').split('.')) {
    const props = (node as { properties?: Record<string, unknown> } | undefined)?.properties;
    if (!props || !Object.prototype.hasOwnProperty.call(props, segment)) return null;
    node = props[segment];
  }
  const description = (node as { description?: unknown } | undefined)?.description;
  return typeof description === 'string' && description.trim() !== '' ? description.trim() : null;
}

/** A rule's title when its block declares one, else the rule's own (user-given) name. */
export function ruleTitle(rec: Pick<Recommendation, 'rule' | 'ruleBlock'>, irs: readonly RuleSetIR[]): string {
  for (const ir of irs) {
    const block = ir.ruleBlocks.find((b) => b.name === rec.ruleBlock);
    const rule = block?.rules.find((r) => r.name === rec.rule);
    if (rule?.meta.title) return rule.meta.title;
  }
  return rec.rule;
}

/** "综合 3 条规则：评价优秀、…；金额累加" for a recommendation several rules produced, else null. */
export function combinedText(lang: Lang, rec: Recommendation, irs: readonly RuleSetIR[]): string | null {
  if (!rec.combined || rec.combined.from.length <= 1) return null;
  const modeKey = `combineMode/${rec.combined.mode}`;
  const mode = hasMessage(modeKey) ? t(lang, modeKey) : rec.combined.mode;
  const rules = rec.combined.from.map((rule) => ruleTitle({ rule, ruleBlock: rec.ruleBlock }, irs));
  return t(lang, 'rec/combinedPlain', { count: rec.combined.from.length, rules: joinList(lang, rules), mode });
}
