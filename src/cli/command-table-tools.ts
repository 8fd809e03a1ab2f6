/**
 * The table entries of the other commands: the authoring tools (check, compile, test, fmt), the
 * loop's later steps (sample, allocate, rollup), the service, the demo, and completion. `serve` hands its argv to src/service, which parses it again: its entry here is
 * what help and completion show, and a test checks that the service accepts every option it
 * lists (test/cli/command-table.test.ts).
 */
import { defineCommand } from '../common/command-spec.js';
import { SERVE_OPTIONS } from '../service/serve-options.js';
import { CONTEXT_OPTION_SPECS, OUT_OPTION, RULES_OPTIONS } from './shared-options.js';

const FILE = { zh: '文件', en: 'FILE' } as const;
const IND_OR_DIRS = { files: ['ind'] } as const;

export const CHECK = defineCommand({
  name: 'check',
  summary: { zh: '检查指标文件', en: 'check indicator files' },
  synopsis: [{ zh: '<文件|目录…> [--format text|json] [--warnings-as-errors]', en: '<files|dirs…> [--format text|json] [--warnings-as-errors]' }],
  positionals: IND_OR_DIRS,
  options: {
    format: {
      type: 'string',
      value: { zh: '格式', en: 'FORMAT' },
      choices: ['text', 'json'],
      help: { zh: '输出格式（默认 text）', en: 'output format (default text)' },
    },
    'warnings-as-errors': { type: 'boolean', help: { zh: '有警告也以退出码 1 结束', en: 'exit 1 on warnings too' } },
  },
});

export const COMPILE = defineCommand({
  name: 'compile',
  summary: { zh: '编译规则集（IR）、推荐规则或数据模式', en: 'write the compiled rule set (IR), its rules or its data schema' },
  synopsis: [
    {
      zh: '<文件.ind…> [-o 输出.json] [--framework 名称] [--emit ir|rules|schema]',
      en: '<file.ind…> [-o out.json] [--framework NAME] [--emit ir|rules|schema]',
    },
  ],
  positionals: IND_OR_DIRS,
  options: {
    ...OUT_OPTION,
    framework: RULES_OPTIONS.framework,
    emit: {
      type: 'string',
      value: { zh: '内容', en: 'WHAT' },
      choices: ['ir', 'rules', 'schema'],
      help: {
        zh: 'ir 规则集，rules 为 json-rules-engine 规则，schema 为数据的 JSON Schema',
        en: 'ir the rule set, rules its json-rules-engine rules, schema the JSON Schema of its data',
      },
    },
  },
});

export const TEST = defineCommand({
  name: 'test',
  summary: { zh: '运行指标文件旁的测试用例（*.test.yaml）', en: 'run the test cases kept beside indicator files (*.test.yaml)' },
  synopsis: [{ zh: '[路径…] [--update] [--format text|json]', en: '[paths…] [--update] [--format text|json]' }],
  positionals: 'files',
  options: {
    update: { type: 'boolean', help: { zh: '用当前结果改写期望值', en: 'rewrite the expectations with what the rules give now' } },
    format: {
      type: 'string',
      value: { zh: '格式', en: 'FORMAT' },
      choices: ['text', 'json'],
      help: { zh: '输出格式（默认 text）', en: 'output format (default text)' },
    },
  },
});

export const FMT = defineCommand({
  name: 'fmt',
  summary: { zh: '统一指标文件的排版', en: 'lay indicator files out canonically' },
  synopsis: [{ zh: '<文件|目录…> [--check] [--stdout]', en: '<files|dirs…> [--check] [--stdout]' }],
  positionals: IND_OR_DIRS,
  options: {
    check: { type: 'boolean', help: { zh: '不改写，只列出需要改动的文件（退出码 1）', en: 'rewrite nothing; list the files that would change (exit 1)' } },
    stdout: { type: 'boolean', help: { zh: '把排版结果打印到标准输出', en: 'print the formatted text instead' } },
  },
});

export const SAMPLE = defineCommand({
  name: 'sample',
  summary: { zh: '抽取复核项目，逐项给出抽中原因', en: 'pick the projects to re-check, each with why it was picked' },
  synopsis: [
    {
      zh: '--rules <抽查.yaml> --seed N [--threshold 500万] [--share 10%] <数据…>',
      en: '--rules <sample.yaml> --seed N [--threshold 500万] [--share 10%] <data…>',
    },
  ],
  positionals: { files: ['yaml', 'yml', 'json', 'ndjson', 'jsonl'] },
  options: {
    rules: { type: 'string', short: 'r', value: FILE, complete: { files: ['yaml', 'yml'] }, help: { zh: '抽查规则声明', en: 'the sampling declaration' } },
    seed: {
      type: 'string',
      value: { zh: '种子', en: 'N' },
      help: { zh: '随机种子（0 到 4294967295），同一种子结果相同', en: 'random seed (0 to 4294967295); the same seed picks the same projects' },
    },
    threshold: {
      type: 'string',
      value: { zh: '金额', en: 'AMOUNT' },
      help: { zh: '达到此金额的项目全部抽取', en: 'every project at or above this amount is picked' },
    },
    share: { type: 'string', value: { zh: '比例', en: 'PERCENT' }, help: { zh: '其余项目随机抽取的比例', en: 'the share of the rest picked at random' } },
  },
});

export const ALLOCATE = defineCommand({
  name: 'allocate',
  summary: { zh: '按因素法分配专项资金，精确到分', en: 'split a special fund by the factor method, exact to the cent' },
  synopsis: [
    {
      zh: '--pool 金额 --factors <因素.yaml> [--rules 文件.ind] <结果|数据…>',
      en: '--pool AMOUNT --factors <factors.yaml> [--rules file.ind] <results|data…>',
    },
  ],
  positionals: { files: ['ndjson', 'jsonl', 'json', 'yaml', 'yml'] },
  options: {
    pool: {
      type: 'string',
      value: { zh: '金额', en: 'AMOUNT' },
      help: { zh: '待分配的资金总额（元，如 1000万）', en: 'the fund to split, in 元 (1000万, 2.5亿, 1234567.89)' },
    },
    factors: { type: 'string', value: FILE, complete: { files: ['yaml', 'yml'] }, help: { zh: '因素及权重声明', en: 'the factor declaration' } },
    ...RULES_OPTIONS,
  },
});

export const ROLLUP = defineCommand({
  name: 'rollup',
  summary: { zh: '部门、镇街综合评价（两纳入三挂钩）', en: 'department and town overall scores from their own and their members’ results' },
  synopsis: [
    {
      zh: '--rules <汇总.yaml> --entities <数据…> --members <规则.ind>[:框架] <数据…>',
      en: '--rules <rollup.yaml> --entities <data…> --members <rules.ind>[:FRAMEWORK] <data…>',
    },
    { zh: '--rules <汇总.yaml> --manifest <清单.yaml> [--member-stage 阶段]', en: '--rules <rollup.yaml> --manifest <manifest.yaml> [--member-stage STAGE]' },
  ],
  positionals: { files: ['yaml', 'yml', 'json', 'ndjson', 'jsonl', 'xlsx', 'csv'] },
  options: {
    rules: { type: 'string', short: 'r', value: FILE, complete: { files: ['yaml', 'yml'] }, help: { zh: '汇总规则声明', en: 'the roll-up declaration' } },
    entities: {
      type: 'string',
      multiple: true,
      value: FILE,
      complete: 'files',
      help: { zh: '主体（部门或镇街）的数据', en: 'the data of the entities (departments or towns)' },
    },
    members: {
      type: 'string',
      multiple: true,
      value: { zh: '规则', en: 'RULES' },
      complete: { files: ['ind'] },
      help: { zh: '成员规则（可带 :框架），其后为成员数据（可重复）', en: 'the members’ rules (optionally :FRAMEWORK), followed by their data (repeatable)' },
    },
    policy: { ...RULES_OPTIONS.policy, help: { zh: '前一个 --members 适用的政策文件', en: 'a policy file of the --members before it' } },
    manifest: {
      type: 'string',
      value: FILE,
      complete: { files: ['yaml', 'yml'] },
      help: { zh: '数据集清单（代替 --entities/--members）', en: 'a manifest of datasets (instead of --entities/--members)' },
    },
    'member-stage': {
      type: 'string',
      value: { zh: '阶段', en: 'STAGE' },
      help: { zh: '清单中作为成员的数据集阶段', en: 'the stage of the manifest’s datasets that are members' },
    },
    format: {
      type: 'string',
      value: { zh: '格式', en: 'FORMAT' },
      choices: ['json', 'table'],
      help: { zh: '输出格式（默认 json）', en: 'output format (default json)' },
    },
    ...OUT_OPTION,
    ...CONTEXT_OPTION_SPECS,
  },
});

export const SERVE = defineCommand({
  name: 'serve',
  summary: { zh: '启动评价服务（HTTP，OpenAPI，热加载，决策日志）', en: 'the evaluator as an HTTP service (OpenAPI, hot reload, decision log)' },
  synopsis: [{ zh: '--rules <目录> [选项]', en: '--rules <dir> [options]' }],
  positionals: 'none',
  options: SERVE_OPTIONS,
});

export const DEMO = defineCommand({
  name: 'demo',
  summary: { zh: '在示例城市上运行完整闭环', en: 'run the whole loop on the shipped demo city' },
  synopsis: [{ zh: '[--out 目录]', en: '[--out DIR]' }],
  positionals: 'none',
  options: {
    out: {
      type: 'string',
      short: 'o',
      value: { zh: '目录', en: 'DIR' },
      complete: 'dirs',
      help: { zh: '输出目录（默认 demo-output）', en: 'output folder (default demo-output)' },
    },
  },
});

export const COMPLETION = defineCommand({
  name: 'completion',
  summary: { zh: '打印 bash、zsh 或 fish 的命令补全脚本', en: 'print the shell completion script for bash, zsh or fish' },
  synopsis: [{ zh: 'bash|zsh|fish', en: 'bash|zsh|fish' }],
  positionals: 'none',
  words: ['bash', 'zsh', 'fish'],
  options: {},
});
