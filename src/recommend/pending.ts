/**
 * A record's recommendations while they are built, in output order: actions.ts appends each
 * fired rule's, straight into the list when nothing merges them, else into their combine's
 * group, which holds the place of its first member until combine.ts merges it. Also the two
 * formats money and percentages are written in. Below both files, so neither imports the other.
 */
import type { Recommendation } from '../engine/result.js';
import type { Num } from '../engine/num.js';
import type { CombinePlan } from './output-plan.js';

/** A recommendation a combine merges, with what merging needs. */
export interface PendingRecommendation {
  rec: Recommendation;
  blockIndex: number;
  /** Exact values, for combination. */
  amount: Num | null;
  percentage: Num | null;
  base: Num | null;
}

export function formatMoney(d: Num): string {
  return d.toFixed(2);
}

export function formatPercentage(d: Num): string {
  return d.decimalPlaces() < 2 ? d.toFixed(2) : d.toFixed();
}

/** The members of one combine met so far in a record, and the output position they take. */
export interface Group {
  combine: CombinePlan;
  members: PendingRecommendation[];
  at: number;
}

/** A record's recommendations so far; a group's place in `recs` is empty until merged. */
export interface Output {
  recs: Recommendation[];
  groups: Group[] | undefined;
}

/** Adds a recommendation that `combine` merges to its group. */
export function addCombined(o: Output, p: PendingRecommendation, combine: CombinePlan): void {
  // A record fires few combine targets: a scan beats a map.
  const groups = (o.groups ??= []);
  for (let i = 0; i < groups.length; i++) {
    if (groups[i]!.combine === combine) {
      groups[i]!.members.push(p);
      return;
    }
  }
  groups.push({ combine, members: [p], at: o.recs.length });
  o.recs.push(undefined as unknown as Recommendation);
}
