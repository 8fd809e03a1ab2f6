/**
 * The house's shape, checked on the sources: phases import only phases below them, no module
 * imports itself back through others (type-only imports count: they are arrows too), and each
 * published entry loads only the packages it promises. A failure names the modules involved.
 */
import { describe, expect, it } from 'vitest';
import { importCycles, importGraph, runtimePackages } from './import-graph.js';

/**
 * Folders from the bottom of the pipeline up; a module may import its own folder and any folder
 * listed before it. `index.ts` (the package entry) sits on top with the doors.
 */
const LAYERS = ['common', 'dsl', 'compile', 'fmt', 'data', 'engine', 'recommend', 'pipeline', 'rollup', 'report', 'testing', 'service', 'cli', 'index.ts'];

/** Entry points and the optional packages each must never load when imported. */
const ENTRY_LOADS_NOT: Record<string, string[]> = {
  'index.ts': ['exceljs', 'fastify', 'tsx'],
  'report/index.ts': ['exceljs', 'fastify', 'tsx'],
  'report/xlsx.ts': ['fastify', 'tsx'],
  'service/index.ts': ['exceljs', 'tsx'],
  'cli/main.ts': ['ajv', 'chevrotain', 'exceljs', 'fastify', 'json-rules-engine', 'tsx'],
  'cli/commands/check.ts': ['exceljs', 'fastify', 'tsx'],
  'cli/commands/eval.ts': ['exceljs', 'fastify', 'tsx'],
};

const graph = importGraph();
const folderOf = (module: string): string => (module.includes('/') ? module.split('/')[0]! : module);

describe('architecture of src/', () => {
  it('knows every folder', () => {
    const unknown = [...new Set([...graph.keys()].map(folderOf))].filter((f) => !LAYERS.includes(f));
    expect(unknown, 'add new folders to LAYERS in their place in the pipeline').toEqual([]);
  });

  it('imports only down the pipeline', () => {
    const upward: string[] = [];
    for (const [module, edges] of graph) {
      const from = LAYERS.indexOf(folderOf(module));
      for (const edge of edges) {
        if (edge.external) continue;
        const to = LAYERS.indexOf(folderOf(edge.target));
        if (to > from) upward.push(`${module} → ${edge.target}${edge.typeOnly ? ' (type)' : ''}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('has no import cycles, type-only imports included', () => {
    expect(importCycles(graph).map((cycle) => cycle.join(' → '))).toEqual([]);
  });

  it('loads chevrotain at run time only through dsl/chevrotain.ts (one copy of its classes)', () => {
    const direct = [...graph].filter(
      ([module, edges]) => module !== 'dsl/chevrotain.ts' && edges.some((e) => e.external && e.target === 'chevrotain' && !e.typeOnly),
    );
    expect(direct.map(([module]) => module)).toEqual([]);
  });

  it.each(Object.entries(ENTRY_LOADS_NOT))('%s loads none of its forbidden packages', (entry, forbidden) => {
    expect(graph.has(entry), entry).toBe(true);
    const { packages, via } = runtimePackages(graph, entry);
    const loaded = forbidden.filter((p) => packages.has(p)).map((p) => `${p} (imported by ${via.get(p)})`);
    expect(loaded).toEqual([]);
  });
});
