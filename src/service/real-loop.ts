/**
 * Binds the service's `LoopToolchain` port to the library's loop steps: roll-up declarations
 * (`parseRollupDeclaration`, `rollupRecords`), re-check sampling (`parseSampleDeclaration`,
 * `sample`) and special-fund allocation (`parseFactorFile`, `allocationInput`, `allocate`). The
 * documents are assembled exactly as `jixiao rollup`, `jixiao sample` and `jixiao allocate`
 * print them (two-space JSON, diagnostics reduced to code, severity and message, a final
 * newline), so a roll-up posted to the service and the same records given to the CLI answer the
 * same bytes — the test in test/service/loop-endpoints.test.ts holds both doors to that.
 */
import { hasErrors, type Diagnostic } from '../common/diagnostic.js';
import { DEFAULT_LANG, type Lang } from '../common/lang.js';
import type { RuleSetIR } from '../compile/ir.js';
import { createAssessor } from '../pipeline/assess.js';
import { allocate } from '../recommend/index.js';
import { allocationInput, parseFactorFile, type FactorFile } from '../rollup/factors.js';
import { parseRollupDeclaration, rollupRecords, type RollupDeclaration } from '../rollup/index.js';
import { readDeclarationFile } from '../rollup/load.js';
import { parseAmount, parsePercent } from '../rollup/quantity.js';
import { parseSampleDeclaration, sample, type SampleDeclaration } from '../rollup/sample.js';
import { render } from '../common/catalogue.js';
import { SERVICE_MESSAGES } from './messages.js';
import type { LoopDeclaration, LoopToolchain } from './toolchain.js';

const reduced = (ds: readonly Diagnostic[]): { code: string; severity: string; message: string }[] =>
  ds.map(({ code, severity, message }) => ({ code, severity, message }));

const documentOf = (value: unknown): string => JSON.stringify(value, null, 2) + '\n';

function kindOf(value: unknown): LoopDeclaration['kind'] | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  if ('rollup' in value) return 'rollup';
  if ('sample' in value) return 'sample';
  if ('fund' in value && 'factors' in value) return 'allocation';
  return undefined;
}

function readDeclaration(file: string, lang: Lang = DEFAULT_LANG): { declaration?: LoopDeclaration; diagnostics: Diagnostic[] } | undefined {
  const read = readDeclarationFile(file, file, lang);
  if (read.value === undefined) return read;
  const kind = kindOf(read.value);
  if (kind === 'rollup') {
    const { declaration, diagnostics } = parseRollupDeclaration(read.value, file, lang);
    if (!declaration || hasErrors(diagnostics)) return { diagnostics };
    const { rules, framework, policy } = declaration.entity;
    const entity = framework === undefined ? { rules, policy } : { rules, framework, policy };
    return { declaration: { kind, title: declaration.name, entity, parsed: declaration }, diagnostics };
  }
  if (kind === 'sample') {
    const { declaration, diagnostics } = parseSampleDeclaration(read.value, file, lang);
    if (!declaration || hasErrors(diagnostics)) return { diagnostics };
    return { declaration: { kind, title: declaration.name, parsed: declaration }, diagnostics };
  }
  if (kind === 'allocation') {
    const { factors, diagnostics } = parseFactorFile(read.value, file, lang);
    if (!factors || hasErrors(diagnostics)) return { diagnostics };
    return { declaration: { kind, title: factors.fund, parsed: factors }, diagnostics };
  }
  return undefined;
}

export const realLoop: LoopToolchain = {
  readDeclaration,

  rollup(declaration, entityIr, entities, members, lang = DEFAULT_LANG) {
    const result = rollupRecords(declaration.parsed as RollupDeclaration, entityIr, entities, members, undefined, lang);
    return { document: documentOf({ ...result, diagnostics: reduced(result.diagnostics) }), diagnostics: result.diagnostics };
  },

  sample(declaration, records, options, lang = DEFAULT_LANG) {
    const threshold = options.threshold === undefined ? undefined : parseAmount(options.threshold);
    const share = options.share === undefined ? undefined : parsePercent(options.share);
    const bad: Diagnostic[] = [];
    if (threshold === null || threshold?.isNegative()) bad.push(optionDiagnostic('threshold', options.threshold, lang));
    if (share === null || (share && (share.isNegative() || share.greaterThan(1)))) bad.push(optionDiagnostic('share', options.share, lang));
    if (bad.length > 0) return { diagnostics: bad };
    const result = sample(declaration.parsed as SampleDeclaration, records, {
      seed: options.seed,
      lang,
      ...(threshold ? { threshold } : {}),
      ...(share ? { share } : {}),
    });
    return { document: documentOf({ ...result, diagnostics: reduced(result.diagnostics) }), diagnostics: result.diagnostics };
  },

  allocate(declaration, pool, recipients, ir: RuleSetIR | undefined, lang = DEFAULT_LANG) {
    const amount = parseAmount(pool);
    if (!amount || amount.isNegative() || amount.decimalPlaces() > 2) return { diagnostics: [optionDiagnostic('pool', pool, lang)] };
    const factors = declaration.parsed as FactorFile;
    let graded: readonly unknown[] = recipients;
    if (ir !== undefined) {
      const assessor = createAssessor(ir, { lang });
      // as `jixiao allocate --rules`: the grade from scoring, every factor value from the data
      graded = recipients.map((r, i) => ({ ...(r as object), grade: assessor.assess(r, { fallbackId: `#${i + 1}` }).grade }));
    }
    const built = allocationInput(factors, amount.toFixed(2), graded, lang);
    if (!built.input) return { diagnostics: built.diagnostics };
    const result = allocate(built.input);
    if (result.diagnostics.length > 0) return { diagnostics: [...built.diagnostics, ...result.diagnostics] };
    return {
      document: documentOf({ fund: factors.fund, grades: built.grades, ...result, diagnostics: reduced(result.diagnostics) }),
      diagnostics: built.diagnostics,
    };
  },
};

const OPTION_MESSAGE = { threshold: 'loopBadThreshold', share: 'loopBadShare', pool: 'loopBadPool' } as const;

function optionDiagnostic(field: keyof typeof OPTION_MESSAGE, value: string | undefined, lang: Lang): Diagnostic {
  const { message, hint } = render(SERVICE_MESSAGES, OPTION_MESSAGE[field], { value: JSON.stringify(value ?? '') }, lang);
  const at = { line: 1, column: 1, offset: 0 };
  return { code: 'SRV710', severity: 'error', message, file: field, range: { start: at, end: at }, ...(hint === undefined ? {} : { hint }) };
}
