/**
 * Names inside expressions: lets and params, node references between indicators (including a
 * reference to an unavailable indicator and a cycle), dimension-level `applicable when`, the
 * stage, and a veto whose condition cannot be computed.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/index.js';
import { EVL } from '../../src/engine/messages.js';
import type { ExprIR } from '../../src/compile/ir.js';
import { S, bin, bool, data, dim, div, ind, num, ruleset, veto } from './ir-builders.js';

const node = (path: string, member: 'value' | 'points' | 'status' = 'value'): ExprIR => ({ kind: 'node', path, member });
const letRef = (name: string): ExprIR => ({ kind: 'let', name });
const param = (name: string): ExprIR => ({ kind: 'param', name });

describe('names', () => {
  it('lets and params feed indicators', () => {
    const ir = ruleset([ind('r', 100, S.proportional(), { value: letRef('rate'), target: { op: '>=', value: param('line') } })], {
      lets: [['rate', div(data('spent'), data('budget'))]],
      params: [['line', num('0.8')]],
    });
    expect(evaluate(ir, { id: 'l', spent: 60, budget: 100 }).total).toBe(75);
  });
  it('a node reference reads another indicator; an unavailable one yields EVL416', () => {
    const ir = ruleset([ind('a', 50, S.expert(data('a'))), ind('b', 50, S.formula({ kind: 'points', value: node('a', 'points') }))]);
    expect(evaluate(ir, { id: 'n', a: 30 }).indicators[1]!.points).toBe(30);
    const r = evaluate(ir, { id: 'n' });
    expect(r.indicators.map((i) => i.error?.code)).toEqual([EVL.MISSING, EVL.NODE_UNAVAILABLE]);
  });
  it('a reference cycle is an error value, not a hang', () => {
    const ir = ruleset([
      ind('a', 50, S.yesno(), { value: bin('>', node('b'), num(0)) }),
      ind('b', 50, S.yesno(), { value: bin('>', node('a', 'points'), num(0)) }),
    ]);
    const r = evaluate(ir, { id: 'c' });
    expect(r.indicators.map((i) => i.status)).toEqual(['unavailable', 'unavailable']);
    expect(r.indicators.map((i) => i.error?.code)).toContain(EVL.CYCLE);
  });
  it('a dimension that is not applicable drops all its indicators', () => {
    const ir = ruleset([dim('D', 40, [ind('x', 40, S.expert(data('x')))], bin('==', data('has_d'), bool(true))), ind('y', 60, S.expert(data('y')))]);
    const r = evaluate(ir, { id: 'd', x: 40, y: 30, has_d: false });
    expect([r.dimensions[0]!.status, r.indicators[0]!.status, r.total]).toEqual(['not_applicable', 'not_applicable', 50]);
  });
  it('stage is readable from options or the record', () => {
    const stageIs = (s: string): ExprIR => bin('==', { kind: 'scorecard', member: 'stage' }, { kind: 'string', value: s });
    const ir = ruleset([ind('s', 100, S.yesno(), { value: stageIs('ex_post') })]);
    expect(evaluate(ir, { id: 's', stage: 'ex_post' }).total).toBe(100);
    expect(evaluate(ir, { id: 's' }, { stage: 'monitoring' }).total).toBe(0);
  });
  it('a veto whose condition cannot be computed does not fire and is reported', () => {
    const ir = ruleset([ind('e', 100, S.expert(data('s')))], { vetoes: [veto('v', bin('>', data('findings'), num(3)), { kind: 'zero' })] });
    const r = evaluate(ir, { id: 'v', s: 95 });
    expect([r.total, r.vetoes, r.errors.map((e) => e.code)]).toEqual([95, [], [EVL.VETO_UNCOMPUTABLE]]);
  });
});
