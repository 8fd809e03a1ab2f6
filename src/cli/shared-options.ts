/**
 * Options several commands share, declared once so `--rules` reads, helps and completes the
 * same in eval, report, explain, inspect, bench and allocate: the rule set and its policies,
 * the output file, spreadsheet mapping, stage, threads, trace level and the context files joined
 * by record id. Each command's entry in the table spreads the ones it takes; the command-line
 * wide options (`--lang`, `--help`) are here too, taken by main before a command sees its argv.
 */
import { TRACE_LEVELS } from '../engine/result.js';
import { LANGS } from '../common/lang.js';
import type { OptionSpec } from '../common/command-spec.js';

const FILE = { zh: '文件', en: 'FILE' } as const;

export const RULES_OPTIONS = {
  rules: {
    type: 'string',
    short: 'r',
    value: FILE,
    complete: { files: ['ind', 'json'] },
    help: { zh: '规则集：指标文件（.ind）或已编译的 IR（.json）', en: 'the rule set: an indicator file (.ind) or a compiled IR (.json)' },
  },
  policy: {
    type: 'string',
    multiple: true,
    value: FILE,
    complete: { files: ['ind'] },
    help: { zh: '适用的政策规则文件（可重复）', en: 'a policy file whose rules apply (repeatable)' },
  },
  framework: {
    type: 'string',
    value: { zh: '名称', en: 'NAME' },
    help: { zh: '文件声明多个框架时选定其一', en: 'the framework to use when the files declare several' },
  },
} as const satisfies Record<string, OptionSpec>;

export const OUT_OPTION = {
  out: {
    type: 'string',
    short: 'o',
    value: FILE,
    complete: 'files',
    help: { zh: '写入此文件（默认标准输出）', en: 'write to this file (default: standard output)' },
  },
} as const satisfies Record<string, OptionSpec>;

export const SHEET_OPTIONS = {
  mapping: {
    type: 'string',
    value: FILE,
    complete: { files: ['yaml', 'yml', 'json'] },
    help: { zh: '表格列与字段的映射（.xlsx、.csv 数据）', en: 'spreadsheet columns to fields (.xlsx and .csv data)' },
  },
  encoding: {
    type: 'string',
    value: { zh: '编码', en: 'ENCODING' },
    choices: ['auto', 'utf-8', 'gbk', 'gb18030'],
    help: { zh: 'CSV 文件的编码；默认 auto（UTF-8 或 GBK/GB18030 自动识别）', en: 'encoding of .csv data; default auto (UTF-8 or GBK/GB18030, detected)' },
  },
  stage: {
    type: 'string',
    value: { zh: '阶段', en: 'STAGE' },
    help: { zh: '评价阶段（表达式中的 stage），默认取记录的 stage 字段', en: "the stage (`stage` in expressions); default: the record's own stage" },
  },
} as const satisfies Record<string, OptionSpec>;

export const WORKERS_OPTION = {
  workers: {
    type: 'string',
    value: { zh: '数量', en: 'N' },
    help: { zh: '线程数；0 为当前线程（批量数据默认用满所有核心）', en: 'threads; 0 runs in this thread (batches default to every core)' },
  },
} as const satisfies Record<string, OptionSpec>;

export const TRACE_OPTION = {
  trace: {
    type: 'string',
    value: { zh: '级别', en: 'LEVEL' },
    choices: TRACE_LEVELS,
    help: { zh: '结果附带的计算过程（默认 full）', en: 'how much of the working each result carries (default full)' },
  },
} as const satisfies Record<string, OptionSpec>;

export const CONTEXT_OPTION_SPECS = {
  previous: {
    type: 'string',
    multiple: true,
    value: FILE,
    complete: 'files',
    help: { zh: '上年评价结果，按记录编号关联（可重复）', en: "last year's results, joined by record id (repeatable)" },
  },
  rectification: {
    type: 'string',
    multiple: true,
    value: FILE,
    complete: 'files',
    help: { zh: '上年问题整改情况，按记录编号关联（可重复）', en: 'rectification status of last year’s problems, by record id (repeatable)' },
  },
} as const satisfies Record<string, OptionSpec>;

/** Taken by main before dispatch, so every command accepts them; listed in every help. */
export const GLOBAL_OPTIONS = {
  lang: {
    type: 'string',
    value: { zh: '语言', en: 'LANG' },
    choices: LANGS,
    help: { zh: '输出语言（默认取自 LC_ALL、LC_MESSAGES、LANG）', en: 'language of the output (default from LC_ALL, LC_MESSAGES, LANG)' },
  },
  help: { type: 'boolean', short: 'h', help: { zh: '显示此帮助', en: 'show this help' } },
} as const satisfies Record<string, OptionSpec>;

/** Only at the top: `jixiao --version`. */
export const VERSION_OPTION = {
  version: { type: 'boolean', short: 'v', help: { zh: '显示版本号', en: 'print the version' } },
} as const satisfies Record<string, OptionSpec>;
