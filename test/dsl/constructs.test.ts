/**
 * Every construct of grammar/syntax-contract.md and every DESIGN.md §4 example (as fixtures) parses to the AST that ast.ts promises.
 */
import { describe, expect, it } from 'vitest';
import type { ActionDecl, ScoreMethod } from '../../src/dsl/ast.js';
import { printExpr } from '../../src/dsl/print-expr.js';
import { fixtureNames, framework, indicator, indicatorBody, indicators, parseClean, readFixture, rulesBlock } from './helpers.js';

describe('fixtures (DESIGN.md §4 examples and the syntax contract) parse cleanly', () => {
  it.each(fixtureNames().filter((f) => f !== 'five-mistakes.ind'))('%s', (name) => {
    const ast = parseClean(readFixture(name));
    expect(ast.declarations.length).toBeGreaterThan(0);
  });
});

describe('framework header and settings', () => {
  const ast = parseClean(readFixture('contract-framework.ind'));
  const fw = framework(ast);

  it('reads imports, name, label, extends and meta', () => {
    expect(ast.imports.map((i) => i.path)).toEqual(['../common/project.ind']);
    expect([fw.name.text, fw.label, fw.extends?.text]).toEqual(['项目支出', 'Project expenditure (common framework)', '基础']);
    expect(fw.meta).toEqual({ title: '项目支出绩效评价', description: '通用框架', refs: ['财预〔2020〕10号', '财预〔2013〕53号'] });
  });

  it('reads every setting', () => {
    expect(
      fw.settings.map((s) => {
        switch (s.kind) {
          case 'scale':
            return `scale ${s.value.value}`;
          case 'precision':
            return `precision ${s.digits}`;
          case 'rounding':
            return `rounding ${s.mode}`;
          case 'version':
            return `version ${s.value}`;
          case 'missing':
            return `missing ${s.policy}`;
          case 'not_applicable':
            return `na ${s.policy}`;
        }
      }),
    ).toEqual(['version 2026.1', 'scale 100', 'precision 2', 'rounding half_up', 'missing unavailable', 'na rescale']);
  });

  it('reads grades highest first with the otherwise grade', () => {
    expect(fw.grades?.grades.map((g) => [g.label.text, g.min?.kind === 'number' ? g.min.value : g.min])).toEqual([
      ['优', '90'],
      ['良', '80'],
      ['中', '60'],
      ['差', undefined],
    ]);
  });

  it('reads vetoes with each effect', () => {
    expect(
      fw.vetoes.map((v) => [
        v.name.text,
        v.effect.kind === 'grade' ? v.effect.grade.text : v.effect.kind === 'cap' && v.effect.value.kind === 'number' ? v.effect.value.value : 'zero',
      ]),
    ).toEqual([
      ['重大违规', '差'],
      ['数据造假', '59'],
      ['骗取资金', 'zero'],
    ]);
  });

  it('reads require, param, let and input', () => {
    expect(fw.requires[0]).toMatchObject({ names: [{ text: '产出' }, { text: '效益' }], op: '>=', value: { value: '60' } });
    expect(fw.params[0]).toMatchObject({ name: { text: '调增比例' }, value: { value: '0.1', unit: '%' }, meta: { description: '每年由财政局确定' } });
    expect(printExpr(fw.lets[0]!.value)).toBe('(data.spent / data.budget.adjusted)');
    expect(fw.inputs.map((i) => [i.path.segments.join('.'), i.type, i.required, i.allowed, i.meta.description])).toEqual([
      ['budget.adjusted', 'money', true, undefined, '调整后预算数'],
      ['decision.basis', 'text', false, ['A', 'B', 'C', 'D'], undefined],
    ]);
  });

  it('reads nested dimensions, quoted names, applicable, override and remove', () => {
    const dims = fw.members.filter((m) => m.kind === 'dimension');
    expect(dims.map((d) => d.kind === 'dimension' && [d.name.text, d.weight?.value])).toEqual([
      ['决策', '20'],
      ['过程', '20'],
      ['产出', '30'],
      ['效益', '30'],
    ]);
    const decision = dims[0]!;
    expect(decision.kind === 'dimension' && decision.applicable && printExpr(decision.applicable)).toBe('(data.stage != "ex_ante")');
    expect(decision.kind === 'dimension' && decision.members[0]?.kind).toBe('dimension');
    expect(indicators(fw.members).some((i) => i.name.text === '绩效目标 合理性')).toBe(true);
    const override = fw.members.find((m) => m.kind === 'indicator' && m.override);
    expect(override).toMatchObject({ kind: 'indicator', override: true, name: { text: '过程.资金使用合规性' }, weight: { value: '10' } });
    expect(fw.members.filter((m) => m.kind === 'remove').map((r) => r.kind === 'remove' && r.path.map((p) => p.text))).toEqual([
      ['效益', '服务对象满意度'],
      ['效益', '专家评分'],
    ]);
  });

  it('reads indicator clauses: value, unit, target with tolerance, missing, meta', () => {
    const ind = indicator(ast, '预算执行率');
    expect(ind.value && printExpr(ind.value)).toBe('执行率');
    expect(ind.meta.unit).toBe('%');
    expect(ind.target).toMatchObject({ op: '>=', value: { value: '1' }, tolerance: { value: '0.02' } });
    expect(ind.missing).toBe('zero');
    expect(indicator(ast, '质量达标率').target).toMatchObject({ op: 'between', value: { value: '0.9' }, upper: { value: '1.1' } });
    expect(indicator(ast, '成本节约率').meta).toMatchObject({ unit: '元', refs: ['成本节约率 = (计划成本−实际成本)/计划成本'] });
  });
});

describe('scoring methods', () => {
  const method = (body: string): ScoreMethod => {
    const s = indicatorBody(body).score;
    if (!s) throw new Error('no score');
    return s;
  };

  it('proportional and yesno, with or without `score`', () => {
    expect(method('score proportional').method).toBe('proportional');
    expect(method('完成率').method).toBe('proportional');
    expect(method('score yesno').method).toBe('yesno');
  });

  it('bands with compare, interval ends and else, in order', () => {
    const m = method('score bands { >= 95%: 100%; > 80%: 80%; [60%, 80%): 50%; (0, 60%]: 10%; = 0: 1; < 0: 0; else: 0 }');
    if (m.method !== 'bands') throw new Error();
    expect(m.centered).toBe(false);
    expect(
      m.bands.map((b) =>
        b.condition.kind === 'compare'
          ? `${b.condition.op}${printExpr(b.condition.bound)}`
          : b.condition.kind === 'interval'
            ? `${b.condition.lowInclusive ? '[' : '('}${printExpr(b.condition.low)},${printExpr(b.condition.high)}${b.condition.highInclusive ? ']' : ')'}`
            : 'else',
      ),
    ).toEqual(['>=95%', '>80%', '[60%,80%)', '(0,60%]', '=0', '<0', 'else']);
    expect(m.bands.map((b) => printExpr(b.award))).toEqual(['100%', '80%', '50%', '10%', '1', '0', '0']);
  });

  it('centered bands', () => {
    const m = method('score centered bands { <= 10%: 5; <= 15%: 3; <= 20%: 1; else: 0 }');
    expect(m.method === 'bands' && m.centered).toBe(true);
  });

  it('rating, alone or after score', () => {
    for (const body of ['score rating data.q { A: 100%; B: 80% }', 'rating data.q { A: 100%, B: 80%, }']) {
      const m = method(body);
      expect(m.method === 'rating' && m.levels.map((l) => [l.label.text, printExpr(l.award)])).toEqual([
        ['A', '100%'],
        ['B', '80%'],
      ]);
    }
  });

  it('tiers with point and pick', () => {
    const m = method('score tiers data.q.level point data.q.point pick high { 达成: 80%..100%; 部分达成: 50%..80%; 未达成: 0%..50% }');
    if (m.method !== 'tiers') throw new Error();
    expect([m.point && printExpr(m.point), m.pick, m.tiers.map((t) => `${t.label.text}:${printExpr(t.low)}..${printExpr(t.high)}`)]).toEqual([
      'data.q.point',
      'high',
      ['达成:80%..100%', '部分达成:50%..80%', '未达成:0%..50%'],
    ]);
    const plain = method('tiers data.q { 达成: 80%..100% }');
    expect(plain.method === 'tiers' && [plain.pick, plain.point]).toEqual(['low', undefined]);
  });

  it('per-incident and step deduction', () => {
    expect(method('score deduct 2 per data.v max 6')).toMatchObject({ method: 'deduct', per: { value: '2' }, count: { kind: 'path' }, max: { value: '6' } });
    expect(method('deduct 1 per data.v')).toMatchObject({ method: 'deduct' });
    expect(method('score deduct 0.5 per 1% above 0% whole max 5')).toMatchObject({
      method: 'step',
      per: { value: '0.5' },
      step: { value: '0.01' },
      direction: 'above',
      threshold: { value: '0' },
      counting: 'whole',
      max: { value: '5' },
    });
    expect(method('deduct 1 per 5% below 90% fractional')).toMatchObject({ method: 'step', direction: 'below', counting: 'fractional' });
  });

  it('linear, checklist, expert and formula', () => {
    expect(method('score linear { 60%: 0%; 100%: 100% }')).toMatchObject({
      method: 'linear',
      points: [
        { x: { value: '0.6' }, y: { value: '0' } },
        { x: { value: '1' }, y: { value: '1' } },
      ],
    });
    const c = method('score checklist { 管理制度健全: 1 when data.a == true; 执行有效: 40% when data.b }');
    expect(c.method === 'checklist' && c.items.map((i) => [i.label.text, printExpr(i.award), printExpr(i.when)])).toEqual([
      ['管理制度健全', '1', '(data.a == true)'],
      ['执行有效', '40%', 'data.b'],
    ]);
    expect(method('score expert data.expert.points')).toMatchObject({ method: 'expert', source: { kind: 'path' } });
    const f = method('score formula min(value / target, 1) * 100%');
    expect(f.method === 'formula' && printExpr(f.expr)).toBe('(min((value / target), 1) * 100%)');
  });
});

describe('rules blocks', () => {
  const rules = rulesBlock(parseClean(readFixture('contract-rules.ind')));
  const acts = (name: string): ActionDecl[] => rules.rules.find((r) => r.name.text === name)?.actions ?? [];

  it('reads header, params, lets, lines and combines', () => {
    expect([rules.name.text, rules.for.text, rules.meta.title, rules.meta.refs]).toEqual(['结果应用', '项目支出', '结果应用规则', ['中发〔2018〕34号']]);
    expect(rules.params.map((p) => p.name.text)).toEqual(['调增比例']);
    expect(rules.lets.map((l) => l.name.text)).toEqual(['unspent']);
    expect(rules.lines[0]).toMatchObject({ name: { text: 'next_budget' }, base: { segments: ['budget', 'next'] }, meta: { title: '下年度预算' } });
    expect(rules.combines.map((c) => [c.line.text, c.mode, c.cap && printExpr(c.cap)])).toEqual([
      ['next_budget', 'sum', '30%'],
      ['transfer_payment', 'most_severe', undefined],
    ]);
  });

  it('reads rules with priority, conditions, reasons', () => {
    const r = rules.rules[0]!;
    expect([r.name.text, r.priority, printExpr(r.when), r.reason]).toEqual(['评价优秀', 10, '(grade == 优)', '评价为优']);
    expect(printExpr(rules.rules[1]!.when)).toBe('((grade >= 良) and (total < 90))');
    expect(rules.rules.at(-1) && printExpr(rules.rules.at(-1)!.when)).toBe('(if (total >= 60) then true else false)');
  });

  it('reads every action', () => {
    expect(acts('评价优秀').map((a) => [a.verb, a.line?.text, a.amount && printExpr(a.amount)])).toEqual([
      ['adjust', 'next_budget', '调增比例'],
      ['commend', undefined, undefined],
    ]);
    expect(
      acts('评价差').map((a) => [
        a.verb,
        a.amount && printExpr(a.amount),
        a.withinDays?.kind === 'number' ? a.withinDays.value : undefined,
        a.withinDays?.kind === 'number' ? a.withinDays.unit : undefined,
      ]),
    ).toEqual([
      ['adjust', '-30%', undefined, undefined],
      ['rectify', undefined, '90', 'days'],
      ['interview', undefined, undefined, undefined],
    ]);
    expect(acts('执行偏慢')[0]).toMatchObject({ verb: 'recall', amount: { kind: 'ref', parts: [{ text: 'unspent' }] } });
    expect(acts('部分收回')[0]).toMatchObject({ verb: 'recall', amount: { value: '0.3' } });
    expect(acts('暂扣资金').map((a) => [a.verb, a.amount && printExpr(a.amount), a.level?.text])).toEqual([
      ['withhold', '50%', undefined],
      ['warn', undefined, 'yellow'],
    ]);
    expect(acts('暂缓拨款').map((a) => [a.verb, a.amount, a.level?.text])).toEqual([
      ['suspend', undefined, undefined],
      ['warn', undefined, 'red'],
    ]);
    expect(acts('停止').map((a) => [a.verb, a.text])).toEqual([
      ['stop', undefined],
      ['cancel', undefined],
      ['flag', '自评不实'],
    ]);
    expect(acts('转移支付')[0]).toMatchObject({ verb: 'adjust', line: { text: 'transfer_payment' }, amount: { value: '-500000', unit: '元' } });
    expect(acts('暂扣全部')).toMatchObject([{ verb: 'withhold' }]);
  });
});

describe('the Chinese-alias fixture means the same as English', () => {
  const ast = parseClean(readFixture('chinese-aliases.ind'));
  it('reads structure, methods, rules and actions', () => {
    const fw = framework(ast);
    expect([fw.name.text, fw.extends?.text, fw.grades?.grades.length, fw.vetoes[0]?.effect.kind]).toEqual(['部门整体', '项目支出', 4, 'grade']);
    expect(indicator(ast, '三公经费变动率').score).toMatchObject({ method: 'step', counting: 'fractional', max: { value: '5' } });
    expect(indicator(ast, '制度').missing).toBe('zero');
    expect(indicator(ast, '目标达成').score).toMatchObject({ method: 'tiers', pick: 'high' });
    expect(indicator(ast, '是否按时').value && printExpr(indicator(ast, '是否按时').value!)).toBe('((data.按时 and (not data.延期)) or data.豁免)');
    const rb = rulesBlock(ast);
    expect(rb.combines[0]).toMatchObject({ mode: 'sum' });
    expect(rb.rules[1]?.actions.map((a) => a.verb)).toEqual(['adjust', 'rectify', 'interview', 'warn']);
    expect(rb.rules[1]?.actions[3]?.level?.text).toBe('red');
    expect(rb.rules[2]?.actions.map((a) => a.verb)).toEqual(['recall', 'withhold', 'suspend', 'stop', 'cancel', 'flag']);
    expect(rb.rules[2]?.actions[0]?.amount).toMatchObject({ kind: 'ref', parts: [{ text: 'unspent' }] });
  });
});

describe('labels', () => {
  it('accept 是/否 and true/false as rating, checklist and grade labels', () => {
    const m = indicatorBody('score rating data.ok { 是: 100%; 否: 0 }').score;
    expect(m?.method === 'rating' && m.levels.map((l) => l.label.text)).toEqual(['是', '否']);
    const c = indicatorBody('score checklist { true: 1 when data.a }').score;
    expect(c?.method === 'checklist' && c.items[0]?.label.text).toBe('true');
  });
});
