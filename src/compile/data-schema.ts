/**
 * The JSON Schema (draft 2020-12) of the record a rule set reads, derived from every `data.` path
 * its formulas use plus its `input` declarations. Paths become nested objects, a `[]` segment an
 * array; a leaf's type comes from its declaration (money, percent, number, text of …, boolean,
 * date, list) or else from its use (number in arithmetic and numeric comparisons, text for rating
 * subjects, boolean for yes/no and `== true`); undeclared leaves also accept null (a missing
 * value, handled by the indicator's missing policy). Only declared `required` inputs are required.
 * Every record has an `id` and may carry `reported` (manual scores per indicator path) and
 * `not_applicable` (indicator paths); other properties are allowed — a record usually carries more
 * than one rule set reads.
 */
import { assertNever } from '../common/diagnostic.js';
import type { InputDecl } from '../dsl/ast.js';
import { defaultBounds, resolveBounds, type ResolvedBounds } from './input-bounds.js';
import type { Item } from './model.js';
import type { DataType, DataUse, Sym } from './scope.js';

type Schema = Record<string, unknown>;

interface TreeNode {
  leaf?: Schema;
  required: boolean;
  children: Map<string, TreeNode>;
}

const newNode = (): TreeNode => ({ required: false, children: new Map() });

function inferred(type: DataType): Schema {
  switch (type) {
    case 'number':
      return { type: ['number', 'null'] };
    case 'count':
      return numeric({ type: ['number', 'null'] }, 'count', defaultBounds('count'));
    case 'string':
      return { type: ['string', 'null'] };
    case 'label':
      return { type: ['string', 'number', 'null'] };
    case 'boolean':
      return { type: ['boolean', 'null'] };
    case 'array':
      return { type: ['array', 'null'] };
    case 'any':
      return {};
    default:
      return assertNever(type, 'data type');
  }
}

/**
 * A numeric leaf: `x-jixiao` tells the data check (src/data/numbers.ts) the kind — how text is
 * read (`89.974万` for money, `95%` for percent) and whether it must be whole — and the exact
 * range as decimal strings; `minimum`/`maximum` say the same for other JSON Schema tools.
 */
function numeric(base: Schema, kind: string, bounds: ResolvedBounds | undefined): Schema {
  const x: Schema = { kind };
  const out: Schema = { ...base };
  if (bounds?.min !== undefined) {
    x.min = bounds.min;
    if (bounds.minExclusive) x.minExclusive = true;
    out[bounds.minExclusive ? 'exclusiveMinimum' : 'minimum'] = Number(bounds.min);
  }
  if (bounds?.max !== undefined) {
    x.max = bounds.max;
    if (bounds.maxExclusive) x.maxExclusive = true;
    out[bounds.maxExclusive ? 'exclusiveMaximum' : 'maximum'] = Number(bounds.max);
  }
  out['x-jixiao'] = x;
  return out;
}

function declared(i: InputDecl, scope: Map<string, Sym> | undefined): Schema {
  const nullable = (t: string): string[] | string => (i.required ? t : [t, 'null']);
  const base: Schema = (() => {
    switch (i.type) {
      case 'money':
      case 'percent':
        // Money and percentages may come as text, as staff type them: an exact decimal
        // ("160000000.00"), with a unit of the language ("89.974万", "95%").
        return numeric({ type: i.required ? ['number', 'string'] : ['number', 'string', 'null'] }, i.type, resolveBounds(i, scope));
      case 'number':
      case 'count':
        return numeric({ type: nullable('number') }, i.type, resolveBounds(i, scope));
      case 'text':
        return i.allowed && i.allowed.length > 0 ? { enum: i.required ? [...i.allowed] : [...i.allowed, null] } : { type: nullable('string') };
      case 'boolean':
        return { type: nullable('boolean') };
      case 'date':
        return { type: nullable('string'), pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}' };
      case 'list':
        return { type: nullable('array') };
      default:
        return assertNever(i.type, 'input type');
    }
  })();
  const title = i.meta.title ?? i.meta.description;
  return title ? { ...base, description: title } : base;
}

function insert(root: TreeNode, segments: readonly string[], leaf: Schema, required: boolean, override: boolean): void {
  let cur = root;
  for (const seg of segments) {
    let next = cur.children.get(seg);
    if (!next) {
      next = newNode();
      cur.children.set(seg, next);
    }
    if (required && seg !== '[]') next.required = true;
    cur = next;
  }
  if (override || !cur.leaf || Object.keys(cur.leaf).length === 0) cur.leaf = leaf;
}

function render(node: TreeNode): Schema {
  if (node.children.size === 0) return node.leaf ?? {};
  const item = node.children.get('[]');
  if (item) return { type: 'array', items: render(item) };
  const properties: Schema = {};
  const required: string[] = [];
  for (const key of [...node.children.keys()].sort()) {
    const child = node.children.get(key)!;
    properties[key] = render(child);
    if (child.required) required.push(key);
  }
  const out: Schema = { type: 'object', properties };
  if (required.length > 0) out.required = required;
  return out;
}

export function buildDataSchema(uses: Iterable<DataUse>, inputs: readonly Item<InputDecl>[], title: string, scope?: Map<string, Sym>): Schema {
  const root = newNode();
  for (const u of uses) insert(root, u.segments, inferred(u.type), false, false);
  for (const { decl } of inputs) insert(root, decl.path.segments, declared(decl, scope), decl.required, true);
  const body = render(root) as { properties?: Schema; required?: string[] };
  const properties: Schema = {
    id: { type: ['string', 'number'] },
    reported: {
      type: 'object',
      description: 'Manually reported scores per indicator path, kept beside the rule score.',
      additionalProperties: {
        type: 'object',
        properties: { points: { type: 'number' }, reason: { type: 'string' } },
        required: ['points'],
      },
    },
    not_applicable: { type: 'array', description: 'Indicator paths that do not apply to this record.', items: { type: 'string' } },
    ...(body.properties ?? {}),
  };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: `${title} record`,
    type: 'object',
    properties,
    required: ['id', ...(body.required ?? []).filter((r) => r !== 'id')],
    additionalProperties: true,
  };
}
