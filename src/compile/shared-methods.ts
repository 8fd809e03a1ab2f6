/**
 * Band tables and rating scales declared once and used by name. A framework may declare
 * `bands 满意度档 { … }` or `rating 评审档 { … }` (inherited through `extends`, a child's own
 * declaration of a name replacing the parent's), and an indicator scores with
 * `score bands 满意度档` or `score rating data.q by 评审档`. Each use is replaced, in that
 * framework's own node, by the method with the table's bands or levels, exactly as if they had
 * been written there — so the band checks, the lowering and the IR do not know tables exist, and
 * an award in points or a share of the weight means the same for every indicator that uses it.
 * A name no table has is CMP252 (with the table meant), a rating scale used as bands or the other
 * way round CMP253, a table that no indicator uses CMP254 (warning).
 */
import type { IndicatorDecl, SharedMethodDecl } from '../dsl/ast.js';
import type { Accept } from './messages.js';
import type { RFramework } from './model.js';
import { isIndicator, walkNodes } from './model.js';
import { suggest } from './suggest.js';

/** Fills every use of a named table in `rf`'s tree; reports unknown and mismatched names. */
export function applySharedMethods(rf: RFramework, accept: Accept): Set<SharedMethodDecl> {
  const byName = new Map(rf.sharedMethods.map((t) => [t.decl.name.text, t]));
  const used = new Set<SharedMethodDecl>();
  walkNodes(rf.roots, (n) => {
    if (!isIndicator(n)) return;
    const score = n.decl.score;
    if (!score || (score.method !== 'bands' && score.method !== 'rating') || !score.table) return;
    const ref = score.table;
    const table = byName.get(ref.text);
    const want = score.method === 'bands' ? 'sharedBands' : 'sharedRating';
    if (!table) {
      const names = rf.sharedMethods.filter((t) => t.decl.kind === want).map((t) => t.decl.name.text);
      accept('CMP252', n.file, ref.range, { name: ref.text, method: score.method, suggestion: suggest(ref.text, names) });
      return;
    }
    used.add(table.decl);
    if (table.decl.kind !== want) {
      accept('CMP253', n.file, ref.range, { name: ref.text, method: score.method, declared: table.decl.kind === 'sharedBands' ? 'bands' : 'rating' });
      return;
    }
    const filled: IndicatorDecl['score'] =
      score.method === 'bands' && table.decl.kind === 'sharedBands'
        ? { ...score, bands: table.decl.bands }
        : score.method === 'rating' && table.decl.kind === 'sharedRating'
          ? { ...score, levels: table.decl.levels }
          : score;
    n.decl = { ...n.decl, score: filled };
  });
  return used;
}

/** CMP254 for the tables a framework declares itself and none of its frameworks uses. */
export function reportUnusedTables(own: readonly { decl: SharedMethodDecl; file: string }[], used: ReadonlySet<SharedMethodDecl>, accept: Accept): void {
  for (const t of own) if (!used.has(t.decl)) accept('CMP254', t.file, t.decl.name.range, { name: t.decl.name.text });
}
