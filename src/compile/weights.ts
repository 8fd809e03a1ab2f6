/**
 * Weight checks: every indicator has a weight (CMP303) that is a positive number of points
 * (CMP304); a dimension's children add up to its weight (CMP301) and the top level to the
 * framework's scale (CMP302), both numbers quoted; an empty dimension can never earn its points
 * (CMP324, warning); `require` share rules such as `产出 + 效益 >= 60` hold (CMP305). Sums are
 * exact (decimal.js), so 33.3 + 33.3 + 33.4 is 100.
 */
import { Decimal } from './decimal.js';
import type { CheckInput } from './check-input.js';
import type { NodeIR } from './ir.js';
import type { RNode } from './model.js';
import { findBySuffix } from './model.js';
import { slotNumber } from './slots.js';
import { suggest } from './suggest.js';

function weightOf(n: RNode): Decimal | undefined {
  // An invalid weight (40%, reported as CMP304) must not also throw every sum above it off.
  if (n.weight) return n.weight.decl.unit === null || n.weight.decl.unit === 'score' ? new Decimal(n.weight.decl.value) : undefined;
  if (n.kind === 'dimension' && n.children.length > 0) {
    const parts = n.children.map(weightOf);
    return parts.every((p) => p !== undefined) ? Decimal.sum(...(parts as Decimal[])) : undefined;
  }
  return undefined;
}

function checkSum(children: readonly RNode[], expected: Decimal, report: (sum: Decimal) => void): void {
  const parts = children.map(weightOf);
  if (parts.some((p) => p === undefined) || parts.length === 0) return;
  const sum = Decimal.sum(...(parts as Decimal[]));
  if (!sum.eq(expected)) report(sum);
}

/** Whether the dimension at `path` is aggregated by shares (mean, or min/max off a scale). */
function sharesAggregated(nodes: readonly NodeIR[], path: string): boolean {
  for (const x of nodes) {
    if (x.kind !== 'dimension') continue;
    if (x.path === path)
      return (
        x.aggregate !== undefined && (x.aggregate.method === 'mean' || ((x.aggregate.method === 'min' || x.aggregate.method === 'max') && !x.aggregate.scale))
      );
    if (path.startsWith(`${x.path}/`)) return sharesAggregated(x.children, path);
  }
  return false;
}

export function checkWeights(c: CheckInput): void {
  const { rf, accept } = c;
  const sums = !rf.broken;
  const visit = (n: RNode): void => {
    const w = n.weight;
    // A weight by a param that could not be resolved was reported there (slots.ts).
    if (!w && !n.weightRef && n.kind === 'indicator') accept('CMP303', n.file, n.decl.name.range, { name: n.name });
    if (w) {
      const v = new Decimal(w.decl.value);
      const unitOk = w.decl.unit === null || w.decl.unit === 'score';
      if (!v.gt(0) || !unitOk) accept('CMP304', w.file, w.decl.range, { name: n.name, weight: w.decl.text });
    }
    if (n.kind === 'dimension') {
      if (n.children.length === 0) {
        accept('CMP324', n.file, n.decl.name.range, { name: n.name, weight: w?.decl.text ?? '0' });
        return;
      }
      // `aggregate mean|min|max` of shares scores the dimension by its children's shares of their
      // own weights, so those weights need not add up to the dimension's (PART: questions equal).
      // min/max on a scale rate by labels and keep the sum, so their weights must still add up.
      const byShares = sharesAggregated(c.ir.nodes, n.path.join('/'));
      if (w && sums && !byShares) {
        const expected = new Decimal(w.decl.value);
        checkSum(n.children, expected, (sum) => {
          // Point at what the latest framework wrote: a changed weight, a merge, or the name.
          const at =
            w.file !== n.file
              ? { file: w.file, range: w.decl.range }
              : n.mergedAt
                ? { file: n.mergedAt.file, range: n.mergedAt.decl.range }
                : { file: n.file, range: n.decl.name.range };
          accept('CMP301', at.file, at.range, { name: n.name, sum: sum.toString(), weight: expected.toString(), diff: sum.minus(expected).abs().toString() });
        });
      }
      n.children.forEach(visit);
    }
  };
  rf.roots.forEach(visit);
  const scale = new Decimal(c.ir.settings.scale);
  if (rf.roots.length > 0 && sums && scale.gt(0)) {
    checkSum(rf.roots, scale, (sum) => {
      accept('CMP302', rf.file, rf.decl.name.range, { name: rf.name, sum: sum.toString(), weight: scale.toString(), diff: sum.minus(scale).abs().toString() });
    });
  }
}

export function checkRequires(c: CheckInput): void {
  const { rf, accept } = c;
  for (const { decl, file } of rf.requires) {
    let sum = new Decimal(0);
    let known = true;
    for (const name of decl.names) {
      const found = findBySuffix(rf.roots, name.text.split('.'));
      if (found.length !== 1) {
        known = false;
        if (found.length === 0) {
          accept('CMP202', file, name.range, {
            name: name.text,
            suggestion: suggest(
              name.text,
              c.env.nodes.map((n) => n.name),
            ),
          });
        } else {
          accept('CMP209', file, name.range, { name: name.text, candidates: found.map((n) => n.path.join('.')).join('、') });
        }
        continue;
      }
      const w = weightOf(found[0]!);
      if (w) sum = sum.plus(w);
      else known = false;
    }
    const lit = slotNumber(decl.value);
    if (!known || !lit) continue;
    const v = new Decimal(lit.value);
    const ok = decl.op === '>=' ? sum.gte(v) : decl.op === '<=' ? sum.lte(v) : sum.eq(v);
    if (!ok) {
      accept('CMP305', file, decl.range, { names: decl.names.map((n) => n.text).join(' + '), op: decl.op, value: lit.text, sum: sum.toString() });
    }
  }
}
