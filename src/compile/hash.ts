/**
 * The content hash of a rule set: sha-256 over the canonical JSON (object keys sorted at every
 * level, no whitespace) of the IR without `hash` and `sourceMap`, written `sha256:<hex>`. Because
 * source positions are excluded and ids are handed out by position in the tree, reformatting a
 * file keeps the hash while any change of meaning (a weight, a band, a name) changes it.
 */
import { createHash } from 'node:crypto';
import type { RuleSetIR } from './ir.js';

export function canonicalJson(value: unknown): string {
  // The native serializer with every object's keys in sorted order: much faster than a
  // hand-written writer on megabyte IRs, and arrays keep their order. An object whose keys are
  // already sorted (most small IR nodes) is passed through instead of copied.
  return (
    JSON.stringify(value, (_key, v: unknown) => {
      if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
      const keys = Object.keys(v);
      let sorted = true;
      for (let i = 1; i < keys.length && sorted; i++) sorted = keys[i - 1]! < keys[i]!;
      if (sorted) return v;
      keys.sort();
      const obj = v as Record<string, unknown>;
      // No prototype, so a parsed record's own "__proto__" key is copied as a key, not
      // taken as the copy's prototype (which would drop it from the text and the hash).
      const copy: Record<string, unknown> = Object.create(null);
      for (const k of keys) copy[k] = obj[k];
      return copy;
    }) ?? 'null'
  );
}

export function hashIR(ir: RuleSetIR): string {
  const { hash: _hash, sourceMap: _sourceMap, ...rest } = ir;
  void _hash;
  void _sourceMap;
  return `sha256:${createHash('sha256').update(canonicalJson(rest), 'utf8').digest('hex')}`;
}
