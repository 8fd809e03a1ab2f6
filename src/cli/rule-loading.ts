/**
 * Loads the rule set a command evaluates against: an indicator file (compiled, with any
 * `--policy` files whose rule blocks apply to it) or a saved IR JSON (validated and hash-checked
 * by loadIR). Problems are printed as code frames in the
 * command's language; the caller gets undefined and exits 2.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compile } from '../compile/compile.js';
import { loadIR } from '../compile/load-ir.js';
import type { RuleSetIR } from '../compile/ir.js';
import { hasErrors } from '../common/diagnostic.js';
import { printDiagnostics } from './diagnostics.js';
import { inputsExist } from './files.js';
import { type CliIO, write } from './io.js';
import { type Lang, msg } from './messages.js';

export interface RuleSource {
  rules: string;
  policies: string[];
  framework?: string;
}

export function loadRuleSet(source: RuleSource, io: CliIO, lang: Lang): RuleSetIR | undefined {
  return loadRuleSets(source, io, lang)?.ir;
}

/** Like loadRuleSet, plus every framework the files declare (one IR each; a saved IR is its own). */
export function loadRuleSets(source: RuleSource, io: CliIO, lang: Lang): { ir: RuleSetIR; all: RuleSetIR[] } | undefined {
  if (!inputsExist([source.rules, ...source.policies], io, lang)) return undefined;
  const rulesPath = resolve(io.cwd, source.rules);
  if (rulesPath.endsWith('.json')) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(rulesPath, 'utf8'));
    } catch (error) {
      write(io.stderr, msg(lang, 'notFound', source.rules) + (error instanceof SyntaxError ? ` (${error.message})` : ''));
      return undefined;
    }
    const { ir, diagnostics } = loadIR(json, '<ir>', lang);
    printDiagnostics(diagnostics, io, lang);
    return hasErrors(diagnostics) || !ir ? undefined : { ir, all: [ir] };
  }
  const entries = [rulesPath, ...source.policies.map((p) => resolve(io.cwd, p))];
  const options = source.framework ? { framework: source.framework, lang } : { lang };
  const { ir, rulesets, diagnostics } = compile(entries, options);
  printDiagnostics(
    diagnostics.filter((d) => d.severity === 'error'),
    io,
    lang,
  );
  if (!ir || hasErrors(diagnostics)) {
    // Without errors there is nothing "above" to fix: say what is missing instead.
    write(io.stderr, hasErrors(diagnostics) ? msg(lang, 'compileFailed') : msg(lang, 'noFramework', source.rules));
    return undefined;
  }
  return { ir, all: rulesets };
}
