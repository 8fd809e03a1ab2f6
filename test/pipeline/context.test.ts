/**
 * Record context from files (last year's results, rectification status) and its journey through
 * the batch pipeline: loading and joining by id with Chinese headers, eval output as input,
 * duplicate ids, rows without records, unreadable files; and the same bytes whether records are
 * assessed in this thread or in worker threads, with context that changes what rules fire.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { NO_RANGE } from '../../src/common/diagnostic.js';
import { compileSource } from '../../src/compile/compile.js';
import type { RuleSetIR } from '../../src/compile/ir.js';
import { readRecords } from '../../src/data/read-records.js';
import { createAssessor } from '../../src/pipeline/assess.js';
import { assessParallel } from '../../src/pipeline/parallel.js';
import { createContextJoin, loadContextSources, loadContextTable } from '../../src/pipeline/context-sources.js';

const dir = mkdtempSync(join(tmpdir(), 'jixiao-context-'));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const RULES = `framework 项目 {
  scale 100
  grades { 优 >= 90; 良 >= 80; 中 >= 60; 差 otherwise }
  dimension 效益 weight 100 {
    indicator 满意度 weight 100 { value = data.satisfaction  target >= 90%  score proportional }
  }
}
rules 应用 for 项目 {
  rule 复评 when stage == "复评" then flag "复评项目" reason "再次评价"
  rule 评价差 when grade == 差 then interview reason "评价为差"
}
`;

function ruleSet(): RuleSetIR {
  const { ir, diagnostics } = compileSource(RULES, 'p.ind');
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return ir!;
}

describe('context sources', () => {
  it('reads a CSV with Chinese headers, keeps extra columns and maps 编号/等级/总分', async () => {
    const csv = file('prev.csv', '编号,评价等级,得分,备注\nP1,优,92.5,好\nP2,差,55,\n');
    const { rows, diagnostics } = await loadContextTable('previous', [csv], { lang: 'en' });
    expect(diagnostics).toEqual([]);
    expect(rows.get('P1')!.fields).toEqual({ grade: '优', total: 92.5, 备注: '好' });
    expect(rows.get('P2')!.fields).toEqual({ grade: '差', total: 55 });
  });

  it('reads a workbook with 项目编号/等级/总分; a duplicate row is named by its sheet row, with no line', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('上年结果');
    sheet.addRows([
      ['项目编号', '等级', '总分', '主管部门'],
      ['P1', '良', 84.5, '市教育局'],
      ['P2', '差', 41, '市民政局'],
      ['P1', '优', 95, '市教育局'],
    ]);
    const path = join(dir, 'prev.xlsx');
    await book.xlsx.writeFile(path);
    const { rows, diagnostics } = await loadContextTable('previous', [path], { lang: 'en', display: () => 'prev.xlsx' });
    expect(rows.get('P2')!.fields).toEqual({ grade: '差', total: 41, 主管部门: '市民政局' });
    expect(diagnostics.map((d) => [d.code, d.range])).toEqual([['CTX902', NO_RANGE]]);
    expect(diagnostics[0]!.message).toContain('prev.xlsx#2');
    expect(diagnostics[0]!.message).toContain('prev.xlsx#4');
  });

  it('takes id, grade, total and the rule set name from jixiao eval output', async () => {
    const result = { ruleset: { name: '项目', version: '0', hash: 'x' }, id: 'P1', status: 'ok', total: 81, grade: '良', indicators: [], recommendations: [] };
    const nd = file(
      'results.ndjson',
      JSON.stringify(result) + '\n' + JSON.stringify({ ...result, id: 'P2', status: 'rejected', total: null, grade: null }) + '\n',
    );
    const { rows, diagnostics } = await loadContextTable('previous', [nd]);
    expect(diagnostics).toEqual([]);
    expect(rows.get('P1')!.fields).toEqual({ grade: '良', total: 81, ruleset: '项目' });
    expect(rows.get('P2')!.fields).toEqual({ grade: null, total: null, ruleset: '项目' });
  });

  it('reads rectification status with 整改状态 as written and drops unsafe keys', async () => {
    const yaml = file('rect.yaml', '- { 编号: P1, 整改状态: 整改中, deadline: 2026-06-30 }\n- { id: P2, status: 已整改, constructor: x }\n');
    const { rows, diagnostics } = await loadContextTable('rectification', [yaml]);
    expect(diagnostics).toEqual([]);
    expect(rows.get('P1')!.fields).toEqual({ status: '整改中', deadline: '2026-06-30' });
    expect(Object.keys(rows.get('P2')!.fields)).toEqual(['status']);
  });

  it('reports a duplicate id naming both rows, and keeps the first', async () => {
    const nd = file('dup.ndjson', '{"id":"P1","grade":"优","total":95}\n{"id":"P2","grade":"良","total":85}\n{"id":"P1","grade":"差","total":40}\n');
    const { rows, diagnostics } = await loadContextTable('previous', [nd], { lang: 'en' });
    expect(diagnostics.map((d) => [d.code, d.severity, d.range.start.line])).toEqual([['CTX902', 'error', 3]]);
    expect(diagnostics[0]!.message).toContain(`${nd}#1`);
    expect(diagnostics[0]!.message).toContain(`${nd}#3`);
    expect(rows.get('P1')!.fields.grade).toBe('优');
  });

  it('points a YAML duplicate at the line of its list item', async () => {
    const yaml = file('dup.yaml', '# last year\n- id: P1\n  grade: 优\n- id: P2\n  grade: 良\n- id: P1\n  grade: 差\n');
    const { diagnostics } = await loadContextTable('previous', [yaml], { display: () => 'shown.yaml' });
    expect(diagnostics.map((d) => [d.code, d.file, d.range.start.line])).toEqual([['CTX902', yaml, 6]]);
    expect(diagnostics[0]!.message).toContain('shown.yaml#1');
    expect(diagnostics[0]!.message).toContain('shown.yaml#3');
  });

  it('reports rows without id, bad totals, missing status and unreadable files as data', async () => {
    const prev = file('bad.yaml', '- { grade: 优, total: 90 }\n- { id: P9, total: 很高 }\n');
    const rect = file('bad-rect.csv', 'id,note\nP1,x\n');
    const { join: joined, diagnostics } = await loadContextSources({ previous: [prev, join(dir, 'missing.yaml')], rectification: [rect] });
    expect(diagnostics.map((d) => d.code)).toEqual(['CTX903', 'CTX905', 'CTX901', 'CTX906']);
    expect(joined).toBeDefined();
  });

  it('joins both kinds by id and counts rows no record asked for', async () => {
    const prev = file('p.yaml', '- { id: P1, grade: 优, total: 91 }\n- { id: X1, grade: 良 }\n- { id: X2, grade: 良 }\n');
    const rect = file('r.yaml', '- { id: P1, status: 未整改 }\n- { id: P2, status: 已整改 }\n');
    const previous = await loadContextTable('previous', [prev]);
    const rectification = await loadContextTable('rectification', [rect]);
    const joined = createContextJoin({ previous, rectification }, { lang: 'en' });
    expect(joined.contextFor('P1')).toEqual({ previous: { grade: '优', total: 91 }, rectification: { status: '未整改' } });
    expect(joined.contextFor('P2')).toEqual({ rectification: { status: '已整改' } });
    expect(joined.contextFor('P3')).toBeUndefined();
    const unmatched = joined.unmatched();
    expect(unmatched.map((d) => [d.code, d.severity, d.file])).toEqual([['CTX904', 'warning', prev]]);
    expect(unmatched[0]!.message).toContain('2 row(s)');
    expect(unmatched[0]!.message).toContain('X1, X2');
  });
});

describe('stage', () => {
  it('a --stage for the whole run reaches the rules as it reaches the scorecard; a context stage wins', () => {
    const assessor = createAssessor(ruleSet());
    const fires = (options: Parameters<typeof assessor.assess>[1]) =>
      assessor.assess({ id: 'S', satisfaction: 0.95 }, options).recommendations.some((r) => r.rule === '复评');
    expect(fires({})).toBe(false);
    expect(fires({ stage: '复评' })).toBe(true);
    expect(fires({ stage: '复评', context: { stage: '初评' } })).toBe(false);
    expect(fires({ context: { stage: '复评', previous: { grade: '差' } } })).toBe(true);
  });
});

describe('context through the batch pipeline', () => {
  const records = Array.from({ length: 40 }, (_, i) => JSON.stringify({ id: `P${i}`, satisfaction: (50 + i) / 100 })).join('\n') + '\n';
  const data = file('batch.ndjson', records);
  // context that changes what fires: every third record is a re-evaluation
  const contextFor = (id: string) => (Number(id.slice(1)) % 3 === 0 ? { stage: '复评', previous: { grade: '差', total: 50 } } : undefined);

  async function run(workers: number): Promise<string[]> {
    const out: string[] = [];
    for await (const r of assessParallel(ruleSet(), readRecords([data]), { workers, chunkSize: 7, contextFor })) out.push(r.json);
    return out;
  }

  it('gives byte-identical output in this thread and in workers, in input order', async () => {
    const inThread = await run(0);
    const inWorkers = await run(2);
    expect(inWorkers).toEqual(inThread);
    const parsed = inThread.map((j) => JSON.parse(j) as { id: string; recommendations: { rule: string }[] });
    expect(parsed.map((r) => r.id)).toEqual(Array.from({ length: 40 }, (_, i) => `P${i}`));
    const fired = parsed.filter((r) => r.recommendations.some((x) => x.rule === '复评')).map((r) => r.id);
    expect(fired).toEqual(parsed.map((r) => r.id).filter((id) => Number(id.slice(1)) % 3 === 0));
  });
});
