/**
 * The indicator layer of the grammar: the clauses of an indicator body (value, unit, target,
 * applicable, missing) and every scoring method. `ScoreParser` extends `ParserBase` and is
 * extended by the final parser in `parser.ts`; it never runs self-analysis itself.
 */
import type { IParserConfig, TokenType } from 'chevrotain';
import { ParserBase } from './parser-base.js';
import {
  Colon,
  Comma,
  DotDot,
  EqEq,
  Equals,
  Gt,
  GtEq,
  kw,
  LBracket,
  LCurly,
  LParen,
  Lt,
  LtEq,
  Number as NumberToken,
  Percent,
  RBracket,
  RCurly,
  RParen,
} from './tokens.js';

export class ScoreParser extends ParserBase {
  constructor(tokens: TokenType[], config: IParserConfig) {
    super(tokens, config);
  }

  public valueClause = this.RULE('valueClause', () => {
    this.CONSUME(kw.Value);
    this.CONSUME(Equals);
    this.SUBRULE(this.expression);
  });

  public unitClause = this.RULE('unitClause', () => {
    this.CONSUME(kw.Unit);
    this.OR(
      this.alts(17, () => [
        // `unit per 10万` (单位 每 10万): a rate per that many (cases per 100,000 people). First,
        // as `per` is also a name.
        {
          ALT: () => {
            this.CONSUME(kw.Per);
            this.CONSUME(NumberToken, { LABEL: 'perBase' });
          },
        },
        { ALT: () => this.SUBRULE(this.name) },
        { ALT: () => this.CONSUME(Percent) },
      ]),
    );
  });

  public targetClause = this.RULE('targetClause', () => {
    this.CONSUME(kw.Target);
    this.OR(
      this.alts(18, () => [
        {
          ALT: () => {
            this.CONSUME(GtEq);
            this.SUBRULE(this.expression);
          },
        },
        {
          ALT: () => {
            this.CONSUME(LtEq);
            this.SUBRULE2(this.expression);
          },
        },
        {
          ALT: () => {
            this.CONSUME(Equals);
            this.SUBRULE3(this.expression);
          },
        },
        {
          ALT: () => {
            this.CONSUME(kw.Between);
            this.SUBRULE(this.arith, { LABEL: 'low' });
            this.CONSUME(kw.And);
            this.SUBRULE2(this.arith, { LABEL: 'high' });
          },
        },
      ]),
    );
    this.OPTION(() => {
      this.CONSUME(kw.Tolerance);
      this.SUBRULE3(this.arith, { LABEL: 'tolerance' });
    });
  });

  public applicableClause = this.RULE('applicableClause', () => {
    this.CONSUME(kw.Applicable);
    this.CONSUME(kw.When);
    this.SUBRULE(this.expression);
  });

  public missingClause = this.RULE('missingClause', () => {
    this.CONSUME(kw.Missing);
    this.SUBRULE(this.name);
  });

  public scoreClause = this.RULE('scoreClause', () => {
    this.OPTION(() => this.CONSUME(kw.Score));
    this.OR(
      this.alts(19, () => [
        { ALT: () => this.CONSUME(kw.Proportional) },
        { ALT: () => this.SUBRULE(this.bandsMethod) },
        { ALT: () => this.SUBRULE(this.ratingMethod) },
        { ALT: () => this.SUBRULE(this.tiersMethod) },
        { ALT: () => this.SUBRULE(this.deductMethod) },
        { ALT: () => this.CONSUME(kw.YesNo) },
        { ALT: () => this.SUBRULE(this.linearMethod) },
        { ALT: () => this.SUBRULE(this.checklistMethod) },
        {
          ALT: () => {
            this.CONSUME(kw.Expert);
            this.SUBRULE(this.expression, { LABEL: 'expertSource' });
          },
        },
        {
          ALT: () => {
            this.CONSUME(kw.Formula);
            this.SUBRULE2(this.expression, { LABEL: 'formula' });
          },
        },
      ]),
    );
  });

  /** `bands { … }` written out, or `bands 满意度档`: a band table declared once in the framework. */
  public bandsMethod = this.RULE('bandsMethod', () => {
    this.OPTION(() => this.CONSUME(kw.Centered));
    this.CONSUME(kw.Bands);
    this.OR2(this.alts(241, () => [{ ALT: () => this.SUBRULE(this.bandList) }, { ALT: () => this.SUBRULE(this.name, { LABEL: 'table' }) }]));
  });

  /** `{ >= 95%: 100%; …; else: 0 }`: the bands of a method or of a named band table. */
  public bandList = this.RULE('bandList', () => {
    this.CONSUME(LCurly);
    this.MANY(() => this.OR(this.alts(20, () => [{ ALT: () => this.SUBRULE(this.band) }, { ALT: () => this.SUBRULE(this.separator) }])));
    this.CONSUME(RCurly);
  });

  /** `>= 95%: 100%`, `[60%, 80%): 50%`, `else: 0`. */
  public band = this.RULE('band', () => {
    this.OR(this.alts(21, () => [{ ALT: () => this.SUBRULE(this.rangeCondition) }, { ALT: () => this.CONSUME(kw.Otherwise) }]));
    this.CONSUME(Colon);
    this.SUBRULE(this.arith, { LABEL: 'award' });
  });

  /** `>= 95%`, `< 60`, `= 3`, `[60%, 80%)`: the condition of a band, and the range of an input. */
  public rangeCondition = this.RULE('rangeCondition', () => {
    this.OR(
      this.alts(139, () => [
        {
          ALT: () => {
            this.OR2(
              this.alts(131, () => [
                { ALT: () => this.CONSUME(GtEq) },
                { ALT: () => this.CONSUME(Gt) },
                { ALT: () => this.CONSUME(LtEq) },
                { ALT: () => this.CONSUME(Lt) },
                { ALT: () => this.CONSUME(Equals) },
                { ALT: () => this.CONSUME(EqEq) },
              ]),
            );
            this.SUBRULE(this.arith, { LABEL: 'bound' });
          },
        },
        {
          ALT: () => {
            this.OR3(this.alts(132, () => [{ ALT: () => this.CONSUME(LBracket, { LABEL: 'open' }) }, { ALT: () => this.CONSUME(LParen, { LABEL: 'open' }) }]));
            this.SUBRULE2(this.arith, { LABEL: 'low' });
            this.CONSUME(Comma);
            this.SUBRULE3(this.arith, { LABEL: 'high' });
            this.OR4(
              this.alts(133, () => [{ ALT: () => this.CONSUME(RBracket, { LABEL: 'close' }) }, { ALT: () => this.CONSUME(RParen, { LABEL: 'close' }) }]),
            );
          },
        },
      ]),
    );
  });

  /** `rating data.q { A: 100%; … }`, or `rating data.q by 评审档`: a rating scale declared once. */
  public ratingMethod = this.RULE('ratingMethod', () => {
    this.CONSUME(kw.Rating);
    this.SUBRULE(this.expression);
    this.OR(
      this.alts(242, () => [
        { ALT: () => this.SUBRULE(this.ratingList) },
        {
          ALT: () => {
            this.CONSUME(kw.By);
            this.SUBRULE(this.name, { LABEL: 'table' });
          },
        },
      ]),
    );
  });

  /** `{ A: 100%; B: 80%; … }`: the levels of a rating or of a named rating scale. */
  public ratingList = this.RULE('ratingList', () => {
    this.CONSUME(LCurly);
    this.MANY(() => this.OR(this.alts(22, () => [{ ALT: () => this.SUBRULE(this.ratingLevel) }, { ALT: () => this.SUBRULE(this.separator) }])));
    this.CONSUME(RCurly);
  });

  /**
   * A band table or rating scale declared once in a framework and used by name:
   * `bands 满意度档 { >= 90%: 100%; … }`, `rating 评审档 { 优: 100%; 良: 80%; … }`.
   */
  public sharedMethodDecl = this.RULE('sharedMethodDecl', () => {
    this.OR(
      this.alts(243, () => [
        {
          ALT: () => {
            this.CONSUME(kw.Bands);
            this.SUBRULE(this.name);
            this.SUBRULE(this.bandList);
          },
        },
        {
          ALT: () => {
            this.CONSUME(kw.Rating);
            this.SUBRULE2(this.name);
            this.SUBRULE(this.ratingList);
          },
        },
      ]),
    );
  });

  /** A level or tier label may also be a plain number (`1: 100%`): data often codes levels 1–4. */
  public ratingLevel = this.RULE('ratingLevel', () => {
    this.OR(this.alts(105, () => [{ ALT: () => this.SUBRULE(this.label) }, { ALT: () => this.CONSUME(NumberToken, { LABEL: 'numberLabel' }) }]));
    this.CONSUME(Colon);
    this.SUBRULE(this.arith, { LABEL: 'award' });
  });

  public tiersMethod = this.RULE('tiersMethod', () => {
    this.CONSUME(kw.Tiers);
    this.SUBRULE(this.expression, { LABEL: 'subject' });
    this.OPTION(() => {
      this.CONSUME(kw.Point);
      this.SUBRULE2(this.expression, { LABEL: 'point' });
    });
    this.OPTION2(() => {
      this.CONSUME(kw.Pick);
      this.SUBRULE(this.name, { LABEL: 'pick' });
    });
    this.CONSUME(LCurly);
    this.MANY(() => this.OR(this.alts(23, () => [{ ALT: () => this.SUBRULE(this.tier) }, { ALT: () => this.SUBRULE(this.separator) }])));
    this.CONSUME(RCurly);
  });

  public tier = this.RULE('tier', () => {
    this.OR(this.alts(106, () => [{ ALT: () => this.SUBRULE(this.label) }, { ALT: () => this.CONSUME(NumberToken, { LABEL: 'numberLabel' }) }]));
    this.CONSUME(Colon);
    this.SUBRULE(this.arith, { LABEL: 'low' });
    this.CONSUME(DotDot);
    this.SUBRULE2(this.arith, { LABEL: 'high' });
  });

  /** `deduct 2 per <count> [max 6]` or the step form `deduct 0.5 per 1% above 0% whole [max 5]`. */
  public deductMethod = this.RULE('deductMethod', () => {
    this.CONSUME(kw.Deduct);
    this.SUBRULE(this.arith, { LABEL: 'per' });
    this.CONSUME(kw.Per);
    this.SUBRULE2(this.arith, { LABEL: 'count' });
    this.OPTION(() => {
      this.OR(this.alts(24, () => [{ ALT: () => this.CONSUME(kw.Above) }, { ALT: () => this.CONSUME(kw.Below) }]));
      this.SUBRULE3(this.arith, { LABEL: 'threshold' });
      this.OR2(this.alts(25, () => [{ ALT: () => this.CONSUME(kw.Whole) }, { ALT: () => this.CONSUME(kw.Fractional) }]));
    });
    this.OPTION2(() => {
      this.CONSUME(kw.Max);
      this.SUBRULE4(this.arith, { LABEL: 'max' });
    });
  });

  public linearMethod = this.RULE('linearMethod', () => {
    this.CONSUME(kw.Linear);
    this.CONSUME(LCurly);
    this.MANY(() => this.OR(this.alts(26, () => [{ ALT: () => this.SUBRULE(this.linearPoint) }, { ALT: () => this.SUBRULE(this.separator) }])));
    this.CONSUME(RCurly);
  });

  public linearPoint = this.RULE('linearPoint', () => {
    this.SUBRULE(this.arith, { LABEL: 'x' });
    this.CONSUME(Colon);
    this.SUBRULE2(this.arith, { LABEL: 'y' });
  });

  public checklistMethod = this.RULE('checklistMethod', () => {
    this.CONSUME(kw.Checklist);
    this.CONSUME(LCurly);
    this.MANY(() => this.OR(this.alts(27, () => [{ ALT: () => this.SUBRULE(this.checkItem) }, { ALT: () => this.SUBRULE(this.separator) }])));
    this.CONSUME(RCurly);
  });

  public checkItem = this.RULE('checkItem', () => {
    this.SUBRULE(this.label);
    this.CONSUME(Colon);
    this.SUBRULE(this.arith, { LABEL: 'award' });
    this.CONSUME(kw.When);
    this.SUBRULE(this.expression);
  });
}
