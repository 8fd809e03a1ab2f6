/**
 * Every token of the indicator language, in the order the lexer tries them, and the one shared
 * `Lexer` instance. Keywords are written once in `KEYWORDS` with their Chinese aliases; each
 * becomes ONE token whose pattern is the alternation of its spellings (longest first), with
 * `longer_alt: Identifier` so a keyword never eats the prefix of a longer name (`维度名称` is a
 * name, `维度` a keyword). Keywords are ordered so that a spelling that extends another
 * keyword's spelling is tried first (`否则` before `否`, `按比例` before `按`).
 *
 * Categories let the parser ask for families: `SoftKeyword` (keywords that stay usable as
 * names: `value`, `target`, `max`, `unspent`, …), `AnyWord` (anything allowed as a data path
 * segment), `StringLiteral`, `NumberLiteral`, and the operator families. Error-tolerant tokens
 * (an unterminated string, a number with an unknown unit) still belong to their literal
 * category so the parse goes on; `parse.ts` turns them into diagnostics.
 */
import type { ILexerConfig, TokenType } from 'chevrotain';
import { createToken, Lexer } from './chevrotain.js';

// ── categories ──────────────────────────────────────────────────────────────────────────────
export const AnyWord = createToken({ name: 'AnyWord', pattern: Lexer.NA });
export const SoftKeyword = createToken({ name: 'SoftKeyword', pattern: Lexer.NA, categories: [AnyWord] });
export const StringLiteral = createToken({ name: 'StringLiteral', pattern: Lexer.NA });
export const NumberLiteral = createToken({ name: 'NumberLiteral', pattern: Lexer.NA });
export const AdditiveOp = createToken({ name: 'AdditiveOp', pattern: Lexer.NA });
export const MultiplicativeOp = createToken({ name: 'MultiplicativeOp', pattern: Lexer.NA });
export const ComparisonOp = createToken({ name: 'ComparisonOp', pattern: Lexer.NA });

// ── trivia ──────────────────────────────────────────────────────────────────────────────────
export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r\n\u3000\uFEFF]+/, group: Lexer.SKIPPED, line_breaks: true });
export const LineComment = createToken({ name: 'LineComment', pattern: /\/\/[^\n\r]*/, group: Lexer.SKIPPED });
export const BlockComment = createToken({ name: 'BlockComment', pattern: /\/\*[\s\S]*?\*\//, group: Lexer.SKIPPED, line_breaks: true });
/** `/*` with no closing `*\/`: swallows the rest of the file; reported as DSL103. */
export const UnterminatedComment = createToken({ name: 'UnterminatedComment', pattern: /\/\*[\s\S]*/, group: 'errors', line_breaks: true });

/**
 * Chevrotain rebuilds regex patterns without the `u` flag, so patterns that need Unicode
 * properties (`\p{L}`) are given as custom matchers over a sticky Unicode regex instead.
 */
function unicodePattern(source: string): { exec: (text: string, offset: number) => RegExpExecArray | null } {
  const re = new RegExp(source, 'uy');
  return {
    exec(text: string, offset: number) {
      re.lastIndex = offset;
      return re.exec(text);
    },
  };
}

const DIGITS = [...'0123456789'];
/**
 * First characters an identifier may start with, for the lexer's first-character optimisation:
 * ASCII/Latin-1 letters and `_`, plus one character of every 255-code bucket above (chevrotain
 * buckets char codes > 255 that way), so any non-Latin letter reaches the identifier matcher.
 */
const LETTER_HINTS: string[] = (() => {
  const out = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_'];
  for (let c = 0xc0; c <= 0xff; c++) if (c !== 0xd7 && c !== 0xf7) out.push(String.fromCharCode(c));
  let bucket = -1;
  for (let c = 0x100; c <= 0xffff; c++) {
    const b = Math.floor(c / 255);
    if (b !== bucket) {
      bucket = b;
      out.push(String.fromCharCode(c));
    }
  }
  return out;
})();

// ── literals ────────────────────────────────────────────────────────────────────────────────
export const Identifier = createToken({
  name: 'Identifier',
  pattern: unicodePattern('[\\p{L}_][\\p{L}\\p{N}_]*'),
  line_breaks: false,
  start_chars_hint: LETTER_HINTS,
  categories: [AnyWord],
});

/**
 * The unit suffixes a number may carry, longest spelling first. A letter-ending unit must not be
 * followed by another letter (`3kmh` is not `3km` + `h`).
 */
export const UNIT_SUFFIXES = [
  '万元',
  '亿元',
  '平方米',
  '公里',
  '人次',
  'days',
  'm²',
  'km',
  '个月',
  '%',
  '‰',
  '万',
  '亿',
  '元',
  '天',
  '月',
  '亩',
  '人',
  '个',
  '项',
  '次',
  '户',
  '所',
  '家',
  '份',
] as const;
const unitAlternation = UNIT_SUFFIXES.join('|');
// biome-ignore lint/suspicious/noShadowRestrictedNames: the token keeps the grammar's name; this module never needs the global
export const Number = createToken({
  name: 'Number',
  pattern: unicodePattern(`\\d+(?:\\.\\d+)?(?:(?:${unitAlternation})(?![\\p{L}\\p{N}_]))?(?![\\p{L}\\p{N}_²])`),
  line_breaks: false,
  start_chars_hint: DIGITS,
  categories: [NumberLiteral],
});
/** A number glued to letters that are no unit (`10分`, `3个月`, `12abc`): reported as DSL105. */
export const BadNumber = createToken({
  name: 'BadNumber',
  pattern: unicodePattern('\\d+(?:\\.\\d+)?[\\p{L}\\p{N}_²%]+'),
  line_breaks: false,
  start_chars_hint: DIGITS,
  categories: [NumberLiteral],
});
export const StringToken = createToken({ name: 'StringToken', pattern: /"(?:[^"\\\n\r]|\\.)*"|“[^”\n\r]*”/, categories: [StringLiteral] });
/** An opening quote without its closing quote on the same line: reported as DSL103. */
export const UnterminatedString = createToken({ name: 'UnterminatedString', pattern: /"(?:[^"\\\n\r]|\\.)*|“[^”\n\r]*/, categories: [StringLiteral] });

// ── keywords ────────────────────────────────────────────────────────────────────────────────
/** Every keyword and its spellings (English first, then Chinese aliases). */
const KEYWORDS = {
  Framework: ['framework', '框架'],
  Extends: ['extends', '继承'],
  Import: ['import', '导入'],
  Dimension: ['dimension', '维度'],
  Indicator: ['indicator', '指标'],
  Weight: ['weight', '权重'],
  Scale: ['scale', '满分', '量表'],
  Precision: ['precision', '精度'],
  Rounding: ['rounding', '舍入'],
  // `reported precision 1` (自评 精度 1): form mode, the digits a form rounds its rows to.
  Reported: ['reported', '自评'],
  Version: ['version', '版本'],
  Title: ['title', '标题'],
  Description: ['description', '说明'],
  Ref: ['ref', '依据'],
  Unit: ['unit', '单位'],
  Grades: ['grades', '等级'],
  Otherwise: ['otherwise', 'else', '否则'],
  Veto: ['veto', '否决'],
  When: ['when', '当'],
  Require: ['require', '要求'],
  Param: ['param', '参数'],
  Let: ['let', '定义'],
  Input: ['input', '输入'],
  Required: ['required', '必填'],
  Optional: ['optional', '选填'],
  Of: ['of'],
  Override: ['override', '覆盖'],
  Remove: ['remove', '删除'],
  Modify: ['modify', '修改'],
  NotApplicable: ['not_applicable', '不适用'],
  Value: ['value', '值'],
  Target: ['target', '目标'],
  Between: ['between', '介于'],
  And: ['and', '并且', '且'],
  Or: ['or', '或者', '或'],
  Not: ['not', '非'],
  Tolerance: ['tolerance', '容差'],
  Score: ['score', '评分', '计分'],
  Proportional: ['proportional', '完成率'],
  Bands: ['bands', '区间'],
  Centered: ['centered', '居中'],
  Rating: ['rating', '定性'],
  Tiers: ['tiers', '分档'],
  Point: ['point', '取值'],
  Pick: ['pick', '默认取'],
  Deduct: ['deduct', '扣分'],
  Per: ['per', '每'],
  Above: ['above', '超过'],
  Below: ['below', '低于'],
  Whole: ['whole', '整数'],
  Fractional: ['fractional', '按比例'],
  Max: ['max', '最多'],
  YesNo: ['yesno', '是否'],
  Linear: ['linear', '线性'],
  Checklist: ['checklist', '要素'],
  Expert: ['expert', '专家'],
  Formula: ['formula', '公式'],
  Applicable: ['applicable', '适用'],
  Missing: ['missing', '缺失'],
  If: ['if', '如果'],
  Then: ['then', '则'],
  True: ['true', '是', '真'],
  False: ['false', '否', '假'],
  Data: ['data', '数据'],
  Rules: ['rules', '规则集'],
  // Context roots of rule conditions; `整改情况` is tried before the action word `整改`.
  Previous: ['previous', '上年'],
  Rectification: ['rectification', '整改情况'],
  For: ['for', '适用于'],
  Rule: ['rule', '规则'],
  Priority: ['priority', '优先级'],
  Reason: ['reason', '理由'],
  Combine: ['combine', '合并'],
  By: ['by', '按'],
  Cap: ['cap', '上限'],
  Within: ['within', '限期'],
  Days: ['days', '天'],
  Line: ['line', '预算线'],
  Base: ['base', '基数'],
  Adjust: ['adjust', '调整'],
  Recall: ['recall', '收回'],
  Unspent: ['unspent', '结余'],
  Withhold: ['withhold', '暂扣'],
  Suspend: ['suspend', '暂缓'],
  Stop: ['stop', '停止'],
  Cancel: ['cancel', '取消'],
  Rectify: ['rectify', '整改'],
  Interview: ['interview', '约谈'],
  Commend: ['commend', '表扬'],
  Warn: ['warn', '预警'],
  Flag: ['flag', '标记'],
  // Ordinal scales, lookup tables and aggregation methods (issue 15).
  Table: ['table', '查找表'],
  Unordered: ['unordered', '不计顺序'],
  Aggregate: ['aggregate', '汇总'],
  Outcome: ['outcome', '结论'],
  Hide: ['hide', '隐藏'],
} as const satisfies Record<string, readonly string[]>;
export type KeywordName = keyof typeof KEYWORDS;

/**
 * Hard keywords can never be names: they start an expression (`if`, `not`, `true`, `data`,
 * `previous`, `rectification`) or
 * end an optional one (`then`, `else`, `when`, `reason`, `rule`), so a name there would be
 * ambiguous. Every other keyword is soft.
 */
const HARD: ReadonlySet<KeywordName> = new Set<KeywordName>([
  'Otherwise',
  'When',
  'And',
  'Or',
  'Not',
  'If',
  'Then',
  'True',
  'False',
  'Data',
  'Rule',
  'Reason',
  'Previous',
  'Rectification',
]);

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Orders keywords so that one whose spelling extends another keyword's spelling comes first. */
function orderKeywords(names: KeywordName[]): KeywordName[] {
  const extendsOther = (a: KeywordName, b: KeywordName): boolean =>
    KEYWORDS[a].some((x: string) => KEYWORDS[b].some((y: string) => x !== y && x.startsWith(y)));
  const out: KeywordName[] = [];
  for (const name of names) {
    const i = out.findIndex((o) => extendsOther(name, o));
    if (i < 0) out.push(name);
    else out.splice(i, 0, name);
  }
  return out;
}

/** Keyword tokens by name (`kw.Weight`), in lexer order. */
export const kw = {} as Record<KeywordName, TokenType>;
export const KEYWORD_SPELLINGS: Readonly<Record<KeywordName, readonly string[]>> = KEYWORDS;
const keywordTokens: TokenType[] = [];
for (const name of orderKeywords(Object.keys(KEYWORDS) as KeywordName[])) {
  const spellings: readonly string[] = KEYWORDS[name];
  const alternation = [...spellings]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegex)
    .join('|');
  const token = createToken({
    name,
    pattern: new RegExp(alternation),
    longer_alt: Identifier,
    categories: HARD.has(name) ? [AnyWord] : [SoftKeyword, AnyWord],
  });
  kw[name] = token;
  keywordTokens.push(token);
}

// ── punctuation and operators (full-width Chinese forms are the same tokens) ────────────────
export const Arrow = createToken({ name: 'Arrow', pattern: /->|→/ });
export const DotDot = createToken({ name: 'DotDot', pattern: /\.\./ });
export const Dot = createToken({ name: 'Dot', pattern: /\./ });
export const EqEq = createToken({ name: 'EqEq', pattern: /==/, categories: [ComparisonOp] });
export const NotEq = createToken({ name: 'NotEq', pattern: /!=|≠/, categories: [ComparisonOp] });
export const LtEq = createToken({ name: 'LtEq', pattern: /<=|≤/, categories: [ComparisonOp] });
export const GtEq = createToken({ name: 'GtEq', pattern: />=|≥/, categories: [ComparisonOp] });
export const Lt = createToken({ name: 'Lt', pattern: /</, categories: [ComparisonOp] });
export const Gt = createToken({ name: 'Gt', pattern: />/, categories: [ComparisonOp] });
export const Equals = createToken({ name: 'Equals', pattern: /=/ });
export const Plus = createToken({ name: 'Plus', pattern: /\+/, categories: [AdditiveOp] });
export const Minus = createToken({ name: 'Minus', pattern: /-/, categories: [AdditiveOp] });
export const Star = createToken({ name: 'Star', pattern: /\*|×/, categories: [MultiplicativeOp] });
export const Slash = createToken({ name: 'Slash', pattern: /\/|÷/, categories: [MultiplicativeOp] });
export const Percent = createToken({ name: 'Percent', pattern: /%/ });
export const LCurly = createToken({ name: 'LCurly', pattern: /\{/ });
export const RCurly = createToken({ name: 'RCurly', pattern: /\}/ });
export const LParen = createToken({ name: 'LParen', pattern: /\(|（/ });
export const RParen = createToken({ name: 'RParen', pattern: /\)|）/ });
export const LBracket = createToken({ name: 'LBracket', pattern: /\[|【/ });
export const RBracket = createToken({ name: 'RBracket', pattern: /\]|】/ });
export const Comma = createToken({ name: 'Comma', pattern: /,|，|、/ });
export const Semicolon = createToken({ name: 'Semicolon', pattern: /;|；/ });
export const Colon = createToken({ name: 'Colon', pattern: /:|：/ });

/** Lexer order: trivia, literals, keywords (before Identifier), Identifier, punctuation. */
export const allTokens: TokenType[] = [
  WhiteSpace,
  LineComment,
  BlockComment,
  UnterminatedComment,
  StringToken,
  UnterminatedString,
  Number,
  BadNumber,
  ...keywordTokens,
  Identifier,
  Arrow,
  DotDot,
  Dot,
  EqEq,
  NotEq,
  LtEq,
  GtEq,
  Lt,
  Gt,
  Equals,
  Plus,
  Minus,
  Star,
  Slash,
  Percent,
  LCurly,
  RCurly,
  LParen,
  RParen,
  LBracket,
  RBracket,
  Comma,
  Semicolon,
  Colon,
  AnyWord,
  SoftKeyword,
  StringLiteral,
  NumberLiteral,
  AdditiveOp,
  MultiplicativeOp,
  ComparisonOp,
];

/**
 * Chevrotain's lexer tracking offsets only: tracking lines and columns too made lexing twice as
 * slow and every token larger, while few tokens ever need a position; those are looked up in the
 * file's line table (line-index.ts, built once per parse), which counts line breaks the same way.
 * Its offset-only tokens lack the end offset the parser's CST locations are built from, so the
 * token factory (chevrotain 11's internal `createTokenInstance`, chosen in the constructor) is
 * replaced by one that keeps it; test/dsl/token-positions.test.ts holds both to full tracking.
 */
class OffsetLexer extends Lexer {
  constructor(tokens: TokenType[], config: ILexerConfig) {
    super(tokens, { ...config, positionTracking: 'onlyOffset' });
    (this as unknown as { createTokenInstance: typeof offsetToken }).createTokenInstance = offsetToken;
  }
}

function offsetToken(image: string, startOffset: number, tokenTypeIdx: number, tokenType: TokenType, _line: unknown, _column: unknown, length: number) {
  return { image, startOffset, endOffset: startOffset + length - 1, tokenTypeIdx, tokenType };
}

export const jixiaoLexer = new OffsetLexer(allTokens, {
  // Fails loudly at load time if a token ever defeats the first-character optimisation.
  ensureOptimizations: true,
});
