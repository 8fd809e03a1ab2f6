/**
 * The `jixiao` command line: a thin door over the library. It picks the command, the language
 * and the exit code; every command lives in its own file under commands/, loaded on first use,
 * and only calls the phase façades. `runCli` never throws for user mistakes: they become exit
 * code 2 with a message; an unexpected exception is reported as an internal error (exit 2).
 * The executable wrapper is bin.ts.
 */
import { CliIO, EXIT_USAGE, UsageError, write } from './io.js';
import { Lang, detectLang, msg } from './messages.js';
import { commands } from './commands/index.js';
import { missingOptionalPackage } from './optional-module.js';
import { packageVersion } from './version.js';

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const { lang, given, rest } = takeLang(argv, io.env);
  const [name, ...args] = rest;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    write(io.stdout, msg(lang, 'usage'));
    return name ? 0 : EXIT_USAGE;
  }
  if (name === '--version' || name === '-v') {
    write(io.stdout, packageVersion());
    return 0;
  }
  const load = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!load) {
    write(io.stderr, msg(lang, 'unknownCommand', name));
    write(io.stderr, msg(lang, 'usage'));
    return EXIT_USAGE;
  }
  if (args.includes('--help') || args.includes('-h')) {
    write(io.stdout, msg(lang, 'usage'));
    return 0;
  }
  try {
    const command = await load();
    return await command(args, io, lang, { langGiven: given });
  } catch (error) {
    if (error instanceof UsageError) {
      const text = error.localized ? msg(lang, error.localized.key, ...error.localized.args) : error.message;
      write(io.stderr, `jixiao ${name}: ${text}`);
      return EXIT_USAGE;
    }
    const optional = missingOptionalPackage(error);
    if (optional) {
      write(io.stderr, `jixiao ${name}: ${msg(lang, 'optionalMissing', optional)}`);
      return EXIT_USAGE;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    write(io.stderr, `jixiao ${name}: ${msg(lang, 'internalError')}\n${detail}`);
    return EXIT_USAGE;
  }
}

/** `given` says whether --lang was on the command line: documents default to Chinese unless it was. */
function takeLang(argv: string[], env: NodeJS.ProcessEnv): { lang: Lang; given: boolean; rest: string[] } {
  const rest: string[] = [];
  let lang = detectLang(env);
  let given = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const inline = /^--lang=(zh|en)$/.exec(arg);
    if (inline) [lang, given] = [inline[1] as Lang, true];
    else if (arg === '--lang' && (argv[i + 1] === 'zh' || argv[i + 1] === 'en')) [lang, given] = [argv[++i] as Lang, true];
    else rest.push(arg);
  }
  return { lang, given, rest };
}
