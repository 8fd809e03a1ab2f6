/**
 * The one shape of every message catalogue and the one renderer. A catalogue maps a key (a
 * diagnostic code such as `CMP202`, or a word's name) to an `Entry`: a Chinese and an English
 * template with the same `{name}` placeholders, an optional hint in both languages, and, for
 * diagnostics, a severity (which does not depend on the language). Templates are plain strings,
 * never functions, so a test can read every placeholder of every entry. Text that differs by
 * case is a separate key, never code in a template: `CMP215.arity` is a variant of `CMP215`
 * (the diagnostic still carries the code before the dot), chosen by the phase that reports it.
 * An argument that is itself a phrase is a `Term` ({ zh, en }), resolved into the language of
 * the message; phases keep their phrases in term catalogues of the same shape, so no English
 * literal ever lands in a Chinese message. Rendering rules: a message placeholder without an
 * argument stays visible as `{name}` (a missing argument shows in a golden file instead of
 * vanishing); a hint that names a missing argument is left out (a hint only some diagnostics
 * have, like "did you mean …", is written once with its argument).
 */
import type { Severity } from './diagnostic.js';
import type { Lang, Term } from './lang.js';

/** A text in both languages; a `Term` is the same shape. */
export interface Text {
  readonly zh: string;
  readonly en: string;
}

export interface Entry extends Text {
  readonly severity?: Severity;
  readonly hint?: Text;
}

/** Every catalogue, whatever its keys; `defineCatalogue` marks it for the completeness test. */
export type Catalogue<K extends string = string, E extends Entry = Entry> = Readonly<Record<K, E>>;

/** An argument: a value shown as written, or a phrase in both languages. */
export type Arg = string | number | boolean | bigint | null | undefined | Term;

/** Named arguments; a list fills positional `{0}`, `{1}` … placeholders. */
export type Args = Readonly<Record<string, Arg>> | readonly Arg[];

export interface Rendered {
  message: string;
  hint?: string;
}

const MARK = Symbol.for('jixiao.catalogue');
const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * Names a catalogue so the completeness test can list every one (a catalogue nobody registered
 * would be checked by nobody). The entries are returned as given, frozen, with a hidden name.
 */
export function defineCatalogue<C extends Record<string, Entry>>(name: string, entries: C): Readonly<C> {
  Object.defineProperty(entries, MARK, { value: name, enumerable: false });
  return Object.freeze(entries);
}

/** The name given to `defineCatalogue`, or undefined for any other value. */
export function catalogueName(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const name = (value as Record<symbol, unknown>)[MARK];
  return typeof name === 'string' ? name : undefined;
}

/** The placeholder names of a template, sorted and without repeats. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1] as string))].sort();
}

function lookup(args: Args, name: string): Arg {
  return Array.isArray(args) ? (args as readonly Arg[])[Number(name)] : (args as Readonly<Record<string, Arg>>)[name];
}

/** An argument as text in `lang`: a Term in that language, anything else as written. */
export function shownArg(value: Arg, lang: Lang): string | undefined {
  if (value === undefined) return undefined;
  if (value === null) return 'null';
  if (typeof value === 'object') return value[lang];
  return String(value);
}

/** Fills one template; `missing` decides what an absent argument becomes. */
function fillTemplate(template: string, args: Args, lang: Lang, missing: (name: string) => string): string {
  return template.replace(PLACEHOLDER, (_, name: string) => shownArg(lookup(args, name), lang) ?? missing(name));
}

/** A text of either language with its arguments, e.g. a term that has a placeholder itself. */
export function renderText(text: Text, args: Args, lang: Lang): string {
  return fillTemplate(text[lang], args, lang, (name) => `{${name}}`);
}

/** A text with its placeholders filled in both languages: a Term the message resolves later. */
export function termOf(text: Text, args: Args): Term {
  return { zh: renderText(text, args, 'zh'), en: renderText(text, args, 'en') };
}

/** The message and hint of `key` in `lang`. */
export function render(catalogue: Catalogue, key: string, args: Args, lang: Lang): Rendered {
  const entry = catalogue[key];
  if (entry === undefined) throw new Error(`no catalogue entry ${key}`); // a programmer's typo
  const out: Rendered = { message: renderText(entry, args, lang) };
  const hint = entry.hint?.[lang];
  if (hint !== undefined && placeholders(hint).every((n) => lookup(args, n) !== undefined)) out.hint = fillTemplate(hint, args, lang, () => '');
  return out;
}

/** The diagnostic code of a catalogue key: `CMP215.arity` → `CMP215`. */
export function codeOf(key: string): string {
  const dot = key.indexOf('.');
  return dot < 0 ? key : key.slice(0, dot);
}

/** The severity of a key, taken from its base code when the variant has none. */
export function severityOf(catalogue: Catalogue, key: string): Severity | undefined {
  return catalogue[key]?.severity ?? catalogue[codeOf(key)]?.severity;
}
