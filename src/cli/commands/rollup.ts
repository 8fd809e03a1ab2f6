/**
 * `jixiao rollup --rules <rollup.yaml> --entities <data…> --members <rules.ind>[:FRAMEWORK]
 * <data…> [--policy f.ind…] [--members …]…` or `jixiao rollup [--rules <rollup.yaml>] --manifest
 * <manifest.yaml> [--member-stage STAGE]`: the overall score of departments or towns from their
 * own scorecard and their members' results (两纳入三挂钩), with grades and linkage
 * recommendations, through `runRollup` (src/rollup/run.ts). How member sets are given is in
 * src/cli/rollup-input.ts.
 *
 * Prints deterministic JSON (the roll-up, diagnostics reduced to code, severity and message, as
 * `jixiao sample` does) or `--format table`; `--out FILE` is written under a temporary name and
 * renamed when complete. The declaration and every rule set are checked first, so their
 * diagnostics come out as code frames in the user's language. Exit 0 ok, 1 when members or
 * entities were left out (warnings on stderr; the roll-up is still printed), 2 for usage,
 * declaration, rules or unreadable data.
 */
import { existsSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { hasErrors, type Diagnostic } from '../../common/diagnostic.js';
import { parseRollupDeclaration, runRollup, type RollupDeclaration } from '../../rollup/index.js';
import { readDeclarationFile } from '../../rollup/load.js';
import { oneOf, parseCommandTokens } from '../args.js';
import { ROLLUP } from '../command-table.js';
import { loadCliContext, reportUnmatched } from '../context-input.js';
import { printDiagnostics } from '../diagnostics.js';
import { displayPath } from '../files.js';
import { type CliIO, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, write } from '../io.js';
import { type Lang, msg } from '../messages.js';
import { inputFromFlags, inputFromManifest, type ArgToken, type RollupInput } from '../rollup-input.js';
import { formatRollupTable } from '../rollup-table.js';
import { loadRuleSet } from '../rule-loading.js';
import { openSink } from '../sink.js';

export async function rollupCommand(args: string[], io: CliIO, lang: Lang): Promise<number> {
  const { values, tokens } = parseCommandTokens(args, ROLLUP);
  const format = oneOf(values.format, ['json', 'table'] as const, '--format', 'json');
  const flagged = values.entities !== undefined || values.members !== undefined || values.policy !== undefined || tokens.some((t) => t.kind === 'positional');
  if (values.manifest !== undefined && flagged) throw new UsageError(msg(lang, 'rollupManifestAndFlags'));
  if (values.manifest === undefined) {
    if (!values.rules) throw new UsageError(msg(lang, 'missingArgument', 'rollup', '--rules <rollup.yaml>'));
    if (!values.entities) throw new UsageError(msg(lang, 'missingArgument', 'rollup', '--entities <data…>'));
    if (!values.members) throw new UsageError(msg(lang, 'missingArgument', 'rollup', '--members <rules.ind>[:FRAMEWORK] <data…>'));
  }

  // The declaration first: a manifest of datasets is read through it (which rules score entities).
  let declarationFile = values.rules ? resolve(io.cwd, values.rules) : undefined;
  let declaration = declarationFile ? readDeclaration(declarationFile, io, lang) : undefined;
  if (declarationFile && !declaration) return EXIT_USAGE;
  let input: RollupInput;
  if (values.manifest !== undefined) {
    const entity = declaration?.entity;
    input = inputFromManifest(resolve(io.cwd, values.manifest), values.manifest, lang, {
      entity: (rules, framework) => entity !== undefined && rules === entity.rules && (entity.framework === undefined || framework === entity.framework),
      entityText: [entity ? displayPath(entity.rules, io.cwd) : '—', entity?.framework ?? '—'],
      ...(values['member-stage'] !== undefined ? { memberStage: values['member-stage'] } : {}),
    });
    if (!declarationFile) {
      if (!input.declaration) throw new UsageError(msg(lang, 'missingArgument', 'rollup', '--rules <rollup.yaml>'));
      declarationFile = input.declaration;
      declaration = readDeclaration(declarationFile, io, lang);
      if (!declaration) return EXIT_USAGE;
    }
  } else {
    input = inputFromFlags(tokens as ArgToken[], io.cwd, lang);
  }

  // Every rule set compiles before anything is scored: code frames, in the user's language.
  const sources = [
    { rules: declaration!.entity.rules, policies: declaration!.entity.policy, framework: declaration!.entity.framework },
    ...input.members.map((m) => ({ rules: m.rules, policies: m.policy ?? [], framework: m.framework })),
  ];
  for (const s of sources) {
    if (!loadRuleSet({ rules: s.rules, policies: s.policies, ...(s.framework ? { framework: s.framework } : {}) }, io, lang)) return EXIT_USAGE;
  }

  const context = await loadCliContext(values, io, lang);
  if (!context.ok) return EXIT_USAGE;
  const lookup = context.join ? (id: string) => context.join!.contextFor(id) : undefined;
  const { result, diagnostics } = await runRollup(declarationFile!, input.entities, input.members, lookup, lang);
  printDiagnostics(
    diagnostics.map((d) => shorten(d, io.cwd)),
    io,
    lang,
  );
  if (!result) return EXIT_USAGE;
  const reduced = result.diagnostics.map(({ code, severity, message }) => ({ code, severity, message: shortText(message, io.cwd) }));
  const text = format === 'table' ? formatRollupTable(result, lang) : JSON.stringify({ ...result, diagnostics: reduced }, null, 2) + '\n';
  const sink = openSink(values.out ? resolve(io.cwd, values.out) : undefined, io);
  sink.write(text);
  await sink.close();
  reportUnmatched(context.join, io, lang);
  const counted = result.entities.reduce((n, e) => n + e.members.count, 0);
  write(io.stderr, msg(lang, 'rollupSummary', result.entities.length, counted, result.diagnostics.length));
  return hasErrors(diagnostics) || result.diagnostics.length > 0 ? EXIT_FINDINGS : EXIT_OK;
}

/** Reads and checks the declaration; its problems are printed (with the file's first line). */
function readDeclaration(file: string, io: CliIO, lang: Lang): RollupDeclaration | undefined {
  const shown = displayPath(file, io.cwd);
  const read = readDeclarationFile(file, shown, lang);
  const parsed = read.value === undefined ? read : parseRollupDeclaration(read.value, file, lang);
  // messages name the file as the user sees it; diagnostics keep the real path for the frame
  const diagnostics = parsed.diagnostics.map((d) => ({ ...d, file: d.file === shown ? file : d.file, message: d.message.split(file).join(shown) }));
  printDiagnostics(diagnostics, io, lang);
  return 'declaration' in parsed && parsed.declaration && !hasErrors(diagnostics) ? parsed.declaration : undefined;
}

/** Data read errors name absolute paths (and several files at once): show them relative. */
function shorten(d: Diagnostic, cwd: string): Diagnostic {
  return { ...d, file: existsSync(d.file) ? d.file : shortText(d.file, cwd), message: shortText(d.message, cwd) };
}

function shortText(text: string, cwd: string): string {
  return text.split(cwd + sep).join('');
}
