/**
 * The checker: a registry of small named checks, each about one concern and each reporting
 * through the `accept` callback, run in a fixed order over one built framework. Name, type and
 * unit errors inside expressions are found while lowering (expr.ts, names.ts); everything that
 * needs the whole framework — weights, grades, bands, methods, cycles, rule blocks — is here.
 * Adding a check is adding one entry to `CHECKS`. Each check runs on its own: one that throws
 * (a compiler bug) costs only its own findings and is reported as CMP298 naming it, at the
 * framework's name, while every other check's findings still arrive.
 */
import type { Check, CheckInput } from './check-input.js';
import { walkNodes } from './model.js';
import { reportCycles } from './names.js';
import type { Dep } from './scope.js';
import { checkBands } from './bands.js';
import { checkGrades, checkSettings, checkVetoes } from './grades.js';
import { checkInputBounds } from './input-bounds.js';
import { checkMethods } from './methods.js';
import { checkLetDepth } from './let-depth.js';
import { checkRuleBlocks } from './rules.js';
import { checkRequires, checkWeights } from './weights.js';

export type { Check, CheckInput } from './check-input.js';

/** Cycles among lets and indicators (one graph: a let may read an indicator and vice versa). */
function checkCycles(c: CheckInput): void {
  // A dimension also depends on its children (its points are their sum).
  const deps = new Map<string, Dep[]>(c.env.facts.deps);
  walkNodes(c.rf.roots, (n) => {
    if (n.children.length === 0) return;
    const key = `node:${n.path.join('/')}`;
    const own = [...(deps.get(key) ?? [])];
    for (const ch of n.children) own.push({ to: `node:${ch.path.join('/')}`, file: ch.file, range: ch.decl.name.range });
    deps.set(key, own);
  });
  reportCycles(deps, c.accept, (k) => (k.startsWith('node:') ? k.slice(5).split('/').join('.') : k.slice(k.lastIndexOf(':') + 1)));
}

export const CHECKS: readonly Check[] = [
  { name: 'settings', run: checkSettings },
  { name: 'weights', run: checkWeights },
  { name: 'requires', run: checkRequires },
  { name: 'grades', run: checkGrades },
  { name: 'vetoes', run: checkVetoes },
  { name: 'methods', run: checkMethods },
  { name: 'bands', run: checkBands },
  { name: 'cycles', run: checkCycles },
  { name: 'let-depth', run: checkLetDepth },
  { name: 'rule-blocks', run: checkRuleBlocks },
  { name: 'input-bounds', run: checkInputBounds },
];

/**
 * Runs `checks` (the registry unless a test passes its own list) over one framework. A check
 * that throws keeps what it reported before throwing, like Langium's validation registry, and
 * adds one CMP298 at the framework's name quoting the check and the error.
 */
export function runChecks(c: CheckInput, checks: readonly Check[] = CHECKS): void {
  for (const check of checks) {
    try {
      check.run(c);
    } catch (err) {
      c.accept('CMP298', c.rf.file, c.rf.decl.name.range, { check: check.name, error: err instanceof Error ? err.message : String(err) });
    }
  }
}
