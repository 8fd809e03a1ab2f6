/**
 * A realistic result-application rule block (11 rules: grade-linked budget adjustment, execution
 * lag, compliance, satisfaction, repeated poor results) over the minimal project framework of
 * fixtures.ts, and a deterministic generator of scorecards and records covering every branch.
 * Used by the unit tests and by the recommendation bench.
 */
import type { RuleSetIR } from '../../src/compile/ir.js';
import type { EvaluationResult } from '../../src/engine/result.js';
import { action, bin, block, completeIr, completeResult, data, grade, letRef, node, num, paramRef, pct, rule, str, total } from './fixtures.js';
import { seededFloats } from '../../src/common/seeded-random.js';

export function sampleRuleSet(): RuleSetIR {
  const rules = [
    rule('评价优秀', bin('==', grade, str('优')), [action('adjust', { line: 'next_budget', amount: paramRef('调增比例') }), action('commend')], {
      priority: 10,
    }),
    rule('评价良好', bin('==', grade, str('良')), [action('adjust', { line: 'next_budget', amount: pct('0.05') })]),
    rule('评价中等', bin('==', grade, str('中')), [action('adjust', { line: 'next_budget', amount: pct('-0.1') }), action('rectify', { withinDays: '60' })]),
    rule(
      '评价差',
      bin('==', grade, str('差')),
      [action('adjust', { line: 'next_budget', amount: pct('-0.3') }), action('rectify', { withinDays: '90' }), action('interview')],
      { priority: 5 },
    ),
    rule('执行偏慢', bin('<', node('过程/预算执行率'), pct('0.6')), [action('recall', { amount: letRef('unspent') }), action('warn', { level: 'yellow' })]),
    rule(
      '执行严重偏慢',
      bin('<', bin('/', data('spent'), data('budget', 'adjusted')), pct('0.3')),
      [action('suspend', { amount: pct('0.5') }), action('warn', { level: 'red' })],
      { priority: 5 },
    ),
    rule('资金违规', bin('or', bin('<', node('过程/资金使用合规性', 'points'), num('5')), bin('>', data('audit', 'violations'), num('3'))), [
      action('withhold', { amount: num('100000', '元') }),
      action('flag', { text: '资金使用不合规' }),
    ]),
    rule('满意度低', bin('and', bin('<', node('效益/服务对象满意度'), pct('0.8')), bin('<=', grade, str('中'))), [
      action('adjust', { line: 'next_budget', amount: pct('-0.05') }),
    ]),
    rule('连续差', bin('and', bin('==', data('history', 'last_grade'), str('差')), bin('==', grade, str('差'))), [action('cancel')], { priority: 20 }),
    rule('接近优秀', bin('and', bin('>=', total, num('88')), bin('<', total, num('90'))), [action('flag', { text: '接近优秀' })]),
    rule('未整改', bin('==', data('rectification', 'done'), { kind: 'boolean', value: false }), [action('stop')], { priority: 20 }),
  ];
  return completeIr({
    ruleBlocks: [
      block('结果应用', rules, {
        params: [{ id: 'p1', name: '调增比例', value: pct('0.1'), unit: '%', meta: { refs: [] } }],
        lets: [{ id: 'l1', name: 'unspent', value: bin('-', data('budget', 'adjusted'), data('spent')), unit: '元', meta: { refs: [] } }],
        lines: [{ id: 'ln1', name: 'next_budget', base: data('budget', 'next'), meta: { refs: [] } }],
        combines: [{ id: 'c1', line: 'next_budget', mode: 'sum', cap: pct('0.3') }],
      }),
    ],
  });
}

const GRADES = ['优', '良', '中', '差'];

/** `n` scorecards with records; values spread so every rule fires in some of them. */
export function sampleBatch(n: number, seed = 1): { result: EvaluationResult; record: Record<string, unknown> }[] {
  const rnd = seededFloats(seed);
  const out: { result: EvaluationResult; record: Record<string, unknown> }[] = [];
  for (let i = 0; i < n; i++) {
    const t = Math.round(rnd() * 10000) / 100;
    const g = t >= 90 ? '优' : t >= 80 ? '良' : t >= 60 ? '中' : '差';
    const adjusted = 100000 + Math.floor(rnd() * 9900000);
    const spent = Math.floor(adjusted * rnd());
    const record = {
      id: `P${i}`,
      spent,
      budget: { adjusted, next: Math.floor(adjusted * (0.8 + rnd() * 0.4)) },
      audit: { violations: Math.floor(rnd() * 5) },
      history: rnd() < 0.3 ? { last_grade: GRADES[Math.floor(rnd() * 4)] } : {},
      rectification: rnd() < 0.1 ? { done: false } : { done: true },
    };
    const result = completeResult({
      total: t,
      grade: g,
      indicators: {
        '过程/预算执行率': { value: Math.round((spent / adjusted) * 10000) / 10000, points: 10 },
        '过程/资金使用合规性': { value: null, points: Math.floor(rnd() * 11) },
        '效益/服务对象满意度':
          rnd() < 0.1 ? { value: null, points: null, status: 'unavailable' } : { value: Math.round((0.6 + rnd() * 0.4) * 1000) / 1000, points: 25 },
      },
    });
    out.push({ result, record });
  }
  return out;
}
