/**
 * `jixiao completion bash|zsh|fish`: prints the shell's completion script, generated from the
 * command table (so a new option completes the day it is declared). zsh and fish scripts carry
 * each command's and option's description in the run's language. Exit 2 for another shell.
 */
import { parseCommandArgs } from '../args.js';
import { COMPLETION } from '../command-table.js';
import { bashCompletion } from '../completion-bash.js';
import { fishCompletion } from '../completion-fish.js';
import { zshCompletion } from '../completion-zsh.js';
import { type CliIO, EXIT_OK, UsageError } from '../io.js';
import { type Lang, msg } from '../messages.js';

export async function completionCommand(args: string[], io: CliIO, lang: Lang): Promise<number> {
  const { positionals } = parseCommandArgs(args, COMPLETION);
  const shells = COMPLETION.words ?? [];
  const [shell] = positionals;
  if (shell === undefined)
    throw new UsageError(msg('en', 'missingArgument', 'completion', shells.join('|')), { key: 'missingArgument', args: ['completion', shells.join('|')] });
  if (!shells.includes(shell) || positionals.length > 1) {
    const got = positionals.join(' ');
    throw new UsageError(msg('en', 'optionOneOf', 'completion', shells.join(', '), got), { key: 'optionOneOf', args: ['completion', shells.join(', '), got] });
  }
  io.stdout.write(shell === 'bash' ? bashCompletion() : shell === 'zsh' ? zshCompletion(lang) : fishCompletion(lang));
  return EXIT_OK;
}
