/**
 * The language of written documents (reports, summaries, PDFs) as opposed to the terminal's:
 * the terminal follows the machine's locale, but a bureau publishes in Chinese, so a document is
 * Chinese unless `--lang` was given on the command line. `CommandContext` carries that fact from
 * the argument parser (main.ts) to the commands that write documents.
 */
import type { Lang } from '../messages.js';

/** How the run was started beyond its arguments: whether `--lang` was given explicitly. */
export interface CommandContext {
  langGiven: boolean;
}

export function documentLang(lang: Lang, context: CommandContext | undefined): Lang {
  return context?.langGiven ? lang : 'zh';
}
