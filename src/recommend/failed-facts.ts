/**
 * Rules whose condition reads a param, let or derived fact of its block that could not be
 * computed on a record — a division by zero in `let 比率 = data.a / data.b`, a value of the wrong
 * type — are *unavailable* for that record, the way an indicator is (EVL411 there): they do not
 * fire, whatever the rest of the condition says (`not (比率 > 1)` does not fire either), and the
 * reason is added to the result's `errors` as REC573, naming the rule, the name that failed, the
 * engine's reason and where the name is declared (`file:line:column`). Missing data is not such a
 * failure: a comparison on it stays false, as documented. Both evaluation paths call this after
 * running, and it reads every such fact of the rule itself (each is evaluated at most once per
 * record), so the answer does not depend on which conditions an engine short-circuited.
 */
import type { EvaluationResult } from '../engine/result.js';
import { DEFAULT_LANG, type Lang } from '../common/lang.js';
import type { ExprIR } from '../compile/ir.js';
import type { Fail } from '../engine/values.js';
import type { Scope, Shared } from './facts.js';
import { formatMessage } from './messages.js';
import { parsePointer } from './path.js';
import type { JreCondition, JreRule } from './to-rules-engine.js';
import { findName } from './units.js';

export const FAILED_FACT_CODE = 'REC573';

/** One planned fact a rule's condition reads: a block's param/let or a derived fact. */
interface Read {
  kind: 'params' | 'derived';
  blockIndex: number;
  slot: number;
  key: string;
  /** The derived fact's expression (derived reads only). */
  expr: ExprIR | undefined;
}

/** The rules that read planned facts (by index in the rule JSON), with what each reads. */
export interface ConditionReads {
  rules: readonly { index: number; reads: readonly Read[] }[];
}

/** Per rule, the planned facts its conditions read; rules reading none are left out. */
export function conditionReads(shared: Shared, rules: readonly JreRule[]): ConditionReads {
  const { plan } = shared;
  const readOf = (fact: unknown, path: unknown): Read | undefined => {
    if ((fact !== 'params' && fact !== 'derived') || typeof path !== 'string') return undefined;
    const segs = parsePointer(path);
    if (!segs || segs.length !== 2) return undefined;
    const blockIndex = plan.blocks.findIndex((b) => b.key === segs[0]);
    if (blockIndex < 0) return undefined;
    const slot = (fact === 'params' ? shared.nameSlots : shared.derivedSlots)[blockIndex]!.get(segs[1]!);
    const expr = fact === 'derived' ? plan.blocks[blockIndex]!.derived.get(segs[1]!) : undefined;
    return slot === undefined ? undefined : { kind: fact, blockIndex, slot, key: segs[1]!, expr };
  };
  const out: { index: number; reads: Read[] }[] = [];
  rules.forEach((r, index) => {
    const reads: Read[] = [];
    const walk = (c: JreCondition): void => {
      const node = c as unknown as Record<string, unknown>;
      for (const k of ['all', 'any'] as const) if (Array.isArray(node[k])) for (const x of node[k] as JreCondition[]) walk(x);
      if (node.not) walk(node.not as JreCondition);
      const here = readOf(node.fact, node.path);
      if (here && !reads.some((o) => o.kind === here.kind && o.slot === here.slot)) reads.push(here);
      const v = node.value as { fact?: unknown; path?: unknown } | null;
      const there = v && typeof v === 'object' ? readOf(v.fact, v.path) : undefined;
      if (there && !reads.some((o) => o.kind === there.kind && o.slot === there.slot)) reads.push(there);
    };
    walk(r.conditions as JreCondition);
    if (reads.length > 0) out.push({ index, reads });
  });
  return { rules: out };
}

/** A rule left unavailable by a fact that failed. */
export interface FailedRule {
  index: number;
  event: unknown;
  message: string;
  path: string;
}

function where(shared: Shared, read: Read, rule: JreRule): string {
  const { ir, plan } = shared;
  const block = plan.blocks[read.blockIndex]!.block;
  const decl = read.kind === 'params' ? findName(block, ir, read.key) : undefined;
  const id = decl?.id ?? block.rules.find((x) => x.name === rule.event.params.rule)?.id;
  const loc = id ? ir.sourceMap?.[id] : undefined;
  return loc ? `${loc.file}:${loc.line}:${loc.column}` : block.name;
}

const NONE: readonly FailedRule[] = Object.freeze([]);

/** The rules of `rules` that read a fact this record could not compute, with their reasons. */
export function failedRules(shared: Shared, scope: Scope, rules: readonly JreRule[], reads: ConditionReads, lang: Lang = DEFAULT_LANG): readonly FailedRule[] {
  // Every read is computed first (each once per record): that is what decides the answer,
  // whichever conditions the evaluator short-circuited; most records then have no failure.
  for (const { reads: list } of reads.rules) {
    for (const read of list) {
      if (read.kind === 'params') scope.nameFact(read.blockIndex, read.slot, read.key);
      else if (read.expr) scope.derivedFact(read.blockIndex, read.slot, read.expr);
    }
  }
  if (!scope.anyFailure()) return NONE;
  const out: FailedRule[] = [];
  for (const { index, reads: list } of reads.rules) {
    for (const read of list) {
      const fail: Fail | undefined = scope.failure(read.slot);
      if (!fail) continue;
      const rule = rules[index]!;
      out.push({
        index,
        event: rule.event,
        path: read.key,
        message: formatMessage(FAILED_FACT_CODE, [rule.event.params.rule, read.key, fail.reason(lang), where(shared, read, rule)], lang),
      });
      break;
    }
  }
  return out;
}

/** Adds each reason to `result.errors` once (a second report of the same reason is not a second problem). */
export function noteFailed(result: EvaluationResult, list: readonly FailedRule[]): void {
  for (const f of list) {
    if (result.errors.some((e) => e.code === FAILED_FACT_CODE && e.message === f.message)) continue;
    result.errors.push({ code: FAILED_FACT_CODE, message: f.message, path: f.path });
  }
}
