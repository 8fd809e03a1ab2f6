/**
 * The grammar of indicator files as one chevrotain `CstParser` (no embedded actions): rules are
 * class properties so a misspelt `SUBRULE` is a type error, and the single exported instance
 * `jixiaoParser` is reused for every parse (reset through `input`). Recovery is on, so one run
 * reports every syntax error and still yields a CST for the rest of the file. The meaning of
 * the tree is given in one place, the visitor in `to-ast.ts`; CST types are generated into
 * `cst-types.ts` by `npm run grammar`.
 *
 * Layers: `parser-base.ts` (names, numbers, expressions) ← `parser-score.ts` (indicator
 * clauses, scoring methods) ← `parser-scales.ts` (scales, tables, aggregate, outcome) ←
 * `parser-rules.ts` (line, combine, rule, actions) ← this file (file, frameworks, dimensions,
 * rules blocks). Lists
 * accept `,` or `;` between items, trailing separators, or none where unambiguous; that is why
 * block bodies read `MANY(OR(item, separator))`.
 */
import { RulesParser } from './parser-rules.js';
import { allTokens, Arrow, Colon, Comma, DotDot, Equals, GtEq, Identifier, kw, LCurly, LtEq, NumberLiteral, Plus, RCurly, StringLiteral } from './tokens.js';
import { syntaxErrorProvider } from './syntax-errors.js';

export class JixiaoParser extends RulesParser {
  constructor() {
    super(allTokens, {
      recoveryEnabled: true,
      maxLookahead: 3,
      nodeLocationTracking: 'onlyOffset',
      errorMessageProvider: syntaxErrorProvider,
    });
    this.performSelfAnalysis();
  }

  public file = this.RULE('file', () => {
    this.MANY(() =>
      this.OR(
        this.alts(1, () => [
          { ALT: () => this.SUBRULE(this.importDecl) },
          { ALT: () => this.SUBRULE(this.frameworkDecl) },
          { ALT: () => this.SUBRULE(this.rulesDecl) },
          { ALT: () => this.SUBRULE(this.scaleDecl) },
          { ALT: () => this.SUBRULE(this.tableDecl) },
          { ALT: () => this.SUBRULE(this.separator) },
        ]),
      ),
    );
  });

  public importDecl = this.RULE('importDecl', () => {
    this.CONSUME(kw.Import);
    this.CONSUME(StringLiteral);
  });

  public frameworkDecl = this.RULE('frameworkDecl', () => {
    this.CONSUME(kw.Framework);
    this.SUBRULE(this.name);
    this.OPTION(() => this.CONSUME(StringLiteral, { LABEL: 'label' }));
    this.OPTION2(() => {
      this.CONSUME(kw.Extends);
      this.SUBRULE2(this.name, { LABEL: 'parent' });
    });
    this.CONSUME(LCurly);
    this.MANY(() =>
      this.OR(
        this.alts(5, () => [
          { ALT: () => this.SUBRULE(this.metaItem) },
          { ALT: () => this.SUBRULE(this.setting) },
          { ALT: () => this.SUBRULE(this.gradesDecl) },
          { ALT: () => this.SUBRULE(this.vetoDecl) },
          { ALT: () => this.SUBRULE(this.outcomeDecl) },
          { ALT: () => this.SUBRULE(this.aggregateClause) },
          { ALT: () => this.SUBRULE(this.requireDecl) },
          { ALT: () => this.SUBRULE(this.paramDecl) },
          { ALT: () => this.SUBRULE(this.letDecl) },
          { ALT: () => this.SUBRULE(this.inputDecl) },
          { ALT: () => this.SUBRULE(this.sharedMethodDecl) },
          { ALT: () => this.SUBRULE(this.nodeMember) },
          { ALT: () => this.SUBRULE(this.separator) },
        ]),
      ),
    );
    this.CONSUME(RCurly);
  });

  /**
   * `scale 100`, `precision 2`, `rounding half_up`, `version "2026.1"`, `missing zero`, `not_applicable rescale`,
   * `reported precision 1` (form mode: the digits a form rounds each row of reported scores to).
   */
  public setting = this.RULE('setting', () => {
    this.OR(
      this.alts(6, () => [
        {
          ALT: () => {
            this.CONSUME(kw.Scale);
            this.SUBRULE(this.signedNumber);
          },
        },
        {
          ALT: () => {
            this.CONSUME(kw.Precision);
            this.SUBRULE2(this.signedNumber);
          },
        },
        {
          ALT: () => {
            this.CONSUME(kw.Rounding);
            this.SUBRULE(this.name);
          },
        },
        {
          ALT: () => {
            this.CONSUME(kw.Reported);
            this.CONSUME2(kw.Precision);
            this.SUBRULE3(this.signedNumber);
          },
        },
        {
          ALT: () => {
            this.CONSUME(kw.Version);
            this.OR2(this.alts(134, () => [{ ALT: () => this.CONSUME(StringLiteral) }, { ALT: () => this.CONSUME(NumberLiteral) }]));
          },
        },
        {
          ALT: () => {
            this.CONSUME(kw.Missing);
            this.SUBRULE2(this.name);
          },
        },
        {
          ALT: () => {
            this.CONSUME(kw.NotApplicable);
            this.SUBRULE3(this.name);
          },
        },
      ]),
    );
  });

  public gradesDecl = this.RULE('gradesDecl', () => {
    this.CONSUME(kw.Grades);
    this.CONSUME(LCurly);
    this.MANY(() => this.OR(this.alts(7, () => [{ ALT: () => this.SUBRULE(this.gradeCut) }, { ALT: () => this.SUBRULE(this.separator) }])));
    this.CONSUME(RCurly);
  });

  public gradeCut = this.RULE('gradeCut', () => {
    this.SUBRULE(this.label);
    this.OR(
      this.alts(8, () => [
        {
          ALT: () => {
            this.CONSUME(GtEq);
            this.SUBRULE(this.numberOrParam);
          },
        },
        { ALT: () => this.CONSUME(kw.Otherwise) },
      ]),
    );
  });

  /** `veto 重大违规 when <expr> -> grade 差 | -> cap 59 | -> zero ["说明"]`. */
  public vetoDecl = this.RULE('vetoDecl', () => {
    this.CONSUME(kw.Veto);
    this.SUBRULE(this.name);
    this.CONSUME(kw.When);
    this.SUBRULE(this.expression);
    this.CONSUME(Arrow);
    this.OR(
      this.alts(9, () => [
        {
          ALT: () => {
            this.CONSUME(kw.Cap);
            this.SUBRULE(this.numberOrParam);
          },
        },
        {
          ALT: () => {
            this.CONSUME(kw.Grades);
            this.SUBRULE2(this.name, { LABEL: 'grade' });
          },
        },
        {
          ALT: () => {
            const word = this.CONSUME(Identifier, { LABEL: 'effect' });
            // Only `grade` takes a label after it; `zero` stands alone.
            this.OPTION({ GATE: () => word.image === 'grade', DEF: () => this.SUBRULE3(this.name, { LABEL: 'grade' }) });
          },
        },
      ]),
    );
    this.OPTION2(() => this.CONSUME(StringLiteral));
  });

  /** `require 产出 + 效益 >= 60`. */
  public requireDecl = this.RULE('requireDecl', () => {
    this.CONSUME(kw.Require);
    this.SUBRULE(this.qualifiedName);
    this.MANY(() => {
      this.CONSUME(Plus);
      this.SUBRULE2(this.qualifiedName);
    });
    this.OR(this.alts(10, () => [{ ALT: () => this.CONSUME(GtEq) }, { ALT: () => this.CONSUME(LtEq) }, { ALT: () => this.CONSUME(Equals) }]));
    this.SUBRULE(this.numberOrParam);
  });

  /** `param 调增比例 = 10% "说明"`, or by fiscal year: `param 调增比例 "说明" { 2025: 8% "文号"; 2026..: 10% "文号" }`. */
  public paramDecl = this.RULE('paramDecl', () => {
    this.CONSUME(kw.Param);
    this.SUBRULE(this.name);
    this.OR(
      this.alts(246, () => [
        {
          ALT: () => {
            this.CONSUME(Equals);
            this.SUBRULE(this.expression);
            this.OPTION(() => this.CONSUME(StringLiteral));
          },
        },
        {
          ALT: () => {
            this.OPTION2(() => this.CONSUME2(StringLiteral));
            this.SUBRULE(this.paramPeriods);
          },
        },
      ]),
    );
  });

  /** `{ 2024..2025: 8% "财预〔2024〕3号"; 2026..: 10% "财预〔2026〕5号" }`: values by fiscal year. */
  public paramPeriods = this.RULE('paramPeriods', () => {
    this.CONSUME(LCurly);
    this.MANY(() => this.OR(this.alts(247, () => [{ ALT: () => this.SUBRULE(this.paramPeriod) }, { ALT: () => this.SUBRULE(this.separator) }])));
    this.CONSUME(RCurly);
  });

  /** `2025: 8% "文号"` (that year), `2024..2025: …` (both included), `2026..: …` (from 2026 on). */
  public paramPeriod = this.RULE('paramPeriod', () => {
    this.CONSUME(NumberLiteral, { LABEL: 'from' });
    this.OPTION(() => {
      this.CONSUME(DotDot);
      this.OPTION2(() => this.CONSUME2(NumberLiteral, { LABEL: 'to' }));
    });
    this.CONSUME(Colon);
    this.SUBRULE(this.arith, { LABEL: 'value' });
    this.OPTION3(() => this.CONSUME(StringLiteral, { LABEL: 'ref' }));
  });

  public letDecl = this.RULE('letDecl', () => {
    this.CONSUME(kw.Let);
    this.SUBRULE(this.name);
    this.CONSUME(Equals);
    this.SUBRULE(this.expression);
    this.OPTION(() => this.CONSUME(StringLiteral));
  });

  /** `input data.budget.adjusted money required "…"`, `input data.x text of A, B, C`. */
  public inputDecl = this.RULE('inputDecl', () => {
    this.CONSUME(kw.Input);
    this.SUBRULE(this.dataPath);
    this.SUBRULE(this.name, { LABEL: 'type' });
    // `of …`, `required`/`optional` and the description may come in any order; the AST builder
    // reports one given twice (DSL107).
    this.MANY(() =>
      this.OR(
        this.alts(11, () => [
          { ALT: () => this.CONSUME(kw.Required) },
          { ALT: () => this.CONSUME(kw.Optional) },
          {
            ALT: () => {
              this.CONSUME(kw.Of);
              this.SUBRULE2(this.name, { LABEL: 'allowed' });
              this.MANY2(() => {
                this.CONSUME(Comma);
                this.SUBRULE3(this.name, { LABEL: 'allowed' });
              });
            },
          },
          { ALT: () => this.CONSUME(StringLiteral, { LABEL: 'description' }) },
          { ALT: () => this.SUBRULE(this.rangeCondition) },
        ]),
      ),
    );
  });

  public nodeMember = this.RULE('nodeMember', () => {
    this.OR(
      this.alts(12, () => [
        { ALT: () => this.SUBRULE(this.dimensionDecl) },
        { ALT: () => this.SUBRULE(this.indicatorDecl) },
        { ALT: () => this.SUBRULE(this.overrideDecl) },
        { ALT: () => this.SUBRULE(this.modifyDecl) },
        { ALT: () => this.SUBRULE(this.removeDecl) },
      ]),
    );
  });

  public overrideDecl = this.RULE('overrideDecl', () => {
    this.CONSUME(kw.Override);
    this.OR(this.alts(13, () => [{ ALT: () => this.SUBRULE(this.dimensionDecl) }, { ALT: () => this.SUBRULE(this.indicatorDecl) }]));
  });

  /**
   * `modify 过程.资金使用合规性 weight 10`, `modify indicator 满意度 { target >= 95% }`: changes
   * an inherited indicator's weight and the clauses given, keeping every other clause. The body
   * takes an indicator's clauses; the children are named as in `indicatorDecl`, so one visitor
   * method reads both.
   */
  public modifyDecl = this.RULE('modifyDecl', () => {
    this.CONSUME(kw.Modify);
    this.OPTION(() => this.CONSUME(kw.Indicator));
    this.SUBRULE(this.qualifiedName);
    this.OPTION2(() => {
      this.CONSUME(kw.Weight);
      this.SUBRULE(this.numberOrParam);
    });
    this.OPTION3(() => this.indicatorBody(245));
  });

  /** `remove 效益.满意度`, `remove indicator …`, `remove dimension …`, `remove input data.x`. */
  public removeDecl = this.RULE('removeDecl', () => {
    this.CONSUME(kw.Remove);
    this.OR2(
      this.alts(244, () => [
        {
          ALT: () => {
            this.CONSUME(kw.Input);
            this.SUBRULE(this.dataPath);
          },
        },
        {
          ALT: () => {
            this.OPTION(() => this.OR(this.alts(14, () => [{ ALT: () => this.CONSUME(kw.Indicator) }, { ALT: () => this.CONSUME(kw.Dimension) }])));
            this.SUBRULE(this.qualifiedName);
          },
        },
      ]),
    );
  });

  public dimensionDecl = this.RULE('dimensionDecl', () => {
    this.CONSUME(kw.Dimension);
    this.SUBRULE(this.qualifiedName);
    this.OPTION(() => {
      this.CONSUME(kw.Weight);
      this.SUBRULE(this.numberOrParam);
    });
    this.CONSUME(LCurly);
    this.MANY(() =>
      this.OR(
        this.alts(15, () => [
          { ALT: () => this.SUBRULE(this.metaItem) },
          { ALT: () => this.SUBRULE(this.applicableClause) },
          { ALT: () => this.SUBRULE(this.aggregateClause) },
          { ALT: () => this.SUBRULE(this.nodeMember) },
          { ALT: () => this.SUBRULE(this.separator) },
        ]),
      ),
    );
    this.CONSUME(RCurly);
  });

  public indicatorDecl = this.RULE('indicatorDecl', () => {
    this.CONSUME(kw.Indicator);
    this.SUBRULE(this.qualifiedName);
    this.OPTION(() => {
      this.CONSUME(kw.Weight);
      this.SUBRULE(this.numberOrParam);
    });
    this.indicatorBody(16);
  });

  /**
   * `{ value … target … score … }`: an indicator's clauses, in `indicator` and in `modify` alike.
   * Not a rule of its own: its items stay direct children of the declaration's CST node.
   */
  private indicatorBody(altsId: number): void {
    this.CONSUME(LCurly);
    this.MANY(() =>
      this.OR(
        this.alts(altsId, () => [
          { ALT: () => this.SUBRULE(this.metaItem) },
          { ALT: () => this.SUBRULE(this.valueClause) },
          { ALT: () => this.SUBRULE(this.unitClause) },
          { ALT: () => this.SUBRULE(this.targetClause) },
          { ALT: () => this.SUBRULE(this.scoreClause) },
          { ALT: () => this.SUBRULE(this.applicableClause) },
          { ALT: () => this.SUBRULE(this.missingClause) },
          { ALT: () => this.SUBRULE(this.separator) },
        ]),
      ),
    );
    this.CONSUME(RCurly);
  }

  public rulesDecl = this.RULE('rulesDecl', () => {
    this.CONSUME(kw.Rules);
    this.SUBRULE(this.name);
    this.CONSUME(kw.For);
    this.SUBRULE2(this.name, { LABEL: 'target' });
    // `rules 中央专项 for 项目支出 when data.fund_source == "central" { … }`: the block applies
    // only to records where the condition holds.
    this.OPTION(() => {
      this.CONSUME(kw.When);
      this.SUBRULE(this.expression, { LABEL: 'applies' });
    });
    this.CONSUME(LCurly);
    this.MANY(() =>
      this.OR(
        this.alts(28, () => [
          { ALT: () => this.SUBRULE(this.metaItem) },
          { ALT: () => this.SUBRULE(this.paramDecl) },
          { ALT: () => this.SUBRULE(this.letDecl) },
          { ALT: () => this.SUBRULE(this.lineDecl) },
          { ALT: () => this.SUBRULE(this.combineDecl) },
          { ALT: () => this.SUBRULE(this.ruleDecl) },
          { ALT: () => this.SUBRULE(this.separator) },
        ]),
      ),
    );
    this.CONSUME(RCurly);
  });
}

/** The one parser instance; `parse.ts` sets `input` and calls `file()` per parse. */
export const jixiaoParser = new JixiaoParser();
