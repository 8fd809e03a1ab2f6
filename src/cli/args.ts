/**
 * Option parsing shared by the commands: node's parseArgs, with its errors turned into
 * UsageError so a typo in an option is exit code 2 with a readable message, not a stack trace,
 * in the language of the run (the catalogue keys travel with the error).
 */
import { parseArgs, ParseArgsConfig } from 'node:util';
import { UsageError } from './io.js';
import { msg } from './messages.js';

type Options = NonNullable<ParseArgsConfig['options']>;

type Parsed<O extends Options, Tokens extends boolean> = ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true; tokens: Tokens }>>;

export function parseCommandArgs<O extends Options>(args: string[], options: O): Parsed<O, false> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true, tokens: false });
  } catch (error) {
    throw parseError(error);
  }
}

/** Like parseCommandArgs, plus the options and positionals in the order given (for grouping). */
export function parseCommandTokens<O extends Options>(args: string[], options: O): Parsed<O, true> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true, tokens: true });
  } catch (error) {
    throw parseError(error);
  }
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
function parseError(error: unknown): UsageError {
  const message = error instanceof Error ? error.message.replace(/\. To specify.*$/s, '') : String(error);
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UsageError(message, { key: 'optionUnknown', args: [quoted] });
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const option = quoted.replace(/ <value>$/, '');
    if (/argument missing$/.test(message)) return new UsageError(message, { key: 'optionNeedsValue', args: [option] });
    if (/does not take an argument$/.test(message)) return new UsageError(message, { key: 'optionTakesNoValue', args: [option] });
  }
  return new UsageError(message);
}
