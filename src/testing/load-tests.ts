/**
 * Finds `*.test.yaml` files (given directly, or under directories, walked in sorted order) and
 * reads them with the yaml package's Document API, keeping the Document so `--update` can
 * rewrite `expect` blocks in place with comments and key order intact. Reading never throws:
 * an unreadable or malformed file comes back with a message.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { TestCase } from './types.js';
import { DEFAULT_LANG, type Lang } from '../common/lang.js';
import { checkTestKeys } from './keys.js';
import { testMessage } from './messages.js';

export const TEST_SUFFIX = '.test.yaml';

export function findTestFiles(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith(TEST_SUFFIX)) out.push(p);
    }
  };
  for (const p of paths) {
    if (!existsSync(p)) {
      out.push(p); // reported as unreadable by loadTestFile
      continue;
    }
    if (statSync(p).isDirectory()) walk(p);
    else out.push(p);
  }
  return [...new Set(out)];
}

export interface LoadedTestFile {
  file: string;
  doc?: Document;
  rules?: string;
  framework?: string;
  policy: string[];
  tolerance: number;
  /** A case the runner cannot run as written: its problems (one per line) and its name, if any. */
  cases: (TestCase | { invalid: string; name?: string })[];
  message?: string;
}

export function loadTestFile(file: string, lang: Lang = DEFAULT_LANG): LoadedTestFile {
  const base: LoadedTestFile = { file, policy: [], tolerance: 0, cases: [] };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    return { ...base, message: testMessage('unreadable', { detail: (err as NodeJS.ErrnoException).code ?? String(err) }, lang) };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length) return { ...base, message: testMessage('unreadable', { detail: doc.errors[0]!.message }, lang) };
  const js = doc.toJS({ maxAliasCount: 100 }) as unknown;
  if (!js || typeof js !== 'object' || Array.isArray(js) || !Array.isArray((js as Record<string, unknown>).cases)) {
    return { ...base, doc, message: testMessage('notATestFile', {}, lang) };
  }
  const top = js as Record<string, unknown>;
  // Unknown keys are errors: ignored, they would let a case pass while asserting nothing.
  const keys = checkTestKeys(doc, lineCounter, lang);
  const loaded: LoadedTestFile = {
    ...base,
    doc,
    policy: (Array.isArray(top.policy) ? top.policy : typeof top.policy === 'string' ? [top.policy] : []).filter((x): x is string => typeof x === 'string'),
    tolerance: typeof top.tolerance === 'number' ? top.tolerance : 0,
    cases: (top.cases as unknown[]).map((c, i) => {
      if (!c || typeof c !== 'object' || Array.isArray(c) || typeof (c as TestCase).name !== 'string')
        return { invalid: testMessage('badCase', { index: i + 1 }, lang) };
      const problems = keys.cases.get(i);
      return problems ? { invalid: problems.join('\n'), name: (c as TestCase).name } : (c as TestCase);
    }),
  };
  if (keys.file.length) loaded.message = keys.file.join('\n');
  if (typeof top.rules === 'string') loaded.rules = top.rules;
  else loaded.message = [loaded.message, testMessage('noRules', {}, lang)].filter(Boolean).join('\n');
  if (typeof top.framework === 'string') loaded.framework = top.framework;
  return loaded;
}
