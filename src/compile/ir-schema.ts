/**
 * The JSON Schema (draft 2020-12) of a compiled rule set, `RuleSetIR` in ir.ts, so a saved IR can
 * be validated before the engine trusts it — by `loadIR` here and by anyone else (the service
 * publishes it). It mirrors ir.ts by hand; the golden IRs of test/golden/check are validated
 * against it, so a drift between the two fails a test.
 */

type S = Record<string, unknown>;

const ref = (name: string): S => ({ $ref: `#/$defs/${name}` });
const str: S = { type: 'string' };
const dec: S = { type: 'string', pattern: '^-?[0-9]+(\\.[0-9]+)?$' };
const arr = (items: S): S => ({ type: 'array', items });
const obj = (properties: S, required: string[]): S => ({ type: 'object', properties, required, additionalProperties: false });
const unit: S = { type: ['string', 'null'] };
const lit = (...values: (string | number | boolean)[]): S => ({ enum: values });

// `discriminator` lets ajv pick the branch by `kind`/`method` instead of trying every one.
const expr: S = {
  type: 'object',
  discriminator: { propertyName: 'kind' },
  required: ['kind'],
  oneOf: [
    obj({ kind: lit('number'), value: dec, unit }, ['kind', 'value', 'unit']),
    obj({ kind: lit('string'), value: str }, ['kind', 'value']),
    obj({ kind: lit('boolean'), value: { type: 'boolean' } }, ['kind', 'value']),
    obj({ kind: lit('data'), path: arr(str) }, ['kind', 'path']),
    obj({ kind: lit('param'), name: str }, ['kind', 'name']),
    obj({ kind: lit('let'), name: str }, ['kind', 'name']),
    obj({ kind: lit('node'), path: str, member: lit('value', 'points', 'score', 'status', 'target', 'rating') }, ['kind', 'path', 'member']),
    obj({ kind: lit('self'), member: lit('value', 'target', 'weight') }, ['kind', 'member']),
    obj({ kind: lit('scorecard'), member: lit('grade', 'total', 'stage', 'reportedTotal', 'reportedGrade') }, ['kind', 'member']),
    obj({ kind: lit('context'), root: lit('previous', 'rectification'), path: { ...arr(str), minItems: 1 } }, ['kind', 'root', 'path']),
    obj({ kind: lit('binary'), op: lit('+', '-', '*', '/', '==', '!=', '<', '<=', '>', '>=', 'and', 'or'), left: ref('expr'), right: ref('expr'), unit }, [
      'kind',
      'op',
      'left',
      'right',
      'unit',
    ]),
    obj({ kind: lit('unary'), op: lit('-', 'not'), operand: ref('expr') }, ['kind', 'op', 'operand']),
    obj({ kind: lit('call'), fn: lit('min', 'max', 'abs', 'round', 'sum', 'avg', 'wavg', 'count', 'exists', 'coalesce', 'clamp'), args: arr(ref('expr')) }, [
      'kind',
      'fn',
      'args',
    ]),
    obj({ kind: lit('if'), condition: ref('expr'), then: ref('expr'), otherwise: ref('expr') }, ['kind', 'condition', 'then', 'otherwise']),
  ],
};

const meta = obj({ title: str, description: str, refs: arr(str), unit: str }, ['refs']);
// A dimension's aggregation method (ir.ts AggregateIR); one object shape checked by `method`.
const table = obj(
  { name: str, unordered: { type: 'boolean' }, rows: arr(obj({ keys: { ...arr(str), minItems: 1 }, result: str }, ['keys', 'result'])), otherwise: str },
  ['name', 'unordered', 'rows'],
);
const aggregate = obj(
  {
    method: lit('weakest_link', 'table', 'min', 'max', 'mean'),
    scale: { ...arr(str), minItems: 1 },
    same: { type: 'object', additionalProperties: str },
    table,
  },
  ['method'],
);
const award = obj({ kind: lit('fraction', 'points'), value: ref('expr') }, ['kind', 'value']);
const bandCondition: S = {
  type: 'object',
  discriminator: { propertyName: 'kind' },
  required: ['kind'],
  oneOf: [
    obj({ kind: lit('compare'), op: lit('>=', '>', '<=', '<', '='), bound: ref('expr') }, ['kind', 'op', 'bound']),
    obj({ kind: lit('interval'), low: ref('expr'), lowInclusive: { type: 'boolean' }, high: ref('expr'), highInclusive: { type: 'boolean' } }, [
      'kind',
      'low',
      'lowInclusive',
      'high',
      'highInclusive',
    ]),
    obj({ kind: lit('else') }, ['kind']),
  ],
};

const score: S = {
  type: 'object',
  discriminator: { propertyName: 'method' },
  required: ['method'],
  oneOf: [
    obj({ method: lit('proportional'), id: str }, ['method', 'id']),
    obj({ method: lit('yesno'), id: str }, ['method', 'id']),
    obj(
      {
        method: lit('bands'),
        id: str,
        centered: { type: 'boolean' },
        bands: arr(obj({ id: str, label: str, condition: ref('bandCondition'), award: ref('award') }, ['id', 'label', 'condition', 'award'])),
      },
      ['method', 'id', 'centered', 'bands'],
    ),
    obj({ method: lit('rating'), id: str, subject: ref('expr'), levels: arr(obj({ id: str, label: str, award: ref('award') }, ['id', 'label', 'award'])) }, [
      'method',
      'id',
      'subject',
      'levels',
    ]),
    obj(
      {
        method: lit('tiers'),
        id: str,
        subject: ref('expr'),
        point: ref('expr'),
        pick: lit('low', 'mid', 'high'),
        tiers: arr(obj({ id: str, label: str, low: ref('award'), high: ref('award') }, ['id', 'label', 'low', 'high'])),
      },
      ['method', 'id', 'subject', 'pick', 'tiers'],
    ),
    obj({ method: lit('deduct'), id: str, per: ref('expr'), count: ref('expr'), max: ref('expr') }, ['method', 'id', 'per', 'count']),
    obj(
      {
        method: lit('step'),
        id: str,
        per: ref('expr'),
        step: ref('expr'),
        direction: lit('above', 'below'),
        threshold: ref('expr'),
        counting: lit('whole', 'fractional'),
        max: ref('expr'),
      },
      ['method', 'id', 'per', 'step', 'direction', 'threshold', 'counting'],
    ),
    obj({ method: lit('linear'), id: str, points: arr(obj({ x: ref('expr'), y: ref('award') }, ['x', 'y'])) }, ['method', 'id', 'points']),
    obj(
      { method: lit('checklist'), id: str, items: arr(obj({ id: str, label: str, award: ref('award'), when: ref('expr') }, ['id', 'label', 'award', 'when'])) },
      ['method', 'id', 'items'],
    ),
    obj({ method: lit('expert'), id: str, source: ref('expr') }, ['method', 'id', 'source']),
    obj({ method: lit('formula'), id: str, expr: ref('award') }, ['method', 'id', 'expr']),
  ],
};

const nodeBase = { id: str, path: str, name: str, weight: dec, meta: ref('meta'), applicable: ref('expr') };
const node: S = {
  type: 'object',
  discriminator: { propertyName: 'kind' },
  required: ['kind'],
  oneOf: [
    obj({ kind: lit('dimension'), ...nodeBase, aggregate, children: arr(ref('node')) }, ['kind', 'id', 'path', 'name', 'weight', 'meta', 'children']),
    obj(
      {
        kind: lit('indicator'),
        ...nodeBase,
        unit,
        value: ref('expr'),
        target: obj({ op: lit('>=', '<=', '=', 'between'), value: ref('expr'), upper: ref('expr'), tolerance: ref('expr') }, ['op', 'value']),
        score: ref('score'),
        missing: lit('unavailable', 'zero', 'not_applicable'),
      },
      ['kind', 'id', 'path', 'name', 'weight', 'meta', 'unit', 'score', 'missing'],
    ),
  ],
};

const symbol = obj({ id: str, name: str, value: ref('expr'), unit, meta: ref('meta') }, ['id', 'name', 'value', 'unit', 'meta']);

const ruleBlock = obj(
  {
    id: str,
    name: str,
    for: str,
    meta: ref('meta'),
    params: arr(ref('symbol')),
    lets: arr(ref('symbol')),
    lines: arr(obj({ id: str, name: str, base: ref('expr'), meta: ref('meta') }, ['id', 'name', 'base', 'meta'])),
    combines: arr(
      obj(
        {
          id: str,
          line: str,
          action: lit('warn', 'rectify', 'interview', 'commend', 'flag'),
          mode: lit('most_severe', 'sum', 'first', 'max', 'min', 'all'),
          cap: ref('expr'),
        },
        ['id', 'line', 'mode'],
      ),
    ),
    rules: arr(
      obj(
        {
          id: str,
          name: str,
          priority: { type: 'number' },
          when: ref('expr'),
          actions: arr(
            obj(
              {
                id: str,
                verb: lit('adjust', 'recall', 'withhold', 'suspend', 'stop', 'cancel', 'rectify', 'interview', 'commend', 'warn', 'flag'),
                line: str,
                amount: ref('expr'),
                withinDays: dec,
                level: str,
                text: str,
              },
              ['id', 'verb'],
            ),
          ),
          reason: str,
          meta: ref('meta'),
        },
        ['id', 'name', 'priority', 'when', 'actions', 'reason', 'meta'],
      ),
    ),
  },
  ['id', 'name', 'for', 'meta', 'params', 'lets', 'lines', 'combines', 'rules'],
);

const location = obj({ file: str, line: { type: 'integer' }, column: { type: 'integer' }, endLine: { type: 'integer' }, endColumn: { type: 'integer' } }, [
  'file',
  'line',
  'column',
  'endLine',
  'endColumn',
]);

export const RULE_SET_IR_SCHEMA: S = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://jixiao.example/schemas/rule-set-ir.json',
  title: 'jixiao compiled rule set (RuleSetIR)',
  ...obj(
    {
      irVersion: { enum: [1, 2] },
      name: str,
      label: str,
      version: str,
      meta: ref('meta'),
      lineage: arr(str),
      hash: { type: 'string', pattern: '^sha256:[0-9a-f]{64}$' },
      settings: obj(
        {
          scale: dec,
          precision: { type: 'integer', minimum: 0 },
          rounding: lit('half_up', 'half_even', 'down', 'up'),
          reportedPrecision: { type: 'integer', minimum: 0 },
          missing: lit('unavailable', 'zero', 'not_applicable'),
          notApplicable: lit('rescale', 'redistribute'),
        },
        ['scale', 'precision', 'rounding', 'missing', 'notApplicable'],
      ),
      grades: arr(obj({ label: str, min: { oneOf: [dec, { type: 'null' }] }, id: str }, ['label', 'min', 'id'])),
      aggregate,
      outcomes: arr(
        obj({ id: str, name: str, when: ref('expr'), hideTotal: { type: 'boolean' }, meta: ref('meta') }, ['id', 'name', 'when', 'hideTotal', 'meta']),
      ),
      vetoes: arr(
        obj(
          {
            id: str,
            name: str,
            when: ref('expr'),
            effect: {
              type: 'object',
              discriminator: { propertyName: 'kind' },
              required: ['kind'],
              oneOf: [
                obj({ kind: lit('grade'), grade: str }, ['kind', 'grade']),
                obj({ kind: lit('cap'), value: dec }, ['kind', 'value']),
                obj({ kind: lit('zero') }, ['kind']),
              ],
            },
            meta: ref('meta'),
          },
          ['id', 'name', 'when', 'effect', 'meta'],
        ),
      ),
      requires: arr(obj({ id: str, names: arr(str), op: lit('>=', '<=', '='), value: dec }, ['id', 'names', 'op', 'value'])),
      params: arr(ref('symbol')),
      lets: arr(ref('symbol')),
      nodes: arr(ref('node')),
      ruleBlocks: arr(ref('ruleBlock')),
      dataSchema: { type: 'object' },
      files: arr(str),
      sourceMap: { type: 'object', additionalProperties: location },
    },
    [
      'irVersion',
      'name',
      'version',
      'meta',
      'lineage',
      'hash',
      'settings',
      'grades',
      'vetoes',
      'requires',
      'params',
      'lets',
      'nodes',
      'ruleBlocks',
      'dataSchema',
      'files',
      'sourceMap',
    ],
  ),
  $defs: { expr, meta, award, bandCondition, score, node, symbol, ruleBlock },
};
