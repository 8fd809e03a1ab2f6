/**
 * The safety check every record passes (src/data/guard.ts): forbidden keys, non-finite numbers
 * and nesting beyond the limit are found wherever they sit — in lists, in objects in lists, one
 * level under the limit — each named by its path, and a hostile record stops at 20 errors.
 */
import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, checkRecord } from '../../src/data/guard.js';

const found = (record: unknown): string[] => checkRecord(record, 'r', 'en').map((e) => `${e.code} ${e.path}`);

describe('checkRecord', () => {
  it('finds non-finite numbers and forbidden keys at any depth, in lists too', () => {
    const record = JSON.parse('{"a":{"list":[1,{"x":2},{"constructor":1}]},"b":[[0]],"__proto__":{}}');
    record.a.list[1].y = Number.NaN;
    record.b[0].push(Number.POSITIVE_INFINITY);
    record.c = -Infinity;
    expect(found(record)).toEqual([
      'EVL403 data.a.list[1].y',
      'EVL402 data.a.list[2].constructor',
      'EVL403 data.b[0][1]',
      'EVL402 data.__proto__',
      'EVL403 data.c',
    ]);
  });

  it('passes a plain record and one nested to just under the limit', () => {
    expect(found({ id: 'r', k: { plan: 1, actual: 0.5, ok: true, level: 'A', none: null }, list: [1, 'a', [2]] })).toEqual([]);
    let deep: Record<string, unknown> = { v: 1 };
    for (let i = 1; i < MAX_DEPTH; i++) deep = { d: deep };
    expect(found(deep)).toEqual([]);
    expect(found({ d: deep })[0]).toMatch(/ data(\.d)+$/);
  });

  it('stops at 20 errors on a hostile record', () => {
    const record: Record<string, unknown> = {};
    for (let i = 0; i < 100; i++) record[`n${i}`] = Number.NaN;
    expect(found(record)).toHaveLength(20);
  });
});
