/**
 * `jixiao inspect <file.ind|ir.json> [--policy f.ind…] [--framework NAME] [--format text|json]`:
 * what a rule set is made of — frameworks, inputs with types, units and ranges, params with
 * values and where they are used, the hash `jixiao compile` writes and results carry, the IR
 * version (inspect.ts). Exit 0, or 2 when the files do not compile.
 */
import { parseCommandArgs, oneOf } from '../args.js';
import { INSPECT } from '../command-table.js';
import { inspectRuleSet, inspectText } from '../inspect.js';
import { type CliIO, EXIT_OK, EXIT_USAGE, UsageError, write } from '../io.js';
import { type Lang, msg } from '../messages.js';
import { loadRuleSets } from '../rule-loading.js';

export async function inspectCommand(args: string[], io: CliIO, lang: Lang): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, INSPECT);
  const format = oneOf(values.format, ['text', 'json'] as const, '--format', 'text');
  const [rules, ...extra] = positionals;
  const needs = '<file.ind|ir.json>';
  if (!rules || extra.length > 0) throw new UsageError(msg('en', 'missingArgument', 'inspect', needs), { key: 'missingArgument', args: ['inspect', needs] });
  const loaded = loadRuleSets({ rules, policies: values.policy ?? [], ...(values.framework ? { framework: values.framework } : {}) }, io, lang);
  if (!loaded) return EXIT_USAGE;
  const info = inspectRuleSet(loaded.ir, loaded.all);
  write(io.stdout, format === 'json' ? JSON.stringify(info, null, 2) : inspectText(info, lang));
  return EXIT_OK;
}
