/**
 * The content hash of a rule set: sha-256 over the canonical JSON (object keys sorted at every
 * level, no whitespace) of the IR without `hash` and `sourceMap`, written `sha256:<hex>`. Because
 * source positions are excluded and ids are handed out by position in the tree, reformatting a
 * file keeps the hash while any change of meaning (a weight, a band, a name) changes it.
 */
import { createHash } from 'node:crypto';
import type { RuleSetIR } from './ir.js';

export function canonicalJson(value: unknown): string {
  // The native serializer with every object's keys re-inserted in sorted order: much faster
  // than a hand-written writer on megabyte IRs, and arrays keep their order.
  return (
    JSON.stringify(value, (_key, v: unknown) => {
      if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
      const obj = v as Record<string, unknown>;
      const sorted: Record<string, unknown> = {};
      for (const k of Object.keys(obj).sort()) sorted[k] = obj[k];
      return sorted;
    }) ?? 'null'
  );
}

export function hashIR(ir: RuleSetIR): string {
  const { hash: _hash, sourceMap: _sourceMap, ...rest } = ir;
  void _hash;
  void _sourceMap;
  return `sha256:${createHash('sha256').update(canonicalJson(rest), 'utf8').digest('hex')}`;
}
