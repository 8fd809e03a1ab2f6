/**
 * File readers shared by `jixiao sample`, `jixiao allocate` and roll-up callers: a YAML
 * declaration file (parse errors become ROL801 diagnostics, never throws) and all records of
 * data or result files through the ordinary data reader (YAML, JSON, NDJSON, spreadsheets),
 * with unreadable entries reported as messages beside the records that could be read. Both
 * take the language of their messages last (default Chinese).
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { Diagnostic } from '../common/diagnostic.js';
import { readRecords } from '../data/index.js';
import { DEFAULT_LANG, type Lang } from '../common/lang.js';
import { rolDiagnostic } from './messages.js';

export function readDeclarationFile(path: string, shown = path, lang: Lang = DEFAULT_LANG): { value?: unknown; diagnostics: Diagnostic[] } {
  try {
    return { value: parseYaml(readFileSync(path, 'utf8')) as unknown, diagnostics: [] };
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    return { diagnostics: [rolDiagnostic('ROL801', [shown, detail], shown, lang)] };
  }
}

export async function readAllRecords(paths: string[], lang: Lang = DEFAULT_LANG): Promise<{ records: unknown[]; errors: string[] }> {
  const records: unknown[] = [];
  const errors: string[] = [];
  for await (const item of readRecords(paths, { lang })) {
    if (item.error) errors.push(`${item.error.code} ${item.error.message}`);
    else records.push(item.record);
  }
  return { records, errors };
}
