/**
 * The one language switch of every user-facing text: diagnostics, summaries and reports are
 * written in Chinese (`zh`) or English (`en`). Library functions take an optional `lang` and
 * default to Chinese, because the users are Chinese finance staff; the command line picks its
 * default from the locale (`detectLang` below). There is no global setting:
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

/**
 * The language of a user's locale: the first non-empty of LC_ALL, LC_MESSAGES, LANG (POSIX
 * order); Chinese for zh*, English otherwise.
 */
export function detectLang(env: Record<string, string | undefined> = {}): Lang {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name]?.trim();
    if (value) return /^zh/i.test(value) ? 'zh' : 'en';
  }
  return 'en';
}
