/**
 * Every sentence `jixiao fmt` prints and every diagnostic the formatter itself produces, in
 * Chinese and English. Codes are stable: FMT701 means the formatter refused to write a layout
 * that would not read back to the same file (a bug in the formatter, never in the user's file;
 * the file is left as it was). Syntax errors keep the parser's own DSL1xx codes. Both catalogues
 * have the one shape of src/common/catalogue.ts; `FMT_TEXTS` are the sentences the command prints.
 */
import { defineCatalogue, render, type Rendered } from '../common/catalogue.js';
import type { Lang } from '../common/lang.js';

export const FMT = {
  meaningChanged: 'FMT701',
} as const;

export const FMT_MESSAGES = defineCatalogue('fmt', {
  FMT701: {
    severity: 'error',
    zh: 'fmt 无法在不改变内容的前提下排版此文件，文件保持原样',
    en: 'fmt could not lay out this file without changing it; the file is left unchanged',
    hint: { zh: '这是 jixiao fmt 的缺陷，请附上该文件报告', en: 'this is a bug in jixiao fmt: please report it with the file' },
  },
});

export const FMT_TEXTS = defineCatalogue('fmt-texts', {
  wouldChange: { zh: '{0} 需要重新排版', en: '{0} would be reformatted' },
  formatted: { zh: '已排版 {0}', en: 'formatted {0}' },
  checkClean: { zh: '✓ {0} 个文件排版均已规范', en: '✓ {0} file(s) already formatted' },
  checkSummary: { zh: '{1} 个文件中有 {0} 个需要重新排版', en: '{0} of {1} file(s) would be reformatted' },
  doneSummary: { zh: '已排版 {0} 个文件，{1} 个无需改动', en: '{0} file(s) formatted, {1} already formatted' },
  notFormatted: { zh: '{0} 未排版：请先修正上面的语法错误', en: '{0} not formatted: fix the syntax errors above first' },
  readFailed: { zh: '无法读取 {0}：{1}', en: 'cannot read {0}: {1}' },
  writeFailed: { zh: '无法写入 {0}：{1}', en: 'cannot write {0}: {1}' },
  usage: { zh: 'jixiao fmt <文件|目录…> [--check] [--stdout]', en: 'jixiao fmt <files|dirs…> [--check] [--stdout]' },
  checkAndStdout: { zh: '--check 与 --stdout 不能同时使用', en: '--check and --stdout cannot be used together' },
});

export type FmtMessageKey = keyof typeof FMT_TEXTS;

export function fmtMsg(lang: Lang, key: FmtMessageKey, ...args: (string | number)[]): string {
  return render(FMT_TEXTS, key, args, lang).message;
}

/** The message and hint of FMT701. */
export function meaningChanged(lang: Lang): Rendered {
  return render(FMT_MESSAGES, FMT.meaningChanged, [], lang);
}
