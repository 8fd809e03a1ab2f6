/**
 * Binds the service's `Toolchain` port to the library façades: `compile` / `compileSource`
 * (src/compile), `createEvaluator` (src/engine), `checkRecord` and `createRecordValidator`
 * (src/data) and `createRecommender` (src/recommend). Each loaded rule set gets one evaluator,
 * one validator and one recommender, built once and shared by all requests; the compiled
 * recommender keeps no per-run state, so concurrent requests cannot disturb each other (the
 * json-rules-engine trap in DESIGN.md §6 does not apply).
 *
 * `/check` compiles posted text with a source host confined to the rules folder: an `import`
 * in posted text can read indicator files under --rules and nothing else on the server.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { compile, compileSource, type SourceHost } from '../compile/compile.js';
import { formatDiagnostic } from '../compile/code-frame.js';
import { joinImport } from '../compile/load.js';
import type { RuleSetIR } from '../compile/ir.js';
import { DEFAULT_LANG, type Lang } from '../common/lang.js';
import { checkRecord } from '../data/guard.js';
import { createRecordValidator } from '../data/validate.js';
import { createEvaluator, serializeAssembledResult, type Evaluator } from '../engine/index.js';
import { printExpr } from '../engine/print.js';
import type { EvaluationError, TraceLevel } from '../engine/result.js';
import { createRecommender } from '../recommend/index.js';
import { realLoop } from './real-loop.js';
import type { PreparedRuleSet, RecordError, Toolchain } from './toolchain.js';

function toRecordErrors(errors: readonly EvaluationError[]): RecordError[] {
  return errors.map((e) => ({ path: e.path ?? 'data', message: e.message, code: e.code }));
}

/** A host that reads only files inside `root`, addressed by paths relative to it. */
export function confinedHost(root: string): SourceHost {
  const base = resolve(root);
  return {
    readFile(path) {
      const abs = resolve(base, path);
      const rel = relative(base, abs);
      if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).some((s) => s.startsWith('.'))) return undefined;
      try {
        return readFileSync(abs, 'utf8');
      } catch {
        return undefined;
      }
    },
    resolve: joinImport,
  };
}

/** A relative, forward-slash name for posted text; anything that tries to climb out is flattened. */
function checkFileName(file: string): string {
  const parts = file.split(/[\\/]+/).filter((p) => p !== '' && p !== '.' && p !== '..');
  return parts.length === 0 ? '<input>' : parts.join('/');
}

export function prepareRuleSet(ir: RuleSetIR): PreparedRuleSet {
  // Validation runs here once, so the evaluators are built without their own copy of it; one
  // evaluator per trace level, built when a request first asks for that level.
  const evaluators = new Map<string, Evaluator>();
  const evaluatorFor = (trace: TraceLevel, lang: Lang): Evaluator => {
    const key = `${trace}:${lang}`;
    let evaluator = evaluators.get(key);
    if (evaluator === undefined) evaluators.set(key, (evaluator = createEvaluator(ir, { validate: false, trace, lang })));
    return evaluator;
  };
  // The data schema's validator (ajv code generation, ~20 ms a rule set) is built on first use, so
  // a service with many rule sets starts listening at once and warms them after (`warm`).
  // One per language a request asked for; the default language's is the one warmed.
  const validators = new Map<Lang, ReturnType<typeof createRecordValidator>>();
  const validatorOf = (lang: Lang = DEFAULT_LANG) => {
    let v = validators.get(lang);
    if (v === undefined) validators.set(lang, (v = createRecordValidator(ir, lang)));
    return v;
  };
  const recommender = createRecommender(ir);
  return {
    ir,
    validate(record, lang = DEFAULT_LANG) {
      const id = typeof (record as { id?: unknown } | null)?.id === 'string' ? String((record as { id: string }).id) : '';
      const unsafe = checkRecord(record, id, lang);
      if (unsafe.length > 0) return toRecordErrors(unsafe);
      return toRecordErrors(validatorOf(lang)(record, id));
    },
    async evaluate(record, context, trace = 'full', lang = DEFAULT_LANG) {
      // a stage in the context is the evaluation's stage, as `jixiao eval --stage` is
      const evaluator = evaluatorFor(trace, lang);
      const data = evaluator.read(record); // the rules read "89.974万" as scoring does
      const result = evaluator.evaluate(data, typeof context?.stage === 'string' ? { stage: context.stage } : {});
      // the result is this request's own: filled in place, so its key order (and bytes) stay the engine's
      if (result.status === 'ok') result.recommendations = recommender.recommend(result, data, context);
      return result;
    },
    warm() {
      validatorOf();
    },
  };
}

export function createRealToolchain(rulesDir: string): Toolchain {
  const host = confinedHost(rulesDir);
  return {
    async compileFiles(entries) {
      const out = compile(entries);
      return { rulesets: out.rulesets, diagnostics: out.diagnostics };
    },
    async checkSource(text, file, lang = DEFAULT_LANG) {
      const name = checkFileName(file);
      const { diagnostics } = compileSource(text, name, { fs: host, lang });
      // Diagnostics in imported files are shown with those files' own lines.
      const formatted = diagnostics.map((d) => formatDiagnostic(d, d.file === name ? text : host.readFile(d.file), lang));
      return { diagnostics, formatted };
    },
    prepare: prepareRuleSet,
    loop: realLoop,
    printExpr,
    // results reach it straight from the evaluator and the recommender, unchanged
    serializeResult: serializeAssembledResult,
  };
}
