/**
 * The lower layers of the grammar, shared by every block: names, numbers, separators, texts
 * and expressions. `ParserBase` is a chevrotain `CstParser` without self-analysis; the final
 * parser class (`parser.ts`) extends it, as chevrotain's grammar inheritance allows, so rules
 * stay class properties and a misspelt `SUBRULE` stays a type error across files.
 *
 * Binary operators are read as a flat row `operand (op operand)*`; the visitor applies the
 * precedence (`precedence.ts`). One rule instead of six nested ones halves the CST built per
 * value, and chained comparisons (`a < b < c`) are reported by the visitor.
 */
import type { IOrAlt, IParserConfig, TokenType } from 'chevrotain';
import { BoundedRecoveryParser } from './recovery.js';
import {
  AdditiveOp,
  AnyWord,
  ComparisonOp,
  Dot,
  Identifier,
  kw,
  LBracket,
  LParen,
  Minus,
  MultiplicativeOp,
  NumberLiteral,
  RBracket,
  RParen,
  Comma,
  Semicolon,
  SoftKeyword,
  StringLiteral,
} from './tokens.js';

/** The chevrotain 11 internals `cstInvocationStateUpdate` stands in for (tree_builder.js). */
interface CstInternals {
  CST_STACK: object[];
  setInitialNodeLocation(node: object): void;
}

export class ParserBase extends BoundedRecoveryParser {
  constructor(tokens: TokenType[], config: IParserConfig) {
    super(tokens, config);
  }

  /**
   * @internal chevrotain hook: a rule is entered and its CST node opened. Chevrotain makes each
   * node's `children` with `Object.create(null)`, which V8 keeps in dictionary mode: building and
   * later reading those 75,000 hash tables (the 2,000-indicator bench file) was about 40% of
   * parsing and a good part of the AST pass. A plain object literal stays a fast object; no key
   * can clash with `Object.prototype`, as no rule, token or label of this grammar is named like
   * one of its members (test/dsl/cst-nodes.test.ts holds that).
   */
  cstInvocationStateUpdate(fullRuleName: string): void {
    const self = this as unknown as CstInternals;
    const node = { name: fullRuleName, children: {} };
    self.setInitialNodeLocation(node);
    self.CST_STACK.push(node);
  }

  /**
   * Alternatives of each `OR` are built once and reused: rebuilding the closures on every call
   * was a third of the parse time (chevrotain's "caching arrays of alternatives" advice).
   * Ids are unique across the parser files.
   */
  private altCache: IOrAlt<unknown>[][] = [];
  protected alts(id: number, make: () => IOrAlt<unknown>[]): IOrAlt<unknown>[] {
    return (this.altCache[id] ??= make());
  }

  public separator = this.RULE('separator', () => {
    this.OR(this.alts(2, () => [{ ALT: () => this.CONSUME(Semicolon) }, { ALT: () => this.CONSUME(Comma) }]));
  });

  /**
   * A label before `:` (rating levels, tiers, checklist elements) or a grade label: a name, or
   * `是`/`否` (true/false), which are natural labels of yes/no ratings.
   */
  public label = this.RULE('label', () => {
    this.OR(this.alts(104, () => [{ ALT: () => this.SUBRULE(this.name) }, { ALT: () => this.CONSUME(kw.True) }, { ALT: () => this.CONSUME(kw.False) }]));
  });

  /** A name where the grammar expects one: identifier, soft keyword or quoted string. */
  public name = this.RULE('name', () => {
    this.OR(
      this.alts(3, () => [{ ALT: () => this.CONSUME(Identifier) }, { ALT: () => this.CONSUME(SoftKeyword) }, { ALT: () => this.CONSUME(StringLiteral) }]),
    );
  });

  /** `过程.资金使用合规性` — a node path. */
  public qualifiedName = this.RULE('qualifiedName', () => {
    this.SUBRULE(this.name);
    this.MANY(() => {
      this.CONSUME(Dot);
      this.SUBRULE2(this.name);
    });
  });

  public signedNumber = this.RULE('signedNumber', () => {
    this.OPTION(() => this.CONSUME(Minus));
    this.CONSUME(NumberLiteral);
    this.OPTION2(() => this.CONSUME(kw.Days));
  });

  /**
   * A number written as a literal or as the name of a param that holds one: grade cut-offs,
   * `-> cap`, `require … >=` and `rectify within` take either; compile resolves the name and
   * checks its unit. Alternative ids 240+ belong to this family of rules.
   */
  public numberOrParam = this.RULE('numberOrParam', () => {
    this.OR(this.alts(240, () => [{ ALT: () => this.SUBRULE(this.signedNumber) }, { ALT: () => this.SUBRULE(this.name, { LABEL: 'param' }) }]));
  });

  public metaItem = this.RULE('metaItem', () => {
    this.OR(this.alts(4, () => [{ ALT: () => this.CONSUME(kw.Title) }, { ALT: () => this.CONSUME(kw.Description) }, { ALT: () => this.CONSUME(kw.Ref) }]));
    this.CONSUME(StringLiteral);
  });

  // Binary operators are read as a flat row `operand (op operand)*`; the visitor applies the
  // precedence (loosest first: or · and · not · comparisons · + - · * / · unary minus) by
  // precedence climbing. One rule instead of six nested ones halves the CST built per value,
  // and comparisons that chain (`a < b < c`) are reported by the visitor.
  public expression = this.RULE('expression', () => {
    this.OR(this.alts(100, () => [{ ALT: () => this.SUBRULE(this.ifExpr) }, { ALT: () => this.SUBRULE(this.binaryExpr) }]));
  });

  public ifExpr = this.RULE('ifExpr', () => {
    this.CONSUME(kw.If);
    this.SUBRULE(this.expression, { LABEL: 'condition' });
    this.CONSUME(kw.Then);
    this.SUBRULE2(this.expression, { LABEL: 'then' });
    this.CONSUME(kw.Otherwise);
    this.SUBRULE3(this.expression, { LABEL: 'otherwise' });
  });

  public binaryExpr = this.RULE('binaryExpr', () => {
    this.SUBRULE(this.operand, { LABEL: 'operands' });
    this.MANY(() => {
      this.OR(
        this.alts(101, () => [
          { ALT: () => this.CONSUME(kw.Or, { LABEL: 'ops' }) },
          { ALT: () => this.CONSUME(kw.And, { LABEL: 'ops' }) },
          { ALT: () => this.CONSUME(ComparisonOp, { LABEL: 'ops' }) },
          { ALT: () => this.CONSUME(AdditiveOp, { LABEL: 'ops' }) },
          { ALT: () => this.CONSUME(MultiplicativeOp, { LABEL: 'ops' }) },
        ]),
      );
      this.SUBRULE2(this.operand, { LABEL: 'operands' });
    });
  });

  /** A value with its prefixes: `not`, `-`, `+`. */
  public operand = this.RULE('operand', () => {
    this.MANY(() =>
      this.OR(
        this.alts(102, () => [{ ALT: () => this.CONSUME(kw.Not, { LABEL: 'prefixes' }) }, { ALT: () => this.CONSUME(AdditiveOp, { LABEL: 'prefixes' }) }]),
      ),
    );
    this.SUBRULE(this.primary);
  });

  /** Arithmetic only (no comparisons or logic): awards, bounds, `between a and b`. */
  public arith = this.RULE('arith', () => {
    this.SUBRULE(this.arithOperand, { LABEL: 'operands' });
    this.MANY(() => {
      this.OR(
        this.alts(103, () => [{ ALT: () => this.CONSUME(AdditiveOp, { LABEL: 'ops' }) }, { ALT: () => this.CONSUME(MultiplicativeOp, { LABEL: 'ops' }) }]),
      );
      this.SUBRULE2(this.arithOperand, { LABEL: 'operands' });
    });
  });

  public arithOperand = this.RULE('arithOperand', () => {
    this.MANY(() => this.CONSUME(AdditiveOp, { LABEL: 'prefixes' }));
    this.SUBRULE(this.primary);
  });

  public primary = this.RULE('primary', () => {
    this.OR(
      this.alts(33, () => [
        {
          ALT: () => {
            this.CONSUME(NumberLiteral);
            this.OPTION(() => this.CONSUME(kw.Days));
          },
        },
        { ALT: () => this.CONSUME(StringLiteral) },
        { ALT: () => this.CONSUME(kw.True) },
        { ALT: () => this.CONSUME(kw.False) },
        { ALT: () => this.SUBRULE(this.dataPath) },
        { ALT: () => this.SUBRULE(this.contextPath) },
        {
          ALT: () => {
            this.CONSUME(LParen);
            this.SUBRULE(this.expression);
            this.CONSUME(RParen);
          },
        },
        { ALT: () => this.SUBRULE(this.refOrCall) },
      ]),
    );
  });

  /** `data.a.b`, `data.items[].x`, `data."quoted seg"`; any word (even a keyword) is a segment. */
  public dataPath = this.RULE('dataPath', () => {
    this.CONSUME(kw.Data);
    this.MANY(() =>
      this.OR(
        this.alts(34, () => [
          {
            ALT: () => {
              this.CONSUME(Dot);
              this.OR2(
                this.alts(130, () => [
                  { ALT: () => this.CONSUME(AnyWord, { LABEL: 'segment' }) },
                  { ALT: () => this.CONSUME(StringLiteral, { LABEL: 'segment' }) },
                ]),
              );
            },
          },
          {
            ALT: () => {
              this.CONSUME(LBracket);
              this.CONSUME(RBracket);
            },
          },
        ]),
      ),
    );
  });

  /**
   * `previous.grade`, `上年.total`, `rectification.status`, `整改情况."说明"`: what the caller says
   * about last year and rectification. A bare root parses (the visitor reports it with a hint).
   */
  public contextPath = this.RULE('contextPath', () => {
    this.OR(
      this.alts(120, () => [{ ALT: () => this.CONSUME(kw.Previous, { LABEL: 'root' }) }, { ALT: () => this.CONSUME(kw.Rectification, { LABEL: 'root' }) }]),
    );
    this.MANY(() => {
      this.CONSUME(Dot);
      this.OR2(
        this.alts(121, () => [{ ALT: () => this.CONSUME(AnyWord, { LABEL: 'segment' }) }, { ALT: () => this.CONSUME(StringLiteral, { LABEL: 'segment' }) }]),
      );
    });
  });

  /** `预算执行率.value`, `决策.score`, `max(a, b)`. */
  public refOrCall = this.RULE('refOrCall', () => {
    this.SUBRULE(this.word, { LABEL: 'head' });
    this.OR(
      this.alts(35, () => [
        {
          ALT: () => {
            this.CONSUME(LParen);
            this.OPTION(() => {
              this.SUBRULE(this.expression, { LABEL: 'args' });
              this.MANY(() => {
                this.CONSUME(Comma);
                this.SUBRULE2(this.expression, { LABEL: 'args' });
              });
            });
            this.CONSUME(RParen);
          },
        },
        {
          ALT: () =>
            this.MANY2(() => {
              this.CONSUME(Dot);
              this.SUBRULE2(this.word, { LABEL: 'members' });
            }),
        },
      ]),
    );
  });

  /** A name inside an expression: identifier or soft keyword (no quoted strings). */
  public word = this.RULE('word', () => {
    this.OR(this.alts(36, () => [{ ALT: () => this.CONSUME(Identifier) }, { ALT: () => this.CONSUME(SoftKeyword) }]));
  });
}
