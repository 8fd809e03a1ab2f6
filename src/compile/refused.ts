/**
 * One mistake, one message, for input refused by a size limit: a formula nested too deeply
 * (DSL112) or a path too long (DSL113) is left out of the AST, so the checks would go on to say
 * what its absence implies ("proportional scoring needs a value"). `refusedSpans` finds, for each
 * such diagnostic, the innermost declaration holding it (an indicator, a let, a rule, …), and
 * the program drops the checks' findings inside those spans. The walk only enters nodes whose
 * range holds a refusal, so it costs the depth of the tree, not its size.
 */
import type { Diagnostic } from '../common/diagnostic.js';
import type { FileAst } from '../dsl/ast.js';
import { DSL } from '../dsl/messages.js';

/** Declarations whose findings go with a refusal inside them. */
const HOLDERS = new Set(['indicator', 'dimension', 'let', 'param', 'veto', 'require', 'input', 'rule', 'line', 'combine']);
const REFUSALS: ReadonlySet<string> = new Set([DSL.formulaTooDeep, DSL.pathTooLong]);

interface Ranged {
  kind?: unknown;
  range?: { start: { offset: number }; end: { offset: number } };
}

export type Spans = Map<string, [number, number][]>;

/** Per file, the offset spans of the declarations that hold a refused formula or path. */
export function refusedSpans(files: readonly { path: string; ast: FileAst }[], syntax: readonly Diagnostic[]): Spans {
  const out: Spans = new Map();
  for (const d of syntax) {
    if (!REFUSALS.has(d.code)) continue;
    const file = files.find((f) => f.path === d.file);
    const holder = file && innermost(file.ast, d.range.start.offset);
    if (!holder?.range) continue;
    const list = out.get(d.file) ?? [];
    list.push([holder.range.start.offset, holder.range.end.offset]);
    out.set(d.file, list);
  }
  return out;
}

export function inRefused(spans: Spans, d: Diagnostic): boolean {
  const list = spans.get(d.file);
  return list !== undefined && list.some(([a, b]) => d.range.start.offset >= a && d.range.start.offset < b);
}

/** The innermost declaration (of `HOLDERS`) whose range holds `offset`, walking only down such ranges. */
function innermost(root: unknown, offset: number): Ranged | undefined {
  let found: Ranged | undefined;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (const x of node) stack.push(x);
      continue;
    }
    if (!node || typeof node !== 'object') continue;
    const r = (node as Ranged).range;
    if (r && (offset < r.start.offset || offset >= r.end.offset)) continue;
    const kind = (node as Ranged).kind;
    if (r && typeof kind === 'string' && HOLDERS.has(kind) && (!found?.range || r.start.offset >= found.range.start.offset)) found = node as Ranged;
    for (const [k, v] of Object.entries(node)) if (k !== 'range' && v && typeof v === 'object') stack.push(v);
  }
  return found;
}
