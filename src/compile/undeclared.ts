/**
 * A data path that is not declared but is one slip away from a declared input
 * (`data.effect.visiters` beside `input data.effect.visitors`) is CMP233: left alone it compiles,
 * the indicator reads a field no record has and silently gets no data. The declared set is the
 * framework's `input`s, its own and those inherited through `extends` (imports add none by
 * themselves); rule blocks see the inputs of the framework they are compiled into. Paths that are
 * declared, or lie under a declared `list` input (`data.items[].x`), are never reported, and an
 * undeclared path that is not close to any input stays legal (its type is inferred from use), so
 * frameworks that declare only some of their fields keep compiling. "Close" means: the same
 * number of segments, all equal but one, and that one within a quarter of its length (at least
 * one edit) of the declared segment — `passed` is not a slip of `planned`. Bounded: the distance is
 * computed only inside that limit (suggest.ts), over inputs of the same depth.
 */
import { boundedDistance, suggest } from './suggest.js';
import type { ExprCtx } from './scope.js';
import type { DataPath } from '../dsl/ast.js';

export function checkUndeclared(e: DataPath, ctx: ExprCtx): void {
  const inputs = ctx.env.inputs;
  if (inputs.size === 0) return;
  const segs = e.segments;
  for (let i = 1; i <= segs.length; i++) if (inputs.has(segs.slice(0, i).join('.'))) return;
  const near: string[] = [];
  for (const key of inputs.keys()) {
    const other = key.split('.');
    if (other.length === segs.length && oneSlip(segs, other)) near.push(key);
  }
  if (near.length === 0) return;
  const path = segs.join('.');
  const best = suggest(path, near) ?? near[0]!;
  ctx.env.accept('CMP233', ctx.file, e.range, { path: `data.${path}`, suggestion: `data.${best}` });
}

function oneSlip(a: readonly string[], b: readonly string[]): boolean {
  let diff = -1;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (diff !== -1) return false;
    diff = i;
  }
  if (diff === -1) return false;
  const s = Array.from(a[diff]!);
  const t = Array.from(b[diff]!);
  const limit = Math.max(1, Math.floor(Math.max(s.length, t.length) / 4));
  return boundedDistance(s, t, limit) <= limit;
}
