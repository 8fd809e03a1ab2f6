/**
 * The syntax-phase diagnostics (DSL1xx), in Chinese and English with their severity and hint
 * (the one catalogue shape of src/common/catalogue.ts). A code with several wordings has
 * variant keys: `DSL102` "expected … but found …", `DSL102.in` a token the block did not
 * expect, `DSL102.outside` a token outside any block, `DSL102.chained` a chained comparison;
 * `DSL103` an unterminated string, `DSL103.comment` an unterminated comment. Positional
 * placeholders `{0}`, `{1}` … are filled by the builders of messages.ts, which say what each is.
 * DSL115's severity is the worst of the diagnostics it stands for (limits.ts), `error` here.
 */
import { defineCatalogue } from '../common/catalogue.js';

export const DSL_MESSAGES = defineCatalogue('dsl', {
  DSL101: {
    severity: 'error',
    zh: '意外的字符 `{0}`',
    en: 'unexpected character `{0}`',
    hint: {
      zh: '删除它，或把文字放进引号 "…" 中。除 ，；：（）外，全角标点不属于本语言。',
      en: 'Remove it, or put text in quotes "…". Full-width punctuation other than ，；：（）is not part of the language.',
    },
  },
  DSL102: { severity: 'error', zh: '{1}应为{0}，但遇到了 {2}', en: 'expected {0}{1}, found {2}' },
  'DSL102.in': {
    zh: '{1}中出现了意外的 {0}',
    en: 'unexpected {0} in {1}',
    hint: { zh: '请检查拼写，或用 `}` 结束该代码块。', en: 'Check the spelling, or close the block with `}`.' },
  },
  'DSL102.quote': {
    zh: '含 `+` 的标签请加引号："{0}+"（`{0}+` 不加引号会读成 {0} 加上后面的内容）。',
    en: 'Quote a label with `+`: "{0}+" (unquoted, `{0}+` reads as {0} plus what follows).',
  },
  'DSL102.outside': { zh: '任何代码块之外出现了意外的 {0}', en: 'unexpected {0} outside any block' },
  'DSL102.chained': {
    zh: '比较不能连写：比较之后又出现了 `{0}`',
    en: 'comparisons cannot be chained: a second `{0}` follows a comparison',
    hint: { zh: '用 `and` 连接两个比较：`a < b and b < c`。', en: 'Join two comparisons with `and`: `a < b and b < c`.' },
  },
  DSL103: {
    severity: 'error',
    zh: '引号中的文字没有结束',
    en: 'this quoted text is never closed',
    hint: { zh: '在同一行加上右引号 `"`（或 `”`）。', en: 'Add the closing quote `"` (or `”`) on the same line.' },
  },
  'DSL103.comment': {
    zh: '注释 `/*` 没有结束',
    en: 'this comment `/*` is never closed',
    hint: { zh: '在注释结束处加上 `*/`。', en: 'Add `*/` where the comment ends.' },
  },
  DSL104: {
    severity: 'error',
    zh: '{0}末尾缺少右花括号 `}`',
    en: 'missing closing brace `}` at the end of {0}',
    hint: { zh: '每个 `{` 都需要一个对应的 `}`；请检查上面打开的代码块。', en: 'Every `{` needs a matching `}`; check the block opened above.' },
  },
  DSL105: {
    severity: 'error',
    zh: '`{0}` 不是带有已知单位的数字',
    en: '`{0}` is not a number with a known unit',
    hint: {
      zh: '单位：%、元、万/万元、亿/亿元、m²/平方米、km/公里、天/days、人、人次、个、项、次、户、所、家、份。数字与其后的名称之间请加空格。',
      en: 'Units: %, 元, 万/万元, 亿/亿元, m²/平方米, km/公里, 天/days, 人, 人次, 个, 项, 次, 户, 所, 家, 份. Put a space between a number and a following name.',
    },
  },
  DSL106: { severity: 'error', zh: '未知的{1} `{0}`', en: 'unknown {1} `{0}`', hint: { zh: '请使用：{2}。', en: 'Use one of: {2}.' } },
  DSL107: {
    severity: 'error',
    zh: '此处 `{0}` 写了两次',
    en: '`{0}` is given twice here',
    hint: { zh: '每个子句最多出现一次；后写的会被忽略。', en: 'Each clause appears at most once; the later one is ignored.' },
  },
  DSL108: {
    severity: 'error',
    zh: '{0} 必须是整数',
    en: '{0} must be a whole number',
    hint: { zh: '不带小数和单位，例如 `2`。', en: 'Write it without decimals or units, e.g. `2`.' },
  },
  DSL109: {
    severity: 'error',
    zh: '此处代码块或公式的嵌套超过了 {0} 层',
    en: 'blocks or formulas are nested more than {0} levels deep here',
    hint: { zh: '用 `let` 拆分公式，或关闭上面打开的代码块。', en: 'Split the formula with `let`, or close the blocks that were opened above.' },
  },
  DSL110: {
    severity: 'error',
    zh: '`{0}` 不能用作 {2} 的名称：它在公式中表示内置的 `{1}`',
    en: '`{0}` cannot be declared as a {2} name: in formulas it means the built-in `{1}`',
    hint: {
      zh: '请换一个名称，例如 `计划{0}` 或 `{0}值`；公式中的 `{0}` 始终表示 `{1}`。',
      en: 'Pick another name, e.g. `计划{0}` or `{0}值`; `{0}` in a formula always means `{1}`.',
    },
  },
  DSL111: {
    severity: 'error',
    zh: '`{0}` 后面需要写出字段',
    en: '`{0}` needs a field after it',
    hint: {
      zh: '写出要读取的字段，例如 `{0}.{1}`；上年结果为 `上年.grade`（previous.grade）、`上年.total`，整改情况为 `整改情况.status`（rectification.status）。',
      en: "Write the field to read, e.g. `{0}.{1}`; last year's result is `previous.grade` / `previous.total`, the rectification is `rectification.status`.",
    },
  },
  DSL112: {
    severity: 'error',
    zh: '此公式中相互嵌套的运算超过了 {0} 层',
    en: 'this formula nests more than {0} operations inside one another',
    hint: {
      zh: '用 `let` 拆分：先给公式的各部分命名（`let 小计 = a + b + c`），再组合这些名称。',
      en: 'Split it with `let`: name parts of the formula (`let 小计 = a + b + c`) and combine the names.',
    },
  },
  DSL113: {
    severity: 'error',
    zh: '此路径超过了 {0} 段',
    en: 'this path has more than {0} segments',
    hint: {
      zh: '数据路径通常只有几段（`data.budget.adjusted`）；请检查是否有重复或失控的部分。',
      en: 'A data path is a few names long (`data.budget.adjusted`); check for a repeated or runaway part.',
    },
  },
  DSL114: {
    severity: 'error',
    zh: '此文件有 {0} 个字符，超过了指标文件允许的 {1} 个，未被读取',
    en: 'this file has {0} characters, more than the {1} an indicator file may have; it was not read',
    hint: { zh: '把它拆成几个文件，用 `import` 导入。', en: 'Split it into several files joined with `import`.' },
  },
  DSL115: {
    severity: 'error',
    zh: '本文件另有 {0} 个问题未显示（只显示了前 {1} 个）',
    en: '{0} more problems in this file are not shown (only the first {1} are)',
    hint: {
      zh: '先改正上面的问题再检查；问题这么多的文件往往是选错了文件或文件已损坏。',
      en: 'Fix the problems above and check again; a file with this many problems is often the wrong file or a damaged one.',
    },
  },
});

export type DslKey = keyof typeof DSL_MESSAGES;
