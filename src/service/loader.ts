/**
 * Builds one registry snapshot from a rules directory: every `*.ind` file under it is compiled
 * together (so rule blocks in policy files attach to the frameworks they are written for), one
 * prepared rule set per framework, keyed by name. A file whose compile reports errors is left
 * out and recorded as a failure with its diagnostics; the files that still compile are
 * compiled again without it (a bounded loop: at most one round per file). A rule set whose last
 * good version read a failing file keeps that last good version, so a broken edit never
 * replaces what is being served. Each rule set is then compiled once more from only the files it
 * reads, so its hash is the one `jixiao compile` prints for those files. The result is a fresh immutable snapshot; swapping it in is
 * the caller's single reference assignment.
 */
import { dirname, resolve } from 'node:path';
import type { Diagnostic } from '../common/diagnostic.js';
import type { RuleSetIR } from '../compile/ir.js';
import type { PreparedRuleSet, Toolchain } from './toolchain.js';
import { MSG } from './messages.js';
import { loadDeclarations, type LoadedDeclaration } from './declarations.js';
import { listRuleFiles } from './rule-files.js';

export interface LoadedRuleSet {
  name: string;
  version: string;
  hash: string;
  title: string | null;
  prepared: PreparedRuleSet;
  /**
   * Absolute paths of the files this version was compiled from, in compile order: `jixiao
   * compile <these files> --framework <name>` prints the same IR and hash.
   */
  files: string[];
  /** When this version was first loaded (ISO time); kept when a reload leaves it unchanged. */
  loadedAt: string;
}

export interface LoadFailure {
  /** Absolute path of the failing file ('' when the failure is not tied to one file). */
  file: string;
  diagnostics: Diagnostic[];
  /** Rule sets still served at their last good version because of this failure. */
  keeping: { name: string; hash: string }[];
}

export interface RegistrySnapshot {
  /** Increases by one with every completed load. */
  generation: number;
  loadedAt: string;
  rulesets: ReadonlyMap<string, LoadedRuleSet>;
  /** The loop's declarations (roll-up, sampling, allocation) by name, checked against the rule sets. */
  declarations: ReadonlyMap<string, LoadedDeclaration>;
  failures: LoadFailure[];
}

export const EMPTY_SNAPSHOT: RegistrySnapshot = { generation: 0, loadedAt: '', rulesets: new Map(), declarations: new Map(), failures: [] };

/** Maps a diagnostic's file (absolute, cwd-relative or rules-dir-relative) to a listed file. */
function fileOf(d: Diagnostic, dir: string, known: ReadonlySet<string>): string | null {
  for (const candidate of [resolve(d.file), resolve(dir, d.file)]) if (known.has(candidate)) return candidate;
  return null;
}

/**
 * The IR's `files` resolved to absolute listed paths, in the IR's (load) order. They are relative
 * to the folder of the first entry, which is `entries[0]` when compiled from `entries`.
 */
function filesInOrder(ir: RuleSetIR, dir: string, entries: readonly string[], known: ReadonlySet<string>): string[] {
  const bases = [...new Set([...entries.slice(0, 1), ...entries].map((e) => dirname(e))), dir];
  const out = new Set<string>();
  for (const f of ir.files) {
    for (const base of bases) {
      const abs = resolve(base, f);
      if (known.has(abs)) {
        out.add(abs);
        break;
      }
    }
  }
  return [...out];
}

/**
 * The rule set as `jixiao compile <its files, in order> --framework <name>` compiles it. The
 * folder-wide compile finds which files a framework reads, but its IR's `files` are relative to
 * the folder of the first file in the whole folder, so its hash would change when an unrelated
 * file is added in an earlier folder and no command line over the rule set's own files could
 * reproduce it. Compiling again from exactly those files gives the IR (and hash) the CLI gives.
 * Falls back to the folder-wide IR only if that second compile unexpectedly disagrees.
 */
async function compileOwnFiles(toolchain: Toolchain, ir: RuleSetIR, files: string[]): Promise<{ ir: RuleSetIR; entries: string[] }> {
  if (files.length === 0) return { ir, entries: files };
  const out = await toolchain.compileFiles(files);
  const own = out.rulesets.find((r) => r.name === ir.name);
  if (own === undefined || out.diagnostics.some((d) => d.severity === 'error')) return { ir, entries: files };
  return { ir: own, entries: files };
}

interface CleanCompile {
  rulesets: RuleSetIR[];
  entries: string[];
  failures: Map<string, Diagnostic[]>;
  warnings: Diagnostic[];
}

async function compileClean(toolchain: Toolchain, dir: string, files: string[]): Promise<CleanCompile> {
  const known = new Set(files);
  const failures = new Map<string, Diagnostic[]>();
  let entries = [...files];
  // Each round removes at least one entry or stops, so this runs at most files.length + 1 times.
  for (let round = 0; round <= files.length && entries.length > 0; round++) {
    const out = await toolchain.compileFiles(entries);
    const errors = out.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length === 0) return { rulesets: out.rulesets, entries, failures, warnings: out.diagnostics };
    const bad = new Set<string>();
    for (const d of errors) {
      const f = fileOf(d, dir, known);
      if (f !== null && entries.includes(f)) {
        bad.add(f);
        failures.set(f, [...(failures.get(f) ?? []), d]);
      }
    }
    if (bad.size === 0) {
      // The errors sit in files outside the entry list (imports from elsewhere): find the
      // entries that fail on their own.
      for (const entry of entries) {
        const single = await toolchain.compileFiles([entry]);
        const own = single.diagnostics.filter((d) => d.severity === 'error');
        if (own.length > 0) {
          bad.add(entry);
          failures.set(entry, own);
        }
      }
      if (bad.size === 0) {
        // Each file compiles alone but not together (e.g. a duplicate framework name).
        failures.set('', errors);
        return { rulesets: [], entries: [], failures, warnings: [] };
      }
    }
    entries = entries.filter((e) => !bad.has(e));
  }
  return { rulesets: [], entries: [], failures, warnings: [] };
}

export interface LoadOptions {
  toolchain: Toolchain;
  dir: string;
  previous: RegistrySnapshot;
  now: () => Date;
}

/** Compiles the rules directory into the next snapshot. Never throws for user-caused errors. */
export async function loadSnapshot(options: LoadOptions): Promise<RegistrySnapshot> {
  const { toolchain, previous } = options;
  const dir = resolve(options.dir);
  const files = listRuleFiles(dir);
  const known = new Set(files);
  const loadedAt = options.now().toISOString();
  const clean = await compileClean(toolchain, dir, files);
  const failedFiles = new Set(clean.failures.keys());

  const next = new Map<string, LoadedRuleSet>();
  const prepareFailures: LoadFailure[] = [];
  for (const folderIr of clean.rulesets) {
    const own = await compileOwnFiles(toolchain, folderIr, filesInOrder(folderIr, dir, clean.entries, known));
    const ir = own.ir;
    const prior = previous.rulesets.get(ir.name);
    if (prior !== undefined && prior.hash === ir.hash) {
      next.set(ir.name, prior); // unchanged: keep the prepared evaluator and its load time
      continue;
    }
    try {
      const prepared = toolchain.prepare(ir);
      next.set(ir.name, {
        name: ir.name,
        version: ir.version,
        hash: ir.hash,
        title: ir.meta.title ?? ir.label ?? null,
        prepared,
        files: own.entries,
        loadedAt,
      });
    } catch (err) {
      // A library bug while preparing must not take the other rule sets down with it.
      prepareFailures.push({ file: '', diagnostics: [internalDiagnostic(ir, err)], keeping: [] });
    }
  }

  // Last good versions that touched a failing file stay in service.
  const keeping = new Map<string, { name: string; hash: string }[]>();
  for (const prior of previous.rulesets.values()) {
    const broken = prior.files.filter((f) => failedFiles.has(f));
    // A rule set that vanished while some file fails is presumed lost to that failure (its
    // files may not be attributable); a rule set gone with no failure was deleted on purpose.
    const vanished = failedFiles.size > 0 && !next.has(prior.name);
    if (broken.length === 0 && !vanished) continue;
    next.set(prior.name, prior);
    for (const f of broken.length > 0 ? broken : [...failedFiles]) {
      keeping.set(f, [...(keeping.get(f) ?? []), { name: prior.name, hash: prior.hash }]);
    }
  }

  const sorted = new Map([...next.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const loop = loadDeclarations(toolchain, dir, sorted);
  const failures: LoadFailure[] = [...clean.failures.entries()]
    .map(([file, diagnostics]) => ({ file, diagnostics, keeping: keeping.get(file) ?? [] }))
    .concat(prepareFailures, loop.failures)
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { generation: previous.generation + 1, loadedAt, rulesets: sorted, declarations: loop.declarations, failures };
}

function internalDiagnostic(ir: RuleSetIR, err: unknown): Diagnostic {
  return {
    code: 'SRV700',
    severity: 'error',
    message: MSG.prepareFailed(ir.name, err instanceof Error ? err.message : String(err)),
    file: ir.files[0] ?? '<ir>',
    range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } },
  };
}
