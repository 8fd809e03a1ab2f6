/**
 * The formatter's output buffer: lines with two-space indentation, tokens joined by one space
 * unless either side asks to be glued, comments placed at the end of the current line or on a
 * line of their own. It enforces the invariants that make the output safe and canonical, so the
 * printer cannot break them by accident: nothing is ever written after a `//` comment on the
 * same line (the next token moves to a continuation line), at most one blank line is kept, none
 * right after an opening `{`, and no line ends in blanks.
 */
import { displayWidth } from '../compile/code-frame.js';
import type { Comment } from './trivia.js';

export const INDENT = '  ';
export const MAX_WIDTH = 100;

export class Writer {
  private readonly lines: string[] = [];
  private cur = '';
  private open = false;
  private hasContent = false;
  private glueNext = false;
  /** The last thing on the line ends it (a `//` comment, or a comment the user ended the line after). */
  private mustBreak = false;
  private justOpened = false;
  /** Indentation of lines a statement continues on when a comment forces a break. */
  cont = 0;

  /** Starts a new line; `blank` asks for one empty line before it (dropped at a block's start). */
  line(indent: number, blank: boolean): void {
    this.end();
    if (blank && !this.justOpened && this.lines.length > 0 && this.lines[this.lines.length - 1] !== '') this.lines.push('');
    this.cur = INDENT.repeat(indent);
    this.open = true;
    this.hasContent = false;
    this.glueNext = false;
    this.mustBreak = false;
    this.justOpened = false;
  }

  /** Writes a token; a space goes before it unless the previous token or this one glues. */
  token(text: string, glueLeft = false, glueRight = false): void {
    if (!this.open || this.mustBreak) this.line(this.cont, false);
    if (this.hasContent && !glueLeft && !this.glueNext) this.cur += ' ';
    this.cur += text;
    this.hasContent = true;
    this.glueNext = glueRight;
  }

  /** Marks that a `{` just ended a line: a blank line may not follow it. */
  opened(): void {
    this.justOpened = true;
  }

  /**
   * A comment written on the same line as what precedes it stays there; any other comment gets
   * its own line at `ownIndent` (after a blank line if the user had one and `blankAllowed`).
   */
  comment(c: Comment, ownIndent: number, blankAllowed: boolean): void {
    if (c.nlBefore === 0 && this.open && this.hasContent) {
      this.cur += ' ' + c.text;
    } else {
      this.line(ownIndent, blankAllowed && c.nlBefore >= 2);
      this.cur += c.text;
      this.hasContent = true;
    }
    this.glueNext = false;
    if (c.isLine || c.nlAfter > 0) this.mustBreak = true;
  }

  /** Display width of the current line (CJK characters count two). */
  width(): number {
    return displayWidth(this.cur);
  }

  private end(): void {
    if (this.open) this.lines.push(this.cur.replace(/[ \t]+$/, ''));
    this.open = false;
  }

  /** The text: lines joined by `\n`, exactly one newline at the end (none for an empty file). */
  finish(): string {
    this.end();
    while (this.lines.length > 0 && this.lines[this.lines.length - 1] === '') this.lines.pop();
    return this.lines.length === 0 ? '' : this.lines.join('\n') + '\n';
  }
}
