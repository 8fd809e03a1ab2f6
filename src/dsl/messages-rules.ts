/**
 * Grammar rule name → what it stands for in a syntax message ("a dimension body" / "维度的内容"),
 * and the hint shown when parsing fails inside it, in Chinese and English (the one catalogue
 * shape of src/common/catalogue.ts; test/common/catalogue.test.ts checks both languages). The
 * innermost rule on the parser's stack that has a hint gives it (messages.ts `hintFor`).
 * Keywords are quoted with their Chinese alias in the Chinese text, their English one first in
 * the English text.
 */
import { defineCatalogue } from '../common/catalogue.js';

export const DSL_RULES = defineCatalogue('dsl-rules', {
  file: {
    zh: '`import`、`framework`（框架）或 `rules`（规则集）块',
    en: 'an `import`, `framework` (框架) or `rules` (规则集) block',
    hint: {
      zh: '文件中只能有 import、框架和规则集；其余内容都写在它们的花括号里。',
      en: 'A file holds imports, frameworks and rules blocks; everything else goes inside their braces.',
    },
  },
  frameworkDecl: {
    zh: '框架的内容',
    en: 'a framework body',
    hint: {
      zh: '框架中可写设置（scale、grades、veto、param、let、input…）、维度和指标，例如 `dimension 决策 weight 20 { … }`。',
      en: 'A framework holds settings (scale, grades, veto, param, let, input…), dimensions and indicators, e.g. `dimension 决策 weight 20 { … }`.',
    },
  },
  dimensionDecl: {
    zh: '维度的内容',
    en: 'a dimension body',
    hint: { zh: '维度中可写指标、下级维度、`title`、`applicable when …`。', en: 'A dimension holds indicators, sub-dimensions, `title`, `applicable when …`.' },
  },
  indicatorDecl: {
    zh: '指标的内容',
    en: 'an indicator body',
    hint: {
      zh: '指标中可写 `value = …`、`target >= …`、`score …`、`unit`、`applicable when …`、`missing …`、`title`。',
      en: 'An indicator holds `value = …`, `target >= …`, `score …`, `unit`, `applicable when …`, `missing …`, `title`.',
    },
  },
  rulesDecl: {
    zh: '规则集的内容',
    en: 'a rules block body',
    hint: {
      zh: '规则集中可写 `param`、`let`、`line`、`combine` 和 `rule … when … then …`。',
      en: 'A rules block holds `param`, `let`, `line`, `combine` and `rule … when … then …`.',
    },
  },
  gradesDecl: {
    zh: '等级分数线',
    en: 'a grade cut-off',
    hint: {
      zh: '等级从高到低书写：`grades { 优 >= 90; 良 >= 80; 中 >= 60; 差 otherwise }`。',
      en: 'Write grades highest first: `grades { 优 >= 90; 良 >= 80; 中 >= 60; 差 otherwise }`.',
    },
  },
  gradeCut: {
    zh: '等级名称后的 `>= <数字>` 或 `otherwise`',
    en: '`>= <number>` or `otherwise` after the grade label',
    hint: { zh: '例如 `优 >= 90` 或 `差 otherwise`。', en: 'Example: `优 >= 90` or `差 otherwise`.' },
  },
  scoreClause: {
    zh: '计分方法',
    en: 'a scoring method',
    hint: {
      zh: '计分方法：proportional 完成率、bands 区间、centered bands、rating 定性、tiers 分档、deduct 扣分、yesno 是否、linear 线性、checklist 要素、expert 专家、formula 公式。',
      en: 'Methods: proportional 完成率, bands 区间, centered bands, rating 定性, tiers 分档, deduct 扣分, yesno 是否, linear 线性, checklist 要素, expert 专家, formula 公式.',
    },
  },
  bandsMethod: {
    zh: '区间',
    en: 'a band',
    hint: {
      zh: '区间写作 `>= 95%: 100%`、`[60%, 80%): 50%` 或 `else: 0`，之间用 `;` 分隔。',
      en: 'Bands read `>= 95%: 100%`, `[60%, 80%): 50%` or `else: 0`, separated by `;`.',
    },
  },
  band: {
    zh: '区间条件',
    en: 'a band condition',
    hint: {
      zh: '区间写作 `>= 95%: 100%`、`[60%, 80%): 50%` 或 `else: 0`，之间用 `;` 分隔。',
      en: 'Bands read `>= 95%: 100%`, `[60%, 80%): 50%` or `else: 0`, separated by `;`.',
    },
  },
  ratingMethod: {
    zh: '定性等级',
    en: 'a rating level',
    hint: { zh: '等级写作 `A: 100%; B: 80%`（等级也可以是数字：`1: 100%`）。', en: 'Levels read `A: 100%; B: 80%` (a level may also be a number: `1: 100%`).' },
  },
  tiersMethod: {
    zh: '档位',
    en: 'a tier',
    hint: { zh: '档位写作 `达成: 80%..100%; 部分达成: 50%..80%`。', en: 'Tiers read `达成: 80%..100%; 部分达成: 50%..80%`.' },
  },
  linearMethod: { zh: '线性插值的点', en: 'a point of the line', hint: { zh: '点写作 `60%: 0%; 100%: 100%`。', en: 'Points read `60%: 0%; 100%: 100%`.' } },
  checklistMethod: {
    zh: '要素',
    en: 'a checklist element',
    hint: { zh: '要素写作 `制度健全: 1 when data.a == true`。', en: 'Elements read `制度健全: 1 when data.a == true`.' },
  },
  deductMethod: {
    zh: '扣分规则',
    en: 'a deduction',
    hint: {
      zh: '写作 `deduct 2 per data.violations max 6` 或 `deduct 0.5 per 1% above 0% whole`。',
      en: 'Write `deduct 2 per data.violations max 6` or `deduct 0.5 per 1% above 0% whole`.',
    },
  },
  targetClause: {
    zh: '目标',
    en: 'a target',
    hint: {
      zh: '目标写作 `target >= 100%`、`target <= 5%`、`target = 100%` 或 `target between 90% and 110%`。',
      en: 'Targets read `target >= 100%`, `target <= 5%`, `target = 100%` or `target between 90% and 110%`.',
    },
  },
  setting: { zh: '设置的值', en: 'a setting value' },
  vetoDecl: {
    zh: '否决的后果',
    en: 'a veto effect',
    hint: {
      zh: '否决写作 `veto 名称 when <条件> -> grade 差`（或 `-> cap 59`、`-> zero`）。',
      en: 'A veto reads `veto 名称 when <condition> -> grade 差` (or `-> cap 59`, `-> zero`).',
    },
  },
  requireDecl: { zh: '权重要求', en: 'a weight requirement', hint: { zh: '例如 `require 产出 + 效益 >= 60`。', en: 'Example: `require 产出 + 效益 >= 60`.' } },
  inputDecl: {
    zh: '输入声明',
    en: 'an input declaration',
    hint: {
      zh: '例如 `input data.budget.adjusted money required "调整后预算数"`（`of …`、`required`/`optional` 和说明的顺序不限）。',
      en: 'Example: `input data.budget.adjusted money required "调整后预算数"` (`of …`, `required`/`optional` and the description in any order).',
    },
  },
  ruleDecl: {
    zh: '规则',
    en: 'a rule',
    hint: {
      zh: '规则写作 `rule 名称 when <条件> then <动作>, <动作> reason "…"`。',
      en: 'A rule reads `rule 名称 when <condition> then <action>, <action> reason "…"`.',
    },
  },
  action: {
    zh: '动作',
    en: 'an action',
    hint: {
      zh: '动作：adjust 调整 <预算线> ±<幅度>、recall 收回、withhold 暂扣、suspend 暂缓、stop 停止、cancel 取消、rectify 整改 within 90 days、interview 约谈、commend 表扬、warn 预警 red、flag 标记 "…"。',
      en: 'Actions: adjust 调整 <line> ±<amount>, recall 收回, withhold 暂扣, suspend 暂缓, stop 停止, cancel 取消, rectify 整改 within 90 days, interview 约谈, commend 表扬, warn 预警 red, flag 标记 "…".',
    },
  },
  combineDecl: {
    zh: '合并方式',
    en: 'a combine mode',
    hint: {
      zh: '例如 `combine next_budget by sum cap 30%`（most_severe | sum | first | max | min | all）。',
      en: 'Example: `combine next_budget by sum cap 30%` (most_severe | sum | first | max | min | all).',
    },
  },
  lineDecl: {
    zh: '预算线',
    en: 'a budget line',
    hint: { zh: '例如 `line next_budget base data.budget.next "下年度预算"`。', en: 'Example: `line next_budget base data.budget.next "下年度预算"`.' },
  },
  expression: {
    zh: '值或公式',
    en: 'a value or expression',
    hint: {
      zh: '值可以是数字（90%、500万）、数据路径（data.budget.adjusted）、名称或由它们组成的公式。',
      en: 'A value is a number (90%, 500万), a data path (data.budget.adjusted), a name, or a formula of them.',
    },
  },
  primary: { zh: '一个值（数字、数据路径、名称或括号中的公式）', en: 'a value (a number, a data path, a name or a bracketed formula)' },
  operand: { zh: '一个值（数字、数据路径、名称或括号中的公式）', en: 'a value (a number, a data path, a name or a bracketed formula)' },
  arithOperand: { zh: '一个值（数字、数据路径、名称或括号中的公式）', en: 'a value (a number, a data path, a name or a bracketed formula)' },
  arith: { zh: '一个值（数字、数据路径、名称或括号中的公式）', en: 'a value (a number, a data path, a name or a bracketed formula)' },
  binaryExpr: { zh: '值或条件', en: 'a value or condition' },
  ifExpr: { zh: '`if … then … else …` 表达式', en: 'an `if … then … else …` expression' },
  dataPath: { zh: '数据路径，例如 `data.budget.adjusted`', en: 'a data path like `data.budget.adjusted`' },
  contextPath: {
    zh: '上年结果或整改情况，例如 `previous.grade`、`rectification.status`',
    en: 'a context path like `previous.grade` or `rectification.status`',
  },
  name: { zh: '名称', en: 'a name' },
  label: { zh: '标签', en: 'a label' },
  qualifiedName: { zh: '名称', en: 'a name' },
  signedNumber: { zh: '数字', en: 'a number' },
  numberOrParam: { zh: '数字或参数名', en: 'a number or a param name' },
  nodeMember: { zh: '维度或指标', en: 'a dimension or indicator' },
  metaItem: { zh: '带引号的文字 "…"', en: 'a quoted text "…"' },
});
