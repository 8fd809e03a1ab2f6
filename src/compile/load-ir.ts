/**
 * Loads a saved rule set (the JSON `jixiao compile` writes) without the parser: validates it
 * against the IR's JSON Schema (ajv, compiled once per process), checks `irVersion` (CMP231) and
 * recomputes the content hash (CMP232), so an IR edited by hand or produced by another version is
 * refused with a diagnostic instead of evaluated. Never throws; `ir` is set only when valid.
 */
import * as Ajv2020Module from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import type { Diagnostic } from '../common/diagnostic.js';
import { NO_RANGE } from '../common/diagnostic.js';
import { hashIR } from './hash.js';
import type { RuleSetIR } from './ir.js';
import { IR_VERSION, READABLE_IR_VERSIONS } from './ir.js';
import { RULE_SET_IR_SCHEMA } from './ir-schema.js';
import { makeDiagnostic } from './messages.js';
import { DEFAULT_LANG, type Lang } from '../common/lang.js';

// ajv ships CommonJS; under NodeNext the default import may be the module namespace.
const Ajv2020 = ((Ajv2020Module as unknown as { default?: unknown }).default ?? Ajv2020Module.Ajv2020) as typeof Ajv2020Module.Ajv2020;

let validator: ValidateFunction | undefined;

function validate(): ValidateFunction {
  if (!validator) validator = new Ajv2020({ allErrors: true, strict: false, discriminator: true, inlineRefs: false }).compile(RULE_SET_IR_SCHEMA);
  return validator;
}

export function loadIR(json: unknown, file = '<ir>', lang: Lang = DEFAULT_LANG): { ir?: RuleSetIR; diagnostics: Diagnostic[] } {
  const version = (json as { irVersion?: unknown } | null)?.irVersion;
  if (json !== null && typeof json === 'object' && !READABLE_IR_VERSIONS.includes(version as number)) {
    return { diagnostics: [makeDiagnostic('CMP231', file, NO_RANGE, { found: String(version), expected: IR_VERSION }, lang)] };
  }
  const check = validate();
  if (!check(json)) {
    const errors = (check.errors ?? []).filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'if');
    const shown = (errors.length > 0 ? errors : (check.errors ?? [])).slice(0, 10);
    return {
      diagnostics: shown.map((e) => makeDiagnostic('CMP230', file, NO_RANGE, { where: e.instancePath || '/', problem: e.message ?? e.keyword }, lang)),
    };
  }
  const ir = json as RuleSetIR;
  const actual = hashIR(ir);
  if (actual !== ir.hash) return { diagnostics: [makeDiagnostic('CMP232', file, NO_RANGE, { found: ir.hash, actual }, lang)] };
  return { ir, diagnostics: [] };
}
