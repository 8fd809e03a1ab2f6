/**
 * Every diagnostic the compile phase reports, in Chinese and English: stable code, severity, and
 * message and hint templates per language, in the one catalogue shape of src/common/catalogue.ts,
 * split by code range (messages-names.ts CMP2xx names, files and types, with CMP298/CMP299
 * internal errors; messages-structure.ts CMP3xx weights, thresholds and structure;
 * messages-rules.ts REC5xx rule blocks; messages-params.ts CMP25x params, shared tables, overrides). Messages are written for policy staff (not programmers)
 * and quote the numbers involved; tests assert codes and ranges, never this wording. Arguments are
 * plain values or `Term`s (a phrase in both languages), resolved when rendered. Where a code has
 * several wordings the catalogue has variant keys, picked here from the arguments (`variant`).
 * `makeDiagnostic` is the only place a compile diagnostic object is created.
 */
import { render, type Catalogue } from '../common/catalogue.js';
import type { Diagnostic, Severity, SourceRange } from '../common/diagnostic.js';
import { DEFAULT_LANG, type Lang, type Term } from '../common/lang.js';
import { quoted, visible } from '../dsl/messages.js';
import { COMPILE_NAMES } from './messages-names.js';
import { COMPILE_PARAMS } from './messages-params.js';
import { COMPILE_RULES } from './messages-rules.js';
import { COMPILE_SCALES } from './messages-scales.js';
import { COMPILE_STRUCTURE } from './messages-structure.js';

export { COMPILE_NAMES, COMPILE_PARAMS, COMPILE_RULES, COMPILE_SCALES, COMPILE_STRUCTURE };

export type MsgArgs = Record<string, string | number | Term | undefined>;
/** Arguments after `Term`s were resolved to the chosen language. */
type Args = Record<string, string | number | undefined>;

const ALL = { ...COMPILE_NAMES, ...COMPILE_PARAMS, ...COMPILE_STRUCTURE, ...COMPILE_RULES, ...COMPILE_SCALES };

/** A diagnostic code (variant keys such as `CMP215.arity` are not codes). */
export type Code = Exclude<keyof typeof ALL, `${string}.${string}`>;

/** The wording of `code` these arguments call for: the variant key, or the code itself. */
function variant(code: Code, a: Args): string {
  switch (code) {
    case 'CMP202':
      return a.suggestion ? code : a.expects === 'number' ? 'CMP202.number' : 'CMP202.nothingNear';
    case 'CMP204':
    case 'CMP207':
      return a.suggestion ? `${code}.suggestion` : code;
    case 'CMP215':
      return a.arity ? 'CMP215.arity' : code;
    case 'CMP310':
      return a.what === 'order' ? 'CMP310.order' : code;
    case 'CMP317':
      return a.max ? 'CMP317.max' : code;
    case 'CMP235':
      return a.what === 'unit' ? (a.want ? 'CMP235.unit' : 'CMP235.plain') : code;
    case 'REC504':
      return a.verb ? 'REC504.verb' : code;
    case 'REC522':
      return a.field ? 'REC522.field' : code;
    case 'REC545':
      return a.cap ? 'REC545.cap' : code;
    default:
      return code;
  }
}

/**
 * Arguments in the chosen language. Text taken from the file is shown safely: control characters
 * as U+XXXX, and a name or suggestion of more than ~80 characters with its middle elided, so a
 * hostile name cannot make every message that quotes it as long as itself.
 */
function resolve(args: MsgArgs, lang: Lang): Args {
  const out: Args = {};
  for (const [k, v] of Object.entries(args)) {
    const x = typeof v === 'object' ? v[lang] : v;
    if (k === 'suggestion' && !x) continue; // no near name: the "did you mean" hint is left out
    out[k] = typeof x !== 'string' ? x : k === 'name' || k === 'suggestion' ? quoted(x) : visible(x);
  }
  return out;
}

export function makeDiagnostic(code: Code, file: string, range: SourceRange, args: MsgArgs = {}, lang: Lang = DEFAULT_LANG): Diagnostic {
  const a = resolve(args, lang);
  const text = render(ALL as Catalogue, variant(code, a), a, lang);
  const d: Diagnostic = { code, severity: ALL[code].severity as Severity, message: text.message, file, range };
  if (text.hint) d.hint = text.hint;
  return d;
}

/** The callback every check reports through. */
export type Accept = (code: Code, file: string, range: SourceRange, args?: MsgArgs) => void;
