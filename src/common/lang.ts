/**
 * The one language switch of every user-facing text: diagnostics, summaries and reports are
 * written in Chinese (`zh`) or English (`en`). Library functions take an optional `lang` and
 * default to Chinese, because the users are Chinese finance staff; the command line picks its
 * default from the locale (see src/cli/messages.ts `detectLang`). There is no global setting:
 * the language travels as an argument, so two callers in one process can use different ones.
 */

export type Lang = 'zh' | 'en';

export const LANGS: readonly Lang[] = ['zh', 'en'];

/** What the library uses when the caller gives no language. */
export const DEFAULT_LANG: Lang = 'zh';

/** A word or phrase given in both languages, resolved when a message is rendered. */
export type Term = Readonly<Record<Lang, string>>;

export function isLang(value: unknown): value is Lang {
  return value === 'zh' || value === 'en';
}

/** Fills `{0}`/`{name}` placeholders; a missing argument renders as empty text. */
export function fill(template: string, args: Readonly<Record<string, unknown>> | readonly unknown[]): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = Array.isArray(args) ? args[Number(k)] : (args as Record<string, unknown>)[k];
    return v === undefined ? '' : String(v);
  });
}
