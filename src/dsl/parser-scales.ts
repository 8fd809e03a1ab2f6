/**
 * The grammar layer for ordinal scales, lookup tables and aggregation methods (issue 15): the
 * file-level declarations `scale PEFA { A, B+, B, … }` and `table M2 unordered { (A, B): "B+"; … }`,
 * the dimension clause `aggregate weakest_link` / `aggregate table M2` / `aggregate min`, and the
 * framework's `outcome … when …` (a status overriding the grade).
 * `ScalesParser` sits between `ScoreParser` and the final parser so these rules are new rules,
 * not edits of the existing ones; it never runs self-analysis itself.
 */
import type { IParserConfig, TokenType } from 'chevrotain';
import { ScoreParser } from './parser-score.js';
import { Colon, Comma, Equals, kw, LCurly, LParen, Plus, RCurly, RParen, StringLiteral } from './tokens.js';

export class ScalesParser extends ScoreParser {
  constructor(tokens: TokenType[], config: IParserConfig) {
    super(tokens, config);
  }

  /** `scale PEFA { A, B+, B, C+, C, D+, D, "D*" = D }` — highest first, like grades. */
  public scaleDecl = this.RULE('scaleDecl', () => {
    this.CONSUME(kw.Scale);
    this.SUBRULE(this.name);
    this.CONSUME(LCurly);
    this.MANY(() => this.OR(this.alts(301, () => [{ ALT: () => this.SUBRULE(this.scaleStep) }, { ALT: () => this.SUBRULE(this.separator) }])));
    this.CONSUME(RCurly);
  });

  /**
   * A step of a scale: a name, optionally followed by `+` (`B+` is the label "B+"), optionally
   * `= D`: a label recorded as written but ranked and aggregated as another (PEFA's `"D*" = D`).
   */
  public scaleStep = this.RULE('scaleStep', () => {
    this.SUBRULE(this.name);
    this.OPTION(() => this.CONSUME(Plus));
    this.OPTION2(() => {
      this.CONSUME(Equals);
      this.SUBRULE2(this.name, { LABEL: 'same' });
    });
  });

  /** `table M2 unordered { (A, B): "B+"; else: D }`; `unordered` makes the keys a multiset. */
  public tableDecl = this.RULE('tableDecl', () => {
    this.CONSUME(kw.Table);
    this.SUBRULE(this.name);
    this.OPTION(() => this.CONSUME(kw.Unordered));
    this.CONSUME(LCurly);
    this.MANY(() => this.OR(this.alts(302, () => [{ ALT: () => this.SUBRULE(this.tableRow) }, { ALT: () => this.SUBRULE(this.separator) }])));
    this.CONSUME(RCurly);
  });

  /** `A: 4`, `(A, B): "B+"`, `else: D`. */
  public tableRow = this.RULE('tableRow', () => {
    this.OR(
      this.alts(303, () => [
        { ALT: () => this.CONSUME(kw.Otherwise) },
        {
          ALT: () => {
            this.CONSUME(LParen);
            this.SUBRULE(this.tableCell, { LABEL: 'key' });
            this.MANY(() => {
              this.CONSUME(Comma);
              this.SUBRULE2(this.tableCell, { LABEL: 'key' });
            });
            this.CONSUME(RParen);
          },
        },
        { ALT: () => this.SUBRULE3(this.tableCell, { LABEL: 'key' }) },
      ]),
    );
    this.CONSUME(Colon);
    this.SUBRULE4(this.tableCell, { LABEL: 'result' });
  });

  /** A key or result of a table: a label (`A`, `"B+"`, `是`) or a number with its unit. */
  public tableCell = this.RULE('tableCell', () => {
    this.OR(this.alts(304, () => [{ ALT: () => this.SUBRULE(this.label) }, { ALT: () => this.SUBRULE(this.signedNumber) }]));
  });

  /**
   * `outcome "Results Not Demonstrated" when <condition> [hide total] ["说明"]`: a status that
   * replaces the grade when its condition holds (PART's RND); `hide total` keeps the total out of
   * reports.
   */
  public outcomeDecl = this.RULE('outcomeDecl', () => {
    this.CONSUME(kw.Outcome);
    this.SUBRULE(this.name);
    this.CONSUME(kw.When);
    this.SUBRULE(this.expression);
    this.OPTION(() => {
      this.CONSUME(kw.Hide);
      this.SUBRULE2(this.name, { LABEL: 'hidden' });
    });
    this.OPTION2(() => this.CONSUME(StringLiteral, { LABEL: 'description' }));
  });

  /** `aggregate weakest_link` · `aggregate table M2` · `aggregate min|max|mean` (in a dimension). */
  public aggregateClause = this.RULE('aggregateClause', () => {
    this.CONSUME(kw.Aggregate);
    this.OR(
      this.alts(305, () => [
        {
          ALT: () => {
            this.CONSUME(kw.Table);
            this.SUBRULE(this.name, { LABEL: 'table' });
          },
        },
        { ALT: () => this.SUBRULE2(this.name, { LABEL: 'method' }) },
      ]),
    );
  });
}
