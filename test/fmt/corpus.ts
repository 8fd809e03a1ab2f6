/**
 * The files the fmt properties run over: every shipped indicator file under rules/, the dsl
 * fixtures under test/dsl/fixtures/ and the fmt golden inputs, keeping those without syntax
 * errors. Read once per test file.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { hasErrors } from '../../src/common/diagnostic.js';
import { parse } from '../../src/dsl/parse.js';

const ROOT = join(import.meta.dirname, '..', '..');

function walk(dir: string, out: string[]): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (name.endsWith('.ind')) out.push(full);
  }
  return out;
}

export interface CorpusFile {
  name: string;
  text: string;
}

export function validCorpus(): CorpusFile[] {
  const files = [join(ROOT, 'rules'), join(ROOT, 'test/dsl/fixtures'), join(ROOT, 'test/golden/fmt')].flatMap((d) => walk(d, []));
  return files.map((f) => ({ name: relative(ROOT, f), text: readFileSync(f, 'utf8') })).filter((f) => !hasErrors(parse(f.text, f.name).diagnostics));
}

export function shippedRules(): CorpusFile[] {
  return walk(join(ROOT, 'rules'), []).map((f) => ({ name: relative(ROOT, f), text: readFileSync(f, 'utf8') }));
}
