/**
 * The CST visitor layer for the `rules` block (lines, combines, rules and their actions) and for
 * the title / description / ref items every declaration may carry: the result-application
 * half of a file, kept apart from the scoring half the top layer (to-ast.ts) builds.
 */
import type { CstNode, TokenType } from 'chevrotain';
import type { ActionDecl, ActionVerb, CombineActionKind, CombineDecl, LetDecl, LineDecl, Meta, ParamDecl, RuleDecl, RulesDecl } from './ast.js';
import { tokenMatcher } from './chevrotain.js';
import type {
  ActionCstChildren,
  CombineDeclCstChildren,
  LineDeclCstChildren,
  MetaItemCstChildren,
  MetaItemCstNode,
  RuleDeclCstChildren,
  RulesDeclCstChildren,
} from './cst-types.js';
import { combineMode, OPTION_WORDS, unquote, warnLevel } from './literals.js';
import * as msg from './messages.js';
import { first } from './to-ast-expr.js';
import { ScalesVisitor } from './to-ast-scales.js';
import { kw } from './tokens.js';

type MetaEntry = { key: 'title' | 'description' | 'ref'; text: string };

export class RulesVisitor extends ScalesVisitor {
  metaItem(ctx: MetaItemCstChildren): MetaEntry | undefined {
    const s = first(ctx.StringLiteral);
    if (!s) return undefined;
    return { key: ctx.Title ? 'title' : ctx.Description ? 'description' : 'ref', text: unquote(s.image) };
  }

  protected meta(nodes: readonly MetaItemCstNode[] | undefined, extra?: Partial<Meta>): Meta {
    // Once per node: no spread of an empty `extra` and no list of the entries in between.
    const meta: Meta = extra ? { refs: [], ...extra } : { refs: [] };
    if (!nodes) return meta;
    for (const n of nodes) {
      const e = this.sub<MetaEntry>(n);
      if (e === undefined) continue;
      if (e.key === 'ref') meta.refs.push(e.text);
      else meta[e.key] = e.text;
    }
    return meta;
  }

  // ── rules ───────────────────────────────────────────────────────────────────────────────
  rulesDecl(ctx: RulesDeclCstChildren, node: CstNode): RulesDecl | undefined {
    const name = this.nameOf(first(ctx.name));
    const target = this.nameOf(first(ctx.target));
    const applies = this.exprOf(first(ctx.applies));
    const decl: Omit<RulesDecl, 'name' | 'for'> = {
      kind: 'rules',
      ...(applies ? { when: applies } : {}),
      meta: this.meta(ctx.metaItem),
      params: this.subs<ParamDecl>(ctx.paramDecl),
      lets: this.subs<LetDecl>(ctx.letDecl),
      lines: this.subs<LineDecl>(ctx.lineDecl),
      combines: this.subs<CombineDecl>(ctx.combineDecl),
      rules: this.subs<RuleDecl>(ctx.ruleDecl),
      range: this.nodeRange(node),
    };
    return name && target ? { ...decl, name, for: target } : undefined;
  }

  lineDecl(ctx: LineDeclCstChildren, node: CstNode): LineDecl | undefined {
    const name = this.nameOf(first(ctx.name));
    const base = this.exprOf(first(ctx.expression));
    const title = first(ctx.StringLiteral);
    const range = this.nodeRange(node);
    if (!name || !base) return undefined;
    return { kind: 'line', name, base, meta: this.meta(undefined, title ? { title: unquote(title.image) } : {}), range };
  }

  combineDecl(ctx: CombineDeclCstChildren, node: CstNode): CombineDecl | undefined {
    const target = first(ctx.name);
    const line = this.nameOf(target);
    const action = target ? combineActionOf(target) : undefined;
    const modeName = this.nameOf(first(ctx.mode));
    const mode = modeName && this.option(modeName, combineMode, 'combine', OPTION_WORDS.combine);
    const cap = this.exprOf(first(ctx.cap));
    const range = this.nodeRange(node);
    if (!line || !mode) return undefined;
    return { kind: 'combine', line, ...(action ? { action } : {}), mode, ...(cap ? { cap } : {}), range };
  }

  ruleDecl(ctx: RuleDeclCstChildren, node: CstNode): RuleDecl | undefined {
    const name = this.nameOf(first(ctx.name));
    const prio = this.numberOf(first(ctx.signedNumber));
    let priority: number | undefined;
    if (prio) {
      priority = Number(prio.value);
      if (!Number.isInteger(priority) || prio.unit !== null) {
        this.report(msg.DSL.wholeNumber, msg.wholeNumber(this.lang, 'priority'), prio.range);
        priority = undefined;
      }
    }
    const when = this.exprOf(first(ctx.expression));
    const actions = this.subs<ActionDecl>(ctx.action);
    const reason = first(ctx.reason);
    const range = this.nodeRange(node);
    if (!name || !when) return undefined;
    return {
      kind: 'rule',
      name,
      ...(priority !== undefined ? { priority } : {}),
      when,
      actions,
      ...(reason ? { reason: unquote(reason.image) } : {}),
      meta: { refs: [] },
      range,
    };
  }

  action(ctx: ActionCstChildren, node: CstNode): ActionDecl | undefined {
    const verbTok = first(ctx.verb);
    if (!verbTok) return undefined;
    const verb = verbTok.tokenType.name.toLowerCase() as ActionVerb;
    const line = this.nameOf(first(ctx.line));
    const amount = this.exprOf(first(ctx.amount));
    const withinDays = this.slotOf(first(ctx.numberOrParam));
    const level = this.nameOf(first(ctx.level));
    const text = first(ctx.StringLiteral);
    const range = this.nodeRange(node);
    if (verb === 'adjust' && (!line || !amount)) return undefined;
    if (verb === 'recall' && !amount) return undefined;
    if (verb === 'warn' && !level) return undefined;
    if (verb === 'flag' && !text) return undefined;
    return {
      kind: 'action',
      verb,
      ...(line ? { line } : {}),
      ...(amount ? { amount } : {}),
      ...(withinDays ? { withinDays } : {}),
      ...(level ? { level: { ...level, text: warnLevel(level.text) } } : {}),
      ...(text ? { text: unquote(text.image) } : {}),
      range,
    };
  }
}

/** Action keywords a `combine` may target; a quoted "warn" stays a line name. */
const COMBINE_ACTIONS: readonly [TokenType, CombineActionKind][] = [
  [kw.Warn, 'warn'],
  [kw.Rectify, 'rectify'],
  [kw.Interview, 'interview'],
  [kw.Commend, 'commend'],
  [kw.Flag, 'flag'],
];

function combineActionOf(name: CstNode): CombineActionKind | undefined {
  const tok = Object.values(name.children).flat()[0];
  if (!tok || !('tokenType' in tok)) return undefined;
  return COMBINE_ACTIONS.find(([t]) => tokenMatcher(tok, t))?.[1];
}
