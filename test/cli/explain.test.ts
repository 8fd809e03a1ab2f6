/**
 * `jixiao explain` reads the same result `jixiao eval` prints: for the shipped rules and a demo
 * record, every indicator's and dimension's points, the total, the grade, each veto and each
 * recommendation of eval's JSON appear in the explanation (the text is pinned by the goldens
 * test/golden/cli/explain-*; this checks it never tells a different number than eval).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EvaluationResult } from '../../src/engine/result.js';
import { runCapturedCli } from './run-captured.js';

const cwd = join(import.meta.dirname, '../golden/cli/explain-en');
const rules = ['rules/common/project.ind', '--policy', 'rules/policy/result-application.ind'];

describe('explain tells what eval computed', () => {
  it('every number of the result is in the text', async () => {
    const evaluated = await runCapturedCli(['eval', '--rules', ...rules, 'record.yaml', '--lang', 'en'], cwd);
    const result = JSON.parse(evaluated.stdout) as EvaluationResult;
    const { code, stdout } = await runCapturedCli(['explain', ...rules, 'record.yaml', '--lang', 'en'], cwd);
    expect(code).toBe(evaluated.code);
    expect(stdout).toContain(`total ${result.total} of ${result.scale}, grade ${result.grade}`);
    for (const d of result.dimensions) expect(stdout).toContain(`${d.name}  ${d.points ?? '—'} of ${d.effectiveWeight ?? d.weight}`);
    for (const i of result.indicators) expect(stdout).toContain(`${i.name}  ${i.points ?? '—'} of ${i.effectiveWeight ?? i.weight}  [${i.method}]`);
    for (const l of result.lostPoints) expect(stdout).toContain(`lost ${l.lost}: `);
    for (const v of result.vetoes) expect(stdout).toContain(`${v.name}: ${v.effect}`);
    expect(result.recommendations.length).toBeGreaterThan(0);
    result.recommendations.forEach((_, n) => expect(stdout).toMatch(new RegExp(`^  ${n + 1}\\. `, 'm')));
    expect(stdout).not.toMatch(new RegExp(`^  ${result.recommendations.length + 1}\\. `, 'm'));
  });
});
