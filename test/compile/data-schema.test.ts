import * as Ajv2020Module from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { compileSource } from '../../src/compile/compile.js';

const Ajv2020 = ((Ajv2020Module as unknown as { default?: unknown }).default ?? Ajv2020Module.Ajv2020) as typeof Ajv2020Module.Ajv2020;

const TEXT = `
framework 专项资金 {
  grades { 优 >= 90; 良 >= 80; 中 >= 60; 差 otherwise }
  input data.fund.allocated money required "专项资金下达数"
  input data.level text of A, B, C
  indicator 执行率 weight 40 { value = sum(data.items[].spent) / data.fund.allocated; target >= 100%; score proportional }
  indicator 质量 weight 30 { score rating data.quality { 好: 100%; 差: 0% } }
  indicator 审计 weight 20 { value = data.audit.passed == true; score yesno }
  indicator 等级 weight 10 { score rating data.level { A: 100%; B: 60%; C: 0% } }
}
`;

describe('data schema', () => {
  const ir = compileSource(TEXT).ir!;
  const validate = new Ajv2020({ strict: false }).compile(ir.dataSchema);

  it('describes nested objects, arrays and types inferred from use', () => {
    const props = ir.dataSchema.properties as Record<string, Record<string, unknown>>;
    expect(props.items).toEqual({ type: 'array', items: { type: 'object', properties: { spent: { type: ['number', 'null'] } } } });
    expect(props.quality).toEqual({ type: ['string', 'null'] });
    expect(props.audit).toEqual({ type: 'object', properties: { passed: { type: ['boolean', 'null'] } } });
    expect(props.level).toEqual({ enum: ['A', 'B', 'C', null] });
    expect(ir.dataSchema.required).toEqual(['id', 'fund']);
  });

  it('accepts a complete record with extra fields, reported scores and not-applicable paths', () => {
    const record = {
      id: 'P001',
      fund: { allocated: '1000000.00' },
      items: [{ spent: 400000 }, { spent: 500000 }],
      quality: '好',
      audit: { passed: true },
      level: 'B',
      reported: { 执行率: { points: 38, reason: '自评' } },
      not_applicable: ['审计'],
      note: 'carried along',
    };
    expect(validate(record)).toBe(true);
  });

  it('rejects a record missing a required field or with a wrong type or value', () => {
    expect(validate({ id: 1, items: [] })).toBe(false);
    expect(validate({ id: 1, fund: { allocated: 5 }, level: 'E' })).toBe(false);
    expect(validate({ id: 1, fund: { allocated: 5 }, audit: { passed: 'yes' } })).toBe(false);
    expect(validate({ fund: { allocated: 5 } })).toBe(false);
  });
});
