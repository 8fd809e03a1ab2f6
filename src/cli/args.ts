/**
 * Option parsing shared by the commands: node's parseArgs, with its errors turned into
 * UsageError so a typo in an option is exit code 2 with a readable message, not a stack trace.
 */
import { parseArgs, ParseArgsConfig } from 'node:util';
import { UsageError } from './io.js';

type Options = NonNullable<ParseArgsConfig['options']>;

type Parsed<O extends Options, Tokens extends boolean> = ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true; tokens: Tokens }>>;

export function parseCommandArgs<O extends Options>(args: string[], options: O): Parsed<O, false> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true, tokens: false });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.replace(/\. To specify.*$/s, '') : String(error));
  }
}

/** Like parseCommandArgs, plus the options and positionals in the order given (for grouping). */
export function parseCommandTokens<O extends Options>(args: string[], options: O): Parsed<O, true> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true, tokens: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.replace(/\. To specify.*$/s, '') : String(error));
  }
}

export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], option: string, fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${option} must be one of ${allowed.join(', ')} (got "${value}")`);
}
