/**
 * Validates records against the JSON Schema the compiler generated for a rule set
 * (`ir.dataSchema`). The schema is compiled with ajv once per rule set; each call returns the
 * record's errors as data (code EVL401), each naming the record id, the field path in the
 * language's own notation (`data.budget.adjusted`), what was expected and what was found.
 * Label fields (rating and tiers subjects, `text of` inputs) are checked by labels.ts, which
 * names the label meant (EVL407/EVL408); numeric fields (money, percent, number and count
 * inputs, fields counted by `deduct`) by numbers.ts, which reads text as the language reads
 * numbers and names the range (EVL430–EVL434). Where those checks speak about a field, the
 * schema's own error about it is dropped: one mistake, one message. The `reported` block (what
 * a unit or a published form states beside the rule score) is checked by reported.ts against the
 * rule set's node names and grades (EVL44x); the schema's older, narrower description of it is
 * not applied, so a stated total or grade is not refused as a malformed indicator entry.
 */
import * as Ajv2020Module from 'ajv/dist/2020.js';
import type { ErrorObject } from 'ajv';
import type { RuleSetIR } from '../compile/ir.js';
import type { EvaluationError } from '../common/evaluation-error.js';
import { DEFAULT_LANG, type Lang } from '../common/lang.js';
import { EVL, evlWord, message, type EvlWord } from '../common/evaluation-messages.js';
import { createLabelCheck } from './labels.js';
import { createNumberCheck, describeFound } from './numbers.js';
import { readReported, reportedIndex } from './reported.js';

export { describeFound } from './numbers.js';

export type RecordValidator = (record: unknown, id: string) => EvaluationError[];

// ajv ships CommonJS; under NodeNext the default import may be the module namespace.
const Ajv2020 = Ajv2020Module.default as unknown as typeof Ajv2020Module.Ajv2020;

export function createRecordValidator(ir: RuleSetIR, lang: Lang = DEFAULT_LANG): RecordValidator {
  const schema = { ...ir.dataSchema };
  delete schema.$schema; // the 2020 build understands the draft; a mismatched URI must not fail
  const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
  const check = ajv.compile(schema);
  const labels = createLabelCheck(ir, lang);
  const numbers = createNumberCheck(ir, lang);
  let index: ReturnType<typeof reportedIndex> | undefined; // built on the first record that has a `reported` block
  const reportedErrors = (record: unknown, id: string): EvaluationError[] =>
    record !== null && typeof record === 'object' && Object.hasOwn(record, 'reported')
      ? readReported(record, (index ??= reportedIndex(ir)), id, lang).errors
      : [];
  return (record, id) => {
    const labelErrors = labels.check(record, id);
    const numberErrors = [...numbers.check(record, id), ...reportedErrors(record, id)];
    // The schema's view of `reported` is the older, narrower one: the block is checked above, so
    // the schema sees the record without it (and ajv never builds errors that would be dropped).
    const forSchema = hasReported(record) ? withoutReported(record) : record;
    if (check(forSchema)) return [...numberErrors, ...labelErrors].slice(0, 20);
    // A label field's enum error says less than the label check (no "did you mean"): keep one.
    const reported = new Set(labelErrors.map((e) => e.path));
    const numeric = new Set(numberErrors.map((e) => e.path));
    const schemaErrors = (check.errors ?? [])
      .filter((e) => !(e.keyword === 'enum' && reported.has(pointerToPath(e.instancePath))) && !numeric.has(pointerToPath(e.instancePath)))
      .filter((e) => e.instancePath !== '/reported' && !e.instancePath.startsWith('/reported/'))
      .map((e: ErrorObject) => toError(e, record, id, lang));
    return [...schemaErrors, ...numberErrors, ...labelErrors].slice(0, 20);
  };
}

function hasReported(record: unknown): record is Record<string, unknown> {
  return record !== null && typeof record === 'object' && !Array.isArray(record) && Object.hasOwn(record, 'reported');
}

function withoutReported(record: Record<string, unknown>): Record<string, unknown> {
  const { reported: _reported, ...rest } = record;
  void _reported;
  return rest;
}

function pointerToPath(pointer: string): string {
  if (!pointer) return 'data';
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, s) => (/^\d+$/.test(s) ? `${acc}[${s}]` : `${acc}.${s}`), 'data');
}

function at(record: unknown, pointer: string): unknown {
  let cur = record;
  for (const raw of pointer.split('/').slice(1)) {
    const s = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, s)) return undefined;
    cur = (cur as Record<string, unknown>)[s];
  }
  return cur;
}

const TYPE_WORDS: Record<string, EvlWord> = {
  number: 'number',
  integer: 'integer',
  string: 'text',
  boolean: 'boolean',
  object: 'object',
  array: 'list',
  null: 'null',
};

function toError(e: ErrorObject, record: unknown, id: string, lang: Lang): EvaluationError {
  let path = pointerToPath(e.instancePath);
  let expected: string;
  let found = describeFound(at(record, e.instancePath), lang);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      path = `${path}.${String(p.missingProperty)}`;
      expected = evlWord('present', lang);
      found = evlWord('nothing', lang);
      break;
    case 'type': {
      const types = Array.isArray(p.type) ? (p.type as string[]) : [String(p.type)];
      expected = types.map((t) => (TYPE_WORDS[t] ? evlWord(TYPE_WORDS[t], lang) : t)).join(evlWord('or', lang));
      break;
    }
    case 'enum':
      expected = `${evlWord('oneOf', lang)} ${(p.allowedValues as unknown[]).map((x) => JSON.stringify(x)).join(', ')}`;
      break;
    case 'const':
      expected = JSON.stringify(p.allowedValue);
      break;
    case 'pattern':
      // The compiler writes a date's pattern (and, in IRs of earlier versions, money's); a
      // regular expression means nothing to the person correcting the data.
      expected = evlWord(String(p.pattern).startsWith('^-?[0-9]+') ? 'money' : 'date', lang);
      break;
    case 'additionalProperties':
      path = `${path}.${String(p.additionalProperty)}`;
      expected = evlWord('absent', lang);
      found = describeFound(at(record, `${e.instancePath}/${String(p.additionalProperty)}`), lang);
      break;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      expected = `${String(p.comparison)} ${String(p.limit)}`;
      break;
    default:
      expected = e.message ?? e.keyword;
  }
  return { code: EVL.SCHEMA, message: message(EVL.SCHEMA, { id, path, expected, found }, lang), path };
}
