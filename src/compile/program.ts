/**
 * Compiles a set of loaded (already parsed) files: resolves every framework's `extends`, attaches
 * the rule blocks of all files whose `for` is the framework or one of its ancestors, builds and
 * checks each framework, and finishes the IRs of the frameworks declared in entry files (data
 * schema, file list, hash). Every framework is checked, so a mistake in an imported parent is
 * reported too; diagnostics found through several frameworks are reported once, and "unused"
 * warnings only when a name is unused in every framework that has it. No IR is returned when any
 * error was found.
 */
import { posix } from 'node:path';
import type { Diagnostic } from '../common/diagnostic.js';
import { NO_RANGE, compareDiagnostics, hasErrors } from '../common/diagnostic.js';
import type { FrameworkDecl, RulesDecl, SharedMethodDecl } from '../dsl/ast.js';
import { capDiagnostics } from '../dsl/limits.js';
import { buildFramework } from './build.js';
import type { Check } from './check-input.js';
import { runChecks } from './checks.js';
import { buildDataSchema } from './data-schema.js';
import { resolveFrameworks } from './extends.js';
import { hashIR } from './hash.js';
import { IdGen } from './ids.js';
import type { RuleSetIR } from './ir.js';
import type { LoadedFile } from './load.js';
import type { Accept } from './messages.js';
import { makeDiagnostic } from './messages.js';
import { DEFAULT_LANG, type Lang } from '../common/lang.js';
import type { Item } from './model.js';
import { inRefused, refusedSpans } from './refused.js';
import { keepReadInputs } from './removed-inputs.js';
import { checkRulesTargets } from './rules.js';
import { checkScalesAndTables } from './aggregate.js';
import { applySharedMethods, reportUnusedTables } from './shared-methods.js';
import { COMPILE_TERMS } from './messages-terms.js';

export interface CompileResult {
  /** The selected rule set; undefined when there are errors. */
  ir?: RuleSetIR;
  /** One IR per framework declared in the entry files (empty when there are errors). */
  rulesets: RuleSetIR[];
  diagnostics: Diagnostic[];
}

export interface ProgramOptions {
  framework?: string;
  /** Language of the diagnostics (default Chinese). */
  lang?: Lang;
  /** The checks to run instead of the registry: a seam for tests (a deliberately failing check). */
  checks?: readonly Check[];
}

export function compileLoaded(files: readonly LoadedFile[], diagnostics: Diagnostic[], options: ProgramOptions = {}): CompileResult {
  const found: Diagnostic[] = [];
  const lang = options.lang ?? DEFAULT_LANG;
  const accept: Accept = (code, file, range, args) => found.push(makeDiagnostic(code, file, range, args, lang));
  const fwDecls: Item<FrameworkDecl>[] = [];
  const blocks: Item<RulesDecl>[] = [];
  for (const f of files) {
    for (const d of f.ast.declarations) {
      if (d.kind === 'framework') fwDecls.push({ decl: d, file: f.path });
      else blocks.push({ decl: d, file: f.path });
    }
  }
  const frameworks = resolveFrameworks(fwDecls, accept);
  // Named band tables and rating scales are filled in before anything reads a score method.
  const usedTables = new Set<SharedMethodDecl>();
  for (const rf of frameworks.values()) for (const t of applySharedMethods(rf, accept)) usedTables.add(t);
  for (const rf of frameworks.values())
    reportUnusedTables(
      rf.decl.sharedMethods.map((decl) => ({ decl, file: rf.file })),
      usedTables,
      accept,
    );
  checkRulesTargets(blocks, [...frameworks.keys()], accept);
  for (const f of files) checkScalesAndTables(f.ast, f.path, accept);

  const entryDir = posix.dirname((files.find((f) => f.entry)?.path ?? '').split('\\').join('/'));
  const relCache = new Map<string, string>();
  const rel = (p: string): string => {
    let r = relCache.get(p);
    if (r === undefined) {
      r = posix.relative(entryDir, p.split('\\').join('/')) || p;
      relCache.set(p, r);
    }
    return r;
  };
  const loadOrder = files.map((f) => f.path);
  const entryFrameworks = files
    .filter((f) => f.entry)
    .flatMap((f) => f.ast.declarations.filter((d): d is FrameworkDecl => d.kind === 'framework').map((d) => d.name.text));
  // An entry that holds only rule blocks and imports its frameworks (`import "project.ind"` then
  // `rules … for 项目支出`): the frameworks its blocks are for become the rule sets, else there
  // would be nothing to compile and nothing to name.
  if (entryFrameworks.length === 0) {
    for (const b of blocks) {
      const target = b.decl.for.text;
      if (files.some((f) => f.entry && f.path === b.file) && frameworks.has(target) && !entryFrameworks.includes(target)) entryFrameworks.push(target);
    }
  }

  // Unused warnings: key → [times unused, times present].
  const unused = new Map<string, { d: Diagnostic; unused: number; present: number }>();
  const built = new Map<string, RuleSetIR>();
  for (const rf of frameworks.values()) {
    const lineage = new Set([rf.name, ...rf.lineage]);
    const mine = blocks.filter((b) => lineage.has(b.decl.for.text));
    const ids = new IdGen(rel);
    const b = buildFramework(rf, mine, ids, accept);
    b.rf.inputs = keepReadInputs(b.rf.inputs, rf.removedReads, new Set(rf.decl.inputs), (key) => b.env.facts.used.has(`input:${key}`));
    runChecks({ rf: b.rf, ir: b.ir, env: b.env, scope: b.scope, blocks: b.blocks, accept }, options.checks);
    const syms = [...b.scope.values(), ...b.blocks.flatMap((x) => [...x.scope.values()].filter((s) => s.key.startsWith(`${x.ir.id}/`)))];
    // Keyed by position: the same declaration seen through several frameworks is one entry.
    const note = (used: boolean, d: Diagnostic): void => {
      const k = `${d.file}:${d.range.start.offset}`;
      const e = unused.get(k) ?? { d, unused: 0, present: 0 };
      e.present++;
      if (!used) e.unused++;
      unused.set(k, e);
    };
    for (const s of syms) {
      note(b.env.facts.used.has(s.key), makeDiagnostic('CMP217', s.item.file, s.item.decl.name.range, { what: s.kind, name: s.name }, lang));
    }
    for (const i of b.rf.inputs) {
      const key = i.decl.path.segments.join('.');
      note(b.env.facts.used.has(`input:${key}`), makeDiagnostic('CMP217', i.file, i.decl.path.range, { what: 'input', name: `data.${key}` }, lang));
    }
    // Only frameworks of the entry files become rule sets; imported parents are just checked.
    if (!entryFrameworks.includes(rf.name)) continue;
    b.ir.dataSchema = buildDataSchema(b.env.facts.data.values(), b.rf.inputs, rf.name, b.scope);
    const used = new Set(Object.values(b.ir.sourceMap).map((l) => l.file));
    b.ir.files = loadOrder.map(rel).filter((f) => used.has(f));
    b.ir.hash = hashIR(b.ir);
    built.set(rf.name, b.ir);
  }
  for (const e of unused.values()) if (e.unused === e.present) found.push(e.d);

  // One mistake, one message: a line with a syntax error gets no follow-on semantic report.
  const syntaxLines = new Set(diagnostics.filter((d) => d.code.startsWith('DSL')).map((d) => `${d.file}:${d.range.start.line}`));
  // Nor does a declaration whose formula or path was refused by a size limit (refused.ts).
  const refused = refusedSpans(files, diagnostics);
  const semantic = found.filter((d) => !syntaxLines.has(`${d.file}:${d.range.start.line}`) && !inRefused(refused, d));
  // A damaged file can hold thousands of mistakes: the first 200 of each file and a count (DSL115).
  const all = capDiagnostics(dedupe([...diagnostics, ...semantic]).sort(compareDiagnostics), lang);
  if (hasErrors(all)) return { rulesets: [], diagnostics: all };
  const rulesets = entryFrameworks.map((n) => built.get(n)).filter((x): x is RuleSetIR => x !== undefined);
  const chosen = options.framework !== undefined ? rulesets.find((r) => r.name === options.framework) : rulesets[rulesets.length - 1];
  if (options.framework !== undefined && !chosen) {
    const d = makeDiagnostic(
      'CMP224',
      files.find((f) => f.entry)?.path ?? '<input>',
      NO_RANGE,
      { name: options.framework, known: rulesets.map((r) => r.name).join('、') || COMPILE_TERMS.none },
      lang,
    );
    return { rulesets, diagnostics: [...all, d] };
  }
  const result: CompileResult = { rulesets, diagnostics: all };
  if (chosen) result.ir = chosen;
  return result;
}

function dedupe(ds: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const k = `${d.code}|${d.file}|${d.range.start.offset}|${d.range.end.offset}|${d.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
