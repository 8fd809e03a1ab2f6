/**
 * The keys a `*.test.yaml` may use, checked on the parsed YAML Document so each unknown key is
 * reported with its line: a key the runner does not know would otherwise be ignored and the case
 * would pass while asserting nothing (`expect: { reported_total: 96 }`). Known keys are those of
 * the file (`rules`, `framework`, `policy`, `tolerance`, `cases`), of a case (`name`, `data`,
 * `stage`, `context`, `expect`, `tolerance`), of `expect` (the fields compare.ts compares) and of
 * `context` (`previous`, `rectification`, `stage`). A file-level key written inside a case (a
 * per-case `framework:`) gets its own message, since one test file tests one framework. Problems
 * are returned as data: the file's problems and, per case index, that case's problems.
 */
import { isMap, isScalar, isSeq, type LineCounter, type Document, type YAMLMap } from 'yaml';
import { DEFAULT_LANG, type Lang } from '../common/lang.js';
import { suggest } from '../compile/suggest.js';
import { testMessage } from './messages.js';

export const FILE_KEYS = ['rules', 'framework', 'policy', 'tolerance', 'cases'] as const;
export const CASE_KEYS = ['name', 'data', 'stage', 'context', 'expect', 'tolerance'] as const;
export const EXPECT_KEYS = ['total', 'grade', 'indicators', 'dimensions', 'ratings', 'outcome', 'status', 'recommendations', 'error'] as const;
export const CONTEXT_KEYS = ['previous', 'rectification', 'stage'] as const;

export interface KeyProblems {
  file: string[];
  cases: Map<number, string[]>;
}

/** The closest allowed key: an edit-distance neighbour, else an allowed key the name ends with (`reported_total` → `total`). */
export function closestKey(name: string, allowed: readonly string[]): string | undefined {
  return suggest(name, allowed) ?? allowed.filter((k) => name.length <= 64 && name.toLowerCase().endsWith(k)).sort((a, b) => b.length - a.length)[0];
}

/** `lines` is the LineCounter the Document was parsed with. */
export function checkTestKeys(doc: Document, lines: LineCounter, lang: Lang = DEFAULT_LANG): KeyProblems {
  const out: KeyProblems = { file: [], cases: new Map() };
  const top = doc.contents;
  if (!isMap(top)) return out;
  unknownKeys(top, FILE_KEYS, 'inFile', lines, lang, out.file);
  const cases = top.get('cases', true);
  if (!isSeq(cases)) return out;
  cases.items.forEach((item, index) => {
    if (!isMap(item)) return;
    const problems: string[] = [];
    for (const pair of item.items) {
      const key = keyText(pair.key);
      if (key !== undefined && !(CASE_KEYS as readonly string[]).includes(key) && (FILE_KEYS as readonly string[]).includes(key)) {
        problems.push(testMessage('fileKeyInCase', { key, line: lineOf(pair.key, lines) }, lang));
      }
    }
    unknownKeys(item, CASE_KEYS, 'inCase', lines, lang, problems, FILE_KEYS);
    const expect = item.get('expect', true);
    if (isMap(expect)) unknownKeys(expect, EXPECT_KEYS, 'inExpect', lines, lang, problems);
    const context = item.get('context', true);
    if (isMap(context)) unknownKeys(context, CONTEXT_KEYS, 'inContext', lines, lang, problems);
    if (problems.length) out.cases.set(index, problems);
  });
  return out;
}

type Where = 'inFile' | 'inCase' | 'inExpect' | 'inContext';

function unknownKeys(
  map: YAMLMap,
  allowed: readonly string[],
  where: Where,
  lines: LineCounter,
  lang: Lang,
  into: string[],
  skip: readonly string[] = [],
): void {
  for (const pair of map.items) {
    const key = keyText(pair.key);
    if (key === undefined || allowed.includes(key) || skip.includes(key)) continue;
    const suggestion = closestKey(key, allowed);
    const args = { key: clip(key), where: testMessage(where, {}, lang), line: lineOf(pair.key, lines), allowed: allowed.join(', ') };
    into.push(suggestion ? testMessage('unknownKeySuggest', { ...args, suggestion }, lang) : testMessage('unknownKey', args, lang));
  }
}

function keyText(node: unknown): string | undefined {
  if (isScalar(node)) return String(node.value);
  return node === null || node === undefined ? undefined : String(node);
}

function lineOf(node: unknown, lines: LineCounter): number | string {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? lines.linePos(range[0]).line : '?';
}

/** A key is quoted back to the user; a pasted paragraph is not. */
function clip(key: string): string {
  return key.length > 64 ? `${key.slice(0, 64)}…` : key;
}
