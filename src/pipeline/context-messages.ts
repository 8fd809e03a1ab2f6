/**
 * The one catalogue of messages about record context files (CTX9xx): last year's results
 * (`--previous`) and rectification status (`--rectification`), in Chinese and English. Code
 * builds diagnostics through `ctxDiagnostic`; tests assert codes and positions, never wording.
 * A diagnostic's range points at the row's line when it is known (NDJSON and CSV lines, YAML and
 * JSON list items) and NO_RANGE otherwise (a workbook row, a file-level warning: nothing to show); the
 * row is named in the message as `file#row` either way.
 */
import { NO_RANGE, type Diagnostic, type Severity } from '../common/diagnostic.js';
import { DEFAULT_LANG, fill, type Lang } from '../common/lang.js';

export const CTX = {
  /** A context file or one of its entries cannot be read. */
  UNREADABLE: 'CTX901',
  /** Two rows of the context files of one kind carry the same id. */
  DUPLICATE_ID: 'CTX902',
  /** A row has no usable id. */
  NO_ID: 'CTX903',
  /** Rows that match no assessed record (a warning after the run). */
  UNMATCHED: 'CTX904',
  /** A value of the wrong type (a grade that is not text, a total that is not a number). */
  BAD_VALUE: 'CTX905',
  /** A rectification row without a status. */
  NO_STATUS: 'CTX906',
} as const;

export type CtxCode = (typeof CTX)[keyof typeof CTX];

const SEVERITY: Record<CtxCode, Severity> = {
  CTX901: 'error',
  CTX902: 'error',
  CTX903: 'error',
  CTX904: 'warning',
  CTX905: 'error',
  CTX906: 'error',
};

const en: Record<CtxCode | 'previous' | 'rectification', string> = {
  previous: "last year's results",
  rectification: 'rectification status',
  CTX901: '{detail}',
  CTX902: '{kind}: id "{id}" appears twice — {first} and {second}; keep one row per id',
  CTX903: '{kind}: {where} has no id (column id / 编号 / 项目编号)',
  CTX904: '{kind}: {count} row(s) of {file} match no assessed record: {ids}',
  CTX905: '{kind}: {where}: {field} "{value}" is not {expected}',
  CTX906: '{kind}: {where} has no status (column status / 整改状态 / 状态)',
};

const zh: typeof en = {
  previous: '上年度评价结果',
  rectification: '整改情况',
  CTX901: '{detail}',
  CTX902: '{kind}：编号“{id}”出现两次——{first} 和 {second}；每个编号只能有一行',
  CTX903: '{kind}：{where} 没有编号（列 id / 编号 / 项目编号）',
  CTX904: '{kind}：{file} 中有 {count} 行没有对应的评价记录：{ids}',
  CTX905: '{kind}：{where}：{field}“{value}”不是{expected}',
  CTX906: '{kind}：{where} 没有整改状态（列 status / 整改状态 / 状态）',
};

const EXPECTED: Record<Lang, Record<'text' | 'number', string>> = {
  en: { text: 'text', number: 'a number' },
  zh: { text: '文本', number: '数字' },
};

export const CTX_CATALOGUES: Record<Lang, typeof en> = { en, zh };

export type ContextKind = 'previous' | 'rectification';

export interface CtxPlace {
  file: string;
  /** 1-based line of the row; 0 when no line is known (the range is then the file start). */
  line: number;
  offset?: number;
}

export function ctxDiagnostic(
  code: CtxCode,
  kind: ContextKind,
  args: Record<string, string | number>,
  place: CtxPlace,
  lang: Lang = DEFAULT_LANG,
): Diagnostic {
  const catalogue = CTX_CATALOGUES[lang];
  const expected = typeof args.expected === 'string' ? EXPECTED[lang][args.expected as 'text' | 'number'] ?? args.expected : undefined;
  const message = fill(catalogue[code], { ...args, kind: catalogue[kind], ...(expected ? { expected } : {}) });
  // a row's range covers its first character, so it never reads as "no position" (NO_RANGE)
  const offset = place.offset ?? 0;
  const range = place.line > 0
    ? { start: { line: place.line, column: 1, offset }, end: { line: place.line, column: 2, offset: offset + 1 } }
    : NO_RANGE;
  return { code, severity: SEVERITY[code], message, file: place.file, range };
}
