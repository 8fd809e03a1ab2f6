/**
 * Chevrotain's parser with its cost and depth bounded, as a `CstParser` the grammar classes extend.
 * Depth: more than `MAX_PARSER_DEPTH` grammar rules open at once is a recognition error (DSL109)
 * at the token reached, recovered like any other, so no input can run the parser out of call
 * stack — the token guard (nesting.ts) stops ordinary deep nesting earlier, but recovery itself
 * can nest (`if c then x if c then x …` is read with an `else` inserted each time).
 * Recovery:
 * Before trying to re-enter a repetition after a bad token, chevrotain looks ahead for the
 * nearest token that may follow any rule on the stack; that look-ahead is thrown away when the
 * attempt fails, so a file with many errors far from such a token was parsed in quadratic time
 * (a 1 MB file with random typos took minutes). Two changes, neither visible on a file whose
 * errors sit near a `}`, `;` or keyword, which is every file a person writes:
 * - in the top-level rule the only follower is the end of the file, so it is the answer at once
 *   instead of after walking to the end of the input (same result, no walk);
 * - elsewhere the look-ahead stops after `RESYNC_WINDOW` tokens: with no follower (nor the end of
 *   the file) that close, the attempt to go on with the repetition looks only that far.
 * Relies on chevrotain 11's internals (`findReSyncTokenType`, `flattenFollowSet`,
 * `tryInRepetitionRecovery`, `ruleInvocationStateUpdate`, `invokeRuleCatch`, `SAVE_ERROR`,
 * `exportLexerState`, `importLexerState`, `getCurrRuleFullName`, `RULE_STACK_IDX`);
 * test/dsl/recovery-bounds.test.ts pins them.
 */
import type { IParserConfig, IRecognitionException, TokenType } from 'chevrotain';
import { CstParser, EOF, MismatchedTokenException, tokenMatcher } from './chevrotain.js';
import { MAX_PARSER_DEPTH } from './limits.js';
import { syntaxErrorProvider, tooDeepPayload } from './syntax-errors.js';

/** How many tokens recovery looks ahead for a place to resume; an indicator body is ~100. */
export const RESYNC_WINDOW = 512;

interface RecoveryInternals {
  RULE_STACK_IDX: number;
  RULE_STACK: number[];
  fullRuleNameToShort: Record<string, number>;
  invokeRuleCatch(e: unknown, resyncEnabled: boolean, recoveryValue: unknown): unknown;
  exportLexerState(): number;
  importLexerState(state: number): void;
  getCurrRuleFullName(): string;
  ruleInvocationStateUpdate(shortName: number, fullName: string, idxInCallingRule: number): void;
  SAVE_ERROR(e: IRecognitionException): IRecognitionException;
  findReSyncTokenType(): TokenType;
  flattenFollowSet(): TokenType[];
  tryInRepetitionRecovery(...args: unknown[]): void;
}

const base = CstParser.prototype as unknown as RecoveryInternals;

/** Thrown past every rule up to `resyncAt`, where `error` is recovered like any syntax error. */
class TooDeep extends Error {
  constructor(
    readonly error: IRecognitionException,
    readonly resyncAt: number,
  ) {
    super('nested too deeply');
  }
}

interface Trampoline {
  rule: (...a: unknown[]) => void;
  args: unknown[];
  stackIdx: number;
  /** Arguments of the repetition call chevrotain asked for and the loop still has to make. */
  pending?: unknown[];
}

function sameArgs(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export class BoundedRecoveryParser extends CstParser {
  constructor(tokens: TokenType[], config: IParserConfig) {
    super(tokens, config);
  }

  /** @internal chevrotain hook: a rule is entered. */
  ruleInvocationStateUpdate(shortName: number, fullName: string, idxInCallingRule: number): void {
    const self = this as unknown as RecoveryInternals;
    base.ruleInvocationStateUpdate.call(this, shortName, fullName, idxInCallingRule);
    if (self.RULE_STACK_IDX <= MAX_PARSER_DEPTH) return;
    const next = this.LA(1);
    const error = self.SAVE_ERROR(new MismatchedTokenException(tooDeepPayload(fullName, next), next, this.LA(0)));
    throw new TooDeep(error, this.outermost(self, 'expression'));
  }

  /**
   * @internal chevrotain hook: a rule failed. A too-deep failure skips every rule inside the
   * outermost formula and is recovered there, once: recovering at each of the hundreds of levels
   * would walk the follow sets of all of them each time.
   */
  invokeRuleCatch(e: unknown, resyncEnabled: boolean, recoveryValue: unknown): unknown {
    const self = this as unknown as RecoveryInternals;
    if (!(e instanceof TooDeep)) return base.invokeRuleCatch.call(this, e, resyncEnabled, recoveryValue);
    if (self.RULE_STACK_IDX > e.resyncAt) throw e;
    return base.invokeRuleCatch.call(this, e.error, resyncEnabled, recoveryValue);
  }

  /** Stack index of the outermost open rule called `name` (0, the file rule, when none is open). */
  private outermost(self: RecoveryInternals, name: string): number {
    const short = self.fullRuleNameToShort[name];
    const i = self.RULE_STACK.indexOf(short as number);
    return i >= 0 && i <= self.RULE_STACK_IDX ? i : 0;
  }

  /** @internal chevrotain hook: the token type to re-synchronise at. */
  findReSyncTokenType(): TokenType {
    const self = this as unknown as RecoveryInternals;
    // The follow stack of the first rule is [EOF]; chevrotain would walk to the end to find it.
    if (self.RULE_STACK_IDX <= 0) return EOF;
    return base.findReSyncTokenType.call(this);
  }

  /** Repetitions whose recovery is being run as a loop, innermost last. */
  private readonly trampolines: Trampoline[] = [];

  /**
   * @internal chevrotain hook: skip bad tokens and go on with the current repetition. Chevrotain
   * goes on by calling the repetition again from inside this method, so every error recovered in
   * one list (the top level of a damaged file) cost stack frames until the stack ran out after a
   * few thousand; the call is the last thing each frame does, so it is deferred here and the
   * outermost recovery of that repetition runs them one after the other instead.
   */
  tryInRepetitionRecovery(grammarRule: unknown, grammarRuleArgs: unknown[], lookAhead: () => boolean, expected: TokenType): void {
    const self = this as unknown as RecoveryInternals;
    const rule = grammarRule as (...a: unknown[]) => void;
    const inner = this.trampolines[this.trampolines.length - 1];
    const same = inner !== undefined && inner.rule === rule && inner.stackIdx === self.RULE_STACK_IDX && sameArgs(inner.args, grammarRuleArgs);
    const loop: Trampoline = same ? inner : { rule, args: grammarRuleArgs, stackIdx: self.RULE_STACK_IDX };
    const later = (...args: unknown[]): void => {
      loop.pending = args;
    };
    const attempt = (): void => {
      if (self.RULE_STACK_IDX <= 0 || this.followerWithin(self, RESYNC_WINDOW))
        base.tryInRepetitionRecovery.call(this, later, grammarRuleArgs, lookAhead, expected);
      else this.attemptWithin(self, later, grammarRuleArgs, lookAhead, expected);
    };
    if (same) {
      attempt();
      return;
    }
    this.trampolines.push(loop);
    try {
      attempt();
      while (loop.pending) {
        const args = loop.pending;
        loop.pending = undefined;
        rule.apply(this, args);
      }
    } finally {
      this.trampolines.pop();
    }
  }

  /**
   * Chevrotain's attempt when the nearest follower is far: skip up to `RESYNC_WINDOW` tokens
   * looking for the token expected after the repetition or a place where it can go on; found, the
   * error is recorded and the repetition goes on (or ends) there; not found, nothing was skipped
   * and the rule-level recovery takes over.
   */
  private attemptWithin(self: RecoveryInternals, goOn: (...a: unknown[]) => void, args: unknown[], lookAhead: () => boolean, expected: TokenType): void {
    const saved = self.exportLexerState();
    const actual = this.LA(1);
    for (let k = 0; k <= RESYNC_WINDOW; k++) {
      const t = this.LA(1);
      const isExpected = tokenMatcher(t, expected);
      if (isExpected || lookAhead.call(this)) {
        const message = syntaxErrorProvider.buildMismatchTokenMessage({ expected, actual, previous: this.LA(0), ruleName: self.getCurrRuleFullName() });
        self.SAVE_ERROR(new MismatchedTokenException(message, actual, this.LA(0)));
        if (!isExpected) goOn(...args);
        return;
      }
      if (tokenMatcher(t, EOF)) break;
      this.SKIP_TOKEN();
    }
    self.importLexerState(saved);
  }

  /** Whether a token that may follow some rule on the stack (the end of the file counts) comes within `n` tokens. */
  private followerWithin(self: RecoveryInternals, n: number): boolean {
    const follows = self.flattenFollowSet();
    for (let k = 1; k <= n; k++) {
      const t = this.LA(k);
      if (tokenMatcher(t, EOF)) return true;
      for (const f of follows) if (tokenMatcher(t, f)) return true;
    }
    return false;
  }
}
