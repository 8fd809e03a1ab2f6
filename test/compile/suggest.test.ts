import { describe, expect, it } from 'vitest';
import { editDistance, suggest } from '../../src/compile/suggest.js';

describe('suggest', () => {
  it('measures edits in characters, not bytes, so one Chinese character is one edit', () => {
    expect(editDistance('预算执行', '预算执行率')).toBe(1);
    expect(editDistance('资金到位率', '资金使用率')).toBe(2);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('offers the closest known name for a typo, in Chinese and English', () => {
    expect(suggest('预算执行', ['资金到位率', '预算执行率'])).toBe('预算执行率');
    expect(suggest('budget_rat', ['budget_rate', 'output'])).toBe('budget_rate');
    expect(suggest('满意度', ['预算执行率', '服务对象满意度'])).toBe('服务对象满意度');
  });

  it('stays silent when nothing is close', () => {
    expect(suggest('质量', ['预算执行率', '资金到位率'])).toBeUndefined();
    expect(suggest('x', [])).toBeUndefined();
  });
});
