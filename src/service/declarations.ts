/**
 * The loop's declaration files in the rules folder: every `*.yaml` / `*.yml` under it (test
 * files excepted) whose first key says it is a roll-up (`rollup:`), a re-check sampling
 * (`sample:`) or a special-fund factor file (`fund:` with `factors:`) is read and checked by the
 * toolchain with each reload, and served under its file name without the extension
 * (`rollup-department`). A roll-up is tied to the loaded rule set that reads its entity's rules
 * file (and framework): the service scores entities with that rule set, as `jixiao rollup`
 * scores them with the declaration's files. A declaration that does not check, names a rule set
 * that is not loaded, or repeats another's name is a load failure with its diagnostics (shown by
 * /ready) and is not served; other YAML files are not declarations and are left alone.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, extname, relative } from 'node:path';
import { render } from '../common/catalogue.js';
import type { Diagnostic } from '../common/diagnostic.js';
import { DEFAULT_LANG } from '../common/lang.js';
import { listRuleFiles } from './rule-files.js';
import { SERVICE_MESSAGES } from './messages.js';
import type { LoopDeclaration, LoopKind, Toolchain } from './toolchain.js';

export interface LoadedDeclaration {
  name: string;
  kind: LoopKind;
  title: string;
  /** Absolute path of the declaration file. */
  file: string;
  /** sha-256 of the file's bytes: the decision log cites it, so a step can be replayed from files. */
  hash: string;
  /** For a roll-up, the loaded rule set its entities are scored with. */
  ruleset?: string;
  declaration: LoopDeclaration;
}

/** What a declaration needs of a loaded rule set (kept structural: loader.ts imports this file). */
interface ServedRuleSet {
  name: string;
  files: readonly string[];
}

/** A declaration that could not be served, in the shape of the loader's load failures. */
interface DeclarationFailure {
  file: string;
  diagnostics: Diagnostic[];
  keeping: { name: string; hash: string }[];
}

const isDeclarationFile = (name: string): boolean => /\.ya?ml$/.test(name) && !/\.test\.ya?ml$/.test(name);

function failureAt(file: string, key: 'loopEntityMissing' | 'loopDuplicateName', args: Record<string, string>): DeclarationFailure {
  const { message, hint } = render(SERVICE_MESSAGES, key, args, DEFAULT_LANG);
  const at = { line: 1, column: 1, offset: 0 };
  const diagnostic: Diagnostic = { code: key === 'loopEntityMissing' ? 'SRV711' : 'SRV712', severity: 'error', message, file, range: { start: at, end: at } };
  return { file, diagnostics: [hint === undefined ? diagnostic : { ...diagnostic, hint }], keeping: [] };
}

/** The roll-up's entity rule set: the loaded one of its framework that reads its rules file. */
function entityRuleset(decl: LoopDeclaration, rulesets: ReadonlyMap<string, ServedRuleSet>): ServedRuleSet | undefined {
  const entity = decl.entity;
  if (entity === undefined) return undefined;
  const reading = [...rulesets.values()].filter((r) => r.files.includes(entity.rules) && entity.policy.every((p) => r.files.includes(p)));
  if (entity.framework !== undefined) return reading.find((r) => r.name === entity.framework);
  return reading.length === 1 ? reading[0] : undefined;
}

export function loadDeclarations(
  toolchain: Toolchain,
  dir: string,
  rulesets: ReadonlyMap<string, ServedRuleSet>,
): { declarations: ReadonlyMap<string, LoadedDeclaration>; failures: DeclarationFailure[] } {
  const declarations = new Map<string, LoadedDeclaration>();
  const failures: DeclarationFailure[] = [];
  const loop = toolchain.loop;
  if (loop === undefined) return { declarations, failures };
  for (const file of listRuleFiles(dir, isDeclarationFile)) {
    const read = loop.readDeclaration(file);
    if (read === undefined) continue;
    const errors = read.diagnostics.filter((d) => d.severity === 'error');
    if (read.declaration === undefined || errors.length > 0) {
      failures.push({ file, diagnostics: read.diagnostics, keeping: [] });
      continue;
    }
    const name = basename(file, extname(file));
    const other = declarations.get(name);
    if (other !== undefined) {
      failures.push(failureAt(file, 'loopDuplicateName', { name, other: relative(dir, other.file) }));
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      continue; // removed since it was read: the next reload sees the final state
    }
    const declaration = read.declaration;
    const loaded: LoadedDeclaration = {
      name,
      kind: declaration.kind,
      title: declaration.title,
      file,
      hash: 'sha256:' + createHash('sha256').update(bytes).digest('hex'),
      declaration,
    };
    if (declaration.kind === 'rollup') {
      const entity = entityRuleset(declaration, rulesets);
      if (entity === undefined) {
        const e = declaration.entity!;
        failures.push(failureAt(file, 'loopEntityMissing', { framework: e.framework ?? '—', rules: relative(dir, e.rules) }));
        continue;
      }
      loaded.ruleset = entity.name;
    }
    declarations.set(name, loaded);
  }
  return { declarations, failures };
}
