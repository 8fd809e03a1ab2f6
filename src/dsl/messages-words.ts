/**
 * The words syntax-phase messages are built from, in Chinese and English (the one catalogue
 * shape of src/common/catalogue.ts): how each token is called in a message ("a closing brace
 * `}`" / "右花括号 `}`"), what each kind of option is, and the small phrases messages.ts puts
 * into its templates. Every one is a term resolved into the language of the message, so an
 * English word never lands in a Chinese sentence; test/common/catalogue.test.ts checks both
 * languages are complete. Keywords are described from their spellings (tokens.ts), not here.
 */
import { defineCatalogue } from '../common/catalogue.js';

/** Token type name → how it is called in a message. */
export const DSL_TOKENS = defineCatalogue('dsl-tokens', {
  RCurly: { zh: '右花括号 `}`', en: 'a closing brace `}`' },
  LCurly: { zh: '左花括号 `{`', en: 'an opening brace `{`' },
  LParen: { zh: '`(`', en: '`(`' },
  RParen: { zh: '`)`', en: '`)`' },
  LBracket: { zh: '`[`', en: '`[`' },
  RBracket: { zh: '`]`', en: '`]`' },
  Comma: { zh: '逗号 `,`', en: 'a comma `,`' },
  Semicolon: { zh: '`;`', en: '`;`' },
  Colon: { zh: '冒号 `:`', en: 'a colon `:`' },
  Equals: { zh: '`=`', en: '`=`' },
  EqEq: { zh: '`==`', en: '`==`' },
  Arrow: { zh: '`->`', en: '`->`' },
  Dot: { zh: '`.`', en: '`.`' },
  DotDot: { zh: '`..`', en: '`..`' },
  GtEq: { zh: '`>=`', en: '`>=`' },
  LtEq: { zh: '`<=`', en: '`<=`' },
  Gt: { zh: '`>`', en: '`>`' },
  Lt: { zh: '`<`', en: '`<`' },
  Plus: { zh: '`+`', en: '`+`' },
  Minus: { zh: '`-`', en: '`-`' },
  Percent: { zh: '`%`', en: '`%`' },
  ComparisonOp: { zh: '比较符号（`>=`、`<`、`==` 等）', en: 'a comparison (`>=`, `<`, `==`, …)' },
  AdditiveOp: { zh: '`+` 或 `-`', en: '`+` or `-`' },
  MultiplicativeOp: { zh: '`*` 或 `/`', en: '`*` or `/`' },
  NumberLiteral: { zh: '数字', en: 'a number' },
  Number: { zh: '数字', en: 'a number' },
  StringLiteral: { zh: '带引号的文字 "…"', en: 'a quoted text "…"' },
  StringToken: { zh: '带引号的文字 "…"', en: 'a quoted text "…"' },
  Identifier: { zh: '名称', en: 'a name' },
  SoftKeyword: { zh: '名称', en: 'a name' },
  AnyWord: { zh: '名称', en: 'a name' },
  EOF: { zh: '文件结尾', en: 'the end of the file' },
});

/** Option kind → what it is called in DSL106 ("unknown missing-value handling `x`"). */
export const DSL_OPTIONS = defineCatalogue('dsl-options', {
  missing: { zh: '缺失值处理方式', en: 'missing-value policy' },
  pick: { zh: '`pick` 选项', en: '`pick` choice' },
  rounding: { zh: '舍入方式', en: 'rounding mode' },
  notApplicable: { zh: '不适用处理方式', en: 'not-applicable policy' },
  veto: { zh: '否决后果', en: 'veto effect' },
  input: { zh: '输入类型', en: 'input type' },
  combine: { zh: '合并方式', en: 'combine mode' },
  aggregate: { zh: '汇总方法', en: 'aggregation method' },
  hide: { zh: '`hide` 的对象', en: '`hide` target' },
});

export type OptionKind = keyof typeof DSL_OPTIONS;

/** Phrases of DSL102/DSL104: `after` takes the previous token as `{0}`. */
export const DSL_WORDS = defineCatalogue('dsl-words', {
  endOfFile: { zh: '文件结尾', en: 'the end of the file' },
  after: { zh: '在 `{0}` 之后', en: ' after `{0}`' },
  aBlock: { zh: '代码块', en: 'a block' },
  thisBlock: { zh: '此代码块', en: 'this block' },
  somethingElse: { zh: '其他内容', en: 'something else' },
  aWeightNumber: { zh: '权重数字', en: 'a weight number' },
  listSeparator: { zh: '、', en: ', ' },
});
