/**
 * The shape of one language's catalogue of syntax-phase messages (see messages.ts). Templates
 * use `{0}`, `{1}` … placeholders filled by `fill` from src/common/lang.ts. Keeping the shape in
 * one interface makes the compiler refuse a catalogue that misses a key; the i18n unit test
 * also checks the nested tables (`punctuation`, `rules`) have the same keys in both languages.
 */

export type OptionKind = 'missing' | 'pick' | 'rounding' | 'notApplicable' | 'veto' | 'input' | 'combine';

export interface TextTemplate {
  message: string;
  hint?: string;
}

export interface DslCatalogue {
  /** Token type name → how it is called in a message ("a closing brace `}`"). */
  punctuation: Record<string, string>;
  /** Grammar rule name → what it stands for, and the hint shown when parsing fails inside it. */
  rules: Record<string, { what: string; hint?: string }>;
  options: Record<OptionKind, string>;
  endOfFile: string;
  /** `{0}` is the previous token. */
  after: string;
  aBlock: string;
  thisBlock: string;
  somethingElse: string;
  aWeightNumber: string;
  /** {0} what the block is. */
  missingBrace: string;
  missingBraceHint: string;
  /** {0} the token, {1} the block. */
  unexpectedIn: string;
  unexpectedInHint: string;
  /** {0} what was expected, {1} "after …" (may be empty), {2} what was found. */
  expectedFound: string;
  /** {0} the token. */
  outsideBlock: string;
  texts: {
    chainedComparison: TextTemplate;
    tooDeep: TextTemplate;
    unexpectedCharacter: TextTemplate;
    unterminatedString: TextTemplate;
    unterminatedComment: TextTemplate;
    badNumber: TextTemplate;
    unknownOption: TextTemplate;
    duplicateClause: TextTemplate;
    wholeNumber: TextTemplate;
    reservedName: TextTemplate;
    contextMember: TextTemplate;
    formulaTooDeep: TextTemplate;
    pathTooLong: TextTemplate;
    fileTooLarge: TextTemplate;
    moreDiagnostics: TextTemplate;
  };
}
