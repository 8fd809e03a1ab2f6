/**
 * A dimension's aggregation method, evaluated on its children's results (`AggregateIR`): on a
 * scale, `weakest_link` (PEFA M1: the lowest label, with its "+" step when any other child is
 * higher), `table` (PEFA M2: the children's labels, sorted highest first for an unordered table,
 * looked up row by row, else the table's `else`), `min` and `max` by order; without a scale,
 * `min`, `max` and `mean` of the children's shares of their weights. Children that are not
 * applicable are left out (PEFA's NA dimensions); a child with no label leaves the dimension
 * unrated, with the reason in its explanation. A label ranked as another (`"D*" = D`) counts as
 * that one, so an indicator's rating never carries the asterisk. Pure: reads what it is given.
 */
import type { AggregateIR } from '../compile/ir.js';
import { Num, ONE } from './num.js';
import type { TraceStep } from './result.js';

export interface AggregateInput {
  path: string;
  /** The child's label (scale methods) or null when it has none. */
  label: string | null;
  /** The child's share of its weight, points ÷ weight (numeric methods), or null. */
  share: Num | null;
}

export interface Aggregated {
  rating?: string | null;
  share?: Num | null;
  steps: TraceStep[];
}

/** Aggregates the applicable children; `inputs` is in the children's order. */
export function aggregate(ir: AggregateIR, inputs: AggregateInput[]): Aggregated {
  if (ir.method === 'mean' || ((ir.method === 'min' || ir.method === 'max') && !ir.scale)) return numeric(ir.method, inputs);
  const scale = 'scale' in ir && ir.scale ? ir.scale : [];
  const same = ('same' in ir && ir.same) || {};
  const norm = (l: string): string => (Object.hasOwn(same, l) ? same[l]! : l);
  const rank = (l: string): number => scale.indexOf(norm(l));
  const steps: TraceStep[] = [];
  const unrated = inputs.find((i) => i.label === null);
  if (unrated) {
    steps.push({ what: `${unrated.path} has no rating`, result: 'null' });
    return { rating: null, steps };
  }
  const labels = inputs.map((i) => norm(i.label!));
  if (labels.length === 0) return { rating: null, steps: [{ what: 'no applicable child', result: 'null' }] };
  const ranks = labels.map(rank);
  const lowest = labels[ranks.indexOf(Math.max(...ranks))]!;
  const highest = labels[ranks.indexOf(Math.min(...ranks))]!;
  switch (ir.method) {
    case 'min':
      steps.push({ what: `min of ${labels.join(', ')}`, result: lowest });
      return { rating: lowest, steps };
    case 'max':
      steps.push({ what: `max of ${labels.join(', ')}`, result: highest });
      return { rating: highest, steps };
    case 'weakest_link': {
      const higher = ranks.some((r) => r < rank(lowest));
      const plus = `${lowest}+`;
      const rating = higher && scale.includes(plus) ? plus : lowest;
      steps.push({
        what: `weakest link of ${labels.join(', ')}: lowest ${lowest}${higher ? (rating === plus ? ', another is higher → +' : `, another is higher but ${plus} is not on the scale`) : ''}`,
        result: rating,
      });
      return { rating, steps };
    }
    case 'table': {
      if (labels.length === 1) {
        steps.push({ what: `one applicable child: its rating ${labels[0]}`, result: labels[0]! });
        return { rating: labels[0]!, steps };
      }
      const keys = ir.table.unordered ? [...labels].sort((x, y) => rank(x) - rank(y)) : labels;
      const row = ir.table.rows.find((r) => r.keys.length === keys.length && r.keys.every((k, i) => k === keys[i]));
      const rating = row ? row.result : (ir.table.otherwise ?? null);
      const how = row ? 'row' : ir.table.otherwise !== undefined ? 'else' : 'no row and no else';
      steps.push({ what: `table ${ir.table.name} (${keys.join(', ')}): ${how}`, result: rating ?? 'null' });
      return { rating, steps };
    }
    default:
      return { rating: null, steps };
  }
}

function numeric(method: 'min' | 'max' | 'mean', inputs: AggregateInput[]): Aggregated {
  const shares = inputs.map((i) => i.share);
  if (shares.length === 0 || shares.some((s) => s === null)) return { share: null, steps: [{ what: `${method}: a child has no points`, result: 'null' }] };
  const xs = shares as Num[];
  let share = xs[0]!;
  if (method === 'mean')
    share = xs
      .slice(1)
      .reduce((a, b) => a.plus(b), share)
      .div(Num.fromNumber(xs.length));
  else for (const x of xs.slice(1)) share = method === 'min' ? (x.lt(share) ? x : share) : x.gt(share) ? x : share;
  return { share: share.gt(ONE) ? ONE : share, steps: [{ what: `${method} of shares ${xs.join(', ')}`, result: share.toString() }] };
}
