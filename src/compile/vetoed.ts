/**
 * `vetoed("重大违规")` in a rules block: true when that veto fired for the record. A veto fires
 * exactly when its condition holds, so the call compiles to the veto's own condition — the IR,
 * both rule evaluators (compiled and json-rules-engine) and the conformance between them are
 * unchanged, and a recommendation's `facts` list the data that made the veto fire. The one
 * difference from the scorecard's own decision: a veto condition that reads `total` reads, in a
 * rule, the final total (after every veto's effect), as everything in a rule does. The argument
 * is the veto's name, quoted or bare. Outside a rules block it is CMP257 (vetoes are decided
 * after scoring, so no score can depend on them); an unknown name is CMP256 with the veto meant.
 */
import type { Call } from '../dsl/ast.js';
import type { ExprCtx, Lowered } from './scope.js';
import { suggest } from './suggest.js';
import { ANY, BOOL } from './units.js';

/** Lowers a veto's condition again for each call, so its data reads are noted where it is used. */
export function lowerVetoed(e: Call, ctx: ExprCtx, lower: (x: Call['args'][number], c: ExprCtx) => Lowered): Lowered {
  const arg = e.args[0];
  const name =
    e.args.length !== 1 ? undefined : arg?.kind === 'string' ? arg.value : arg?.kind === 'ref' && arg.parts.length === 1 ? arg.parts[0]!.text : undefined;
  if (!ctx.rules) {
    ctx.env.accept('CMP257', ctx.file, e.range, {});
    return { ir: { kind: 'boolean', value: false }, ty: ANY };
  }
  const vetoes = ctx.env.fw.vetoes;
  const veto = name === undefined ? undefined : vetoes.find((v) => v.decl.name.text === name);
  if (!veto) {
    const names = vetoes.map((v) => v.decl.name.text);
    ctx.env.accept('CMP256', ctx.file, arg?.range ?? e.range, { name: name ?? '', known: names.join('、') || '—', suggestion: suggest(name ?? '', names) });
    return { ir: { kind: 'boolean', value: false }, ty: ANY };
  }
  const when = lower(veto.decl.when, { ...ctx, file: veto.file });
  return { ir: when.ir, ty: BOOL };
}
