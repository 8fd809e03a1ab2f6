/**
 * The canonical JSON the rule-set hash and the decision log's input hash are taken over: object
 * keys sorted at every level, arrays in order, no whitespace. The serializer passes objects whose
 * keys are already sorted through uncopied; this property holds it to a plain reference (a sorted
 * deep copy, then JSON.stringify) on arbitrary JSON, so the shortcut can never change a hash.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/compile/hash.js';

function sortedCopy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(sortedCopy);
  const obj = value as Record<string, unknown>;
  // fromEntries defines keys as own data properties, so a "__proto__" key stays a key.
  return Object.fromEntries(
    Object.keys(obj)
      .sort()
      .map((k) => [k, sortedCopy(obj[k])]),
  );
}

describe('canonicalJson', () => {
  it('equals JSON.stringify of a key-sorted deep copy, for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(value)).toBe(JSON.stringify(sortedCopy(value)));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps a parsed "__proto__" key in the text, whether or not the keys need sorting', () => {
    expect(canonicalJson(JSON.parse('{"__proto__":[1]}'))).toBe('{"__proto__":[1]}');
    expect(canonicalJson(JSON.parse('{"z":1,"__proto__":{"b":2,"a":1}}'))).toBe('{"__proto__":{"a":1,"b":2},"z":1}');
    expect(canonicalJson(JSON.parse('{"z":1,"__proto__":1}'))).not.toBe(canonicalJson({ z: 1 }));
  });

  it('gives equal text for records that differ only in key order, at every level', () => {
    const a = { id: 'P1', budget: { adjusted: 100, initial: 90 }, list: [{ b: 1, a: 2 }] };
    const b = { list: [{ a: 2, b: 1 }], budget: { initial: 90, adjusted: 100 }, id: 'P1' };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"budget":{"adjusted":100,"initial":90},"id":"P1","list":[{"a":2,"b":1}]}');
  });
});
