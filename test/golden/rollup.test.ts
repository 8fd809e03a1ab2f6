/**
 * Golden suite of roll-ups (两纳入三挂钩): each `test/golden/rollup/<case>/case.yaml` names a
 * roll-up declaration, the entity data files and member sets (rules, framework, data), all
 * relative to the case folder; `expected.json` is the roll-up (or, with `summary: true`, one
 * line per entity) with diagnostics reduced to code and severity. Every traced contribution
 * must add up to the members score, and each total must follow from the declared shares.
 */
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/recommend/decimal.js';
import { runRollup, type MemberSet, type RollupResult } from '../../src/rollup/index.js';
import { expectGolden, goldenCases, goldenJson, readCaseFile } from './golden.js';

interface CaseFile {
  declaration: string;
  summary?: boolean;
  entities: string[];
  members: MemberSet[];
}

function summary(r: RollupResult): unknown {
  return {
    rollup: r.rollup,
    entities: r.entities.map((e) => ({
      id: e.id,
      own: e.own.total,
      members: e.members.count,
      excluded: e.members.excluded.length,
      membersScore: e.members.score,
      total: e.total,
      grade: e.grade,
      recommendations: e.recommendations.map((x) => [x.rule, x.action, x.line ?? null, x.amount ?? null].filter((v) => v !== null).join(' ')),
    })),
  };
}

describe('golden: rollup', () => {
  for (const c of goldenCases('rollup')) {
    it(c.name, async () => {
      const spec = parseYaml(readCaseFile(c, 'case.yaml')) as CaseFile;
      const at = (p: string): string => resolve(c.dir, p);
      const sets = spec.members.map((m) => ({ ...m, rules: at(m.rules), data: m.data.map(at), ...(m.policy ? { policy: m.policy.map(at) } : {}) }));
      const { result, diagnostics } = await runRollup(at(spec.declaration), spec.entities.map(at), sets, undefined, 'en');
      for (const e of result?.entities ?? []) {
        if (e.status !== 'ok') continue;
        const sum = e.members.items.reduce((a, m) => a.plus(m.contribution), new Dec(0));
        if (e.members.score !== null) expect(sum.minus(e.members.score).abs().lte('0.00001')).toBe(true);
        const expected = new Dec(e.own.rawTotal!).times(e.share.own).plus(new Dec(e.members.score ?? 0).times(e.share.members));
        expect(expected.minus(e.rawTotal!).abs().lte('0.00001')).toBe(true);
      }
      const diags = diagnostics.map((d) => ({ code: d.code, severity: d.severity }));
      const body = result ? (spec.summary ? summary(result) : { ...result, ruleset: { name: result.ruleset.name } }) : null;
      expectGolden(c, 'expected.json', goldenJson({ diagnostics: diags, result: body }));
    });
  }
});
