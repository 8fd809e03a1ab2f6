/**
 * The labels every printed diagnostic shares, whatever phase reported it, in the one catalogue
 * shape of catalogue.ts: the severity word a warning or an info carries before its message and
 * the word before a hint (`提示：` / `hint: `). They sit here, below every phase, because the code
 * frame of src/compile prints diagnostics of the syntax, compile, data and service phases alike;
 * each label includes its trailing punctuation and space so a printer only concatenates.
 */
import { defineCatalogue } from './catalogue.js';
import type { Lang } from './lang.js';

export const DIAGNOSTIC_LABELS = defineCatalogue('diagnostic-labels', {
  hint: { zh: '提示：', en: 'hint: ' },
  warning: { zh: '警告：', en: 'warning: ' },
  info: { zh: '说明：', en: 'info: ' },
});

export function diagnosticLabel(label: keyof typeof DIAGNOSTIC_LABELS, lang: Lang): string {
  return DIAGNOSTIC_LABELS[label][lang];
}
