/**
 * Messages of reading the official 自评表 (form-layout workbooks). Codes are stable, in the
 * data-reading slice of the evaluation range next to the sheet limits: EVL473 a label the
 * mapping requires is not on the sheet, EVL474 the form mapping is not usable, EVL475 the workbook
 * cannot be opened, EVL476 a value under a label is not a number where one is needed. Each names
 * the sheet and, where there is one, the cell (Excel's A1 notation), so the person fixing the
 * form finds it. Problems are data, never thrown.
 */
import { defineCatalogue, render, type Arg } from '../../common/catalogue.js';
import { DEFAULT_LANG, type Lang } from '../../common/lang.js';

export const FORM = {
  NO_LABEL: 'EVL473',
  BAD_MAPPING: 'EVL474',
  UNREADABLE: 'EVL475',
  NOT_NUMBER: 'EVL476',
} as const;

export type FormCode = (typeof FORM)[keyof typeof FORM];

export const FORM_MESSAGES = defineCatalogue('forms', {
  EVL473: {
    zh: '工作表“{sheet}”中找不到标签“{label}”（{what}），这张表未读取',
    en: 'sheet “{sheet}” has no cell labelled “{label}” ({what}); the sheet is not read',
    hint: {
      zh: '若本地表式用别的字样，请在表式映射的 labels 中写明，例如 {key}: 本地字样',
      en: 'if the local form words it differently, declare it under labels in the form mapping, e.g. {key}: local text',
    },
  },
  EVL474: { zh: '表式映射无效：{reason}', en: 'invalid form mapping: {reason}' },
  EVL475: { zh: '无法读取工作簿 {file}：{reason}', en: 'cannot read workbook {file}: {reason}' },
  EVL476: {
    zh: '工作表“{sheet}”单元格 {cell}（{label}）应为数字，实际为“{found}”',
    en: 'sheet “{sheet}”, cell {cell} ({label}) should be a number, found “{found}”',
  },
});

/** What a label stands for, in `{what}`. */
export const FORM_TERMS = defineCatalogue('forms-terms', {
  header: { zh: '表头信息', en: 'the header block' },
  funds: { zh: '资金情况', en: 'the funds rows' },
  targets: { zh: '绩效指标表头', en: 'the header of the target rows' },
  total: { zh: '总分行', en: 'the totals row' },
  notObject: { zh: '映射不是对象', en: 'not a mapping object' },
  labelsNotMap: { zh: '`labels` 必须把字段映射到表中字样', en: '`labels` must map fields to the words on the form' },
  rowsNotMap: {
    zh: '`rows` 必须把表中三级指标映射到指标名或 { indicator, actual }',
    en: '`rows` must map the form’s 三级指标 to an indicator or { indicator, actual }',
  },
  fieldsNotMap: { zh: '`fields` 必须把资金与表头字段映射到数据路径', en: '`fields` must map funds and header fields to data paths' },
  unknownKey: { zh: '未知的键 {key}（可用：{known}）', en: 'unknown key {key} (known: {known})' },
  noReader: {
    zh: '读取 .xlsx 需要可选依赖包 exceljs，当前未安装（npm install exceljs）',
    en: 'reading .xlsx needs the optional package exceljs, which is not installed (npm install exceljs)',
  },
});

export function formMessage(code: FormCode, args: Readonly<Record<string, Arg>>, lang: Lang = DEFAULT_LANG): string {
  const r = render(FORM_MESSAGES, code, args, lang);
  return r.hint ? `${r.message}${lang === 'zh' ? '；' : '; '}${r.hint}` : r.message;
}
