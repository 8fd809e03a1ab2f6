/**
 * Units 亩 (land area), 月 / 个月 (months), ‰ (per mille) and rates `unit per N`: literals read
 * to their unit, `unit per 10万` names a rate per 100000, and the checker keeps months apart from
 * days, as it keeps any two units apart.
 */
import { describe, expect, it } from 'vitest';
import { parseNumberText } from '../../src/dsl/literals.js';
import { compileSource } from '../../src/compile/compile.js';

const fw = (body: string): string => `framework T {\n  grades { 优 >= 90; 差 otherwise }\n  dimension A weight 100 {\n    ${body}\n  }\n}`;

describe('units 亩, 月, ‰ and per N', () => {
  it('reads the literals', () => {
    expect(parseNumberText('500亩')).toEqual({ value: '500', unit: '亩' });
    expect(parseNumberText('6个月')).toEqual({ value: '6', unit: 'months' });
    expect(parseNumberText('3月')).toEqual({ value: '3', unit: 'months' });
    expect(parseNumberText('2‰')).toEqual({ value: '0.002', unit: '%' });
    expect(parseNumberText('3个')).toEqual({ value: '3', unit: 'count' });
  });

  it('gives a rate per 100000 its unit', () => {
    const r = compileSource(fw('indicator 发病率 weight 100 { value = data.cases / data.pop * 100000; unit per 10万; target <= 5 }'));
    expect(r.diagnostics).toEqual([]);
    const ind = r.ir!.nodes[0]!.kind === 'dimension' ? r.ir!.nodes[0]!.children[0] : undefined;
    expect(ind?.kind === 'indicator' ? ind.unit : undefined).toBe('per 100000');
  });

  it('keeps months apart from days where both sides have units (CMP212)', () => {
    const r = compileSource(fw('indicator 工期 weight 100 { value = data.m * 1个月 + 3天; target <= 6个月 }'));
    expect(r.diagnostics.map((d) => d.code)).toEqual(['CMP212']);
    expect(compileSource(fw('indicator 工期 weight 100 { value = data.m * 1个月; target <= 6个月 }')).diagnostics).toEqual([]);
  });
});
