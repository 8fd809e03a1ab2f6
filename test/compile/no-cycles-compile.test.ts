/**
 * The front end's import graph has no cycle, not even through `import type`: every relative
 * import and re-export of src/dsl and src/compile is read from the source text and the graph is
 * searched for strongly connected components. The lowering recursion (lowerExpr → resolveRef →
 * lowerSymbol → lowerExpr) is not a module cycle: names.ts reaches lowerSymbol through the
 * `Env.lowerSymbol` callback that build.ts supplies. Also: src/dsl imports nothing above it
 * (only src/common), and src/compile nothing above src/dsl. The repo-wide architecture test
 * belongs to the lead; this one guards these two folders.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');
const FOLDERS = ['dsl', 'compile'];

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Relative specifiers of every `import … from`, `import '…'` and `export … from` in `text`. */
function relativeImports(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\b[^'"`;]*?(?:\bfrom\s*)?['"](\.{1,2}\/[^'"]+)['"]/gm)) out.push(m[1] as string);
  return out;
}

/** Strongly connected components with more than one file (or a file importing itself). */
function cycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) !== index.get(v)) return;
    const scc: string[] = [];
    let w: string;
    do {
      w = stack.pop() as string;
      onStack.delete(w);
      scc.push(w);
    } while (w !== v);
    if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(scc.sort());
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return out;
}

function graphOf(files: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const targets = relativeImports(readFileSync(f, 'utf8')).map((s) => resolve(dirname(f), s).replace(/\.js$/, '.ts'));
    graph.set(relative(SRC, f), targets.map((t) => relative(SRC, t)));
  }
  return graph;
}

describe('import graph of src/dsl and src/compile', () => {
  const files = FOLDERS.flatMap((d) => tsFiles(join(SRC, d)));
  const graph = graphOf(files);

  it('reads the imports it should (the walker is not blind)', () => {
    expect(files.length).toBeGreaterThan(40);
    expect(graph.get('compile/checks.ts')).toContain('compile/bands.ts');
    expect(graph.get('compile/bands.ts')).toContain('compile/check-input.ts');
    expect(relativeImports("import type { A } from './a.js';\nexport { b } from '../b.js';\nimport './c.js';")).toEqual(['./a.js', '../b.js', './c.js']);
    expect(cycles(new Map([['a', ['b']], ['b', ['a']], ['c', ['a']]]))).toEqual([['a', 'b']]);
  });

  it('has no cycle, type-only imports included', () => {
    const inside = new Map([...graph].map(([k, v]) => [k, v.filter((t) => graph.has(t))]));
    expect(cycles(inside)).toEqual([]);
  });

  it('imports only downward: dsl → common; compile → dsl, common', () => {
    const allowed: Record<string, string[]> = { dsl: ['dsl', 'common'], compile: ['compile', 'dsl', 'common'] };
    const upward = [...graph].flatMap(([from, targets]) => {
      const layer = from.split('/')[0] as string;
      return targets.filter((t) => !(allowed[layer] ?? []).includes(t.split('/')[0] as string)).map((t) => `${from} → ${t}`);
    });
    expect(upward).toEqual([]);
  });
});
