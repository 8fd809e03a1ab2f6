/**
 * Numbers in records as staff type them, and the ranges inputs declare (issue 13): a value
 * outside its range, negative money, a fractional count, a unit of the wrong kind or text that is
 * no number rejects the record with an error naming the field (EVL430–EVL434), in Chinese and
 * English; `"89.974万"` and `"100%"` are read exactly as the language reads those literals, the
 * same in the scorecard and in the rules. Compile-time mistakes in a range are CMP234–CMP236.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/compile/decimal.js';
import { createNumberCheck } from '../../src/data/numbers.js';
import { readRecords } from '../../src/data/read-records.js';
import { compileSource } from '../../src/compile/compile.js';
import type { RuleSetIR } from '../../src/compile/ir.js';
import type { Lang } from '../../src/common/lang.js';
import { createAssessor } from '../../src/pipeline/assess.js';

const SOURCE = `framework 测试 {
  scale 100
  grades { 优 >= 90; 差 otherwise }
  param 满分线 = 100%
  input data.budget money required
  input data.spent money required
  input data.survey.satisfaction percent optional [0%, 满分线]
  input data.delay number >= 0
  input data.balance money >= -1亿
  input data.places count
  indicator 执行率 weight 30 { value = data.spent / data.budget; target >= 100%; score proportional }
  indicator 满意度 weight 30 { value = data.survey.satisfaction; target >= 90%; score proportional }
  indicator 合规 weight 20 { score deduct 10 per data.violations max 20 }
  indicator 其他 weight 10 { value = data.delay + data.places; score bands { else: 0 } }
  indicator 余额 weight 10 { value = data.balance; score bands { else: 0 } }
}
rules 应用 for 测试 {
  rule 执行高 when data.spent >= 80万 then flag "执行高"
}
`;

function ruleSet(): RuleSetIR {
  const { ir, diagnostics } = compileSource(SOURCE, 'numbers.ind');
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return ir!;
}

const base = { id: 'r', budget: 1000000, spent: 900000, survey: { satisfaction: 0.95 }, delay: 0, balance: 0, places: 2, violations: 0 };
const rec = (patch: Record<string, unknown>): Record<string, unknown> => ({ ...base, ...patch });

function assess(record: unknown, lang: Lang = 'en') {
  return createAssessor(ruleSet(), { lang }).assess(record);
}

describe('numeric fields: ranges and refusals', () => {
  const cases: [string, Record<string, unknown>, string, string][] = [
    ['negative spent', { spent: -5 }, 'EVL431', 'data.spent'],
    ['huge negative money as text', { spent: '-99999999999999999999999999' }, 'EVL431', 'data.spent'],
    ['satisfaction 2', { survey: { satisfaction: 2 } }, 'EVL430', 'data.survey.satisfaction'],
    ['satisfaction -1,000,000', { survey: { satisfaction: -1000000 } }, 'EVL430', 'data.survey.satisfaction'],
    ['satisfaction 120%', { survey: { satisfaction: '120%' } }, 'EVL430', 'data.survey.satisfaction'],
    ['1.5 violations', { violations: 1.5 }, 'EVL432', 'data.violations'],
    ['-1 violations', { violations: -1 }, 'EVL432', 'data.violations'],
    ['2.5 places (count input)', { places: 2.5 }, 'EVL432', 'data.places'],
    ['"95%" for a count', { places: '95%' }, 'EVL434', 'data.places'],
    ['"5万" for a percent', { survey: { satisfaction: '5万' } }, 'EVL434', 'data.survey.satisfaction'],
    ['"100%" for money', { spent: '100%' }, 'EVL434', 'data.spent'],
    ['thousands separators', { spent: '1,000' }, 'EVL433', 'data.spent'],
    ['words around a number', { spent: '约5万' }, 'EVL433', 'data.spent'],
    ['negative delay below its declared range', { delay: -1 }, 'EVL430', 'data.delay'],
    ['balance below its declared range', { balance: '-2亿' }, 'EVL430', 'data.balance'],
  ];
  for (const [what, patch, code, path] of cases) {
    it(`${what} rejects the record with ${code} at ${path}`, () => {
      const r = assess(rec(patch));
      expect(r.status).toBe('rejected');
      expect(r.errors.map((e) => [e.code, e.path])).toEqual([[code, path]]);
      // Plain words: the field is named, never a regular expression.
      expect(r.errors[0]!.message).toContain(path);
      expect(r.errors[0]!.message).not.toMatch(/pattern|\^-\?/);
    });
  }

  it('names the declared range in both languages', () => {
    const en = assess(rec({ survey: { satisfaction: 2 } }), 'en').errors[0]!.message;
    const zh = assess(rec({ survey: { satisfaction: 2 } }), 'zh').errors[0]!.message;
    expect(en).toContain('[0%, 100%]');
    expect(en).toContain('95%');
    expect(zh).toContain('[0%, 100%]');
    expect(zh).toContain('取值范围');
  });

  it('allows negative money where the input declares a range for it', () => {
    expect(assess(rec({ balance: -5000 })).status).toBe('ok');
  });
});

describe('numeric fields: values as staff type them', () => {
  it('reads "89.974万" as 899740 元 and "95%" as 0.95, scoring as the numbers would', () => {
    const typed = assess(rec({ budget: '100万', spent: '89.974万', survey: { satisfaction: '95%' } }));
    const plain = assess(rec({ budget: 1000000, spent: 899740, survey: { satisfaction: 0.95 } }));
    expect(typed.status).toBe('ok');
    expect(typed.indicators.map((i) => [i.path, i.value, i.points])).toEqual(plain.indicators.map((i) => [i.path, i.value, i.points]));
    expect(typed.indicators.find((i) => i.path === '执行率')!.value).toBe(0.89974);
  });

  it('gives the rules the same value the scorecard read', () => {
    const fired = (spent: unknown) => assess(rec({ spent })).recommendations.map((r) => r.rule);
    expect(fired('89.974万')).toEqual(['执行高']);
    expect(fired(899740)).toEqual(['执行高']);
    expect(fired('79.9万')).toEqual([]);
  });

  it('reads "100%" for a percent input and keeps exact decimal text for money', () => {
    expect(assess(rec({ survey: { satisfaction: '100%' } })).indicators.find((i) => i.path === '满意度')!.value).toBe(1);
    expect(assess(rec({ spent: '900000.00' })).status).toBe('ok');
  });

  it("never changes the caller's record", () => {
    const r = rec({ spent: '89.974万' });
    assess(r);
    expect(r.spent).toBe('89.974万');
  });
});

describe('input ranges in the language', () => {
  const codes = (text: string) =>
    compileSource(`framework F { scale 100\n${text}\nindicator x weight 100 { value = data.x; score bands { else: 0 } } }`, 'r.ind').diagnostics.map((d) => [
      d.code,
      d.range.start.line,
    ]);

  it('accepts closed, open and one-sided ranges', () => {
    for (const r of ['[0, 1]', '(0, 1)', '[0, 1)', '>= 0', '> 0', '<= 10', '< 10', '【0，1】']) {
      expect(
        codes(`input data.x number ${r}`).filter(([c]) => String(c).startsWith('CMP23') || String(c).startsWith('DSL')),
        r,
      ).toEqual([]);
    }
  });

  it('refuses a range on text (CMP234), in another unit or not constant (CMP235), or empty (CMP236)', () => {
    expect(codes('input data.x text [0, 1]')).toContainEqual(['CMP234', 2]);
    expect(codes('input data.x percent [0, 5万]')).toContainEqual(['CMP235', 2]);
    expect(codes('input data.x money [0, data.y]')).toContainEqual(['CMP235', 2]);
    expect(codes('input data.x number (5, 1]')).toContainEqual(['CMP236', 2]);
    expect(codes('input data.x number [1, 1)')).toContainEqual(['CMP236', 2]);
  });

  it('reads `= 1` as the one value 1, written as a band condition would be', () => {
    expect(codes('input data.x number = 1').filter(([c]) => String(c).startsWith('CMP23') || String(c).startsWith('DSL'))).toEqual([]);
    const ir = compileSource('framework F { scale 100\ninput data.x number = 1\nindicator x weight 100 { value = data.x; score bands { else: 0 } } }', 'r.ind')
      .ir!;
    const assessor = createAssessor(ir, { lang: 'en' });
    expect(assessor.assess({ id: 'a', x: 1 }).status).toBe('ok');
    const refused = assessor.assess({ id: 'b', x: 2 });
    expect(refused.status).toBe('rejected');
    expect(refused.errors.map((e) => e.code)).toEqual(['EVL430']);
  });

  it('refuses a second range on one input (DSL107)', () => {
    expect(codes('input data.x number >= 0 <= 5').map(([c]) => c)).toContain('DSL107');
  });

  it('puts the range and kind into the data schema', () => {
    const schema = ruleSet().dataSchema as { properties: Record<string, Record<string, unknown>> };
    expect(schema.properties.spent).toMatchObject({ minimum: 0, 'x-jixiao': { kind: 'money', min: '0' } });
    expect(schema.properties.violations).toMatchObject({ 'x-jixiao': { kind: 'count', min: '0' } });
    expect((schema.properties.survey as { properties: Record<string, unknown> }).properties.satisfaction).toMatchObject({
      minimum: 0,
      maximum: 1,
      'x-jixiao': { kind: 'percent', min: '0', max: '1' },
    });
  });
});

describe('schema messages in plain words', () => {
  it('says what a date looks like instead of quoting its pattern', () => {
    const { ir } = compileSource(
      'framework F { scale 100\ninput data.d date required\nindicator x weight 100 { applicable when data.d == "2026-01-01"; score yesno; value = true } }',
      'd.ind',
    );
    const r = createAssessor(ir!, { lang: 'en' }).assess({ id: 'd', d: '31/12/2026' });
    expect(r.errors.map((e) => e.code)).toEqual(['EVL401']);
    expect(r.errors[0]!.message).toContain('2026-12-31');
    expect(r.errors[0]!.message).not.toContain('pattern');
  });
});

describe('numeric fields from spreadsheets', () => {
  it('reads money columns as exact decimals and percent columns as numbers, by the schema', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'jixiao-numbers-')), 'r.csv');
    writeFileSync(file, 'id,budget,spent,survey.satisfaction\nA,100万,89.974万,95%\n');
    const rows = [];
    for await (const r of readRecords([file], {
      schema: ruleSet().dataSchema,
      mapping: 'columns:\n  id: id\n  budget: budget\n  spent: spent\n  survey.satisfaction: survey.satisfaction\n',
    }))
      rows.push(r);
    expect(rows.map((r) => r.error)).toEqual([undefined]);
    expect(rows[0]!.record).toMatchObject({ budget: '1000000', spent: '899740', survey: { satisfaction: 0.95 } });
  });
});

describe('fields a target reads', () => {
  it('are numbers: "95%" planned places is an error, not 0.95 places', () => {
    const { ir } = compileSource(
      'framework F { scale 100\nindicator 新增学位 weight 100 { value = data.effect.places; target >= data.plan.places; score proportional } }',
      't.ind',
    );
    const r = createAssessor(ir!, { lang: 'en' }).assess({ id: 't', effect: { places: 1350 }, plan: { places: '95%' } });
    expect(r.status).toBe('rejected');
    expect(r.errors.map((e) => [e.code, e.path])).toEqual([['EVL401', 'data.plan.places']]);
    expect(createAssessor(ir!).assess({ id: 't', effect: { places: 1350 }, plan: { places: 1350 } }).status).toBe('ok');
  });
});

describe('a JSON number checked against its range', () => {
  // Bounds that are not doubles (0.1, 0.3) and doubles a unit in the last place beside them:
  // the quick double comparison must never pass a value the decimal check would refuse.
  const { ir, diagnostics } = compileSource(
    `framework 范围 {
  scale 10
  grades { 优 >= 9; 差 otherwise }
  input data.open number (0.1, 0.3)
  input data.closed number [0.1, 0.3]
  input data.places count >= 2
  input data.funds money
  indicator 甲 weight 10 { value = data.open + data.closed + data.places + data.funds; score bands { else: 0 } }
}
`,
    'range.ind',
  );
  const check = createNumberCheck(ir!, 'en');
  const near = (x: number): number[] => [x, x + Number.EPSILON * x, x - Number.EPSILON * x, 0.1 + 0.2, 0.3 - 0.2];
  const values = [...near(0.1), ...near(0.3), 0, -0, 0.2, 1, 2, 2.5, 3, -1, 1e-300, 1e300, 2 ** 53 + 2];
  const D = (v: number): Decimal => new Decimal(v);
  const inside = (v: number, lo: string, hi: string, open: boolean): boolean => (open ? D(v).gt(lo) && D(v).lt(hi) : D(v).gte(lo) && D(v).lte(hi));

  it('refuses exactly what the decimal comparison refuses', () => {
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    fc.assert(
      fc.property(
        fc.constantFrom(...values),
        fc.constantFrom(...values),
        fc.constantFrom(...values),
        fc.constantFrom(...values),
        (open, closed, places, funds) => {
          const paths = check.check({ open, closed, places, funds }, 'r').map((e) => `${e.path} ${e.code}`);
          const expected = [
            ...(inside(open, '0.1', '0.3', true) ? [] : ['data.open EVL430']),
            ...(inside(closed, '0.1', '0.3', false) ? [] : ['data.closed EVL430']),
            ...(!D(places).isInteger() ? ['data.places EVL432'] : D(places).lt(2) ? ['data.places EVL430'] : []),
            ...(D(funds).isNeg() ? ['data.funds EVL431'] : []),
          ];
          expect(paths.sort()).toEqual(expected.sort());
        },
      ),
      { numRuns: 3000 },
    );
  });
});
