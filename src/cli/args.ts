/**
 * Option parsing shared by the commands: node's parseArgs fed from the command's entry in the
 * command table (command-table.ts), with its errors turned into UsageError so a typo in an
 * option is exit code 2 with a readable message in the language of the run (the catalogue keys
 * travel with the error). An unknown option names the nearest one the command knows ("did you
 * mean"); a value outside an option's declared `choices` lists the accepted ones.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { type CommandSpec, flagsOf, nearest, type OptionTable, parseArgsOptions } from '../common/command-spec.js';
import { UsageError } from './io.js';
import { msg } from './messages.js';

type Options = NonNullable<ParseArgsConfig['options']>;

type Parsed<O extends Options, Tokens extends boolean> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true; tokens: Tokens }>
>;

export function parseCommandArgs<O extends OptionTable>(args: string[], spec: CommandSpec<O>): Parsed<O, false> {
  return parse(args, spec, false) as Parsed<O, false>;
}

/** Like parseCommandArgs, plus the options and positionals in the order given (for grouping). */
export function parseCommandTokens<O extends OptionTable>(args: string[], spec: CommandSpec<O>): Parsed<O, true> {
  return parse(args, spec, true) as Parsed<O, true>;
}

function parse(args: string[], spec: CommandSpec, tokens: boolean) {
  let parsed: { values: Record<string, unknown> };
  try {
    parsed = parseArgs({ args, options: parseArgsOptions(spec.options), allowPositionals: true, strict: true, tokens });
  } catch (error) {
    throw parseError(error, spec);
  }
  for (const [name, option] of Object.entries(spec.options)) {
    const given = parsed.values[name];
    if (!option.choices || given === undefined) continue;
    for (const value of Array.isArray(given) ? given : [given]) oneOf(String(value), option.choices, `--${name}`, option.choices[0]!);
  }
  return parsed;
}

export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], option: string, fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  const args = [option, allowed.join(', '), value];
  throw new UsageError(msg('en', 'optionOneOf', ...args), { key: 'optionOneOf', args });
}

/** `--workers` and the like: a whole number ≥ 0, else a usage error in the run's language. */
export function wholeNumberOption(value: string | undefined, option: string, fallback: number): number {
  const n = value === undefined ? fallback : Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(msg('en', 'optionWholeNumber', option), { key: 'optionWholeNumber', args: [option] });
  return n;
}

/**
 * node's parseArgs speaks English only; its error codes are stable, so each known one maps to a
 * catalogue sentence with the option it quotes. The English text stays node's, minus its advice
 * about `--`, which is noise for a mistyped option.
 */
function parseError(error: unknown, spec: CommandSpec): UsageError {
  const message = error instanceof Error ? error.message.replace(/\. To specify.*$/s, '') : String(error);
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return unknownOption(quoted, spec.options);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const option = quoted.replace(/ <value>$/, '');
    if (/argument missing$/.test(message)) return new UsageError(message, { key: 'optionNeedsValue', args: [option] });
    if (/does not take an argument$/.test(message)) return new UsageError(message, { key: 'optionTakesNoValue', args: [option] });
  }
  return new UsageError(message);
}

/** `--frmat` → "did you mean --format?", from the options this command declares. */
export function unknownOption(typed: string, options: OptionTable): UsageError {
  const known = Object.entries(options).flatMap(([name, o]) => flagsOf(name, o).filter((f) => f.startsWith('--')));
  const bare = typed.replace(/=.*$/, '');
  const suggestion = bare.startsWith('--') ? nearest(bare, known) : undefined;
  if (suggestion) return new UsageError(msg('en', 'optionUnknownSuggest', bare, suggestion), { key: 'optionUnknownSuggest', args: [bare, suggestion] });
  return new UsageError(msg('en', 'optionUnknown', bare), { key: 'optionUnknown', args: [bare] });
}
