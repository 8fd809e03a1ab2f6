/**
 * Rewrites one case's `expect` block inside the test file's YAML Document. For a failing case
 * every declared field is set in place (`setIn` on the existing nodes), so comments, key order
 * and the user's own keys survive; an empty case gets a whole new block. Nothing is written to
 * disk here — the runner writes the Document once per file.
 */
import { isMap, type Document } from 'yaml';
import type { Expectation } from './types.js';

export function writeExpectation(doc: Document, index: number, exp: Expectation, inPlace: boolean): void {
  const base = ['cases', index, 'expect'];
  if (!inPlace || !isMap(doc.getIn(base, true))) {
    doc.setIn(base, doc.createNode(exp));
    return;
  }
  for (const [field, value] of Object.entries(exp)) {
    const current = doc.getIn([...base, field], true);
    if (value && typeof value === 'object' && !Array.isArray(value) && isMap(current)) {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) doc.setIn([...base, field, k], v);
    } else {
      doc.setIn([...base, field], value && typeof value === 'object' ? doc.createNode(value) : value);
    }
  }
}
