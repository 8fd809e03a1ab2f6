/**
 * Fact paths for the recommendation stage, with no JSONPath anywhere. A path is a JSON Pointer
 * (RFC 6901: `/indicators/过程~1预算执行率/value`, `~1` for `/`, `~0` for `~`). Resolution only
 * walks own properties of plain objects and arrays, and any segment named `__proto__`,
 * `constructor` or `prototype` resolves to `undefined`, so a rule can never reach an object's
 * prototype chain. A path that ends at an object or array also reads as `undefined`: conditions
 * compare scalars, and a record such as `{"toString": 0}` would otherwise make json-rules-engine's
 * number check throw (`parseFloat` cannot convert it). The same resolver is handed to
 * json-rules-engine (`pathResolver`) and used by the compiled evaluator, which is what keeps the
 * two paths equal on paths.
 */

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** Escapes one segment for a pointer. */
export function escapeSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Builds a pointer from raw segments: `['budget', 'adjusted']` → `/budget/adjusted`. */
export function toPointer(segments: readonly string[]): string {
  return segments.map((s) => '/' + escapeSegment(s)).join('');
}

/** Splits a pointer into raw segments; a string that is not a pointer yields `null`. */
export function parsePointer(pointer: string): string[] | null {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return null;
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

const scalar = (v: unknown): unknown => (v !== null && typeof v === 'object' ? undefined : v);

/** Walks already-split segments; see the module docblock for what is refused. */
export function resolveSegments(value: unknown, segments: readonly string[]): unknown {
  let current: unknown = value;
  for (const segment of segments) {
    if (FORBIDDEN.has(segment)) return undefined;
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return scalar(current);
}

/** The `pathResolver` given to json-rules-engine, and the compiled path's resolver. */
export function resolvePointer(value: unknown, pointer: string): unknown {
  const segments = parsePointer(pointer);
  return segments === null ? undefined : resolveSegments(value, segments);
}

/** Compiles a pointer once into a resolver closure (the compiled path's hot loop). */
export function compilePointer(pointer: string): (value: unknown) => unknown {
  const segments = parsePointer(pointer);
  if (segments === null) return () => undefined;
  if (segments.some((s) => FORBIDDEN.has(s))) return () => undefined;
  if (segments.length === 1) {
    const [only] = segments as [string];
    return (value) =>
      value !== null && typeof value === 'object' && Object.hasOwn(value, only) ? scalar((value as Record<string, unknown>)[only]) : undefined;
  }
  // Forbidden names were refused above, so the hot loop only checks own properties.
  return (value) => {
    let current: unknown = value;
    for (let i = 0; i < segments.length; i++) {
      const key = segments[i]!;
      if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
      current = (current as Record<string, unknown>)[key];
    }
    return scalar(current);
  };
}

/** Reads a property only when it is an own property and not a forbidden name. */
export function ownProperty(value: unknown, key: string): unknown {
  if (FORBIDDEN.has(key) || value === null || typeof value !== 'object') return undefined;
  return Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}
