/**
 * What `jixiao inspect` says about a rule set, read off its IR: the frameworks the files declare
 * (the one selected marked, with its lineage), the record's inputs from the data schema (type,
 * unit, range, required, description), each param with its value and the indicators, vetoes,
 * lets and rules that reference it, the hash (the same `jixiao compile` writes and every result
 * carries, src/compile/hash.ts) and the IR version. One model, printed as JSON or as text in
 * the run's language; nothing here evaluates anything.
 */
import { Decimal } from 'decimal.js';
import type { ExprIR, ParamIR, RuleSetIR } from '../compile/ir.js';
import type { Lang } from '../common/lang.js';
import { wrapDisplay } from './text-table.js';
import { inspectWord } from './tool-messages.js';

export interface InspectInfo {
  name: string;
  label: string | null;
  version: string;
  hash: string;
  irVersion: number;
  files: string[];
  frameworks: { name: string; label: string | null; extends: string[]; selected: boolean }[];
  inputs: { path: string; type: string; unit: string | null; range: string | null; required: boolean; description: string | null }[];
  /** The framework's params, then each rule block's (`block` names it). */
  params: { name: string; block: string | null; value: string; unit: string | null; description: string | null; referencedBy: string[] }[];
}

/** Fields every record may carry that the engine itself reads: not the rule set's inputs. */
const ENGINE_FIELDS = new Set(['id', 'reported', 'not_applicable']);
// a percent's unit is in its type's name; money's is worth saying
const UNIT_OF_KIND: Record<string, string> = { money: '元' };

export function inspectRuleSet(ir: RuleSetIR, all: readonly RuleSetIR[]): InspectInfo {
  return {
    name: ir.name,
    label: ir.label ?? null,
    version: ir.version,
    hash: ir.hash,
    irVersion: ir.irVersion,
    files: ir.files,
    frameworks: all.map((f) => ({ name: f.name, label: f.label ?? null, extends: f.lineage, selected: f.name === ir.name })),
    inputs: inputsOf(ir.dataSchema),
    params: [...ir.params.map((p) => paramInfo(ir, p, null)), ...ir.ruleBlocks.flatMap((b) => b.params.map((p) => paramInfo(ir, p, b.name)))],
  };
}

function paramInfo(ir: RuleSetIR, p: ParamIR, block: string | null): InspectInfo['params'][number] {
  return { name: p.name, block, value: exprText(p.value), unit: p.unit, description: p.meta.description ?? null, referencedBy: references(ir, p.name) };
}

type Schema = Record<string, unknown>;

function inputsOf(schema: Schema, prefix = 'data', top = true): InspectInfo['inputs'] {
  const props = (schema.properties ?? {}) as Record<string, Schema>;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  return Object.entries(props).flatMap(([key, child]) => {
    if (top && ENGINE_FIELDS.has(key)) return [];
    const path = `${prefix}.${key}`;
    if (child.properties) return inputsOf(child, path, false);
    const x = (child['x-jixiao'] ?? {}) as Record<string, unknown>;
    const kind = typeof x.kind === 'string' ? x.kind : undefined;
    return [
      {
        path,
        type: typeOf(child, kind),
        unit: kind ? (UNIT_OF_KIND[kind] ?? null) : null,
        range: rangeOf(x),
        required: required.has(key),
        description: typeof child.description === 'string' ? child.description : null,
      },
    ];
  });
}

function typeOf(schema: Schema, kind: string | undefined): string {
  if (kind) return kind;
  if (Array.isArray(schema.enum)) return `text of ${schema.enum.filter((v) => v !== null).join(', ')}`;
  const types = ([] as unknown[]).concat(schema.type ?? []).filter((t) => t !== 'null');
  return types.length === 0 ? 'any' : types.join('|');
}

function rangeOf(x: Record<string, unknown>): string | null {
  if (x.min === undefined && x.max === undefined) return null;
  const low = x.min === undefined ? '' : `${x.minExclusive ? '>' : '≥'} ${String(x.min)}`;
  const high = x.max === undefined ? '' : `${x.maxExclusive ? '<' : '≤'} ${String(x.max)}`;
  return [low, high].filter((s) => s !== '').join(', ');
}

/** Where a param is used: indicators by path, vetoes, lets, params and rules by name. */
function references(ir: RuleSetIR, name: string): string[] {
  const uses = (value: unknown): boolean => JSON.stringify(value).includes(JSON.stringify({ kind: 'param', name }));
  const found: string[] = [];
  const walk = (nodes: RuleSetIR['nodes']): void => {
    for (const node of nodes) {
      if (node.kind === 'indicator' && uses(node)) found.push(node.path);
      if (node.kind === 'dimension') walk(node.children);
    }
  };
  walk(ir.nodes);
  for (const v of ir.vetoes) if (uses(v)) found.push(`veto ${v.name}`);
  for (const l of ir.lets) if (uses(l.value)) found.push(`let ${l.name}`);
  for (const p of ir.params) if (p.name !== name && uses(p.value)) found.push(`param ${p.name}`);
  for (const block of ir.ruleBlocks) {
    for (const rule of block.rules) if (uses(rule)) found.push(`rule ${block.name}/${rule.name}`);
    for (const line of block.lines) if (uses(line)) found.push(`line ${block.name}/${line.name}`);
    for (const c of block.combines) if (uses(c)) found.push(`combine ${block.name}/${c.line}`);
    for (const l of block.lets) if (uses(l.value)) found.push(`let ${block.name}/${l.name}`);
  }
  return found;
}

/** A param's value as written: numbers with their unit (10%), text quoted, the rest in words. */
export function exprText(e: ExprIR): string {
  switch (e.kind) {
    case 'number':
      return e.unit === '%' ? `${new Decimal(e.value).times(100).toFixed()}%` : e.unit ? `${e.value} ${e.unit}` : e.value;
    case 'string':
      return JSON.stringify(e.value);
    case 'boolean':
      return String(e.value);
    case 'param':
    case 'let':
      return e.name;
    case 'data':
      return `data.${e.path.join('.')}`;
    case 'binary':
      return `(${exprText(e.left)} ${e.op} ${exprText(e.right)})`;
    case 'unary':
      return e.op === 'not' ? `not ${exprText(e.operand)}` : `-${exprText(e.operand)}`;
    case 'call':
      return `${e.fn}(${e.args.map(exprText).join(', ')})`;
    default:
      return e.kind;
  }
}

const w = inspectWord;

export function inspectText(info: InspectInfo, lang: Lang): string {
  const out = [w(lang, 'ruleset', { name: info.name, label: info.label ?? '—', version: info.version })];
  out.push(w(lang, 'hash', { hash: info.hash }), w(lang, 'irVersion', { v: info.irVersion }), w(lang, 'files', { files: info.files.join(', ') }), '');
  out.push(w(lang, 'frameworks'));
  for (const f of info.frameworks) {
    const parents = f.extends.length > 0 ? `  ${w(lang, 'extends', { list: f.extends.join(' → ') })}` : '';
    out.push(`  ${f.name}${f.label ? `  ${f.label}` : ''}${parents}${f.selected ? w(lang, 'selected') : ''}`);
  }
  out.push('', w(lang, 'inputs', { n: info.inputs.length }));
  for (const i of info.inputs) {
    const facts = [i.type, i.unit, i.range, i.required ? w(lang, 'required') : null].filter((s): s is string => s !== null);
    out.push(...hanging('  ', `${i.path}  ${facts.join('; ')}${i.description ? `  — ${i.description}` : ''}`));
  }
  out.push('', w(lang, 'params', { n: info.params.length }));
  for (const p of info.params) {
    const name = p.block ? `${p.block}/${p.name}` : p.name;
    out.push(...hanging('  ', `${name} = ${p.value}${p.description ? `  — ${p.description}` : ''}`));
    out.push(...hanging('      ', p.referencedBy.length > 0 ? w(lang, 'usedBy', { list: p.referencedBy.join(', ') }) : w(lang, 'unused')));
  }
  return out.join('\n') + '\n';
}

/** Lines of at most 100 columns, continuations indented two more than the first. */
function hanging(indent: string, text: string): string[] {
  return wrapDisplay(text, 100 - indent.length - 2).map((line, i) => (i === 0 ? indent : `${indent}  `) + line);
}
