/**
 * The statements of a rules block below the block itself: `line`, `combine`, `rule` and every
 * action, with the look-ahead that tells a budget line from an amount (`withhold transfer_payment
 * 50%` vs `recall unspent`). `RulesParser` sits between `ScalesParser` and the final parser in
 * `parser.ts` (which holds `rulesDecl`, since a block also holds params and lets); it never runs
 * self-analysis itself.
 */
import type { IParserConfig, IToken, TokenType } from 'chevrotain';
import { tokenMatcher } from './chevrotain.js';
import { ScalesParser } from './parser-scales.js';
import { Comma, Identifier, kw, NumberLiteral, SoftKeyword, StringLiteral } from './tokens.js';

/** Tokens that may follow an action with an optional amount; they must not be read as the amount. */
const AFTER_OPTIONAL_AMOUNT = [kw.Title, kw.Description, kw.Ref, kw.Param, kw.Let, kw.Line, kw.Combine];

/** A name that can be a budget line or a name in an amount (not a statement keyword of the block). */
function isLineWord(t: IToken): boolean {
  return (tokenMatcher(t, Identifier) || tokenMatcher(t, SoftKeyword)) && !AFTER_OPTIONAL_AMOUNT.some((k) => tokenMatcher(t, k));
}

/** Tokens that start an amount after a line name: a number, a name, or a data/context path. */
function startsAmount(t: IToken): boolean {
  return tokenMatcher(t, NumberLiteral) || isLineWord(t) || tokenMatcher(t, kw.Data) || tokenMatcher(t, kw.Previous) || tokenMatcher(t, kw.Rectification);
}

export class RulesParser extends ScalesParser {
  constructor(tokens: TokenType[], config: IParserConfig) {
    super(tokens, config);
  }

  public lineDecl = this.RULE('lineDecl', () => {
    this.CONSUME(kw.Line);
    this.SUBRULE(this.name);
    this.CONSUME(kw.Base);
    this.SUBRULE(this.expression);
    this.OPTION(() => this.CONSUME(StringLiteral));
  });

  public combineDecl = this.RULE('combineDecl', () => {
    this.CONSUME(kw.Combine);
    this.SUBRULE(this.name);
    this.CONSUME(kw.By);
    this.SUBRULE2(this.name, { LABEL: 'mode' });
    this.OPTION(() => {
      this.CONSUME(kw.Cap);
      this.SUBRULE(this.arith, { LABEL: 'cap' });
    });
  });

  public ruleDecl = this.RULE('ruleDecl', () => {
    this.CONSUME(kw.Rule);
    this.SUBRULE(this.name);
    this.OPTION(() => {
      this.CONSUME(kw.Priority);
      this.SUBRULE(this.signedNumber);
    });
    this.CONSUME(kw.When);
    this.SUBRULE(this.expression);
    this.CONSUME(kw.Then);
    this.SUBRULE(this.action);
    this.MANY(() => {
      this.CONSUME(Comma);
      this.SUBRULE2(this.action);
    });
    this.OPTION2(() => {
      this.CONSUME(kw.Reason);
      this.CONSUME(StringLiteral, { LABEL: 'reason' });
    });
  });

  public action = this.RULE('action', () => {
    const amountAllowed = (): boolean => !AFTER_OPTIONAL_AMOUNT.some((t) => tokenMatcher(this.LA(1), t));
    // `withhold transfer_payment 50%`: a line is read only when a name is followed by the start
    // of an amount, so `recall unspent`, `recall min(a, b)` and `withhold` + `,` keep their meaning.
    // A bare `withhold transfer_payment` parses as an amount; compile resolves it to the line.
    const lineAhead = (): boolean => isLineWord(this.LA(1)) && startsAmount(this.LA(2));
    const lineHere = (): boolean => isLineWord(this.LA(1));
    this.OR(
      this.alts(29, () => [
        {
          ALT: () => {
            this.CONSUME(kw.Adjust, { LABEL: 'verb' });
            this.SUBRULE(this.name, { LABEL: 'line' });
            this.SUBRULE(this.expression, { LABEL: 'amount' });
          },
        },
        {
          ALT: () => {
            this.CONSUME(kw.Recall, { LABEL: 'verb' });
            this.OPTION4({ GATE: lineAhead, DEF: () => this.SUBRULE3(this.name, { LABEL: 'line' }) });
            this.SUBRULE2(this.expression, { LABEL: 'amount' });
          },
        },
        {
          ALT: () => {
            this.CONSUME(kw.Withhold, { LABEL: 'verb' });
            this.OPTION5({ GATE: lineAhead, DEF: () => this.SUBRULE4(this.name, { LABEL: 'line' }) });
            this.OPTION({ GATE: amountAllowed, DEF: () => this.SUBRULE3(this.expression, { LABEL: 'amount' }) });
          },
        },
        {
          ALT: () => {
            this.CONSUME(kw.Suspend, { LABEL: 'verb' });
            this.OPTION6({ GATE: lineAhead, DEF: () => this.SUBRULE5(this.name, { LABEL: 'line' }) });
            this.OPTION2({ GATE: amountAllowed, DEF: () => this.SUBRULE4(this.expression, { LABEL: 'amount' }) });
          },
        },
        // `cancel next_budget` / `stop current_budget`: these verbs take no amount, so a name
        // after them is always the line; `,`, `reason` and the next statement are not names.
        {
          ALT: () => {
            this.CONSUME(kw.Stop, { LABEL: 'verb' });
            this.OPTION7({ GATE: lineHere, DEF: () => this.SUBRULE6(this.name, { LABEL: 'line' }) });
          },
        },
        {
          ALT: () => {
            this.CONSUME(kw.Cancel, { LABEL: 'verb' });
            this.OPTION8({ GATE: lineHere, DEF: () => this.SUBRULE7(this.name, { LABEL: 'line' }) });
          },
        },
        {
          ALT: () => {
            this.CONSUME(kw.Rectify, { LABEL: 'verb' });
            this.OPTION3(() => {
              this.CONSUME(kw.Within);
              this.SUBRULE(this.numberOrParam);
            });
          },
        },
        { ALT: () => this.CONSUME(kw.Interview, { LABEL: 'verb' }) },
        { ALT: () => this.CONSUME(kw.Commend, { LABEL: 'verb' }) },
        {
          ALT: () => {
            this.CONSUME(kw.Warn, { LABEL: 'verb' });
            this.SUBRULE2(this.name, { LABEL: 'level' });
          },
        },
        {
          ALT: () => {
            this.CONSUME(kw.Flag, { LABEL: 'verb' });
            this.CONSUME(StringLiteral);
          },
        },
      ]),
    );
  });
}
