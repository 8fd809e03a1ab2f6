/**
 * The table entries of the commands that score records against a rule set: eval, explain,
 * report, inspect and bench. Each declares its synopsis, positionals and every option once (see
 * command-spec.ts); the command file parses with its entry, so help, completion and parsing can
 * never disagree about an option.
 */
import { defineCommand } from '../common/command-spec.js';
import { CONTEXT_OPTION_SPECS, RULES_OPTIONS, SHEET_OPTIONS, TRACE_OPTION, WORKERS_OPTION } from './shared-options.js';

const FILE = { zh: '文件', en: 'FILE' } as const;

export const EVAL = defineCommand({
  name: 'eval',
  summary: { zh: '为记录评分并应用结果应用规则', en: 'score records and apply the recommendation rules' },
  synopsis: [{ zh: '--rules <文件.ind|ir.json> [选项] <数据…|->', en: '--rules <file.ind|ir.json> [options] <data…|->' }],
  positionals: { files: ['yaml', 'yml', 'json', 'ndjson', 'jsonl', 'xlsx', 'csv'] },
  options: {
    ...RULES_OPTIONS,
    out: {
      type: 'string',
      short: 'o',
      value: FILE,
      complete: 'files',
      help: { zh: '写入 .ndjson、.json 或 .xlsx（结果工作簿）文件', en: 'write to a .ndjson, .json or .xlsx (results workbook) file' },
    },
    format: {
      type: 'string',
      value: { zh: '格式', en: 'FORMAT' },
      choices: ['json', 'ndjson', 'table'],
      help: { zh: '单条记录默认 json，批量默认 ndjson；table 为简表', en: 'one record prints json, a batch ndjson; table is a short summary' },
    },
    errors: {
      type: 'string',
      value: FILE,
      complete: 'files',
      help: { zh: '被拒绝记录的原因另写入此 NDJSON 文件', en: 'also write the reasons of rejected records to this NDJSON file' },
    },
    ...SHEET_OPTIONS,
    ...WORKERS_OPTION,
    ...TRACE_OPTION,
    ...CONTEXT_OPTION_SPECS,
  },
});

export const EXPLAIN = defineCommand({
  name: 'explain',
  summary: {
    zh: '逐项说明一条记录的评分：得分、失分原因、否决、等级与建议',
    en: "one record's scorecard as text: points, lost points, vetoes, grade, recommendations",
  },
  synopsis: [{ zh: '<文件.ind|ir.json> <记录> [--policy 文件.ind…] [--id 编号]', en: '<file.ind|ir.json> <record> [--policy file.ind…] [--id ID]' }],
  positionals: { files: ['ind', 'json', 'yaml', 'yml', 'ndjson', 'jsonl', 'xlsx', 'csv'] },
  options: {
    policy: RULES_OPTIONS.policy,
    framework: RULES_OPTIONS.framework,
    id: {
      type: 'string',
      value: { zh: '编号', en: 'ID' },
      help: { zh: '数据文件含多条记录时，说明此编号的一条', en: 'the record to explain when the data file holds several' },
    },
    stage: SHEET_OPTIONS.stage,
    mapping: SHEET_OPTIONS.mapping,
    ...CONTEXT_OPTION_SPECS,
  },
});

export const REPORT = defineCommand({
  name: 'report',
  summary: { zh: '生成公开报告、汇总报告和结果工作簿', en: 'write disclosure reports, the summary and the results workbook' },
  synopsis: [
    { zh: '--rules <文件.ind|ir.json> [选项] <数据…> --out <目录>', en: '--rules <file.ind|ir.json> [options] <data…> --out <dir>' },
    { zh: '--rules <文件.ind|ir.json> --results <结果.ndjson…> --out <目录>', en: '--rules <file.ind|ir.json> --results <results.ndjson…> --out <dir>' },
  ],
  positionals: { files: ['yaml', 'yml', 'json', 'ndjson', 'jsonl', 'xlsx', 'csv'] },
  options: {
    ...RULES_OPTIONS,
    results: {
      type: 'string',
      multiple: true,
      value: FILE,
      complete: { files: ['ndjson', 'jsonl', 'json'] },
      help: { zh: '用已保存的 jixiao eval 结果代替数据（可重复）', en: 'render saved jixiao eval results instead of data (repeatable)' },
    },
    out: {
      type: 'string',
      short: 'o',
      value: { zh: '目录', en: 'DIR' },
      complete: 'dirs',
      help: { zh: '写入此目录；- 为把 Markdown 打印到标准输出', en: 'the folder to write; - prints Markdown to standard output' },
    },
    format: {
      type: 'string',
      value: { zh: '格式', en: 'FORMATS' },
      suggest: ['md,html', 'md', 'html'],
      help: { zh: '文档格式，逗号分隔（默认 md,html）', en: 'document formats, comma-separated (default md,html)' },
    },
    'summary-only': { type: 'boolean', help: { zh: '只写汇总报告和工作簿', en: 'write the summary and workbook only' } },
    ...SHEET_OPTIONS,
    ...WORKERS_OPTION,
    pdf: { type: 'boolean', help: { zh: '用本机 Chromium 把每个 HTML 打印为 PDF', en: "also print each HTML file to PDF with the machine's Chromium" } },
    narrative: {
      type: 'string',
      value: FILE,
      complete: { files: ['yaml', 'yml', 'json'] },
      help: { zh: '评价方文字，按记录编号（YAML 或 JSON）', en: "the evaluator's texts by record id (YAML or JSON)" },
    },
    issuer: { type: 'string', value: { zh: '单位', en: 'NAME' }, help: { zh: '落款单位', en: 'who signs the reports' } },
    date: { type: 'string', value: { zh: '日期', en: 'DATE' }, help: { zh: '落款日期', en: 'the date the reports are signed' } },
    ...CONTEXT_OPTION_SPECS,
  },
});

export const INSPECT = defineCommand({
  name: 'inspect',
  summary: { zh: '列出规则集的框架、输入、参数、校验码和 IR 版本', en: "a rule set's frameworks, inputs, params, hash and IR version" },
  synopsis: [{ zh: '<文件.ind|ir.json> [--policy 文件.ind…] [--format text|json]', en: '<file.ind|ir.json> [--policy file.ind…] [--format text|json]' }],
  positionals: { files: ['ind', 'json'] },
  options: {
    policy: RULES_OPTIONS.policy,
    framework: RULES_OPTIONS.framework,
    format: {
      type: 'string',
      value: { zh: '格式', en: 'FORMAT' },
      choices: ['text', 'json'],
      help: { zh: '输出格式（默认 text）', en: 'output format (default text)' },
    },
  },
});

export const BENCH = defineCommand({
  name: 'bench',
  summary: { zh: '用自己的规则和数据测量每秒评价记录数', en: 'records per second of your own rules and data, at each trace level' },
  synopsis: [{ zh: '<文件.ind|ir.json> <数据…> [--policy 文件.ind…] [--rounds N]', en: '<file.ind|ir.json> <data…> [--policy file.ind…] [--rounds N]' }],
  positionals: { files: ['ind', 'json', 'yaml', 'yml', 'ndjson', 'jsonl', 'xlsx', 'csv'] },
  options: {
    policy: RULES_OPTIONS.policy,
    framework: RULES_OPTIONS.framework,
    rounds: {
      type: 'string',
      value: { zh: '次数', en: 'N' },
      help: {
        zh: '每个级别至少计时的轮数，每轮评价全部记录（默认 5，记录少时自动增加）',
        en: 'the fewest timed passes over all records per trace level (default 5; more for small files)',
      },
    },
    trace: {
      ...TRACE_OPTION.trace,
      help: { zh: '只测此级别（默认三个级别都测）', en: 'time this level only (default: all three)' },
    },
    mapping: SHEET_OPTIONS.mapping,
  },
});
