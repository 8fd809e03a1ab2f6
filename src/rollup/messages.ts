/**
 * The one catalogue of user-facing messages of roll-ups, sampling and the allocate command's
 * input files (ROL8xx), in Chinese and English: declarations written by policy staff in YAML
 * (ROL80x), roll-up data problems (ROL81x) and sampling and allocation (ROL82x). Both languages
 * have the same codes and the same `{n}` placeholders (a unit test checks it). Code builds
 * diagnostics through `rolDiagnostic(code, args, file, lang)`; an argument that is itself a
 * phrase (what a field should be) is a `Term` given in both languages and resolved here.
 * Declarations are YAML, so the range is the file start unless a line is known. Tests assert
 * codes, never wording, so it may be improved freely.
 */
import { NO_RANGE, type Diagnostic, type Severity } from '../common/diagnostic.js';
import { DEFAULT_LANG, fill, type Lang, type Term } from '../common/lang.js';

/** Severities and the English wording (the reference the Chinese one mirrors). */
export const ROL_MESSAGES = {
  ROL801: { severity: 'error', text: '{0}: not a YAML mapping ({1})' },
  ROL802: { severity: 'error', text: '{0}: "{1}" is missing or not {2}' },
  ROL803: { severity: 'error', text: '{0}: "{1}" is not an amount in 元 or a percentage ({2})' },
  ROL804: { severity: 'error', text: '{0}: criterion "{1}" has unknown operator "{2}" (use == != > >= < <= in)' },
  ROL805: { severity: 'error', text: '{0}: shares own {1} + members {2} must add up to 100%' },
  ROL806: { severity: 'error', text: '{0}: "{1}" is not a safe data path' },
  ROL811: { severity: 'warning', text: 'member "{0}" names entity "{1}", which is not among the entities; left out' },
  ROL812: { severity: 'warning', text: 'member "{0}": weight "{1}" is missing or negative; left out' },
  ROL813: { severity: 'warning', text: 'member "{0}" has no score ({1}); left out' },
  ROL814: { severity: 'warning', text: 'entity "{0}" has no own score ({1}); it gets no roll-up' },
  ROL815: { severity: 'error', text: 'entity key "{0}" repeats' },
  ROL821: { severity: 'warning', text: 'record "{0}": amount "{1}" is missing or not a number; the threshold cannot pick it' },
  ROL822: { severity: 'error', text: 'record id "{0}" repeats; ids must be unique to sample' },
  ROL823: { severity: 'error', text: 'recipient "{0}" has no grade, or grade "{1}" has no coefficient' },
} as const satisfies Record<string, { severity: Severity; text: string }>;

export type RolCode = keyof typeof ROL_MESSAGES;

/** Chinese wording, for finance-bureau staff: 份额, 抽查, 因素法 as in the other catalogues. */
const ZH: Record<RolCode, string> = {
  ROL801: '{0}：不是 YAML 映射（{1}）',
  ROL802: '{0}：“{1}” 缺失，或不是{2}',
  ROL803: '{0}：“{1}” 不是以元计的金额或百分比（{2}）',
  ROL804: '{0}：条件 “{1}” 的运算符 “{2}” 无法识别（可用 == != > >= < <= in）',
  ROL805: '{0}：本级份额 {1} 与成员份额 {2} 之和必须等于 100%',
  ROL806: '{0}：“{1}” 不是安全的数据路径',
  ROL811: '成员 “{0}” 所属的单位 “{1}” 不在汇总单位之中；不计入',
  ROL812: '成员 “{0}”：权重 “{1}” 缺失或为负数；不计入',
  ROL813: '成员 “{0}” 没有得分（{1}）；不计入',
  ROL814: '单位 “{0}” 本级没有得分（{1}）；不做汇总',
  ROL815: '单位键 “{0}” 重复',
  ROL821: '记录 “{0}”：金额 “{1}” 缺失或不是数字；无法按金额门槛抽查',
  ROL822: '记录编号 “{0}” 重复；抽查要求编号唯一',
  ROL823: '分配对象 “{0}” 没有等级，或等级 “{1}” 没有对应的绩效系数（因素法）',
};

const EN = Object.fromEntries(Object.entries(ROL_MESSAGES).map(([code, m]) => [code, m.text])) as Record<RolCode, string>;

/** Every text per language, same codes: what the catalogue-completeness test reads. */
export const ROL_CATALOGUES: Record<Lang, Record<RolCode, string>> = { zh: ZH, en: EN };

/** An argument: a value shown as written, or a phrase in both languages. */
export type RolArg = string | number | Term;

const term = (zh: string, en: string): Term => ({ zh, en });

/** Phrases callers pass as arguments (what a field should be), named once so both languages match. */
export const ROL_TERMS = {
  filePath: term('文件路径', 'a file path'),
  filePaths: term('文件路径列表', 'a list of file paths'),
  ownOrZero: term('“own” 或 “zero”', 'own or zero'),
  criterion: term('条件 { field, op, value }', 'a criterion { field, op, value }'),
  listForIn: term('列表（in 运算符需要列表）', 'a list for "in"'),
  gradeMapping: term('“等级 → 系数” 的映射', 'a mapping grade → coefficient'),
  nonEmptyList: term('非空列表', 'a non-empty list'),
  list: term('列表', 'a list'),
  fieldOrValues: term('field 或 values', 'field or values'),
  given: term('有效值', 'given'),
} as const;

const TYPE_ZH: Record<string, string> = { string: '文本', number: '数字', boolean: '真假值', undefined: '空文件', object: '列表或空值', bigint: '数字', symbol: '符号', function: '函数' };

/** What a parsed YAML value is, for ROL801 (English keeps JavaScript's `typeof` wording). */
export function yamlKind(raw: unknown): Term {
  const t = typeof raw;
  return term(TYPE_ZH[t] ?? t, t);
}

export function rolDiagnostic(code: RolCode, args: readonly RolArg[], file = '<input>', lang: Lang = DEFAULT_LANG): Diagnostic {
  const shown = args.map((a) => (typeof a === 'object' ? a[lang] : a));
  return {
    code,
    severity: ROL_MESSAGES[code].severity,
    message: fill(ROL_CATALOGUES[lang][code], shown),
    file,
    range: NO_RANGE,
  };
}
