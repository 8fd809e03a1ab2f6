/**
 * Every user-facing message of the syntax phase, in Chinese and English, in words policy staff
 * use: what was expected, in human terms, plus a hint. The texts live in catalogues of the one
 * shape (messages-codes.ts the diagnostics, messages-rules.ts the grammar rules,
 * messages-words.ts tokens and phrases); every builder here takes the language first and renders
 * that one language only. Codes are stable (tests assert codes, never wording):
 * DSL101 unexpected character · DSL102 unexpected token / expected … · DSL103 unterminated
 * string or comment · DSL104 missing closing brace · DSL105 bad number or unit · DSL106 unknown
 * option word · DSL107 clause given twice · DSL108 whole number required · DSL109 nested too
 * deeply · DSL110 a built-in word of formulas declared as a param/let name · DSL111 `previous` or
 * `rectification` without a field · DSL112 formula nested too deeply · DSL113 path with too many
 * segments · DSL114 file too large · DSL115 more diagnostics than are shown (limits.ts).
 */
import { codeOf, render, renderText, type Arg, type Entry } from '../common/catalogue.js';
import type { Lang } from '../common/lang.js';
import { KEYWORD_SPELLINGS, type KeywordName } from './tokens.js';
import { DSL_MESSAGES, type DslKey } from './messages-codes.js';
import { DSL_RULES } from './messages-rules.js';
import { DSL_OPTIONS, DSL_TOKENS, DSL_WORDS, type OptionKind } from './messages-words.js';

export type { OptionKind } from './messages-words.js';
export { DSL_MESSAGES, DSL_RULES, DSL_TOKENS, DSL_OPTIONS, DSL_WORDS };

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
  const term = (DSL_TOKENS as Record<string, { zh: string; en: string } | undefined>)[tokenName];
  return term ? term[lang] : `\`${tokenName}\``;
}

function shown(lang: Lang, image: string | undefined): string {
  return image === undefined || image === '' ? DSL_WORDS.endOfFile[lang] : `\`${quoted(image)}\``;
}

/** Source text quoted in a message: visible (see `visible`) and at most ~80 characters, the middle elided. */
export function quoted(text: string): string {
  if (text.length <= 80) return visible(text);
  const cps = Array.from(text);
  return cps.length <= 80 ? visible(text) : `${visible(cps.slice(0, 60).join(''))}…${visible(cps.slice(-16).join(''))}`;
}

function after(lang: Lang, previous: string | undefined): string {
  return previous ? renderText(DSL_WORDS.after, [quoted(previous)], lang) : '';
}

/** A token the parser did not expect; `expected` are token type names. */
export function expectedToken(
  lang: Lang,
  expected: string,
  actual: string | undefined,
  previous: string | undefined,
  stack: readonly string[],
): Text & { code: string } {
  const rule = ruleOf(stack[stack.length - 1] ?? 'file');
  const hint = hintFor(lang, stack);
  if (expected === 'RCurly') {
    if (actual === undefined || actual === '') return coded('DSL104', lang, [rule?.[lang] ?? DSL_WORDS.aBlock[lang]]);
    const t = coded('DSL102.in', lang, [shown(lang, actual), rule?.[lang] ?? DSL_WORDS.thisBlock[lang]]);
    return hint === undefined ? t : { ...t, hint };
  }
  if (expected === 'EOF') return trailingInput(lang, actual);
  const what = expected === 'NumberLiteral' && previous && isWeightWord(previous) ? DSL_WORDS.aWeightNumber[lang] : describeToken(lang, expected);
  return withHint(coded('DSL102', lang, [what, after(lang, previous), shown(lang, actual)]), hint);
}

function ruleOf(name: string): Entry | undefined {
  return (DSL_RULES as Record<string, Entry | undefined>)[name];
}

/** A text of `key` carrying the code the key stands for (`DSL102.in` → DSL102). */
function coded(key: DslKey, lang: Lang, args: readonly Arg[]): Text & { code: string } {
  return { code: codeOf(key), ...text(lang, key, args) };
}

/** `hint` in place of the entry's own, the key order (message, hint) kept. */
function withHint<T extends Text>(t: T, hint: string | undefined): T {
  const { hint: _own, ...rest } = t;
  return (hint === undefined ? rest : { ...rest, hint }) as T;
}

/** The hint of the innermost rule on the stack that has one. */
function hintFor(lang: Lang, stack: readonly string[]): string | undefined {
  for (let i = stack.length - 1; i >= 0; i--) {
    const h = ruleOf(stack[i] ?? '')?.hint?.[lang];
    if (h) return h;
  }
  return undefined;
}

function isWeightWord(w: string): boolean {
  return KEYWORD_SPELLINGS.Weight.includes(w);
}

/** No alternative of `rule` matched. */
export function noViableAlternative(lang: Lang, actual: string | undefined, previous: string | undefined, stack: readonly string[]): Text & { code: string } {
  const top = stack[stack.length - 1] ?? 'file';
  // `weight` takes a number or a param's name; saying "a weight number" keeps the usual case plain.
  const weight = top === 'numberOrParam' && previous !== undefined && isWeightWord(previous);
  const what = weight ? DSL_WORDS.aWeightNumber[lang] : (ruleOf(top)?.[lang] ?? DSL_WORDS.somethingElse[lang]);
  return { ...coded('DSL102', lang, [what, after(lang, previous), shown(lang, actual)]), hint: hintFor(lang, stack) };
}

export function trailingInput(lang: Lang, actual: string | undefined): Text & { code: string } {
  return { ...coded('DSL102.outside', lang, [shown(lang, actual)]), hint: DSL_RULES.file.hint[lang] };
}

function text(lang: Lang, key: DslKey, args: readonly Arg[] = []): Text {
  return render(DSL_MESSAGES, key, args, lang);
}

/** The hint of a DSL102 at a `+` glued to a label (`B+ >= 3.5`): quoting works. */
export function quoteLabelHint(lang: Lang, label: string): string {
  return text(lang, 'DSL102.quote', [label]).message;
}

export function chainedComparison(lang: Lang, op: string): Text {
  return text(lang, 'DSL102.chained', [op]);
}

export function tooDeep(lang: Lang, limit: number): Text {
  return text(lang, 'DSL109', [limit]);
}

export function unexpectedCharacter(lang: Lang, chars: string): Text {
  return text(lang, 'DSL101', [quoted(chars)]);
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
  return text(lang, 'DSL112', [limit]);
}

export function pathTooLong(lang: Lang, limit: number): Text {
  return text(lang, 'DSL113', [limit]);
}

export function fileTooLarge(lang: Lang, size: number, limit: number): Text {
  return text(lang, 'DSL114', [size, limit]);
}

export function moreDiagnostics(lang: Lang, hidden: number, shown: number): Text {
  return text(lang, 'DSL115', [hidden, shown]);
}

export function unterminatedString(lang: Lang): Text {
  return text(lang, 'DSL103');
}

export function unterminatedComment(lang: Lang): Text {
  return text(lang, 'DSL103.comment');
}

export function badNumber(lang: Lang, image: string): Text {
  return text(lang, 'DSL105', [image]);
}

export function unknownOption(lang: Lang, word: string, what: OptionKind, allowed: readonly string[]): Text {
  return text(lang, 'DSL106', [word, DSL_OPTIONS[what][lang], allowed.join(DSL_WORDS.listSeparator[lang])]);
}

export function duplicateClause(lang: Lang, clause: string): Text {
  return text(lang, 'DSL107', [clause]);
}

export function wholeNumber(lang: Lang, what: string): Text {
  return text(lang, 'DSL108', [what]);
}

/** `let 目标 = …`: `name` means the built-in `builtin` in formulas, so it cannot name a param/let. */
export function reservedName(lang: Lang, name: string, builtin: string, what: string): Text {
  return text(lang, 'DSL110', [name, builtin, what]);
}

/** `previous` alone: the context roots name an object, a rule reads one of its fields. */
export function contextMember(lang: Lang, written: string, root: 'previous' | 'rectification'): Text {
  return text(lang, 'DSL111', [written, root === 'previous' ? 'grade' : 'status']);
}

/** Keyword spellings for a token name, for callers that list alternatives. */
export function spellingsOf(name: KeywordName): readonly string[] {
  return KEYWORD_SPELLINGS[name];
}
