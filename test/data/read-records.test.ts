/**
 * Data loading: every supported format, directories in sorted order, stdin sniffing, unreadable
 * items as EVL405 entries, and the guard/validator errors that make a record rejected.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { checkRecord, createRecordValidator, readRecords } from '../../src/data/index.js';
import type { RuleSetIR } from '../../src/compile/ir.js';
import { EVL } from '../../src/engine/messages.js';

async function all(src: string[] | '-', stdin?: string) {
  const out: { source: string; index: number; record?: unknown; code?: string }[] = [];
  for await (const e of readRecords(src, stdin === undefined ? {} : { stdin: Readable.from([stdin]) })) {
    out.push({ source: e.source, index: e.index, ...(e.record !== undefined ? { record: e.record } : {}), ...(e.error ? { code: e.error.code } : {}) });
  }
  return out;
}

describe('readRecords', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-data-'));
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'b.yaml'), 'id: B1\nx: 1\n---\nid: B2\n');
  writeFileSync(join(dir, 'a.json'), '[{"id":"A1"},{"id":"A2"}]');
  writeFileSync(join(dir, 'sub', 'c.ndjson'), '{"id":"C1"}\n\nnot json\n{"id":"C4"}\n');
  writeFileSync(join(dir, 'ignored.txt'), 'nothing');

  it('walks directories sorted and recursively, each format by extension', async () => {
    const got = await all([dir]);
    expect(got.map((g) => [g.source.slice(dir.length + 1), g.index, (g.record as { id?: string } | undefined)?.id ?? g.code])).toEqual([
      ['a.json', 1, 'A1'],
      ['a.json', 2, 'A2'],
      ['b.yaml', 1, 'B1'],
      ['b.yaml', 2, 'B2'],
      ['sub/c.ndjson', 1, 'C1'],
      ['sub/c.ndjson', 3, EVL.UNREADABLE],
      ['sub/c.ndjson', 4, 'C4'],
    ]);
  });
  it('a missing file is an entry with an error, and reading goes on', async () => {
    const got = await all([join(dir, 'nope.yaml'), join(dir, 'a.json')]);
    expect(got.map((g) => g.code ?? 'ok')).toEqual([EVL.UNREADABLE, 'ok', 'ok']);
  });
  it('stdin: JSON, NDJSON and YAML are sniffed', async () => {
    expect((await all('-', '{"id":1}')).length).toBe(1);
    expect((await all('-', '{"id":1}\n{"id":2}\n')).length).toBe(2);
    expect((await all('-', 'id: 1\n---\nid: 2\n')).map((g) => (g.record as { id: number }).id)).toEqual([1, 2]);
  });
  it('YAML .inf and __proto__ keys reach the guard, which rejects them', async () => {
    const [e] = await all('-', 'id: X\nv: .inf\n__proto__: {a: 1}\n');
    const codes = checkRecord(e!.record, 'X').map((x) => [x.code, x.path]);
    expect(codes).toEqual([
      [EVL.NON_FINITE, 'data.v'],
      [EVL.FORBIDDEN_KEY, 'data.__proto__'],
    ]);
  });
});

describe('createRecordValidator', () => {
  const ir = {
    dataSchema: {
      type: 'object',
      required: ['budget'],
      properties: { budget: { type: 'object', required: ['adjusted'], properties: { adjusted: { type: 'number' } } }, level: { enum: ['A', 'B'] } },
    },
  } as unknown as RuleSetIR;
  const validate = createRecordValidator(ir);
  it('names record id, field path, expected and found', () => {
    const errs = validate({ budget: { adjusted: 'many' }, level: 'E' }, 'P9');
    expect(errs.map((e) => [e.code, e.path])).toEqual([
      [EVL.SCHEMA, 'data.budget.adjusted'],
      [EVL.LABEL, 'data.level'],
    ]);
    expect(errs[1]!.message).toContain('（A、B）');
    expect(errs[0]!.message).toContain('P9');
    expect(validate({}, 'P1').map((e) => e.path)).toEqual(['data.budget']);
    expect(validate({ budget: { adjusted: 3 } }, 'ok')).toEqual([]);
  });
});
