/**
 * No English word lands in a Chinese message: what a value should be or was, which division had
 * a zero divisor, what a function lacked, a JSON type, a unit — each is a term rendered in the
 * language of the message, through the real phases (engine values and methods, the data guard
 * and validator, the compiler). Each case pins the Chinese text and the English one beside it,
 * which the move to terms left as it was.
 */
import { describe, expect, it } from 'vitest';
import { compileSource } from '../../src/compile/compile.js';
import { checkRecord } from '../../src/data/guard.js';
import { describeFound } from '../../src/data/validate.js';
import { evaluate } from '../../src/engine/index.js';
import { asBoolean, asNumber, isFail } from '../../src/engine/values.js';
import { S, call, data, num, single, target } from '../engine/ir-builders.js';

describe('no English word in a Chinese message', () => {
  it('a value of the wrong type names what it should be in the language of the message (EVL412)', () => {
    const text = asNumber('abc', 'data.spent', 'data.spent');
    const yes = asBoolean({}, 'data.done', 'data.done');
    expect(isFail(text) && text.reason('zh')).toBe('data.spent 应为 数字，实际为 "abc"');
    expect(isFail(text) && text.reason('en')).toBe('data.spent should be a number, found "abc"');
    expect(isFail(yes) && yes.reason('zh')).toBe('data.done 应为 是或否（true/false），实际为 一个对象');
  });

  // The engine's own wording of a failure (which division, what a function lacked) is a term too;
  // the message starts with the indicator's name (`x`).
  const reason = (ir: ReturnType<typeof single>, record: object, lang: 'zh' | 'en'): string | undefined =>
    evaluate(ir, { id: 'r', ...record }, { lang }).indicators[0]?.error?.message;

  it('a zero divisor is named in Chinese (EVL411 of the proportional method)', () => {
    const zero = single(S.proportional(), { value: data('v'), target: target('=', num(0)) });
    expect(reason(zero, { v: 3 }, 'zh')).toBe('x: |指标值 − 目标值| / 目标值（目标值为 0） 中出现除以零');
    expect(reason(zero, { v: 3 }, 'en')).toBe('x: division by zero in |value − target| / target (target 0)');
  });

  it('a function that lacks values says so in Chinese (EVL411/EVL419 of avg and round)', () => {
    const avg = single(S.formula({ kind: 'points', value: call('avg', data('xs')) }));
    expect(reason(avg, { xs: [] }, 'zh')).toBe('x: avg(data.xs)（没有任何数值） 中出现除以零');
    expect(reason(avg, { xs: [] }, 'en')).toBe('x: division by zero in avg(data.xs) of no values');
    const round = single(S.formula({ kind: 'points', value: call('round', data('x'), num(25)) }));
    expect(reason(round, { x: 1.5 }, 'zh')).toBe('x: round：小数位数 25');
  });

  it('a value of the wrong JSON type is named in Chinese (EVL401/EVL404), English as before', () => {
    expect(checkRecord(5, 'r', 'zh')[0]?.message).toBe('记录 r：记录必须是对象，实际为 数字');
    expect(checkRecord(true, 'r', 'en')[0]?.message).toBe('record r: a record must be an object, found boolean');
    expect(describeFound(true, 'zh')).toBe('是/否值 true');
    expect(describeFound(5, 'en')).toBe('number 5');
  });

  it('an award in the wrong unit names the unit in Chinese (CMP214), English as written', () => {
    const source = 'framework 项目支出 {\n  grades { 优 >= 90; 差 otherwise }\n  indicator 执行 weight 100 {\n    score formula 30 days\n  }\n}\n';
    const found = (lang: 'zh' | 'en') => compileSource(source, 'x.ind', { lang }).diagnostics.find((d) => d.code === 'CMP214')?.message;
    expect(found('zh')).toBe('此处需要百分比（占权重的比例）或分数，但得到的是天数');
    expect(found('en')).toBe('a percentage (share of the weight) or points is needed here, but this is days');
  });
});
