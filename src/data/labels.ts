/**
 * Label fields of a record: a field a `rating` or `tiers` reads directly (`score rating
 * data.effect.level { 达成预期指标: …; 部分达成: … }`) or an `input … text of …`, whose value must
 * be one of its labels. A label with a typo (`达成预期` for `达成预期指标`) used to leave the
 * record `ok` with the indicator silently at 0 points; now the record is rejected with an error
 * naming the field, the value found, the allowed labels and — when one is close — the label
 * meant (EVL407, or EVL408 without a suggestion). Values are compared as the engine reads labels
 * (text trimmed, numbers as written, `true`/`false`); a missing value (absent or null) is left
 * to the indicator's missing policy, and any other type to the schema check. When a field is read
 * by several ratings, a value any of them knows is accepted. Paths inside lists are not checked
 * here (a rating reads a single field).
 */
import type { ExprIR, NodeIR, RuleSetIR } from '../compile/ir.js';
import { suggest } from '../compile/suggest.js';
import type { EvaluationError } from '../common/evaluation-error.js';
import { DEFAULT_LANG, type Lang } from '../common/lang.js';
import { EVL, evlWord, message } from '../common/evaluation-messages.js';

interface LabelField {
  segments: string[];
  labels: Set<string>;
  /** In declaration order, for the message. */
  order: string[];
}

export type LabelCheck = (record: unknown, id: string) => EvaluationError[];

/** The label fields of a rule set, keyed by 'a.b'. */
export function labelFields(ir: RuleSetIR): Map<string, LabelField> {
  const out = new Map<string, LabelField>();
  const add = (segments: readonly string[], labels: readonly string[]): void => {
    if (segments.includes('[]')) return;
    const key = segments.join('.');
    const f = out.get(key) ?? { segments: [...segments], labels: new Set<string>(), order: [] };
    for (const l of labels) {
      if (f.labels.has(l)) continue;
      f.labels.add(l);
      f.order.push(l);
    }
    out.set(key, f);
  };
  const subjectPath = (e: ExprIR): string[] | undefined => (e.kind === 'data' ? e.path : undefined);
  const walk = (nodes: readonly NodeIR[]): void => {
    for (const n of nodes) {
      if (n.kind === 'dimension') {
        walk(n.children);
        continue;
      }
      const s = n.score;
      if (s.method === 'rating') {
        const p = subjectPath(s.subject);
        if (p)
          add(
            p,
            s.levels.map((l) => l.label),
          );
      } else if (s.method === 'tiers') {
        const p = subjectPath(s.subject);
        if (p)
          add(
            p,
            s.tiers.map((t) => t.label),
          );
      }
    }
  };
  walk(ir.nodes ?? []);
  enumLeaves(ir.dataSchema, [], add);
  return out;
}

/** `input … text of A, B` becomes an `enum` in the data schema; those fields are label fields too. */
function enumLeaves(schema: unknown, at: string[], add: (segments: readonly string[], labels: readonly string[]) => void): void {
  if (!schema || typeof schema !== 'object') return;
  const s = schema as { enum?: unknown[]; properties?: Record<string, unknown> };
  if (Array.isArray(s.enum) && at.length > 0)
    add(
      at,
      s.enum.filter((x): x is string => typeof x === 'string'),
    );
  if (s.properties && typeof s.properties === 'object') {
    for (const [k, v] of Object.entries(s.properties)) {
      if (at.length === 0 && (k === 'reported' || k === 'not_applicable' || k === 'id')) continue;
      enumLeaves(v, [...at, k], add);
    }
  }
}

export function createLabelCheck(ir: RuleSetIR, lang: Lang = DEFAULT_LANG): { check: LabelCheck; paths: Set<string> } {
  const fields = [...labelFields(ir).values()].filter((f) => f.labels.size > 0);
  const paths = new Set(fields.map((f) => `data.${f.segments.join('.')}`));
  const check: LabelCheck = (record, id) => {
    const errors: EvaluationError[] = [];
    for (const f of fields) {
      const v = valueAt(record, f.segments);
      const text = typeof v === 'string' ? v.trim() : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
      if (text === undefined || f.labels.has(text)) continue;
      const path = `data.${f.segments.join('.')}`;
      const found = JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
      const labels = f.order.join(evlWord('listSeparator', lang));
      // Same letters in another case first; a one-letter value is one edit from every one-letter label.
      const suggestion = f.order.find((l) => l.toLowerCase() === text.toLowerCase()) ?? (Array.from(text).length >= 2 ? suggest(text, f.order) : undefined);
      errors.push(
        suggestion !== undefined
          ? { code: EVL.LABEL_SUGGEST, message: message(EVL.LABEL_SUGGEST, { id, path, found, labels, suggestion }, lang), path }
          : { code: EVL.LABEL, message: message(EVL.LABEL, { id, path, found, labels }, lang), path },
      );
    }
    return errors;
  };
  return { check, paths };
}

function valueAt(record: unknown, segments: readonly string[]): unknown {
  let cur = record;
  for (const s of segments) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur) || !Object.hasOwn(cur, s)) return undefined;
    cur = (cur as Record<string, unknown>)[s];
  }
  return cur;
}
