/**
 * The one CST visitor, top layer: file, imports, frameworks (settings, grades, vetoes, require,
 * param, let, input), dimensions and indicators at any depth, override/remove, and rules blocks
 * (param, let, line, combine, rule and every action). `toAst(cst, file)` returns the AST of
 * `ast.ts` with exact source ranges plus the semantic-free syntax diagnostics found while
 * building it (unknown option words DSL106, repeated clauses DSL107, non-integers DSL108).
 * It never throws on user input: incomplete nodes from recovery are dropped.
 */
import type { CstNode, IToken } from 'chevrotain';
import type { SourceRange } from '../common/diagnostic.js';
import type { Lang } from '../common/lang.js';
import type {
  AggregateDecl,
  OutcomeDecl,
  BandCondition,
  DataPath,
  DimensionDecl,
  Expr,
  FileAst,
  FrameworkDecl,
  GradeCut,
  GradesDecl,
  ImportDecl,
  IndicatorDecl,
  InputBounds,
  InputDecl,
  SharedMethodDecl,
  LetDecl,
  Meta,
  Name,
  NodeMember,
  ParamDecl,
  ParamPeriod,
  RemoveDecl,
  RequireDecl,
  RulesDecl,
  Setting,
  VetoDecl,
} from './ast.js';
import type {
  DimensionDeclCstChildren,
  FileCstChildren,
  FrameworkDeclCstChildren,
  GradeCutCstChildren,
  GradesDeclCstChildren,
  ImportDeclCstChildren,
  IndicatorDeclCstChildren,
  InputDeclCstChildren,
  LetDeclCstChildren,
  NodeMemberCstChildren,
  OverrideDeclCstChildren,
  ParamDeclCstChildren,
  ParamPeriodCstChildren,
  ParamPeriodsCstChildren,
  ModifyDeclCstChildren,
  RemoveDeclCstChildren,
  RequireDeclCstChildren,
  SeparatorCstChildren,
  SettingCstChildren,
  VetoDeclCstChildren,
} from './cst-types.js';
import { inputType, isZeroWord, missingPolicy, notApplicablePolicy, OPTION_WORDS, roundingMode, unquote } from './literals.js';
import * as msg from './messages.js';
import { periodChoice } from './dated-params.js';
import { first, reservedBuiltin } from './to-ast-expr.js';
import { RulesVisitor } from './to-ast-rules.js';
import type { LineIndex } from './line-index.js';
import { kw } from './tokens.js';

class AstBuilder extends RulesVisitor {
  constructor() {
    super();
    this.validateVisitor();
  }

  build(cst: CstNode, file: string, lang: Lang, lines: LineIndex): { ast: FileAst; diagnostics: ReturnType<AstBuilder['take']> } {
    this.reset(file, lang, lines);
    const ast = this.sub<FileAst>(cst) ?? emptyFile(file);
    return { ast, diagnostics: this.take() };
  }

  private take(): typeof this.diagnostics {
    const d = this.diagnostics;
    this.diagnostics = [];
    return d;
  }

  file(ctx: FileCstChildren, node: CstNode): FileAst {
    const { scales, tables } = this.collectScales(ctx.scaleDecl, ctx.tableDecl);
    const imports = this.subs<ImportDecl>(ctx.importDecl);
    const declarations = [...this.subs<FrameworkDecl>(ctx.frameworkDecl), ...this.subs<RulesDecl>(ctx.rulesDecl)].sort(
      (a, b) => a.range.start.offset - b.range.start.offset,
    );
    const range = this.nodeRange(node);
    return {
      kind: 'file',
      file: this.sourceFile,
      imports,
      declarations,
      ...(scales.length ? { scales } : {}),
      ...(tables.length ? { tables } : {}),
      range,
    };
  }

  separator(_ctx: SeparatorCstChildren): undefined {
    return undefined;
  }

  importDecl(ctx: ImportDeclCstChildren, node: CstNode): ImportDecl | undefined {
    const s = first(ctx.StringLiteral);
    return s ? { kind: 'import', path: unquote(s.image), range: this.nodeRange(node) } : undefined;
  }

  // ── framework ───────────────────────────────────────────────────────────────────────────
  frameworkDecl(ctx: FrameworkDeclCstChildren, node: CstNode): FrameworkDecl | undefined {
    const name = this.nameOf(first(ctx.name));
    const label = first(ctx.label);
    const parent = this.nameOf(first(ctx.parent));
    const gradesList = this.subs<GradesDecl>(ctx.gradesDecl);
    gradesList.slice(1).forEach((g) => this.report(msg.DSL.duplicateClause, msg.duplicateClause(this.lang, 'grades'), g.range));
    const fw: FrameworkDecl = {
      kind: 'framework',
      name: name ?? { text: '', range: this.nodeRange(node) },
      ...(label ? { label: unquote(label.image) } : {}),
      ...(parent ? { extends: parent } : {}),
      meta: this.meta(ctx.metaItem),
      settings: this.subs<Setting>(ctx.setting),
      ...(gradesList[0] ? { grades: gradesList[0] } : {}),
      vetoes: this.subs<VetoDecl>(ctx.vetoDecl),
      ...(ctx.outcomeDecl ? { outcomes: this.subs<OutcomeDecl>(ctx.outcomeDecl) } : {}),
      ...this.frameworkAggregate(ctx.aggregateClause),
      requires: this.subs<RequireDecl>(ctx.requireDecl),
      params: this.subs<ParamDecl>(ctx.paramDecl),
      lets: this.subs<LetDecl>(ctx.letDecl),
      inputs: this.subs<InputDecl>(ctx.inputDecl),
      sharedMethods: this.subs<SharedMethodDecl>(ctx.sharedMethodDecl),
      members: this.subs<NodeMember>(ctx.nodeMember),
      range: this.nodeRange(node),
    };
    return name ? fw : undefined;
  }

  /** The framework's `aggregate …` (one; a second is DSL107), as a spreadable field. */
  private frameworkAggregate(nodes: readonly CstNode[] | undefined): { aggregate?: AggregateDecl } {
    const a = this.once<AggregateDecl>('aggregate', nodes);
    return a ? { aggregate: a } : {};
  }

  setting(ctx: SettingCstChildren, node: CstNode): Setting | undefined {
    const num = this.numberOf(first(ctx.signedNumber));
    const word = this.nameOf(first(ctx.name));
    const range = this.nodeRange(node);
    if (ctx.Scale) return num ? { kind: 'scale', value: num, range } : undefined;
    if (ctx.Precision) {
      if (!num) return undefined;
      const digits = Number(num.value);
      const what = ctx.Reported ? 'reported precision' : 'precision';
      if (!Number.isInteger(digits) || digits < 0 || num.unit !== null) {
        this.report(msg.DSL.wholeNumber, msg.wholeNumber(this.lang, what), num.range);
        return undefined;
      }
      return ctx.Reported ? { kind: 'reported_precision', digits, range } : { kind: 'precision', digits, range };
    }
    if (ctx.Version) {
      const t = first(ctx.StringLiteral) ?? first(ctx.NumberLiteral);
      return t ? { kind: 'version', value: ctx.StringLiteral ? unquote(t.image) : t.image, range } : undefined;
    }
    if (!word) return undefined;
    if (ctx.Rounding) {
      const mode = this.option(word, roundingMode, 'rounding', OPTION_WORDS.rounding);
      return mode ? { kind: 'rounding', mode, range } : undefined;
    }
    if (ctx.Missing) {
      const policy = this.option(word, missingPolicy, 'missing', OPTION_WORDS.missing);
      return policy ? { kind: 'missing', policy, range } : undefined;
    }
    const policy = this.option(word, notApplicablePolicy, 'notApplicable', OPTION_WORDS.not_applicable);
    return policy ? { kind: 'not_applicable', policy, range } : undefined;
  }

  gradesDecl(ctx: GradesDeclCstChildren, node: CstNode): GradesDecl {
    return { kind: 'grades', grades: this.subs<GradeCut>(ctx.gradeCut), range: this.nodeRange(node) };
  }

  gradeCut(ctx: GradeCutCstChildren, node: CstNode): GradeCut | undefined {
    const label = this.nameOf(first(ctx.label));
    const min = this.slotOf(first(ctx.numberOrParam));
    if (!label || (!min && !ctx.Otherwise)) return undefined;
    return { label, ...(min ? { min } : {}), range: this.nodeRange(node) };
  }

  vetoDecl(ctx: VetoDeclCstChildren, node: CstNode): VetoDecl | undefined {
    const name = this.nameOf(first(ctx.name));
    const when = this.exprOf(first(ctx.expression));
    const desc = first(ctx.StringLiteral);
    let effect: VetoDecl['effect'] | undefined;
    const cap = this.slotOf(first(ctx.numberOrParam));
    const grade = this.nameOf(first(ctx.grade));
    const word = first(ctx.effect);
    if (ctx.Cap) effect = cap ? { kind: 'cap', value: cap } : undefined;
    else if (grade) effect = { kind: 'grade', grade };
    else if (word && isZeroWord(word.image)) effect = { kind: 'zero' };
    else if (word && Number.isFinite(word.startOffset)) {
      this.report(msg.DSL.unknownOption, msg.unknownOption(this.lang, word.image, 'veto', ['grade <label>', 'cap <number>', 'zero']), this.tokRange(word));
    }
    const range = this.nodeRange(node);
    if (!name || !when || !effect) return undefined;
    return { kind: 'veto', name, when, effect, meta: this.meta(undefined, desc ? { description: unquote(desc.image) } : {}), range };
  }

  requireDecl(ctx: RequireDeclCstChildren, node: CstNode): RequireDecl | undefined {
    const names = (ctx.qualifiedName ?? []).map((q) => this.qualifiedNameOf(q)).filter((n): n is Name => n !== undefined);
    const value = this.slotOf(first(ctx.numberOrParam));
    const op = ctx.GtEq ? '>=' : ctx.LtEq ? '<=' : '=';
    const range = this.nodeRange(node);
    return names.length > 0 && value ? { kind: 'require', names, op, value, range } : undefined;
  }

  paramDecl(ctx: ParamDeclCstChildren, node: CstNode): ParamDecl | undefined {
    const list = first(ctx.paramPeriods);
    if (list) {
      const periods = this.visit(list) as ParamPeriod[];
      const d = this.binding({ ...ctx, expression: [] } as unknown as ParamDeclCstChildren, node, 'param', periodChoice(periods));
      return d && periods.length > 0 ? { kind: 'param', ...d, periods } : undefined;
    }
    const d = this.binding(ctx, node, 'param');
    return d ? { kind: 'param', ...d } : undefined;
  }

  paramPeriods(ctx: ParamPeriodsCstChildren): ParamPeriod[] {
    return this.subs<ParamPeriod>(ctx.paramPeriod);
  }

  /** A year is a whole number (DSL108 otherwise); `2026..` leaves the end open. */
  paramPeriod(ctx: ParamPeriodCstChildren, node: CstNode): ParamPeriod | undefined {
    const year = (t: IToken | undefined): number | undefined => {
      if (!t || !Number.isFinite(t.startOffset)) return undefined;
      if (!/^\d{1,4}$/.test(t.image)) {
        this.report(msg.DSL.wholeNumber, msg.wholeNumber(this.lang, 'year'), this.tokRange(t));
        return undefined;
      }
      return Number(t.image);
    };
    const from = year(first(ctx.from));
    const toTok = first(ctx.to);
    const to = ctx.DotDot ? (toTok ? year(toTok) : null) : from;
    const value = this.exprOf(first(ctx.value));
    const ref = first(ctx.ref);
    if (from === undefined || to === undefined || !value) return undefined;
    return { from, to, value, ...(ref ? { ref: unquote(ref.image) } : {}), range: this.nodeRange(node) };
  }

  letDecl(ctx: LetDeclCstChildren, node: CstNode): LetDecl | undefined {
    const d = this.binding(ctx, node, 'let');
    return d ? { kind: 'let', ...d } : undefined;
  }

  private binding(
    ctx: ParamDeclCstChildren | LetDeclCstChildren,
    node: CstNode,
    what: 'param' | 'let',
    given?: Expr,
  ): { name: Name; value: Expr; meta: Meta; range: SourceRange } | undefined {
    const name = this.nameOf(first(ctx.name));
    // A word that means a built-in in formulas (`目标` is `target`) could never be referred to
    // under this name; `unspent`/`结余` is the exception: it is the built-in a block defines.
    const builtin = name && reservedBuiltin(name.text);
    if (name && builtin) this.report(msg.DSL.reservedName, msg.reservedName(this.lang, name.text, builtin, what), name.range);
    const value = given ?? this.exprOf(first(ctx.expression));
    const desc = first(ctx.StringLiteral);
    const range = this.nodeRange(node);
    if (!name || !value) return undefined;
    return { name, value, meta: this.meta(undefined, desc ? { description: unquote(desc.image) } : {}), range };
  }

  inputDecl(ctx: InputDeclCstChildren, node: CstNode): InputDecl | undefined {
    const path = this.sub<InputDecl['path']>(first(ctx.dataPath));
    const typeName = this.nameOf(first(ctx.type));
    // A type word naming a scale of this file types the input by that scale (its labels).
    const scale = typeName && inputType(typeName.text) === undefined ? this.scaleNamed(typeName.text) : undefined;
    const type = scale ? 'text' : typeName && this.option(typeName, inputType, 'input', OPTION_WORDS.input);
    const allowed = (ctx.allowed ?? []).map((n) => this.nameOf(n)?.text).filter((t): t is string => t !== undefined);
    const desc = first(ctx.description);
    const range = this.nodeRange(node);
    // The clauses come in any order, each at most once (`required` and `optional` exclude each other).
    const presence = [...(ctx.Required ?? []), ...(ctx.Optional ?? [])].sort((a, b) => a.startOffset - b.startOffset);
    for (const extra of [...presence.slice(1), ...(ctx.Of ?? []).slice(1), ...(ctx.description ?? []).slice(1)]) {
      this.report(
        msg.DSL.duplicateClause,
        msg.duplicateClause(this.lang, extra.image.startsWith('"') || extra.image.startsWith('“') ? '"…"' : extra.image),
        this.tokRange(extra),
      );
    }
    for (const extra of (ctx.rangeCondition ?? []).slice(1)) this.report(msg.DSL.duplicateClause, msg.duplicateClause(this.lang, '[…]'), this.nodeRange(extra));
    const rangeNode = first(ctx.rangeCondition);
    const bounds = rangeNode && boundsOf(this.sub<BandCondition>(rangeNode), this.nodeRange(rangeNode));
    if (!path || !type) return undefined;
    return {
      kind: 'input',
      path,
      type,
      required: presence[0]?.tokenType === kw.Required,
      ...(ctx.Of ? { allowed } : scale ? { allowed: scale.steps.map((s) => s.text) } : {}),
      ...(bounds ? { bounds } : {}),
      ...(scale ? { scale } : {}),
      meta: this.meta(undefined, desc ? { description: unquote(desc.image) } : {}),
      range,
    };
  }

  // ── dimensions and indicators ───────────────────────────────────────────────────────────
  nodeMember(ctx: NodeMemberCstChildren): NodeMember | undefined {
    return this.sub<NodeMember>(
      first(ctx.dimensionDecl) ?? first(ctx.indicatorDecl) ?? first(ctx.overrideDecl) ?? first(ctx.modifyDecl) ?? first(ctx.removeDecl),
    );
  }

  /** A partial override: the clauses given, marked `partial`; extends.ts keeps the rest. */
  modifyDecl(ctx: ModifyDeclCstChildren, node: CstNode): IndicatorDecl | undefined {
    // The children carry the names of indicatorDecl's (qualifiedName, signedNumber, clauses).
    const inner = this.indicatorDecl(ctx as unknown as IndicatorDeclCstChildren, node);
    return inner && { ...inner, override: true, partial: true };
  }

  overrideDecl(ctx: OverrideDeclCstChildren, node: CstNode): NodeMember | undefined {
    const inner = this.sub<DimensionDecl | IndicatorDecl>(first(ctx.dimensionDecl) ?? first(ctx.indicatorDecl));
    if (!inner) return undefined;
    return { ...inner, override: true, range: this.nodeRange(node) };
  }

  removeDecl(ctx: RemoveDeclCstChildren, node: CstNode): RemoveDecl | undefined {
    const range = this.nodeRange(node);
    if (ctx.Input) {
      const input = this.sub<DataPath>(first(ctx.dataPath));
      return input ? { kind: 'remove', path: [], input, range } : undefined;
    }
    const path = this.sub<Name[]>(first(ctx.qualifiedName)) ?? [];
    return path.length > 0 ? { kind: 'remove', path, range } : undefined;
  }

  dimensionDecl(ctx: DimensionDeclCstChildren, node: CstNode): DimensionDecl | undefined {
    const name = this.qualifiedNameOf(first(ctx.qualifiedName));
    const weight = this.slotOf(first(ctx.numberOrParam));
    const applicable = this.once<Expr>('applicable', ctx.applicableClause);
    const aggregate = this.once<AggregateDecl>('aggregate', ctx.aggregateClause);
    const d: DimensionDecl = {
      kind: 'dimension',
      name: name ?? { text: '', range: this.nodeRange(node) },
      ...(weight ? { weight } : {}),
      override: false,
      meta: this.meta(ctx.metaItem),
      ...(applicable ? { applicable } : {}),
      ...(aggregate ? { aggregate } : {}),
      members: this.subs<NodeMember>(ctx.nodeMember),
      range: this.nodeRange(node),
    };
    return name ? d : undefined;
  }

  indicatorDecl(ctx: IndicatorDeclCstChildren, node: CstNode): IndicatorDecl | undefined {
    const name = this.qualifiedNameOf(first(ctx.qualifiedName));
    const weight = this.slotOf(first(ctx.numberOrParam));
    const value = this.once<Expr>('value', ctx.valueClause);
    const unit = this.once<string>('unit', ctx.unitClause);
    const target = this.once<IndicatorDecl['target']>('target', ctx.targetClause);
    const score = this.once<IndicatorDecl['score']>('score', ctx.scoreClause);
    const applicable = this.once<Expr>('applicable', ctx.applicableClause);
    const missing = this.once<IndicatorDecl['missing']>('missing', ctx.missingClause);
    if (!name) {
      // Nothing is kept, but the ranges are still taken in order, as they move `last`.
      this.nodeRange(node);
      this.meta(ctx.metaItem, unit ? { unit } : undefined);
      this.nodeRange(node);
      return undefined;
    }
    // Built key by key in the order the spread literal had (the AST's key order is visible to
    // callers of `parse`): spreading a fresh `{ x }` or `{}` per optional clause cost two
    // objects and a property copy each, 2,000 times per 2,000-indicator file.
    const ind = { kind: 'indicator', name } as IndicatorDecl;
    if (weight) ind.weight = weight;
    ind.override = false;
    ind.meta = this.meta(ctx.metaItem, unit ? { unit } : undefined);
    if (value) ind.value = value;
    if (target) ind.target = target;
    if (score) ind.score = score;
    if (applicable) ind.applicable = applicable;
    if (missing) ind.missing = missing;
    ind.range = this.nodeRange(node);
    return ind;
  }

  /** A clause allowed at most once: the first wins, later ones are reported (DSL107). */
  private once<T>(clause: string, nodes: readonly CstNode[] | undefined): T | undefined {
    if (!nodes) return undefined;
    const value = this.sub<T>(nodes[0]);
    for (let i = 1; i < nodes.length; i++) this.report(msg.DSL.duplicateClause, msg.duplicateClause(this.lang, clause), this.nodeRange(nodes[i]));
    return value;
  }
}

function emptyFile(file: string): FileAst {
  const at = { line: 1, column: 1, offset: 0 };
  return { kind: 'file', file, imports: [], declarations: [], range: { start: at, end: at } };
}

const builder = new AstBuilder();

/** Builds the AST of a parsed file; see the module docblock. */
export function toAst(cst: CstNode, file: string, lang: Lang, lines: LineIndex): ReturnType<AstBuilder['build']> {
  return builder.build(cst, file, lang, lines);
}

/** An input's range from the condition a band would write: `>= 0`, `[0%, 100%]`, `= 1` (one value). */
function boundsOf(condition: BandCondition | undefined, range: SourceRange): InputBounds | undefined {
  if (!condition || condition.kind === 'else') return undefined;
  if (condition.kind === 'interval') {
    const { low, lowInclusive, high, highInclusive } = condition;
    return { low, lowInclusive, high, highInclusive, range };
  }
  const { op, bound } = condition;
  if (op === '>=' || op === '>') return { low: bound, lowInclusive: op === '>=', highInclusive: false, range };
  if (op === '<=' || op === '<') return { high: bound, highInclusive: op === '<=', lowInclusive: false, range };
  return { low: bound, lowInclusive: true, high: bound, highInclusive: true, range };
}
