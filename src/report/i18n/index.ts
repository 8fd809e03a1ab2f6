/**
 * Message lookup for reports: `t(lang, key, params)` fills a catalogue template's `{name}`
 * placeholders, and `detectLang(env)` picks the report language from the POSIX locale variables
 * (LC_ALL, then LC_MESSAGES, then LANG; a value starting with "zh" means Chinese, anything else
 * English). A placeholder without a value is left visible as `{name}` so a missing parameter
 * shows up in a golden file instead of vanishing.
 */
import { en } from './en.js';
import { zh, type MessageKey } from './zh.js';

import type { Lang } from '../../common/lang.js';

export type { Lang };
export { detectLang } from '../../common/lang.js';
export type { MessageKey };

const CATALOGUES: Record<Lang, Record<MessageKey, string>> = { zh, en };

export type MessageParams = Record<string, string | number>;

export function t(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  const template = CATALOGUES[lang][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** True when the catalogue has a message for a key built at run time (`lost.${code}`). */
export function hasMessage(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(zh, key);
}

/** The report language from environment variables such as `process.env`. */
