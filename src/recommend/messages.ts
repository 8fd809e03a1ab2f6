/**
 * The one catalogue of user-facing messages of the recommendation stage (REC5xx): rule blocks
 * turned into json-rules-engine rules (REC53x; REC501–REC510 belong to the
 * compiler's rule-block checks), actions and combination (REC54x) and special-fund allocation
 * (REC55x). Code builds diagnostics through `recDiagnostic`, which looks the template
 * up here and places it in the source via the IR's `sourceMap`; tests assert codes, not wording.
 */
import type { Diagnostic, Severity, SourceRange } from '../common/diagnostic.js';
import { NO_RANGE } from '../common/diagnostic.js';
import type { RuleSetIR } from '../compile/ir.js';

export const REC_MESSAGES = {
  REC531: { severity: 'error', text: 'rule "{0}": priority {1} must be a whole number of at least 1; the rule is left out' },
  REC532: { severity: 'error', text: 'rule "{0}": "{1}" is not a grade of this rule set' },
  REC533: { severity: 'error', text: 'rule "{0}": no indicator or dimension "{1}" in this rule set' },
  REC534: { severity: 'error', text: 'rule "{0}": "{1}" cannot be used in a rule condition' },
  REC541: { severity: 'error', text: 'rule "{0}": adjust needs a budget line' },
  REC542: { severity: 'warning', text: 'rule "{0}": line "{1}" has no declared base, so a percentage gives no amount' },
  REC543: { severity: 'warning', text: 'combine {0}: a cap has no effect with mode "all"' },
  REC551: { severity: 'error', text: 'allocation: the pool "{0}" is not a non-negative amount in 元' },
  REC552: { severity: 'error', text: 'allocation: factor "{0}" has weight "{1}"; weights must be positive numbers' },
  REC553: { severity: 'error', text: 'allocation: factor "{0}" has no usable value for recipient "{1}"' },
  REC554: { severity: 'error', text: 'allocation: inverse factor "{0}" has value 0 for recipient "{1}"' },
  REC555: { severity: 'error', text: 'allocation: factor "{0}" is zero for every recipient' },
  REC556: { severity: 'error', text: 'allocation: no recipients, or a recipient id repeats ("{0}")' },
  REC557: { severity: 'error', text: 'allocation: recipient "{0}" has coefficient "{1}"; it must be a non-negative number' },
  REC558: { severity: 'error', text: 'allocation: every recipient has a weighted share of zero' },
} as const satisfies Record<string, { severity: Severity; text: string }>;

export type RecCode = keyof typeof REC_MESSAGES;

export function formatMessage(code: RecCode, args: readonly (string | number)[]): string {
  return REC_MESSAGES[code].text.replace(/\{(\d)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));
}

/** A diagnostic at the IR node `id` (via `sourceMap`), or at the file start when unmapped. */
export function recDiagnostic(code: RecCode, args: readonly (string | number)[], ir?: RuleSetIR, id?: string): Diagnostic {
  const loc = ir && id ? ir.sourceMap?.[id] : undefined;
  const range: SourceRange = loc
    ? {
        start: { line: loc.line, column: loc.column, offset: 0 },
        end: { line: loc.endLine, column: loc.endColumn, offset: 0 },
      }
    : NO_RANGE;
  return {
    code,
    severity: REC_MESSAGES[code].severity,
    message: formatMessage(code, args),
    file: loc?.file ?? (ir?.files?.[0] ?? '<input>'),
    range,
  };
}
