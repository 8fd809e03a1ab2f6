/**
 * An unknown name always comes with a hint: "did you mean" when a near name exists; otherwise,
 * where a number is expected (a weight, a cut-off), how to write a number or a constant param,
 * and anywhere else which names can be used.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileSource } from '../../src/compile/compile.js';

const FILE = 'test/golden/check/unknown-name-nothing-near/main.ind';

function unknownNames(source: string, lang: 'zh' | 'en') {
  return compileSource(source, 'main.ind', { lang }).diagnostics.filter((d) => d.code === 'CMP202');
}

describe('CMP202 unknown name', () => {
  const source = readFileSync(FILE, 'utf8');

  it('in a number slot with no near param, says to write a number or a constant param', () => {
    const [weight] = unknownNames(source, 'en');
    expect(weight?.message).toBe('unknown name “abc”');
    expect(weight?.hint).toBe('Write a number here (such as 10), or the name of a param with a constant value (declare it first: param name = 10).');
    expect(unknownNames(source, 'zh')[0]?.hint).toBe('这里要写一个数字（如 10），或一个值为常数的参数名（先声明：param 名称 = 10）。');
  });

  it('in an expression with no near name, says which names can be used', () => {
    const [, target] = unknownNames(source, 'en');
    expect(target?.message).toBe('unknown name “进度要求”');
    expect(target?.hint).toMatch(/^A name must be declared before it is used: a param, let, input, indicator or dimension/);
    expect(unknownNames(source, 'zh')[1]?.hint).toMatch(/^名称须先声明再使用/);
  });

  it('with a near name, keeps "did you mean"', () => {
    const near = source.replace('target >= 进度要求', 'target >= 进度要').replace('grades {', 'param 进度要求 = 90%\n  grades {');
    const [weight, target] = unknownNames(near, 'en');
    expect(weight?.hint).toMatch(/^Write a number here/);
    expect(target?.hint).toBe('did you mean “进度要求”?');
  });
});
