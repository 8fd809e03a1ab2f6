/**
 * The one catalogue of messages about record context files (CTX9xx): last year's results
 * (`--previous`) and rectification status (`--rectification`), in Chinese and English. Code
 * builds diagnostics through `ctxDiagnostic` (the catalogue has the one shape of
 * src/common/catalogue.ts; the kind of file and what a value should be are terms); tests assert codes and positions, never wording.
 * A diagnostic's range points at the row's line when it is known (NDJSON and CSV lines, YAML and
 * JSON list items) and NO_RANGE otherwise (a workbook row, a file-level warning: nothing to show); the
 * row is named in the message as `file#row` either way.
 */
import { defineCatalogue, render } from '../common/catalogue.js';
import { NO_RANGE, type Diagnostic } from '../common/diagnostic.js';
import { DEFAULT_LANG, type Lang } from '../common/lang.js';

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

export const CTX_MESSAGES = defineCatalogue('context', {
  CTX901: { severity: 'error', zh: '{detail}', en: '{detail}' },
  CTX902: {
    severity: 'error',
    zh: '{kind}：编号“{id}”出现两次——{first} 和 {second}；每个编号只能有一行',
    en: '{kind}: id "{id}" appears twice — {first} and {second}; keep one row per id',
  },
  CTX903: { severity: 'error', zh: '{kind}：{where} 没有编号（列 id / 编号 / 项目编号）', en: '{kind}: {where} has no id (column id / 编号 / 项目编号)' },
  CTX904: {
    severity: 'warning',
    zh: '{kind}：{file} 中有 {count} 行没有对应的评价记录：{ids}',
    en: '{kind}: {count} row(s) of {file} match no assessed record: {ids}',
  },
  CTX905: { severity: 'error', zh: '{kind}：{where}：{field}“{value}”不是{expected}', en: '{kind}: {where}: {field} "{value}" is not {expected}' },
  CTX906: {
    severity: 'error',
    zh: '{kind}：{where} 没有整改状态（列 status / 整改状态 / 状态）',
    en: '{kind}: {where} has no status (column status / 整改状态 / 状态)',
  },
});

/** The kinds of context file, and what a value should be (CTX905 `{expected}`). */
export const CTX_TERMS = defineCatalogue('context-terms', {
  previous: { zh: '上年度评价结果', en: "last year's results" },
  rectification: { zh: '整改情况', en: 'rectification status' },
  text: { zh: '文本', en: 'text' },
  number: { zh: '数字', en: 'a number' },
});

export type ContextKind = 'previous' | 'rectification';

export interface CtxPlace {
  file: string;
  /** 1-based line of the row; 0 when no line is known (the range is then the file start). */
  line: number;
  offset?: number;
}

export function ctxDiagnostic(code: CtxCode, kind: ContextKind, args: Record<string, string | number>, place: CtxPlace, lang: Lang = DEFAULT_LANG): Diagnostic {
  const expected = args.expected === 'text' || args.expected === 'number' ? CTX_TERMS[args.expected] : args.expected;
  const { message } = render(CTX_MESSAGES, code, { ...args, kind: CTX_TERMS[kind], expected }, lang);
  // a row's range covers its first character, so it never reads as "no position" (NO_RANGE)
  const offset = place.offset ?? 0;
  const range = place.line > 0 ? { start: { line: place.line, column: 1, offset }, end: { line: place.line, column: 2, offset: offset + 1 } } : NO_RANGE;
  return { code, severity: CTX_MESSAGES[code].severity, message, file: place.file, range };
}
