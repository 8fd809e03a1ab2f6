/**
 * Every user-facing message of the syntax phase, in Chinese and English, in words policy staff
 * use: what was expected, in human terms, plus a hint. Both catalogues have the same keys and are
 * complete (a unit test checks it); every builder takes the language first and renders that one
 * language only. Codes are stable (tests assert codes, never wording):
 * DSL101 unexpected character · DSL102 unexpected token / expected … · DSL103 unterminated
 * string or comment · DSL104 missing closing brace · DSL105 bad number or unit · DSL106 unknown
 * option word · DSL107 clause given twice · DSL108 whole number required · DSL109 nested too
 * deeply · DSL110 a built-in word of formulas declared as a param/let name · DSL111 `previous` or
 * `rectification` without a field · DSL112 formula nested too deeply · DSL113 path with too many
 * segments · DSL114 file too large · DSL115 more diagnostics than are shown (limits.ts).
 */
import { fill, type Lang } from '../common/lang.js';
import { KEYWORD_SPELLINGS, type KeywordName } from './tokens.js';
import { DSL_EN } from './messages-en.js';
import { DSL_ZH } from './messages-zh.js';
import type { DslCatalogue, OptionKind } from './messages-types.js';

export type { DslCatalogue, OptionKind } from './messages-types.js';

export const DSL = {
  unexpectedChar: 'DSL101',
  unexpectedToken: 'DSL102',
  unterminated: 'DSL103',
  missingBrace: 'DSL104',
  badNumber: 'DSL105',
  unknownOption: 'DSL106',
  duplicateClause: 'DSL107',
  wholeNumber: 'DSL108',
  tooDeep: 'DSL109',
  reservedName: 'DSL110',
  contextMember: 'DSL111',
  formulaTooDeep: 'DSL112',
  pathTooLong: 'DSL113',
  fileTooLarge: 'DSL114',
  moreDiagnostics: 'DSL115',
} as const;

/** The catalogue of each language, for callers that list or check them. */
export const DSL_CATALOGUES: Record<Lang, DslCatalogue> = { en: DSL_EN, zh: DSL_ZH };

export interface Text {
  message: string;
  hint?: string;
}

/** `weight` → "`weight` (权重)" in English, "`权重`（weight）" in Chinese. */
export function describeToken(lang: Lang, tokenName: string): string {
  const spellings = (KEYWORD_SPELLINGS as Record<string, readonly string[]>)[tokenName] as readonly string[] | undefined;
  if (spellings) {
    const [en, ...zh] = spellings;
    if (zh.length === 0) return `\`${en}\``;
    return lang === 'en' ? `\`${en}\` (${zh.join(' / ')})` : `\`${zh.join('` / `')}\`（${en}）`;
  }
  return DSL_CATALOGUES[lang].punctuation[tokenName] ?? `\`${tokenName}\``;
}

function shown(lang: Lang, image: string | undefined): string {
  return image === undefined || image === '' ? DSL_CATALOGUES[lang].endOfFile : `\`${quoted(image)}\``;
}

/** Source text quoted in a message: visible (see `visible`) and at most ~80 characters, the middle elided. */
export function quoted(text: string): string {
  if (text.length <= 80) return visible(text);
  const cps = Array.from(text);
  return cps.length <= 80 ? visible(text) : `${visible(cps.slice(0, 60).join(''))}…${visible(cps.slice(-16).join(''))}`;
}

function after(lang: Lang, previous: string | undefined): string {
  return previous ? fill(DSL_CATALOGUES[lang].after, [quoted(previous)]) : '';
}

/** A token the parser did not expect; `expected` are token type names. */
export function expectedToken(lang: Lang, expected: string, actual: string | undefined, previous: string | undefined, stack: readonly string[]): Text & { code: string } {
  const c = DSL_CATALOGUES[lang];
  const ruleText = c.rules[stack[stack.length - 1] ?? 'file'];
  const hint = hintFor(lang, stack);
  if (expected === 'RCurly') {
    if (actual === undefined || actual === '') {
      return { code: DSL.missingBrace, message: fill(c.missingBrace, [ruleText?.what ?? c.aBlock]), hint: c.missingBraceHint };
    }
    return { code: DSL.unexpectedToken, message: fill(c.unexpectedIn, [shown(lang, actual), ruleText?.what ?? c.thisBlock]), hint: hint ?? c.unexpectedInHint };
  }
  if (expected === 'EOF') return trailingInput(lang, actual);
  const what = expected === 'NumberLiteral' && previous && isWeightWord(previous) ? c.aWeightNumber : describeToken(lang, expected);
  return { code: DSL.unexpectedToken, message: fill(c.expectedFound, [what, after(lang, previous), shown(lang, actual)]), hint };
}

/** The hint of the innermost rule on the stack that has one. */
function hintFor(lang: Lang, stack: readonly string[]): string | undefined {
  const rules = DSL_CATALOGUES[lang].rules;
  for (let i = stack.length - 1; i >= 0; i--) {
    const h = rules[stack[i] ?? '']?.hint;
    if (h) return h;
  }
  return undefined;
}

function isWeightWord(w: string): boolean {
  return KEYWORD_SPELLINGS.Weight.includes(w);
}

/** No alternative of `rule` matched. */
export function noViableAlternative(lang: Lang, actual: string | undefined, previous: string | undefined, stack: readonly string[]): Text & { code: string } {
  const c = DSL_CATALOGUES[lang];
  const what = c.rules[stack[stack.length - 1] ?? 'file']?.what ?? c.somethingElse;
  return { code: DSL.unexpectedToken, message: fill(c.expectedFound, [what, after(lang, previous), shown(lang, actual)]), hint: hintFor(lang, stack) };
}

export function trailingInput(lang: Lang, actual: string | undefined): Text & { code: string } {
  const c = DSL_CATALOGUES[lang];
  return { code: DSL.unexpectedToken, message: fill(c.outsideBlock, [shown(lang, actual)]), hint: c.rules.file?.hint };
}

function text(lang: Lang, key: keyof DslCatalogue['texts'], args: readonly unknown[] = []): Text {
  const t = DSL_CATALOGUES[lang].texts[key];
  return t.hint === undefined ? { message: fill(t.message, args) } : { message: fill(t.message, args), hint: fill(t.hint, args) };
}

export function chainedComparison(lang: Lang, op: string): Text {
  return text(lang, 'chainedComparison', [op]);
}

export function tooDeep(lang: Lang, limit: number): Text {
  return text(lang, 'tooDeep', [limit]);
}

export function unexpectedCharacter(lang: Lang, chars: string): Text {
  return text(lang, 'unexpectedCharacter', [quoted(chars)]);
}

/**
 * Source text as a message may show it: control characters, line and paragraph separators and
 * invisible format characters (a NUL, a bell, a zero-width space) become `U+0000`, so a message
 * never carries a raw control character to a terminal or a log.
 */
export function visible(chars: string): string {
  let out = '';
  let escaped = false;
  for (const ch of chars) {
    const invisible = INVISIBLE.test(ch);
    if (invisible) out += `${escaped ? ' ' : ''}U+${(ch.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}`;
    else out += ch;
    escaped = invisible;
  }
  return out;
}

const INVISIBLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]$/u;

export function formulaTooDeep(lang: Lang, limit: number): Text {
  return text(lang, 'formulaTooDeep', [limit]);
}

export function pathTooLong(lang: Lang, limit: number): Text {
  return text(lang, 'pathTooLong', [limit]);
}

export function fileTooLarge(lang: Lang, size: number, limit: number): Text {
  return text(lang, 'fileTooLarge', [size, limit]);
}

export function moreDiagnostics(lang: Lang, hidden: number, shown: number): Text {
  return text(lang, 'moreDiagnostics', [hidden, shown]);
}

export function unterminatedString(lang: Lang): Text {
  return text(lang, 'unterminatedString');
}

export function unterminatedComment(lang: Lang): Text {
  return text(lang, 'unterminatedComment');
}

export function badNumber(lang: Lang, image: string): Text {
  return text(lang, 'badNumber', [image]);
}

export function unknownOption(lang: Lang, word: string, what: OptionKind, allowed: readonly string[]): Text {
  const c = DSL_CATALOGUES[lang];
  return text(lang, 'unknownOption', [word, c.options[what], allowed.join(lang === 'zh' ? '、' : ', ')]);
}

export function duplicateClause(lang: Lang, clause: string): Text {
  return text(lang, 'duplicateClause', [clause]);
}

export function wholeNumber(lang: Lang, what: string): Text {
  return text(lang, 'wholeNumber', [what]);
}

/** `let 目标 = …`: `name` means the built-in `builtin` in formulas, so it cannot name a param/let. */
export function reservedName(lang: Lang, name: string, builtin: string, what: string): Text {
  return text(lang, 'reservedName', [name, builtin, what]);
}

/** `previous` alone: the context roots name an object, a rule reads one of its fields. */
export function contextMember(lang: Lang, written: string, root: 'previous' | 'rectification'): Text {
  return text(lang, 'contextMember', [written, root === 'previous' ? 'grade' : 'status']);
}

/** Keyword spellings for a token name, for callers that list alternatives. */
export function spellingsOf(name: KeywordName): readonly string[] {
  return KEYWORD_SPELLINGS[name];
}
