/**
 * The `jixiao` command line: a thin door over the library. It picks the command, the language
 * and the exit code; every command lives in its own file under commands/, loaded on first use,
 * and only calls the phase façades. Help comes from the command table (help.ts), for the whole
 * tool and per command (`jixiao eval --help` = `jixiao help eval`). `runCli` never throws: a
 * user's mistake is exit code 2 with a message in the run's language, an unexpected exception
 * an internal error with exit code 3 (see io.ts). The executable wrapper is bin.ts.
 */
import { type CliIO, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, UsageError, write } from './io.js';
import { type Lang, detectLang, msg } from './messages.js';
import { commands } from './commands/index.js';
import { nearest } from '../common/command-spec.js';
import { COMMAND_SPECS, commandSpec } from './command-table.js';
import { commandHelp, globalHelp } from './help.js';
import { missingOptionalPackage } from './optional-module.js';
import { packageVersion } from '../common/version.js';
import { LANGS } from '../common/lang.js';

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const taken = takeLang(argv, io.env);
  if ('error' in taken) {
    write(io.stderr, `jixiao: ${taken.error}`);
    return EXIT_USAGE;
  }
  const { lang, given, rest } = taken;
  const [name, ...args] = rest;
  if (!name) {
    write(io.stderr, globalHelp(lang));
    return EXIT_USAGE;
  }
  if (name === '--help' || name === '-h') return printed(io, globalHelp(lang));
  if (name === '--version' || name === '-v') return printed(io, packageVersion());
  if (name === 'help') return helpCommand(args, io, lang);
  const load = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!load) return unknownCommand(name, io, lang);
  if (wantsHelp(args)) return printed(io, commandHelp(commandSpec(name)!, lang));
  try {
    const command = await load();
    return await command(args, io, lang, { langGiven: given });
  } catch (error) {
    if (error instanceof UsageError) {
      const text = error.localized ? msg(lang, error.localized.key, ...error.localized.args) : error.message;
      write(io.stderr, `jixiao ${name}: ${text}\n${msg(lang, 'seeHelp', name)}`);
      return EXIT_USAGE;
    }
    const optional = missingOptionalPackage(error);
    if (optional) {
      write(io.stderr, `jixiao ${name}: ${msg(lang, 'optionalMissing', optional)}`);
      return EXIT_USAGE;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    write(io.stderr, `jixiao ${name}: ${msg(lang, 'internalError')}\n${detail}`);
    return EXIT_INTERNAL;
  }
}

function printed(io: CliIO, text: string): number {
  write(io.stdout, text);
  return EXIT_OK;
}

/** `--help` anywhere before a `--` asks for the command's help instead of running it. */
function wantsHelp(args: string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

function helpCommand(args: string[], io: CliIO, lang: Lang): number {
  const [topic] = args;
  if (topic === undefined) return printed(io, globalHelp(lang));
  if (wantsHelp(args)) return printed(io, commandHelp(commandSpec('help')!, lang));
  const spec = commandSpec(topic);
  return spec ? printed(io, commandHelp(spec, lang)) : unknownCommand(topic, io, lang);
}

function unknownCommand(name: string, io: CliIO, lang: Lang): number {
  const suggestion = name.startsWith('-')
    ? undefined
    : nearest(
        name,
        COMMAND_SPECS.map((c) => c.name),
      );
  write(io.stderr, `jixiao: ${suggestion ? msg(lang, 'commandUnknownSuggest', name, suggestion) : msg(lang, 'unknownCommand', name)}`);
  write(io.stderr, msg(lang, 'seeGlobalHelp'));
  return EXIT_USAGE;
}

type TakenLang = { lang: Lang; given: boolean; rest: string[] } | { error: string };

/**
 * `--lang` is taken wherever it stands (before `--`), so every command accepts it; a value other
 * than zh or en is a usage error naming the accepted ones, worded in the locale's language.
 * `given` says whether it was on the command line: documents default to Chinese unless it was.
 */
function takeLang(argv: string[], env: NodeJS.ProcessEnv): TakenLang {
  const rest: string[] = [];
  let lang = detectLang(env);
  let given = false;
  const fallback = lang;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg !== '--lang' && !arg.startsWith('--lang=')) {
      rest.push(arg);
      continue;
    }
    const value = arg === '--lang' ? argv[++i] : arg.slice('--lang='.length);
    if (value === undefined || value === '' || value.startsWith('-')) return { error: msg(fallback, 'langMissing', LANGS.join('|')) };
    if (!(LANGS as readonly string[]).includes(value)) return { error: msg(fallback, 'langBad', LANGS.join(', '), value) };
    [lang, given] = [value as Lang, true];
  }
  return { lang, given, rest };
}
