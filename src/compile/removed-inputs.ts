/**
 * Inputs an extending framework no longer needs. `remove input data.x` drops an inherited input
 * declaration outright; removing (or overriding) an indicator or dimension drops the inherited
 * inputs that only it read. "Only it read" is decided after the whole framework and its rules
 * blocks were lowered: an inherited input read by something the removed node read that nothing
 * left reads any more — not an indicator, veto, param, let or rule — is no longer declared, so a
 * record is not rejected for a required field nobody reads. Inputs a parent declared without any
 * indicator reading them (for the data schema) stay; so does anything the child declares itself.
 */
import type { DataPath, InputDecl } from '../dsl/ast.js';
import type { Item } from './model.js';

/** Every data path an AST subtree reads (`data.a.b` → 'a.b'), found by walking it whole. */
export function dataPathsOf(root: unknown, out = new Set<string>()): Set<string> {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const x = stack.pop();
    if (x === null || typeof x !== 'object') continue;
    if (Array.isArray(x)) {
      for (const v of x) stack.push(v);
      continue;
    }
    const o = x as Record<string, unknown>;
    if (o.kind === 'path' && Array.isArray(o.segments)) out.add((o as unknown as DataPath).segments.join('.'));
    for (const [k, v] of Object.entries(o)) if (k !== 'range' && typeof v === 'object') stack.push(v);
  }
  return out;
}

/**
 * The inputs left once the inherited ones that only removed nodes read are dropped. `used` tells
 * whether anything left reads an input (its key 'a.b'); `own` are the child's own declarations.
 */
export function keepReadInputs(
  inputs: readonly Item<InputDecl>[],
  removedReads: ReadonlySet<string>,
  own: ReadonlySet<InputDecl>,
  used: (key: string) => boolean,
): Item<InputDecl>[] {
  return inputs.filter((i) => {
    const key = i.decl.path.segments.join('.');
    return own.has(i.decl) || !removedReads.has(key) || used(key);
  });
}
