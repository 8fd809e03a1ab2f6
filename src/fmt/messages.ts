/**
 * Every sentence `jixiao fmt` prints and every diagnostic the formatter itself produces, in
 * Chinese and English. Codes are stable: FMT701 means the formatter refused to write a layout
 * that would not read back to the same file (a bug in the formatter, never in the user's file;
 * the file is left as it was). Syntax errors keep the parser's own DSL1xx codes.
 */
import { fill, type Lang } from '../common/lang.js';

export const FMT = {
  meaningChanged: 'FMT701',
} as const;

const en = {
  meaningChanged: 'fmt could not lay out this file without changing it; the file is left unchanged',
  meaningChangedHint: 'this is a bug in jixiao fmt: please report it with the file',
  wouldChange: '{0} would be reformatted',
  formatted: 'formatted {0}',
  checkClean: '✓ {0} file(s) already formatted',
  checkSummary: '{0} of {1} file(s) would be reformatted',
  doneSummary: '{0} file(s) formatted, {1} already formatted',
  notFormatted: '{0} not formatted: fix the syntax errors above first',
  readFailed: 'cannot read {0}: {1}',
  writeFailed: 'cannot write {0}: {1}',
  usage: 'jixiao fmt <files|dirs…> [--check] [--stdout]',
  checkAndStdout: '--check and --stdout cannot be used together',
} as const;

export type FmtMessageKey = keyof typeof en;

const zh: Record<FmtMessageKey, string> = {
  meaningChanged: 'fmt 无法在不改变内容的前提下排版此文件，文件保持原样',
  meaningChangedHint: '这是 jixiao fmt 的缺陷，请附上该文件报告',
  wouldChange: '{0} 需要重新排版',
  formatted: '已排版 {0}',
  checkClean: '✓ {0} 个文件排版均已规范',
  checkSummary: '{1} 个文件中有 {0} 个需要重新排版',
  doneSummary: '已排版 {0} 个文件，{1} 个无需改动',
  notFormatted: '{0} 未排版：请先修正上面的语法错误',
  readFailed: '无法读取 {0}：{1}',
  writeFailed: '无法写入 {0}：{1}',
  usage: 'jixiao fmt <文件|目录…> [--check] [--stdout]',
  checkAndStdout: '--check 与 --stdout 不能同时使用',
};

/** The catalogue of each language, for callers that list or check them. */
export const FMT_CATALOGUES: Record<Lang, Record<FmtMessageKey, string>> = { en, zh };

export function fmtMsg(lang: Lang, key: FmtMessageKey, ...args: (string | number)[]): string {
  return fill(FMT_CATALOGUES[lang][key], args);
}
