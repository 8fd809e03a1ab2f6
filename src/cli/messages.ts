/**
 * Every sentence the command line itself prints (not diagnostics of indicator files, which have
 * their own catalogues), in Chinese and English, in the one catalogue shape of
 * src/common/catalogue.ts with positional `{0}`, `{1}` … placeholders (`msg` passes its
 * arguments as a list). `--lang` picks the language; the default comes from LC_ALL / LANG (zh* →
 * Chinese, anything else → English). Help texts are generated from the command table (help.ts) with the words here.
 */
import { defineCatalogue, render } from '../common/catalogue.js';
import type { Lang } from '../common/lang.js';

export type { Lang } from '../common/lang.js';
export { detectLang } from '../common/lang.js';

export const CLI_MESSAGES = defineCatalogue('cli', {
  unknownCommand: { zh: '未知命令“{0}”', en: 'unknown command "{0}"' },
  missingArgument: { zh: '{0} 需要 {1}', en: '{0} needs {1}' },
  badOption: { zh: '{0}', en: '{0}' },
  notFound: { zh: '无法读取 {0}：文件或目录不存在', en: 'cannot read {0}: no such file or directory' },
  noIndFiles: { zh: '{0} 中没有找到 .ind 文件', en: 'no .ind files found in {0}' },
  checkClean: { zh: '✓ 已检查 {0} 个文件，未发现问题', en: '✓ {0} file(s) checked, no problems' },
  checkSummary: { zh: '{2} 个文件中有 {0} 个错误、{1} 个警告', en: '{0} error(s), {1} warning(s) in {2} file(s)' },
  compiled: { zh: '已写入 {0}', en: 'wrote {0}' },
  compileFailed: { zh: '未编译：请先修正上面的错误', en: 'not compiled: fix the errors above first' },
  noFramework: {
    zh: '未编译：{0} 中既没有框架，也没有针对某个框架的规则块；请评价声明了框架的文件，或导入框架后写 `rules … for <框架>`',
    en: 'not compiled: {0} declares no framework and no rule block for one; evaluate a file that declares a framework, or import it and add `rules … for <framework>`',
  },
  evalSummary: { zh: '共 {0} 条记录：{1} 条已评分，{2} 条被拒绝', en: '{0} record(s): {1} scored, {2} rejected' },
  rejected: { zh: '记录 {0} 被拒绝：{1}', en: 'record {0} rejected: {1}' },
  indicatorsUnavailable: {
    zh: '记录 {0}：{1} 个指标无法计分，未计入总分：{2}',
    en: 'record {0}: {1} indicator(s) could not be scored and are left out of its total: {2}',
  },
  ruleUnavailable: { zh: '记录 {0}：{1}', en: 'record {0}: {1}' },
  evalIncomplete: {
    zh: '{0} 条已评分的记录含有无法计算的指标或规则（见上文）；退出码为 1',
    en: '{0} scored record(s) have indicators or rules that could not be computed (listed above); exit code 1',
  },
  reportSummary: { zh: '已向 {1} 写入 {0} 个报告文件、汇总报告和结果工作簿', en: 'wrote {0} report file(s), summary and results workbook to {1}' },
  reportIncomplete: {
    zh: 'jixiao report 正在写入此文件夹。此文件存在期间文件夹内容不完整：汇总报告和 results.xlsx 可能缺失，部分项目报告可能来自上一次运行。请重新运行 report 以完成。',
    en: 'jixiao report is writing this folder. While this file is here the folder is incomplete: the summary and results.xlsx may be missing and some project reports may be from an earlier run. Run the report again to finish it.',
  },
  xlsxWritten: { zh: '已写入 {0}（{1} 行）', en: 'wrote {0} ({1} row(s))' },
  notAResult: {
    zh: '{0}：不是 jixiao eval 的结果（应为含 ruleset、id、status 的对象）',
    en: '{0}: not a jixiao eval result (expected an object with ruleset, id, status)',
  },
  resultsMismatch: {
    zh: '{0}：结果由规则集 {1}（{2}）产生，与所给规则（{3}）不一致；请使用相同的 --rules',
    en: '{0}: results were produced by rule set {1} ({2}), not by the rules given ({3}); pass the same --rules',
  },
  dataAndResults: { zh: '请给出数据文件或 --results，二者只能选一', en: 'give either data files or --results, not both' },
  cannotWrite: { zh: '无法写入 {0}：{1}', en: 'cannot write to {0}: {1}' },
  contextWithResults: {
    zh: '--previous 和 --rectification 只用于评价数据，不用于已保存的 --results',
    en: '--previous and --rectification apply when evaluating data, not to saved --results',
  },
  rollupMembersNoData: { zh: '--members {0} 后面没有数据文件', en: '--members {0} is not followed by data files' },
  rollupPolicyFirst: { zh: '--policy {0} 应写在它所属的 --members 之后', en: '--policy {0} must follow the --members it belongs to' },
  rollupStray: { zh: '{0}：数据文件应写在 --entities 或 --members 规则 之后', en: '{0}: data files belong after --entities or a --members RULES' },
  rollupManifestAndFlags: { zh: '请给出 --manifest 或 --entities/--members，二者只能选一', en: 'give either --manifest or --entities/--members, not both' },
  rollupManifestBad: { zh: '{0}：{1}', en: '{0}: {1}' },
  rollupNoEntities: { zh: '{0}：没有数据集使用主体规则 {1}（框架 {2}）', en: '{0}: no dataset uses the entity rules {1} (framework {2})' },
  rollupNeedsStage: {
    zh: '{0} 列出的是数据集：请用 --member-stage 选定成员（可选阶段：{1}）',
    en: '{0} lists datasets: pick the members with --member-stage (stages: {1})',
  },
  rollupNoMembers: { zh: '{0}：没有阶段为“{1}”的数据集', en: '{0}: no dataset has stage "{1}"' },
  rollupSummary: { zh: '共汇总 {0} 个主体、{1} 条成员记录；{2} 个警告', en: '{0} entit(ies) rolled up from {1} member record(s); {2} warning(s)' },
  optionalMissing: {
    zh: '此功能需要可选依赖包 {0}，当前未安装；请执行：npm install {0}',
    en: 'this needs the optional package {0}, which is not installed; install it with: npm install {0}',
  },
  internalError: { zh: '内部错误——请连同引发它的输入一起报告', en: 'internal error — please report it with the input that caused it' },
  optionUnknown: { zh: '未知选项“{0}”', en: "Unknown option '{0}'" },
  optionUnknownSuggest: { zh: '未知选项“{0}”；是否想输入 {1}？', en: "Unknown option '{0}'; did you mean {1}?" },
  commandUnknownSuggest: { zh: '未知命令“{0}”；是否想输入 jixiao {1}？', en: 'unknown command "{0}"; did you mean jixiao {1}?' },
  langBad: { zh: '--lang 只能是 {0} 之一（收到“{1}”）', en: '--lang must be one of {0} (got "{1}")' },
  langMissing: { zh: '--lang 后面缺少语言（{0}）', en: '--lang needs a language ({0})' },
  seeHelp: { zh: '用法见 jixiao {0} --help', en: 'see jixiao {0} --help' },
  seeGlobalHelp: { zh: '用法见 jixiao --help', en: 'see jixiao --help' },
  optionNeedsValue: { zh: '选项 {0} 后面缺少取值', en: "Option '{0} <value>' argument missing" },
  optionTakesNoValue: { zh: '选项 {0} 不接受取值', en: "Option '{0}' does not take an argument" },
  optionOneOf: { zh: '{0} 只能是 {1} 之一（收到“{2}”）', en: '{0} must be one of {1} (got "{2}")' },
  allocateNeedsPoolAndFactors: { zh: '需要 --pool <金额> 和 --factors <因素.yaml>', en: '--pool <amount> and --factors <factors.yaml> are required' },
  allocateNoRecipients: { zh: '请给出受分配对象的结果文件或数据文件', en: 'give the result or data files of the recipients' },
  allocateBadPool: {
    zh: '--pool “{0}” 不是精确到分的金额（元）（如 1000万、2.5亿、1234567.89）',
    en: '--pool "{0}" is not an amount in 元 to the cent (1000万, 2.5亿, 1234567.89)',
  },
  reportStdoutMarkdownOnly: { zh: '--out - 只能输出 Markdown：请加上 --format md', en: '--out - prints Markdown only: add --format md' },
  reportBadFormat: { zh: '--format 只能列出 md 和/或 html，用逗号分隔（收到“{0}”）', en: '--format must list md and/or html, comma-separated (got "{0}")' },
  sampleNeedsRules: { zh: '需要 --rules <抽查.yaml>', en: '--rules <sample.yaml> is required' },
  sampleBadSeed: { zh: '--seed 必须是 0 到 4294967295 之间的整数', en: '--seed must be a whole number from 0 to 4294967295' },
  sampleNoData: { zh: '请给出要抽查的数据文件', en: 'give the data files to sample from' },
  sampleBadThreshold: { zh: '--threshold “{0}” 不是金额（如 500万、1.6亿、3000000）', en: '--threshold "{0}" is not an amount (500万, 1.6亿, 3000000)' },
  sampleBadShare: { zh: '--share “{0}” 不是 0% 到 100% 之间的百分比', en: '--share "{0}" is not a percentage from 0% to 100%' },
  demoDataMissing: { zh: '示例数据不在 {0}/examples/demo-city 下', en: 'the demo data is missing under {0}/examples/demo-city' },
  optionWholeNumber: { zh: '{0} 必须是不小于 0 的整数', en: '{0} must be a whole number ≥ 0' },
});

export type MessageKey = keyof typeof CLI_MESSAGES;

/** Column headings of the `--format table` outputs of eval and rollup, and progress labels. */
export const CLI_WORDS = defineCatalogue('cli-words', {
  tableRecord: { zh: '记录', en: 'record' },
  tableTotal: { zh: '得分', en: 'total' },
  tableGrade: { zh: '等级', en: 'grade' },
  tableRecommendations: { zh: '建议', en: 'recommendations' },
  tableLost: { zh: '失分', en: 'points lost' },
  tableRejected: { zh: '被拒绝', en: 'rejected' },
  tableRuleTotal: { zh: '评价得分', en: 'rule score' },
  tableReportedTotal: { zh: '自评得分', en: 'self-reported' },
  tableReportedGrade: { zh: '自评等级', en: 'reported grade' },
  tableReportedRows: { zh: '自评与评价不同', en: 'reported differs from the rule score' },
  tableFindings: { zh: '一致性问题', en: 'consistency findings' },
  rollupEntity: { zh: '主体', en: 'entity' },
  rollupKey: { zh: '名称', en: 'name' },
  rollupOwn: { zh: '自身得分', en: 'own' },
  rollupMembers: { zh: '成员数', en: 'members' },
  rollupAverage: { zh: '成员均分', en: 'member avg' },
  rollupTotal: { zh: '综合得分', en: 'combined' },
  rollupGrade: { zh: '等级', en: 'grade' },
  rollupRecommendations: { zh: '挂钩建议', en: 'linkage recommendations' },
  rollupNoScore: { zh: '无得分', en: 'no score' },
  rollupExcluded: { zh: '未计入', en: 'left out' },
  helpUsage: { zh: '用法：', en: 'Usage:' },
  helpOptions: { zh: '选项：', en: 'Options:' },
  helpCommon: { zh: '通用选项：', en: 'Common options:' },
  helpCommands: { zh: '命令：', en: 'Commands:' },
  helpMore: {
    zh: '各命令的选项：jixiao <命令> --help（或 jixiao help <命令>）',
    en: "A command's options: jixiao <command> --help (or jixiao help <command>)",
  },
  helpExitCodes: { zh: '退出码：', en: 'Exit codes:' },
  helpRepeatable: { zh: '（可重复）', en: ' (repeatable)' },
  helpTitle: { zh: 'jixiao — 预算绩效规则引擎', en: 'jixiao — budget performance rules engine' },
  helpArgs: { zh: '[选项]', en: '[options]' },
  exit0: { zh: '正常', en: 'ok' },
  exit1: {
    zh: '发现问题：检查出错误、记录被拒绝或未能完整评分、测试失败、有文件需要重新排版',
    en: 'problems found: errors in checked files, rejected or partly scored records, failing tests, files to reformat',
  },
  exit2: {
    zh: '用法或输入错误：选项有误、输入文件缺失或无法读取、规则无法编译、缺少可选依赖包',
    en: 'usage or input error: a bad option, a missing or unreadable input file, rules that do not compile, a missing optional package',
  },
  exit3: { zh: '内部错误：jixiao 自身的缺陷，请连同输入一起报告', en: 'internal error: a bug in jixiao; please report it with the input' },
  progressEvaluating: { zh: '评价', en: 'evaluating' },
  progressReport: { zh: '报告', en: 'report' },
});

export type CliWord = keyof typeof CLI_WORDS;

export function cliWord(lang: Lang, word: CliWord): string {
  return CLI_WORDS[word][lang];
}

export function msg(lang: Lang, key: MessageKey, ...args: (string | number)[]): string {
  return render(CLI_MESSAGES, key, args, lang).message;
}
