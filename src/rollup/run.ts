/**
 * `runRollup(declarationFile, entityData, memberSets, context?, lang?)` (context: one for all, or
 * a lookup by record id — each department's own last year): the whole roll-up from
 * files — read the declaration, compile the entity's rules (with its policy files) and each member set's rules,
 * score every record through the ordinary per-record pipeline (engine + recommendations), and
 * roll up. What a CLI command or the service would call. Compile problems come back as
 * diagnostics (and no result), never thrown; every message is in `lang` (default Chinese).
 */
import { compile } from '../compile/compile.js';
import type { RuleSetIR } from '../compile/ir.js';
import { hasErrors, type Diagnostic } from '../common/diagnostic.js';
import { DEFAULT_LANG, type Lang } from '../common/lang.js';
import { contextOptions, createAssessor } from '../pipeline/assess.js';
import { createRecommender } from '../recommend/index.js';
import type { RecommendContext } from '../recommend/index.js';
import { parseRollupDeclaration, type RollupDeclaration } from './declaration.js';
import { readAllRecords, readDeclarationFile } from './load.js';
import { contextOf, rollup, type ContextLookup, type RollupResult, type Scored } from './rollup.js';

export interface MemberSet {
  rules: string;
  framework?: string;
  policy?: string[];
  data: string[];
}

/** Every record scored through the ordinary per-record pipeline; ids default to `#n` in input order. */
function scoreRecords(ir: RuleSetIR, records: readonly unknown[], lang: Lang, context?: RecommendContext | ContextLookup): Scored[] {
  const assessor = createAssessor(ir, { lang });
  return records.map((record, i) => {
    const fallbackId = `#${i + 1}`;
    return { record, result: assessor.assess(record, { fallbackId, ...contextOptions(record, fallbackId, (id) => contextOf(context, id)) }) };
  });
}

async function scoreFiles(
  files: string[],
  rules: string[],
  framework: string | undefined,
  diagnostics: Diagnostic[],
  lang: Lang,
  context?: RecommendContext | ContextLookup,
): Promise<Scored[] | undefined> {
  const compiled = compile(rules, { lang, ...(framework ? { framework } : {}) });
  diagnostics.push(...compiled.diagnostics.filter((d) => d.severity === 'error'));
  if (!compiled.ir || hasErrors(compiled.diagnostics)) return undefined;
  const { records, errors } = await readAllRecords(files, lang);
  if (errors.length)
    diagnostics.push(
      ...errors.map((message) => ({
        code: 'ROL801',
        severity: 'error' as const,
        message,
        file: files.join(', '),
        range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } },
      })),
    );
  return scoreRecords(compiled.ir, records, lang, context);
}

/** A member rule set with its records, already compiled (the service's served rule sets). */
export interface MemberRecords {
  ir: RuleSetIR;
  records: readonly unknown[];
}

/**
 * The roll-up from records in memory: the entity's records scored by `entityIr` (the
 * declaration's entity rule set with its policy blocks), each member set by its own IR, then
 * rolled up. `runRollup` reads files and calls this; the service calls it with posted records,
 * so the same records give the same roll-up through either door.
 */
export function rollupRecords(
  decl: RollupDeclaration,
  entityIr: RuleSetIR,
  entityRecords: readonly unknown[],
  memberSets: readonly MemberRecords[],
  context?: RecommendContext | ContextLookup,
  lang: Lang = DEFAULT_LANG,
): RollupResult {
  const entities = scoreRecords(entityIr, entityRecords, lang, context);
  const members = memberSets.flatMap((set) => scoreRecords(set.ir, set.records, lang, context));
  return rollup(decl, entityIr, entities, members, { recommender: createRecommender(entityIr), ...(context ? { context } : {}), lang });
}

export async function runRollup(
  declarationFile: string,
  entityData: string[],
  memberSets: MemberSet[],
  context?: RecommendContext | ContextLookup,
  lang: Lang = DEFAULT_LANG,
): Promise<{ result?: RollupResult; diagnostics: Diagnostic[] }> {
  const read = readDeclarationFile(declarationFile, declarationFile, lang);
  const parsed = read.value === undefined ? read : parseRollupDeclaration(read.value, declarationFile, lang);
  if (!('declaration' in parsed) || !parsed.declaration) return { diagnostics: parsed.diagnostics };
  const decl = parsed.declaration;
  const diagnostics: Diagnostic[] = [];
  const compiled = compile([decl.entity.rules, ...decl.entity.policy], { lang, ...(decl.entity.framework ? { framework: decl.entity.framework } : {}) });
  if (!compiled.ir || hasErrors(compiled.diagnostics)) return { diagnostics: compiled.diagnostics.filter((d) => d.severity === 'error') };
  const entities = await scoreFiles(entityData, [decl.entity.rules, ...decl.entity.policy], decl.entity.framework, diagnostics, lang, context);
  const members: Scored[] = [];
  for (const set of memberSets) {
    const scored = await scoreFiles(set.data, [set.rules, ...(set.policy ?? [])], set.framework, diagnostics, lang, context);
    if (scored) members.push(...scored);
  }
  if (!entities || hasErrors(diagnostics)) return { diagnostics };
  const result = rollup(decl, compiled.ir, entities, members, { recommender: createRecommender(compiled.ir), ...(context ? { context } : {}), lang });
  return { result, diagnostics: [...diagnostics, ...result.diagnostics] };
}
