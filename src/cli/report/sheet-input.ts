/**
 * What `eval` and `report` share for reading spreadsheets: the `--mapping` YAML file, parsed and
 * checked before any row is read (a broken mapping is an input error, exit 2, not a thousand
 * rejected rows), and the reader options — mapping, the rule set's data schema for the default
 * mapping and cell types, the CSV encoding (`--encoding`), and a printer for sheet warnings (an
 * ignored column, said once).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { RuleSetIR } from '../../compile/ir.js';
import type { ReadOptions } from '../../data/read-records.js';
import { parseMapping, type SheetMapping } from '../../data/sheets/mapping.js';
import { CSV_ENCODINGS, type CsvEncoding } from '../../data/sheets/csv.js';
import { oneOf } from '../args.js';
import { displayPath } from '../files.js';
import { type CliIO, write } from '../io.js';
import { type Lang, msg } from '../messages.js';

/** The parsed mapping, null when none was given, undefined after printing why it is unusable. */
export function loadMapping(path: string | undefined, io: CliIO, lang: Lang): SheetMapping | null | undefined {
  if (path === undefined) return null;
  let text: string;
  try {
    text = readFileSync(resolve(io.cwd, path), 'utf8');
  } catch {
    write(io.stderr, msg(lang, 'notFound', path));
    return undefined;
  }
  const { mapping, issues } = parseMapping(text, lang);
  if (!mapping) {
    for (const issue of issues) write(io.stderr, `${path}: ${issue.code} ${issue.message}`);
    return undefined;
  }
  return mapping;
}

/** `--encoding` of CSV input: utf-8, gbk, gb18030 or auto (the default: detected). */
export function csvEncoding(value: string | undefined): CsvEncoding | undefined {
  return value === undefined ? undefined : oneOf(value.toLowerCase(), CSV_ENCODINGS, '--encoding', 'auto');
}

export function sheetReadOptions(ir: RuleSetIR, mapping: SheetMapping | null, io: CliIO, lang: Lang, encoding?: CsvEncoding): ReadOptions {
  return {
    lang,
    ...(encoding ? { encoding } : {}),
    stdin: io.stdin,
    schema: ir.dataSchema,
    ...(mapping ? { mapping } : {}),
    onIssue: (issue, source) => {
      const where = issue.row > 0 ? `:${issue.row}${issue.column > 0 ? `:${issue.column}` : ''}` : '';
      write(io.stderr, `${displayPath(source, io.cwd)}${where} ${issue.severity} ${issue.code} ${issue.message}`);
    },
  };
}
