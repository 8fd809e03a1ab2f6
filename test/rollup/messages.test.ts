/**
 * The ROL8xx codes speak both languages (the catalogue itself is checked with every other one in
 * test/common/catalogue.test.ts): each public function of roll-ups, sampling and factor files
 * reports the same codes in either language, worded in the one asked for — Chinese when none is given, English byte for byte as before when asked.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileSource } from '../../src/compile/compile.js';
import type { Diagnostic } from '../../src/common/diagnostic.js';
import type { Lang } from '../../src/common/lang.js';
import { createEvaluator } from '../../src/engine/index.js';
import {
  allocationInput,
  parseCriteria,
  parseFactorFile,
  parseRollupDeclaration,
  parseSampleDeclaration,
  rollup,
  runRollup,
  sample,
  type Scored,
} from '../../src/rollup/index.js';
import { readDeclarationFile } from '../../src/rollup/load.js';

const HAN = /[\u4e00-\u9fff]/;

const codes = (ds: readonly Diagnostic[]): string[] => ds.map((d) => d.code);
/** Same codes in both languages, Chinese messages in zh (and by default), none in en. */
function bothLanguages(run: (lang?: Lang) => readonly Diagnostic[], expected: string[]): void {
  const zh = run('zh');
  const en = run('en');
  expect(codes(zh)).toEqual(expected);
  expect(codes(en)).toEqual(expected);
  expect(run()).toEqual(zh);
  expect(en.map((d) => d.range)).toEqual(zh.map((d) => d.range));
  for (const d of zh) expect(d.message, d.code).toMatch(HAN);
  // English messages quote only ASCII user values here, so any Han character is a leak.
  for (const d of en) expect(d.message.replace(/元/g, ''), d.code).not.toMatch(HAN); // 元 is the English unit too
}

describe('each function reports in the language asked for', () => {
  it('parseRollupDeclaration', () => {
    const raw = { entity: { key: 'a..b', policy: 'x' }, members: { key: 'prototype' }, share: { own: '70%', members: '40%' }, no_members: 'x' };
    bothLanguages((lang) => parseRollupDeclaration(raw, 'r.yaml', lang).diagnostics, ['ROL802', 'ROL802', 'ROL806', 'ROL806', 'ROL805', 'ROL802']);
    bothLanguages((lang) => parseRollupDeclaration('text', 'r.yaml', lang).diagnostics, ['ROL801']);
    // English stays the wording the CLI goldens hold.
    expect(parseRollupDeclaration(raw, 'r.yaml', 'en').diagnostics[4]!.message).toBe('share: shares own 70% + members 40% must add up to 100%');
  });

  it('parseSampleDeclaration and parseCriteria', () => {
    const raw = {
      threshold: 'lots',
      share: '150%',
      high_risk: [
        { name: 'r1', when: { field: 'a', op: '=~', value: 1 } },
        { name: 'r2', when: [{ field: 'b', op: 'in', value: 1 }, 3] },
      ],
    };
    bothLanguages((lang) => parseSampleDeclaration(raw, 's.yaml', lang).diagnostics, ['ROL803', 'ROL803', 'ROL804', 'ROL802', 'ROL802']);
    bothLanguages(
      (lang) => {
        const ds: Diagnostic[] = [];
        parseCriteria({ field: '__proto__.x' }, 'c', 'c.yaml', ds, lang);
        return ds;
      },
      ['ROL806'],
    );
  });

  it('sample', () => {
    const decl = parseSampleDeclaration({ threshold: 100, share: '0%' }).declaration!;
    bothLanguages((lang) => sample(decl, [{ id: 'A' }, { id: 'A' }], { seed: 1, ...(lang ? { lang } : {}) }).diagnostics, ['ROL822']);
    bothLanguages(
      (lang) => sample(decl, [{ id: 'A' }, { id: 'B', budget: { adjusted: 200 } }], { seed: 1, ...(lang ? { lang } : {}) }).diagnostics,
      ['ROL821'],
    );
  });

  it('parseFactorFile and allocationInput', () => {
    const raw = { recipient: 'constructor', grades: { A: 'x' }, factors: [{ name: 'f', weight: 'w' }] };
    bothLanguages((lang) => parseFactorFile(raw, 'f.yaml', lang).diagnostics, ['ROL806', 'ROL803', 'ROL803', 'ROL802']);
    const factors = parseFactorFile({ grades: { A: 1 }, factors: [{ name: 'f', weight: '100%', field: 'n' }] }).factors!;
    bothLanguages((lang) => allocationInput(factors, '100.00', [{ id: 'R1', grade: 'B', n: 1 }], lang).diagnostics, ['ROL823']);
  });

  it('rollup', () => {
    const ir = compileSource('framework F {\n  scale 100\n  grades { A >= 60; B otherwise }\n  indicator I weight 100 { score expert data.s }\n}\n', 'f.ind')
      .ir!;
    const ev = createEvaluator(ir);
    const scored = (records: Record<string, unknown>[]): Scored[] => records.map((record) => ({ record, result: ev.evaluate(record) }));
    const decl = parseRollupDeclaration({
      entity: { rules: 'f.ind', key: 'name' },
      members: { key: 'dept', weight: 'w' },
      share: { own: '50%', members: '50%' },
    }).declaration!;
    const entities = scored([
      { id: 'E1', name: 'x', s: 80 },
      { id: 'E2', name: 'x', s: 70 },
    ]);
    const members = scored([
      { id: 'M1', dept: 'y', s: 50, w: 1 },
      { id: 'M2', dept: 'x', s: 50 },
    ]);
    bothLanguages((lang) => rollup(decl, ir, entities, members, lang ? { lang } : {}).diagnostics, ['ROL815', 'ROL811', 'ROL812', 'ROL812']);
  });

  it('readDeclarationFile and runRollup', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-rol-'));
    try {
      const bad = join(dir, 'bad.yaml');
      writeFileSync(bad, 'a: [1,\n');
      bothLanguages((lang) => readDeclarationFile(bad, 'bad.yaml', lang).diagnostics, ['ROL801']);
      const decl = join(dir, 'r.yaml');
      writeFileSync(decl, 'entity: {}\nmembers: { key: dept }\nshare: { own: 60%, members: 40% }\n');
      const zh = await runRollup(decl, [], [], undefined, 'zh');
      const en = await runRollup(decl, [], [], undefined, 'en');
      expect(codes(zh.diagnostics)).toEqual(['ROL802']);
      expect(codes(en.diagnostics)).toEqual(['ROL802']);
      expect(zh.diagnostics[0]!.message).toMatch(HAN);
      expect(en.diagnostics[0]!.message).toBe('entity: "rules" is missing or not a file path');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
