/**
 * `jixiao compile <file.ind…> [-o out.json] [--emit ir|rules|schema]`: writes the compiled rule
 * set (IR), its recommendation rules in json-rules-engine form, or the JSON Schema of the data
 * it reads. Several files compile together: a sector file plus the policy files that apply.
 */
import { resolve } from 'node:path';
import { emitRules } from '../../recommend/index.js';
import { oneOf, parseCommandArgs } from '../args.js';
import { COMPILE } from '../command-table.js';
import { writeFileAtomic } from '../files.js';
import { type CliIO, EXIT_OK, EXIT_USAGE, UsageError, write } from '../io.js';
import { type Lang, msg } from '../messages.js';
import { loadRuleSet } from '../rule-loading.js';

export async function compileCommand(args: string[], io: CliIO, lang: Lang): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, COMPILE);
  const emit = oneOf(values.emit, ['ir', 'rules', 'schema'] as const, '--emit', 'ir');
  const [first, ...policies] = positionals;
  if (!first) throw new UsageError(msg(lang, 'missingArgument', 'compile', '<file.ind>'));
  const ir = loadRuleSet({ rules: first, policies, ...(values.framework ? { framework: values.framework } : {}) }, io, lang);
  if (!ir) return EXIT_USAGE;

  const payload = emit === 'ir' ? ir : emit === 'rules' ? emitRules(ir) : ir.dataSchema;
  const text = JSON.stringify(payload, null, 2) + '\n';
  if (values.out) {
    writeFileAtomic(resolve(io.cwd, values.out), text);
    write(io.stderr, msg(lang, 'compiled', values.out));
  } else {
    io.stdout.write(text);
  }
  return EXIT_OK;
}
