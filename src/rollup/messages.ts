/**
 * The one catalogue of user-facing messages of roll-ups, sampling and the allocate command's
 * input files (ROL8xx): declarations written by policy staff in YAML (ROL80x), roll-up data
 * problems (ROL81x) and sampling (ROL82x). Code builds diagnostics through `rolDiagnostic`;
 * declarations are YAML, so the range is the file start unless a line is known. Tests assert
 * codes, never wording.
 */
import { NO_RANGE, type Diagnostic, type Severity } from '../common/diagnostic.js';

export const ROL_MESSAGES = {
  ROL801: { severity: 'error', text: '{0}: not a YAML mapping ({1})' },
  ROL802: { severity: 'error', text: '{0}: "{1}" is missing or not {2}' },
  ROL803: { severity: 'error', text: '{0}: "{1}" is not an amount in 元 or a percentage ({2})' },
  ROL804: { severity: 'error', text: '{0}: criterion "{1}" has unknown operator "{2}" (use == != > >= < <= in)' },
  ROL805: { severity: 'error', text: '{0}: shares own {1} + members {2} must add up to 100%' },
  ROL806: { severity: 'error', text: '{0}: "{1}" is not a safe data path' },
  ROL811: { severity: 'warning', text: 'member "{0}" names entity "{1}", which is not among the entities; left out' },
  ROL812: { severity: 'warning', text: 'member "{0}": weight "{1}" is missing or negative; left out' },
  ROL813: { severity: 'warning', text: 'member "{0}" has no score ({1}); left out' },
  ROL814: { severity: 'warning', text: 'entity "{0}" has no own score ({1}); it gets no roll-up' },
  ROL815: { severity: 'error', text: 'entity key "{0}" repeats' },
  ROL821: { severity: 'warning', text: 'record "{0}": amount "{1}" is missing or not a number; the threshold cannot pick it' },
  ROL822: { severity: 'error', text: 'record id "{0}" repeats; ids must be unique to sample' },
  ROL823: { severity: 'error', text: 'recipient "{0}" has no grade, or grade "{1}" has no coefficient' },
} as const satisfies Record<string, { severity: Severity; text: string }>;

export type RolCode = keyof typeof ROL_MESSAGES;

export function rolDiagnostic(code: RolCode, args: readonly (string | number)[], file = '<input>'): Diagnostic {
  return {
    code,
    severity: ROL_MESSAGES[code].severity,
    message: ROL_MESSAGES[code].text.replace(/\{(\d)\}/g, (_, i: string) => String(args[Number(i)] ?? '')),
    file,
    range: NO_RANGE,
  };
}
