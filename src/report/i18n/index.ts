/**
 * Message lookup for reports: `t(lang, key, params)` renders an entry of the report catalogue
 * (messages.ts, on the one catalogue shape) through the common renderer, filling its `{name}`
 * placeholders; `detectLang(env)` is the common locale reader. A placeholder without a value is
 * left visible as `{name}` so a missing parameter shows up in a golden file instead of
 * vanishing.
 */
import { render } from '../../common/catalogue.js';
import type { Lang } from '../../common/lang.js';
import { REPORT_MESSAGES, type MessageKey } from './messages.js';

export type { Lang };
export { detectLang } from '../../common/lang.js';
export { REPORT_MESSAGES, type MessageKey };

export type MessageParams = Record<string, string | number>;

export function t(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  return render(REPORT_MESSAGES, key, params, lang).message;
}

/** True when the catalogue has a message for a key built at run time (`lost/${code}`). */
export function hasMessage(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(REPORT_MESSAGES, key);
}
