/**
 * Coverage of a rule set by its test cases: indicators no case scored, bands / levels / tiers no
 * case hit, grades no case produced and — when the recommendation stage was given — rules no
 * case fired. Accumulated over every case of every test file that uses the same rule set, so a
 * gap means no test anywhere exercises that branch.
 */
import type { RuleSetIR, NodeIR } from '../compile/ir.js';
import type { EvaluationResult } from '../engine/result.js';
import { printBand } from '../engine/print.js';
import type { Coverage } from './types.js';

export interface CoverageAcc {
  ir: RuleSetIR;
  files: Set<string>;
  scored: Set<string>;
  hits: Set<string>;
  grades: Set<string>;
  fired: Set<string>;
  withRules: boolean;
}

export function newAcc(ir: RuleSetIR): CoverageAcc {
  return { ir, files: new Set(), scored: new Set(), hits: new Set(), grades: new Set(), fired: new Set(), withRules: false };
}

export function accumulate(acc: CoverageAcc, file: string, r: EvaluationResult, withRules: boolean): void {
  acc.files.add(file);
  if (withRules) acc.withRules = true;
  if (r.grade !== null) acc.grades.add(r.grade);
  for (const i of r.indicators) {
    if (i.status === 'scored') acc.scored.add(i.path);
    for (const h of i.trace.hit ?? []) acc.hits.add(`${i.path}: ${h}`);
  }
  for (const rec of r.recommendations) acc.fired.add(rec.rule);
  for (const rec of r.recommendations) for (const from of rec.combined?.from ?? []) acc.fired.add(from);
}

function leaves(nodes: NodeIR[], out: Extract<NodeIR, { kind: 'indicator' }>[] = []): Extract<NodeIR, { kind: 'indicator' }>[] {
  for (const n of nodes) {
    if (n.kind === 'indicator') out.push(n);
    else leaves(n.children, out);
  }
  return out;
}

export function coverageOf(acc: CoverageAcc): Coverage {
  const inds = leaves(acc.ir.nodes);
  const branches: string[] = [];
  for (const i of inds) {
    const s = i.score;
    const labels =
      s.method === 'bands'
        ? s.bands.map((b) => b.label || printBand(b.condition))
        : s.method === 'rating'
          ? s.levels.map((l) => l.label)
          : s.method === 'tiers'
            ? s.tiers.map((t) => t.label)
            : [];
    for (const l of labels) if (!acc.hits.has(`${i.path}: ${l}`)) branches.push(`${i.path}: ${l}`);
  }
  const c: Coverage = {
    ruleset: acc.ir.name,
    files: [...acc.files],
    indicatorsNeverScored: inds.map((i) => i.path).filter((p) => !acc.scored.has(p)),
    branchesNeverHit: branches,
    gradesNeverProduced: acc.ir.grades.map((g) => g.label).filter((g) => !acc.grades.has(g)),
  };
  if (acc.withRules) c.rulesNeverFired = acc.ir.ruleBlocks.flatMap((b) => b.rules.map((r) => r.name)).filter((n) => !acc.fired.has(n));
  return c;
}
