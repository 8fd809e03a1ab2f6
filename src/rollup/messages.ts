/**
 * The one catalogue of user-facing messages of roll-ups, sampling and the allocate command's
 * input files (ROL8xx), in Chinese and English: declarations written by policy staff in YAML
 * (ROL80x), roll-up data problems (ROL81x) and sampling and allocation (ROL82x). Both languages
 * have the same codes and the same `{n}` placeholders (test/common/catalogue.test.ts checks it). Code builds
 * diagnostics through `rolDiagnostic(code, args, file, lang)`; an argument that is itself a
 * phrase (what a field should be) is a `Term` given in both languages and resolved here.
 * Declarations are YAML, so the range is the file start unless a line is known. Tests assert
 * codes, never wording, so it may be improved freely.
 */
import { defineCatalogue, render, type Arg, type Catalogue } from '../common/catalogue.js';
import { NO_RANGE, type Diagnostic, type Severity } from '../common/diagnostic.js';
import { DEFAULT_LANG, type Lang, type Term } from '../common/lang.js';

/** Chinese for finance-bureau staff (份额, 抽查, 因素法 as in the other catalogues); English as the CLI goldens hold it. */
export const ROL_MESSAGES = defineCatalogue('rollup', {
  ROL801: { severity: 'error', zh: '{0}：不是 YAML 映射（{1}）', en: '{0}: not a YAML mapping ({1})' },
  ROL802: { severity: 'error', zh: '{0}：“{1}” 缺失，或不是{2}', en: '{0}: "{1}" is missing or not {2}' },
  ROL803: { severity: 'error', zh: '{0}：“{1}” 不是以元计的金额或百分比（{2}）', en: '{0}: "{1}" is not an amount in 元 or a percentage ({2})' },
  ROL804: {
    severity: 'error',
    zh: '{0}：条件 “{1}” 的运算符 “{2}” 无法识别（可用 == != > >= < <= in）',
    en: '{0}: criterion "{1}" has unknown operator "{2}" (use == != > >= < <= in)',
  },
  ROL805: { severity: 'error', zh: '{0}：本级份额 {1} 与成员份额 {2} 之和必须等于 100%', en: '{0}: shares own {1} + members {2} must add up to 100%' },
  ROL806: { severity: 'error', zh: '{0}：“{1}” 不是安全的数据路径', en: '{0}: "{1}" is not a safe data path' },
  ROL811: {
    severity: 'warning',
    zh: '成员 “{0}” 所属的单位 “{1}” 不在汇总单位之中；不计入',
    en: 'member "{0}" names entity "{1}", which is not among the entities; left out',
  },
  ROL812: { severity: 'warning', zh: '成员 “{0}”：权重 “{1}” 缺失或为负数；不计入', en: 'member "{0}": weight "{1}" is missing or negative; left out' },
  ROL813: { severity: 'warning', zh: '成员 “{0}” 没有得分（{1}）；不计入', en: 'member "{0}" has no score ({1}); left out' },
  ROL814: { severity: 'warning', zh: '单位 “{0}” 本级没有得分（{1}）；不做汇总', en: 'entity "{0}" has no own score ({1}); it gets no roll-up' },
  ROL815: { severity: 'error', zh: '单位键 “{0}” 重复', en: 'entity key "{0}" repeats' },
  ROL821: {
    severity: 'warning',
    zh: '记录 “{0}”：金额 “{1}” 缺失或不是数字；无法按金额门槛抽查',
    en: 'record "{0}": amount "{1}" is missing or not a number; the threshold cannot pick it',
  },
  ROL822: { severity: 'error', zh: '记录编号 “{0}” 重复；抽查要求编号唯一', en: 'record id "{0}" repeats; ids must be unique to sample' },
  ROL823: {
    severity: 'error',
    zh: '分配对象 “{0}” 没有等级，或等级 “{1}” 没有对应的绩效系数（因素法）',
    en: 'recipient "{0}" has no grade, or grade "{1}" has no coefficient',
  },
});

export type RolCode = keyof typeof ROL_MESSAGES;

/** An argument: a value shown as written, or a phrase in both languages. */
export type RolArg = string | number | Term;

/** Phrases callers pass as arguments (what a field should be), named once so both languages match. */
export const ROL_TERMS = defineCatalogue('rollup-terms', {
  filePath: { zh: '文件路径', en: 'a file path' },
  filePaths: { zh: '文件路径列表', en: 'a list of file paths' },
  ownOrZero: { zh: '“own” 或 “zero”', en: 'own or zero' },
  criterion: { zh: '条件 { field, op, value }', en: 'a criterion { field, op, value }' },
  listForIn: { zh: '列表（in 运算符需要列表）', en: 'a list for "in"' },
  gradeMapping: { zh: '“等级 → 系数” 的映射', en: 'a mapping grade → coefficient' },
  nonEmptyList: { zh: '非空列表', en: 'a non-empty list' },
  list: { zh: '列表', en: 'a list' },
  fieldOrValues: { zh: 'field 或 values', en: 'field or values' },
  given: { zh: '有效值', en: 'given' },
});

const TYPE_ZH: Record<string, string> = {
  string: '文本',
  number: '数字',
  boolean: '真假值',
  undefined: '空文件',
  object: '列表或空值',
  bigint: '数字',
  symbol: '符号',
  function: '函数',
};

/** What a parsed YAML value is, for ROL801 (English keeps JavaScript's `typeof` wording). */
export function yamlKind(raw: unknown): Term {
  const t = typeof raw;
  return { zh: TYPE_ZH[t] ?? t, en: t };
}

export function rolDiagnostic(code: RolCode, args: readonly RolArg[], file = '<input>', lang: Lang = DEFAULT_LANG): Diagnostic {
  return {
    code,
    severity: ROL_MESSAGES[code].severity as Severity,
    message: render(ROL_MESSAGES as Catalogue, code, args as readonly Arg[], lang).message,
    file,
    range: NO_RANGE,
  };
}
