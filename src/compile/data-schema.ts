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
import type { Item } from './model.js';
import type { DataType, DataUse } from './scope.js';

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

function declared(i: InputDecl): Schema {
  const nullable = (t: string): string[] | string => (i.required ? t : [t, 'null']);
  const base: Schema = (() => {
    switch (i.type) {
      case 'money':
        // Money may come as an exact decimal string ("160000000.00") as well as a number.
        return { type: i.required ? ['number', 'string'] : ['number', 'string', 'null'], pattern: '^-?[0-9]+(\\.[0-9]+)?$' };
      case 'percent':
      case 'number':
        return { type: nullable('number') };
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

export function buildDataSchema(uses: Iterable<DataUse>, inputs: readonly Item<InputDecl>[], title: string): Schema {
  const root = newNode();
  for (const u of uses) insert(root, u.segments, inferred(u.type), false, false);
  for (const { decl } of inputs) insert(root, decl.path.segments, declared(decl), decl.required, true);
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
