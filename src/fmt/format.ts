/**
 * `formatSource(text, file, { lang })`: the façade of `jixiao fmt`. A file with syntax errors is not
 * formatted: its parse diagnostics come back and `text` is absent. Otherwise the canonical layout
 * is printed (`print.ts`) and read back; it is returned only if it means exactly what the input
 * meant (`analyse.ts`: same tokens apart from separators, same comments, same AST). Should the
 * canonical separators ever change the reading, the layout is printed again keeping every
 * separator the user wrote; should that fail too, FMT701 is returned and no text. Never throws on
 * user input; `changed` says whether the text differs from the input.
 */
import { hasErrors, NO_RANGE, type Diagnostic } from '../common/diagnostic.js';
import { DEFAULT_LANG, type Lang } from '../common/lang.js';
import { analyse } from './analyse.js';
import { FMT, meaningChanged } from './messages.js';
import { printFile, type SeparatorMode } from './print.js';
import { sameMeaning } from './analyse.js';
import { Trivia } from './trivia.js';

export interface FormatResult {
  text?: string;
  diagnostics: Diagnostic[];
  changed: boolean;
}

export interface FormatOptions {
  /** Language of the diagnostics (default Chinese). */
  lang?: Lang;
}

export function formatSource(text: string, file = '<input>', options: FormatOptions = {}): FormatResult {
  const lang = options.lang ?? DEFAULT_LANG;
  const before = analyse(text, file, lang);
  if (hasErrors(before.diagnostics) || !before.cst) return { diagnostics: before.diagnostics, changed: false };
  for (const mode of ['canonical', 'keep'] as SeparatorMode[]) {
    const trivia = new Trivia(before.lexed.comments, before.lexed.breaksBefore);
    const out = printFile(before.cst, trivia, mode);
    if (sameMeaning(before, analyse(out, file, lang), mode === 'keep')) {
      return { text: out, diagnostics: before.diagnostics, changed: out !== text };
    }
  }
  const refused = meaningChanged(lang);
  const diagnostic: Diagnostic = {
    code: FMT.meaningChanged,
    severity: 'error',
    message: refused.message,
    file,
    range: NO_RANGE,
    hint: refused.hint as string,
  };
  return { diagnostics: [...before.diagnostics, diagnostic], changed: false };
}
