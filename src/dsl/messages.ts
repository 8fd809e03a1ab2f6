/**
 * Every user-facing message of the syntax phase, in words policy staff use: what was expected,
 * in human terms, plus a hint. Codes are stable (tests assert codes, never wording):
 * DSL101 unexpected character · DSL102 unexpected token / expected … · DSL103 unterminated
 * string or comment · DSL104 missing closing brace · DSL105 bad number or unit · DSL106 unknown
 * option word · DSL107 clause given twice · DSL108 whole number required · DSL109 nested too
 * deeply.
 */
import { KEYWORD_SPELLINGS, type KeywordName } from './tokens.js';

export const DSL = {
  unexpectedChar: 'DSL101',
  unexpectedToken: 'DSL102',
  unterminated: 'DSL103',
  missingBrace: 'DSL104',
  badNumber: 'DSL105',
  unknownOption: 'DSL106',
  duplicateClause: 'DSL107',
  wholeNumber: 'DSL108',
  tooDeep: 'DSL109',
} as const;

export interface Text {
  message: string;
  hint?: string;
}

const PUNCTUATION: Record<string, string> = {
  RCurly: 'a closing brace `}`', LCurly: 'an opening brace `{`', LParen: '`(`', RParen: '`)`',
  LBracket: '`[`', RBracket: '`]`', Comma: 'a comma `,`', Semicolon: '`;`', Colon: 'a colon `:`',
  Equals: '`=`', EqEq: '`==`', Arrow: '`->`', Dot: '`.`', DotDot: '`..`', GtEq: '`>=`', LtEq: '`<=`',
  Gt: '`>`', Lt: '`<`', Plus: '`+`', Minus: '`-`', Percent: '`%`', ComparisonOp: 'a comparison (`>=`, `<`, `==`, …)',
  AdditiveOp: '`+` or `-`', MultiplicativeOp: '`*` or `/`',
  NumberLiteral: 'a number', Number: 'a number', StringLiteral: 'a quoted text "…"', StringToken: 'a quoted text "…"',
  Identifier: 'a name', SoftKeyword: 'a name', AnyWord: 'a name', EOF: 'the end of the file',
};

/** `weight` → "`weight` (权重)". */
export function describeToken(tokenName: string): string {
  const spellings = (KEYWORD_SPELLINGS as Record<string, readonly string[]>)[tokenName] as readonly string[] | undefined;
  if (spellings) {
    const [en, ...zh] = spellings;
    return zh.length > 0 ? `\`${en}\` (${zh.join(' / ')})` : `\`${en}\``;
  }
  return PUNCTUATION[tokenName] ?? `\`${tokenName}\``;
}

/** What a grammar rule stands for, for "expected …" and "unexpected … in …". */
const RULES: Record<string, { what: string; hint?: string }> = {
  file: { what: 'an `import`, `framework` (框架) or `rules` (规则集) block', hint: 'A file holds imports, frameworks and rules blocks; everything else goes inside their braces.' },
  frameworkDecl: { what: 'a framework body', hint: 'A framework holds settings (scale, grades, veto, param, let, input…), dimensions and indicators, e.g. `dimension 决策 weight 20 { … }`.' },
  dimensionDecl: { what: 'a dimension body', hint: 'A dimension holds indicators, sub-dimensions, `title`, `applicable when …`.' },
  indicatorDecl: { what: 'an indicator body', hint: 'An indicator holds `value = …`, `target >= …`, `score …`, `unit`, `applicable when …`, `missing …`, `title`.' },
  rulesDecl: { what: 'a rules block body', hint: 'A rules block holds `param`, `let`, `line`, `combine` and `rule … when … then …`.' },
  gradesDecl: { what: 'a grade cut-off', hint: 'Write grades highest first: `grades { 优 >= 90; 良 >= 80; 中 >= 60; 差 otherwise }`.' },
  gradeCut: { what: '`>= <number>` or `otherwise` after the grade label', hint: 'Example: `优 >= 90` or `差 otherwise`.' },
  scoreClause: { what: 'a scoring method', hint: 'Methods: proportional 完成率, bands 区间, centered bands, rating 定性, tiers 分档, deduct 扣分, yesno 是否, linear 线性, checklist 要素, expert 专家, formula 公式.' },
  bandsMethod: { what: 'a band', hint: 'Bands read `>= 95%: 100%`, `[60%, 80%): 50%` or `else: 0`, separated by `;`.' },
  band: { what: 'a band condition', hint: 'Bands read `>= 95%: 100%`, `[60%, 80%): 50%` or `else: 0`, separated by `;`.' },
  ratingMethod: { what: 'a rating level', hint: 'Levels read `A: 100%; B: 80%`.' },
  tiersMethod: { what: 'a tier', hint: 'Tiers read `达成: 80%..100%; 部分达成: 50%..80%`.' },
  linearMethod: { what: 'a point of the line', hint: 'Points read `60%: 0%; 100%: 100%`.' },
  checklistMethod: { what: 'a checklist element', hint: 'Elements read `制度健全: 1 when data.a == true`.' },
  deductMethod: { what: 'a deduction', hint: 'Write `deduct 2 per data.violations max 6` or `deduct 0.5 per 1% above 0% whole`.' },
  targetClause: { what: 'a target', hint: 'Targets read `target >= 100%`, `target <= 5%`, `target = 100%` or `target between 90% and 110%`.' },
  setting: { what: 'a setting value' },
  vetoDecl: { what: 'a veto effect', hint: 'A veto reads `veto 名称 when <condition> -> grade 差` (or `-> cap 59`, `-> zero`).' },
  requireDecl: { what: 'a weight requirement', hint: 'Example: `require 产出 + 效益 >= 60`.' },
  inputDecl: { what: 'an input declaration', hint: 'Example: `input data.budget.adjusted money required "调整后预算数"`.' },
  ruleDecl: { what: 'a rule', hint: 'A rule reads `rule 名称 when <condition> then <action>, <action> reason "…"`.' },
  action: { what: 'an action', hint: 'Actions: adjust 调整 <line> ±<amount>, recall 收回, withhold 暂扣, suspend 暂缓, stop 停止, cancel 取消, rectify 整改 within 90 days, interview 约谈, commend 表扬, warn 预警 red, flag 标记 "…".' },
  combineDecl: { what: 'a combine mode', hint: 'Example: `combine next_budget by sum cap 30%` (most_severe | sum | first | max | min | all).' },
  lineDecl: { what: 'a budget line', hint: 'Example: `line next_budget base data.budget.next "下年度预算"`.' },
  expression: { what: 'a value or expression', hint: 'A value is a number (90%, 500万), a data path (data.budget.adjusted), a name, or a formula of them.' },
  primary: { what: 'a value (a number, a data path, a name or a bracketed formula)' },
  operand: { what: 'a value (a number, a data path, a name or a bracketed formula)' },
  arithOperand: { what: 'a value (a number, a data path, a name or a bracketed formula)' },
  arith: { what: 'a value (a number, a data path, a name or a bracketed formula)' },
  binaryExpr: { what: 'a value or condition' },
  ifExpr: { what: 'an `if … then … else …` expression' },
  dataPath: { what: 'a data path like `data.budget.adjusted`' },
  name: { what: 'a name' },
  label: { what: 'a label' },
  qualifiedName: { what: 'a name' },
  signedNumber: { what: 'a number' },
  nodeMember: { what: 'a dimension or indicator' },
  metaItem: { what: 'a quoted text "…"' },
};

function shown(image: string | undefined): string {
  return image === undefined || image === '' ? 'the end of the file' : `\`${image}\``;
}

function after(previous: string | undefined): string {
  return previous ? ` after \`${previous}\`` : '';
}

/** A token the parser did not expect; `expected` are token type names. */
export function expectedToken(expected: string, actual: string | undefined, previous: string | undefined, stack: readonly string[]): Text & { code: string } {
  const ruleText = RULES[stack[stack.length - 1] ?? 'file'];
  const hint = hintFor(stack);
  if (expected === 'RCurly') {
    if (actual === undefined || actual === '') {
      return { code: DSL.missingBrace, message: `missing closing brace \`}\` at the end of ${ruleText?.what ?? 'a block'}`, hint: 'Every `{` needs a matching `}`; check the block opened above.' };
    }
    return { code: DSL.unexpectedToken, message: `unexpected ${shown(actual)} in ${ruleText?.what ?? 'this block'}`, hint: hint ?? 'Check the spelling, or close the block with `}`.' };
  }
  if (expected === 'EOF') return trailingInput(actual);
  const what = expected === 'NumberLiteral' && previous && isWeightWord(previous) ? 'a weight number' : describeToken(expected);
  return { code: DSL.unexpectedToken, message: `expected ${what}${after(previous)}, found ${shown(actual)}`, hint };
}

/** The hint of the innermost rule on the stack that has one. */
function hintFor(stack: readonly string[]): string | undefined {
  for (let i = stack.length - 1; i >= 0; i--) {
    const h = RULES[stack[i] ?? '']?.hint;
    if (h) return h;
  }
  return undefined;
}

function isWeightWord(w: string): boolean {
  return KEYWORD_SPELLINGS.Weight.includes(w);
}

/** No alternative of `rule` matched. */
export function noViableAlternative(actual: string | undefined, previous: string | undefined, stack: readonly string[]): Text & { code: string } {
  const ruleText = RULES[stack[stack.length - 1] ?? 'file'] ?? { what: 'something else' };
  return { code: DSL.unexpectedToken, message: `expected ${ruleText.what}${after(previous)}, found ${shown(actual)}`, hint: hintFor(stack) };
}

export function trailingInput(actual: string | undefined): Text & { code: string } {
  return { code: DSL.unexpectedToken, message: `unexpected ${shown(actual)} outside any block`, hint: RULES.file?.hint };
}

export function chainedComparison(op: string): Text {
  return { message: `comparisons cannot be chained: a second \`${op}\` follows a comparison`, hint: 'Join two comparisons with `and`: `a < b and b < c`.' };
}

export function tooDeep(limit: number): Text {
  return { message: `blocks or formulas are nested more than ${limit} levels deep here`, hint: 'Split the formula with `let`, or close the blocks that were opened above.' };
}

export function unexpectedCharacter(chars: string): Text {
  return { message: `unexpected character \`${chars}\``, hint: 'Remove it, or put text in quotes "…". Full-width punctuation other than ，；：（）is not part of the language.' };
}

export function unterminatedString(): Text {
  return { message: 'this quoted text is never closed', hint: 'Add the closing quote `"` (or `”`) on the same line.' };
}

export function unterminatedComment(): Text {
  return { message: 'this comment `/*` is never closed', hint: 'Add `*/` where the comment ends.' };
}

export function badNumber(image: string): Text {
  return { message: `\`${image}\` is not a number with a known unit`, hint: 'Units: %, 元, 万/万元, 亿/亿元, m²/平方米, km/公里, 天/days, 人, 人次, 个, 项, 次, 户, 所, 家, 份. Put a space between a number and a following name.' };
}

export function unknownOption(word: string, what: string, allowed: readonly string[]): Text {
  return { message: `unknown ${what} \`${word}\``, hint: `Use one of: ${allowed.join(', ')}.` };
}

export function duplicateClause(clause: string): Text {
  return { message: `\`${clause}\` is given twice in this indicator`, hint: 'Each clause appears at most once; the later one is ignored.' };
}

export function wholeNumber(what: string): Text {
  return { message: `${what} must be a whole number`, hint: 'Write it without decimals or units, e.g. `2`.' };
}

/** Keyword spellings for a token name, for callers that list alternatives. */
export function spellingsOf(name: KeywordName): readonly string[] {
  return KEYWORD_SPELLINGS[name];
}
