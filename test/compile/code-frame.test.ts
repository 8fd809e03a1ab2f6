import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/common/diagnostic.js';
import { LONG_LINE, displayWidth, formatDiagnostic } from '../../src/compile/code-frame.js';

function diag(line: number, column: number, endColumn: number, extra: Partial<Diagnostic> = {}): Diagnostic {
  return {
    code: 'CMP202',
    severity: 'error',
    message: '未知的名称 “目标执行”',
    file: 'rules/x.ind',
    range: { start: { line, column, offset: 0 }, end: { line, column: endColumn, offset: 0 } },
    ...extra,
  };
}

describe('formatDiagnostic', () => {
  it('prints location, code, message, the source line and a caret under the range', () => {
    const src = 'framework a {\n  let x = data.a + y\n}\n';
    const out = formatDiagnostic(diag(2, 20, 21, { message: 'unknown name y', hint: 'did you mean x?' }), src, 'en');
    expect(out).toBe(
      ['rules/x.ind:2:20 CMP202 unknown name y', '  2 |   let x = data.a + y', '    |                    ^', 'hint: did you mean x?'].join('\n'),
    );
  });

  it('counts Chinese characters as two cells so the caret lines up', () => {
    const src = '  indicator 预算执行率 weight 10 { target >= 目标执行 }';
    const col = src.indexOf('目标执行') + 1;
    const out = formatDiagnostic(diag(1, col, col + 4), src).split('\n');
    const line = out[1]!;
    const caret = out[2]!;
    // Both rows share the "  1 | " gutter; the caret starts where 目标执行 starts on screen.
    const before = line.slice(0, line.indexOf('目标执行'));
    expect(caret.indexOf('^')).toBe(displayWidth(before));
    expect(caret.slice(caret.indexOf('^'))).toBe('^'.repeat(8));
  });

  it('keeps tabs so the caret stays aligned in a terminal', () => {
    const src = '\tvalue = 费用 + 5%';
    const out = formatDiagnostic(diag(1, 10, 17), src).split('\n');
    expect(out[2]).toBe('    | \t' + ' '.repeat(8) + '^'.repeat(9));
  });

  it('marks warnings, and underlines a multi-line range to the end of its first line', () => {
    const src = 'grades {\n  优 >= 90\n}';
    const d: Diagnostic = {
      ...diag(1, 1, 2),
      severity: 'warning',
      range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 3, column: 2, offset: 0 } },
    };
    const out = formatDiagnostic(d, src, 'en').split('\n');
    expect(out[0]).toContain('CMP202 warning: ');
    expect(formatDiagnostic(d, src, 'zh').split('\n')[0]).toContain('CMP202 警告：');
    expect(out[2]).toBe('    | ' + '^'.repeat('grades {'.length));
  });

  it('without source text prints only the header and the hint; an empty range still gets one caret', () => {
    expect(formatDiagnostic(diag(9, 1, 1, { hint: 'h' }), undefined, 'en').split('\n')).toEqual(['rules/x.ind:9:1 CMP202 未知的名称 “目标执行”', 'hint: h']);
    expect(formatDiagnostic(diag(9, 1, 1, { hint: 'h' })).split('\n')).toEqual(['rules/x.ind:9:1 CMP202 未知的名称 “目标执行”', '提示：h']);
    expect(formatDiagnostic(diag(1, 3, 3), 'abcdef').split('\n')[2]).toBe('    |   ^');
  });

  it('shows control characters in the source line as their pictures, the caret still under them', () => {
    const out = formatDiagnostic(diag(1, 14, 16, { code: 'DSL101' }), 'framework F {\u0000\u0007 }', 'en').split('\n');
    expect(out[1]).toBe('  1 | framework F {\u2400\u2407 }');
    expect(out[2]).toBe('    |              ^^');
  });

  it('shows a window of a very long line around the range, between ellipses', () => {
    const src = `value = ${'1 + '.repeat(2000)}1`;
    const col = 4001;
    const out = formatDiagnostic(diag(1, col, col + 1), src, 'en').split('\n');
    expect(out[1]!.length).toBeLessThan(LONG_LINE);
    expect(out[1]).toMatch(/^ {2}1 \| ….*…$/);
    // The caret sits under the same character as in the full line.
    const caretAt = out[2]!.indexOf('^');
    expect(out[1]![caretAt]).toBe(src[col - 1]);
  });
});
