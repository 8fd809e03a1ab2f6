/**
 * The catalogue of evaluation and data messages (codes EVL4xx). Every user-facing sentence the
 * engine, the data loader and the validator produce is a template here; code elsewhere refers to
 * codes only, so tests can assert codes and translators touch one file. Templates use `{name}`
 * placeholders filled by `message()`.
 *
 * EVL40x: the record as a whole (unreadable, not an object, unsafe keys, schema mismatch).
 * EVL41x: one indicator could not be computed (missing data, division by zero, wrong type…).
 * EVL42x: scorecard-level problems (nothing applicable, veto condition not computable).
 */

export const EVL = {
  SCHEMA: 'EVL401',
  FORBIDDEN_KEY: 'EVL402',
  NON_FINITE: 'EVL403',
  NOT_OBJECT: 'EVL404',
  UNREADABLE: 'EVL405',
  TOO_DEEP: 'EVL406',
  MISSING: 'EVL410',
  DIV_ZERO: 'EVL411',
  WRONG_TYPE: 'EVL412',
  UNKNOWN_LEVEL: 'EVL413',
  POINT_OUTSIDE_TIER: 'EVL414',
  EXPERT_CLIPPED: 'EVL415',
  NODE_UNAVAILABLE: 'EVL416',
  CYCLE: 'EVL417',
  NO_TARGET: 'EVL418',
  BAD_ARGUMENT: 'EVL419',
  NOTHING_APPLICABLE: 'EVL420',
  VETO_UNCOMPUTABLE: 'EVL421',
  UNKNOWN_NAME: 'EVL422',
} as const;

export type EvlCode = (typeof EVL)[keyof typeof EVL];

const TEMPLATES: Record<EvlCode, string> = {
  EVL401: 'record {id}: field {path} should be {expected}, found {found}',
  EVL402: 'record {id}: key "{key}" at {path} is not allowed in data',
  EVL403: 'record {id}: number at {path} is not finite ({found})',
  EVL404: 'record {id}: a record must be an object, found {found}',
  EVL405: '{source}: cannot read records: {detail}',
  EVL406: 'record {id}: data nested deeper than {limit} levels at {path}',
  EVL410: 'missing data: {path}',
  EVL411: 'division by zero in {what}',
  EVL412: '{what} should be {expected}, found {found}',
  EVL413: '"{level}" is not one of the declared levels ({levels})',
  EVL414: 'point {point} lies outside tier {tier} [{low}, {high}]',
  EVL415: 'expert score {found} is outside [0, {weight}]; clipped to {clipped}',
  EVL416: '{path} could not be scored, so {member} is unavailable',
  EVL417: '{path} depends on itself',
  EVL418: 'indicator has no target; method {method} needs one',
  EVL419: '{fn}: {detail}',
  EVL420: 'no indicator is applicable; the total cannot be computed',
  EVL421: 'veto {name}: condition could not be evaluated ({detail})',
  EVL422: 'unknown name {name}',
};

export function message(code: EvlCode, args: Record<string, unknown>): string {
  return TEMPLATES[code].replace(/\{(\w+)\}/g, (_, key: string) => {
    const v = args[key];
    return v === undefined ? `{${key}}` : typeof v === 'string' ? v : JSON.stringify(v);
  });
}
