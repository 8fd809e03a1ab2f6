/**
 * The static import graph of src/, read with the TypeScript parser: for every module, the
 * relative modules and the packages it imports, with whether each import is type-only (erased
 * at build, so it loads nothing, but still an arrow of the architecture). Dynamic `import()` is
 * not an edge: it is how commands and optional packages load on first use.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

export const SRC = resolve(import.meta.dirname, '../../src');

export interface ImportEdge {
  /** A path relative to src/ for project modules (`engine/expr.ts`), the package name otherwise. */
  target: string;
  external: boolean;
  typeOnly: boolean;
}

export type ImportGraph = Map<string, ImportEdge[]>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

function edgesOf(file: string): ImportEdge[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const edges: ImportEdge[] = [];
  for (const statement of source.statements) {
    let specifier: ts.Expression | undefined;
    let typeOnly = false;
    if (ts.isImportDeclaration(statement)) {
      specifier = statement.moduleSpecifier;
      const clause = statement.importClause;
      const named = clause?.namedBindings;
      const allNamedTypes = named !== undefined && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
      typeOnly = clause !== undefined && (clause.isTypeOnly || (clause.name === undefined && allNamedTypes));
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier) {
      specifier = statement.moduleSpecifier;
      const named = statement.exportClause;
      typeOnly =
        statement.isTypeOnly || (named !== undefined && ts.isNamedExports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly));
    }
    if (!specifier || !ts.isStringLiteral(specifier)) continue;
    const text = specifier.text;
    if (text.startsWith('.')) {
      const target = relative(SRC, resolve(dirname(file), text)).replace(/\.js$/, '.ts');
      edges.push({ target, external: false, typeOnly });
    } else if (!text.startsWith('node:')) {
      edges.push({ target: packageName(text), external: true, typeOnly });
    }
  }
  return edges;
}

export function importGraph(): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const file of sourceFiles(SRC).sort()) graph.set(relative(SRC, file), edgesOf(file));
  return graph;
}

/** Every package a module loads at run time, following runtime (not type-only) project imports. */
export function runtimePackages(graph: ImportGraph, entry: string): { packages: Set<string>; via: Map<string, string> } {
  const packages = new Set<string>();
  const via = new Map<string, string>();
  const seen = new Set<string>([entry]);
  const queue = [entry];
  while (queue.length > 0) {
    const module = queue.shift()!;
    for (const edge of graph.get(module) ?? []) {
      if (edge.typeOnly) continue;
      if (edge.external) {
        if (!packages.has(edge.target)) via.set(edge.target, module);
        packages.add(edge.target);
      } else if (!seen.has(edge.target)) {
        seen.add(edge.target);
        queue.push(edge.target);
      }
    }
  }
  return { packages, via };
}

/** The import cycles among project modules (type-only imports included), one path per cycle found. */
export function importCycles(graph: ImportGraph): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  // Iterative depth-first search: the graph is ours, but a deep recursion is still a bad habit.
  for (const root of graph.keys()) {
    if (state.has(root)) continue;
    const frames: { module: string; next: number }[] = [{ module: root, next: 0 }];
    state.set(root, 'open');
    stack.push(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const edges = (graph.get(frame.module) ?? []).filter((e) => !e.external);
      if (frame.next >= edges.length) {
        state.set(frame.module, 'done');
        stack.pop();
        frames.pop();
        continue;
      }
      const target = edges[frame.next++]!.target;
      const seen = state.get(target);
      if (seen === 'open') cycles.push([...stack.slice(stack.indexOf(target)), target]);
      else if (seen === undefined && graph.has(target)) {
        state.set(target, 'open');
        stack.push(target);
        frames.push({ module: target, next: 0 });
      }
    }
  }
  return cycles;
}
