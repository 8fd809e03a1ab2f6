/**
 * `sample(declaration, records, options)`: picks the projects the finance bureau re-checks
 * (抽查复核). Three reasons, each recorded: every project whose amount is at or above the
 * threshold; every project matching a declared high-risk criterion (e.g. last year's grade 差,
 * not rectified, a red monitoring warning); then a seeded random share of the projects not yet
 * picked — ⌈share × remaining⌉ of them, drawn by a partial Fisher–Yates shuffle over the
 * remaining ids sorted by code unit, with the mulberry32 generator of quantity.ts. The output
 * depends only on the declaration, the seed and the set of records (not their order): the same
 * inputs give byte-identical JSON on every machine. Never throws on user input.
 */
import type { Diagnostic } from '../common/diagnostic.js';
import { matchCriteria, parseCriteria, type Criterion } from './criteria.js';
import { DEFAULT_LANG, type Lang } from '../common/lang.js';
import { ROL_TERMS, rolDiagnostic, yamlKind } from './messages.js';
import { Dec, isSafePath, parseAmount, parsePercent, readDecimal, readPath, SeededRandom } from './quantity.js';

export interface SampleDeclaration {
  name: string;
  /** Dotted path of the amount compared with the threshold (default `budget.adjusted`). */
  amount: string;
  threshold: Dec | null;
  share: Dec;
  highRisk: { name: string; when: Criterion[] }[];
}

export type PickReason =
  | { kind: 'threshold'; amount: string; threshold: string }
  | { kind: 'high_risk'; criterion: string; facts: Record<string, unknown> }
  | { kind: 'random'; draw: number };

export interface Pick {
  id: string;
  name?: string;
  amount: string | null;
  reasons: PickReason[];
}

export interface SampleResult {
  sample: string;
  seed: number;
  population: number;
  threshold: string | null;
  share: string;
  counts: { threshold: number; high_risk: number; random: number; picked: number };
  picked: Pick[];
  diagnostics: Diagnostic[];
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Reads a sampling declaration (parsed YAML). */
export function parseSampleDeclaration(
  raw: unknown,
  file = '<input>',
  lang: Lang = DEFAULT_LANG,
): { declaration?: SampleDeclaration; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { diagnostics: [rolDiagnostic('ROL801', [file, yamlKind(raw)], file, lang)] };
  }
  const o = raw as Record<string, unknown>;
  const name = typeof o.sample === 'string' ? o.sample : '抽查';
  const amount = o.amount ?? 'budget.adjusted';
  if (!isSafePath(amount)) diagnostics.push(rolDiagnostic('ROL806', [file, String(amount)], file, lang));
  let threshold: Dec | null = null;
  if (o.threshold !== undefined) {
    threshold = parseAmount(o.threshold);
    if (!threshold || threshold.isNegative()) diagnostics.push(rolDiagnostic('ROL803', [file, 'threshold', String(o.threshold)], file, lang));
  }
  const share = o.share === undefined ? new Dec(0) : parsePercent(o.share);
  if (!share || share.isNegative() || share.greaterThan(1)) diagnostics.push(rolDiagnostic('ROL803', [file, 'share', String(o.share)], file, lang));
  const highRisk: SampleDeclaration['highRisk'] = [];
  const list = o.high_risk ?? [];
  if (!Array.isArray(list)) diagnostics.push(rolDiagnostic('ROL802', [file, 'high_risk', ROL_TERMS.list], file, lang));
  else
    for (const [i, item] of list.entries()) {
      const it = (item ?? {}) as Record<string, unknown>;
      const cname = typeof it.name === 'string' ? it.name : `high_risk[${i}]`;
      const when = parseCriteria(it.when, cname, file, diagnostics, lang);
      highRisk.push({ name: cname, when });
    }
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  return { declaration: { name, amount: amount as string, threshold, share: share!, highRisk }, diagnostics };
}

export interface SampleOptions {
  seed: number;
  /** Overrides the declaration's threshold / share (the command's --threshold / --share). */
  threshold?: Dec | null;
  share?: Dec;
  /** The language of the diagnostics (default Chinese). */
  lang?: Lang;
}

/** Picks the re-check sample; records are plain data objects with an `id`. */
export function sample(decl: SampleDeclaration, records: readonly unknown[], options: SampleOptions): SampleResult {
  const diagnostics: Diagnostic[] = [];
  const lang = options.lang ?? DEFAULT_LANG;
  const threshold = options.threshold !== undefined ? options.threshold : decl.threshold;
  const share = options.share ?? decl.share;
  const byId = new Map<string, unknown>();
  records.forEach((r, i) => {
    const raw = readPath(r, 'id');
    const id = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : `#${i + 1}`;
    if (byId.has(id)) diagnostics.push(rolDiagnostic('ROL822', [id], undefined, lang));
    byId.set(id, r);
  });
  const ids = [...byId.keys()].sort(cmp);
  const picks = new Map<string, Pick>();
  const pick = (id: string, reason: PickReason): void => {
    const r = byId.get(id);
    let p = picks.get(id);
    if (!p) {
      const name = readPath(r, 'name');
      const amount = readDecimal(r, decl.amount);
      p = { id, ...(typeof name === 'string' ? { name } : {}), amount: amount ? amount.toFixed(2) : null, reasons: [] };
      picks.set(id, p);
    }
    p.reasons.push(reason);
  };
  const counts = { threshold: 0, high_risk: 0, random: 0, picked: 0 };
  if (diagnostics.length === 0) {
    for (const id of ids) {
      const r = byId.get(id);
      if (threshold) {
        const amount = readDecimal(r, decl.amount);
        if (!amount) diagnostics.push(rolDiagnostic('ROL821', [id, decl.amount], undefined, lang));
        else if (amount.greaterThanOrEqualTo(threshold)) {
          pick(id, { kind: 'threshold', amount: amount.toFixed(2), threshold: threshold.toFixed(2) });
          counts.threshold++;
        }
      }
      let risky = false;
      for (const h of decl.highRisk) {
        const facts = matchCriteria(h.when, r);
        if (facts) {
          pick(id, { kind: 'high_risk', criterion: h.name, facts });
          risky = true;
        }
      }
      if (risky) counts.high_risk++;
    }
    const remaining = ids.filter((id) => !picks.has(id));
    const n = Math.min(remaining.length, share.times(remaining.length).ceil().toNumber());
    const rng = new SeededRandom(options.seed);
    // Partial Fisher–Yates: the first n slots become a uniform random n-subset.
    for (let k = 0; k < n; k++) {
      const j = k + rng.below(remaining.length - k);
      [remaining[k], remaining[j]] = [remaining[j]!, remaining[k]!];
      pick(remaining[k]!, { kind: 'random', draw: k + 1 });
    }
    counts.random = n;
  }
  const picked = [...picks.values()].sort((a, b) => cmp(a.id, b.id));
  counts.picked = picked.length;
  return {
    sample: decl.name,
    seed: options.seed,
    population: byId.size,
    threshold: threshold ? threshold.toFixed(2) : null,
    share: share.toString(),
    counts,
    picked,
    diagnostics,
  };
}
