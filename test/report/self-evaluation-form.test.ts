/**
 * The official 自评表 in and out, end to end: a published form — built here as a bureau's
 * workbook is laid out (header block, funds rows with 全年预算数（A）/执行率（B/A）, target rows
 * with merged 一级指标 cells, 总分 and 等级; the kind of form DOMAIN.md §4–§5 describes, with an
 * on-time rate of 100% scored 7 of 10 and a totals row the rows do not add up to) — is read by
 * its labels through a form mapping, scored, and shows the published total and grade as the
 * reported result with the rule total and grade beside them and a finding for each
 * inconsistency. The filled form is written in the same layout and read back.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { compileSource, memorySourceHost } from '../../src/compile/compile.js';
import { evaluate } from '../../src/engine/index.js';
import { parseFormMapping } from '../../src/data/forms/form-mapping.js';
import { readFormWorkbook } from '../../src/data/forms/read-form.js';
import { buildFormWorkbook } from '../../src/report/form-xlsx.js';
import { buildResultsWorkbook } from '../../src/report/xlsx.js';
import { renderProjectMarkdown } from '../../src/report/project.js';
import { runCapturedCli } from '../cli/run-captured.js';

const RULES = `framework 项目支出自评 {
  input data.budget.adjusted money "全年预算数"
  input data.spent money "全年执行数"
  grades { 优 >= 90; 良 >= 80; 中 >= 60; 差 otherwise }
  indicator 预算执行率 weight 10 { value = data.spent / data.budget.adjusted target >= 100% score proportional }
  dimension 产出指标 weight 40 {
    dimension 数量指标 weight 20 { indicator 道路维修面积 weight 20 { value = data.output.area target >= 50000 score proportional } }
    dimension 质量指标 weight 10 { indicator 工程验收合格率 weight 10 { value = data.output.passed target >= 100% score proportional } }
    dimension 时效指标 weight 10 { indicator 完成及时率 weight 10 { value = data.output.on_time target >= 100% score proportional } }
  }
  dimension 效益指标 weight 30 {
    dimension 社会效益指标 weight 30 {
      indicator 道路通行状况改善 weight 30 { rating data.effect.traffic { 明显改善: 100%; 有所改善: 80%; 未改善: 0% } }
    }
  }
  dimension 满意度指标 weight 20 {
    dimension 服务对象满意度指标 weight 20 { indicator 市民满意度 weight 20 { value = data.survey.satisfaction target >= 90% score proportional } }
  }
}`;

const MAPPING = `layout: form
fields: { budget: budget.adjusted, spent: spent }
rows:
  道路维修面积: { indicator: 道路维修面积, actual: output.area }
  工程验收合格率: { indicator: 工程验收合格率, actual: output.passed }
  完成及时率: { indicator: 完成及时率, actual: output.on_time }
  道路通行状况改善: { indicator: 道路通行状况改善, actual: effect.traffic }
  市民满意度: { indicator: 市民满意度, actual: survey.satisfaction }
`;

interface Published {
  sheet: string;
  rate: string;
  rows: [string, string, string, string, string, number, number, string][];
  fundsPoints: number;
  total: number;
  grade: string;
}

/** A published form as a bureau lays it out: labels with notes, merged 一级指标, 偏差原因分析及改进措施. */
function addPublished(wb: ExcelJS.Workbook, p: Published): void {
  const ws = wb.addWorksheet(p.sheet);
  ws.addRow(['项目支出绩效自评表']);
  ws.mergeCells('A1:H1');
  ws.addRow(['（2025年度）']);
  ws.addRow(['项目名称', '城区道路维修养护项目', '', '', '', '', '', '']);
  ws.mergeCells('B3:H3');
  ws.addRow(['主管部门', '市住房和城乡建设局', '', '', '实施单位', '市政设施管理处']);
  ws.addRow(['项目资金（万元）', '年初预算数', '全年预算数（A）', '全年执行数（B）', '分值', '执行率（B/A）', '得分']);
  ws.addRow(['年度资金总额', 100, 120, 118.2, 10, p.rate, p.fundsPoints]);
  ws.addRow(['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施']);
  for (const r of p.rows) ws.addRow(r);
  ws.mergeCells('A8:A10');
  ws.addRow(['总分', '', '', '', '', 100, p.total, '']);
  ws.addRow(['自评等级', p.grade]);
}

const ROWS: Published['rows'] = [
  ['产出指标', '数量指标', '道路维修面积', '≥50000平方米', '52000平方米', 20, 20, ''],
  ['产出指标', '质量指标', '工程验收合格率', '100%', '100%', 10, 10, ''],
  ['产出指标', '时效指标', '完成及时率', '100%', '100%', 10, 7, ''],
  ['效益指标', '社会效益指标', '道路通行状况改善', '明显改善', '明显改善', 30, 28, '部分路段施工期间仍有拥堵'],
  ['满意度指标', '服务对象满意度指标', '市民满意度', '≥90%', '95%', 20, 20, '/'],
];

const dir = mkdtempSync(join(tmpdir(), 'jixiao-form-'));
const { ir } = compileSource(RULES, 'form.ind', { fs: memorySourceHost({}) });
const mapping = parseFormMapping(MAPPING).mapping!;

async function publishedWorkbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  // Rows: 9.85 + 20 + 10 + 7 + 28 + 20 = 94.85, yet the form publishes 96 (优); its 执行率 98.6%
  // does not follow from 118.2 ÷ 120 = 98.5%.
  addPublished(wb, { sheet: '道路维修', rate: '98.6%', rows: ROWS, fundsPoints: 9.85, total: 96, grade: '优' });
  // A second project whose totals row says more than 100 points can give.
  addPublished(wb, { sheet: '超出满分', rate: '98.5%', rows: ROWS, fundsPoints: 9.85, total: 102, grade: '优' });
  const file = join(dir, 'published.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

describe('the official 自评表 read by its labels', () => {
  it('gives the published total and grade as the reported result, the rule total beside them, a finding per inconsistency', async () => {
    const forms = await readFormWorkbook(await publishedWorkbook(), mapping, 'zh');
    expect(forms.map((f) => [f.sheet, f.problems])).toEqual([
      ['道路维修', []],
      ['超出满分', []],
    ]);
    const record = forms[0]!.record!;
    expect(record).toMatchObject({
      id: '道路维修',
      name: '城区道路维修养护项目',
      department: '市住房和城乡建设局',
      budget: { adjusted: 1200000 },
      spent: 1182000,
      output: { area: 52000, passed: 1, on_time: 1 },
      effect: { traffic: '明显改善' },
      survey: { satisfaction: 0.95 },
    });
    const r = evaluate(ir!, record, { lang: 'zh' });
    expect(r.status).toBe('ok');
    // The rules: 9.85 + 20 + 10 + 10 + 30 + 20.
    expect([r.total, r.grade]).toEqual([99.85, '优']);
    expect(r.reported).toEqual({ total: 96, rows: 94.85, grade: '优', reason: '', gradeReason: '', differs: true });
    expect(r.indicators.find((i) => i.name === '完成及时率')).toMatchObject({ points: 10, reported: { points: 7, reason: '', differs: true } });
    expect(r.indicators.find((i) => i.name === '道路通行状况改善')!.reported).toEqual({ points: 28, reason: '部分路段施工期间仍有拥堵', differs: true });
    expect(r.findings!.map((f) => [f.code, f.numbers])).toEqual([
      ['EVL450', { stated: 96, rows: 94.85, difference: 1.15 }],
      ['EVL453', { stated: '98.6%', computed: '98.5%', budget: '120', spent: '118.2' }],
    ]);
    // 7 of 10 with no 偏差原因: the form owes a reason; the record is still scored.
    expect(r.errors.map((e) => [e.code, e.path])).toEqual([['EVL446', 'data.reported.完成及时率.reason']]);

    const over = evaluate(ir!, forms[1]!.record!, { lang: 'zh' });
    expect(over.findings!.map((f) => f.code)).toEqual(['EVL450', 'EVL451']);
    expect(over.findings![1]!.numbers).toEqual({ stated: 102, reachable: 100 });

    // The report puts 自评得分 beside 评价得分 and calls the lower form score 评价扣减.
    const md = renderProjectMarkdown(r, ir!, 'zh');
    expect(md).toContain('单位自评得分 96.00 分，自评等级为“优”；评价得分 99.85 分，评价等级为“优”。');
    expect(md).toContain('“完成及时率”自评得分 7.00 分，低于评价得分 10.00 分（评价扣减 3.00 分）。');
    expect(md).not.toContain('自评偏高');
    expect(md).toContain('填报不一致：自评总分 96 不等于各行自评得分之和 94.85（相差 1.15）。');
  });

  it('a sheet that is no form names the label it lacks and the other sheets go on', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明').addRow(['本工作簿为2025年度自评材料']);
    addPublished(wb, { sheet: '道路维修', rate: '98.5%', rows: ROWS, fundsPoints: 9.85, total: 94.85, grade: '优' });
    const file = join(dir, 'with-notes.xlsx');
    await wb.xlsx.writeFile(file);
    const forms = await readFormWorkbook(file, mapping, 'zh');
    expect(forms[0]).toMatchObject({ sheet: '说明', record: null, problems: [{ code: 'EVL473' }] });
    expect(forms[0]!.problems[0]!.message).toContain('全年预算数');
    const r = evaluate(ir!, forms[1]!.record!, { lang: 'zh' });
    expect(r.findings).toBeUndefined();
  });

  it("a locality's wording is a mapping change, not code", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('乡镇版');
    ws.addRow(['项目名称', '农村公路养护']);
    ws.addRow(['资金', '年初预算数', '调整后预算数', '实际支出数', '分值', '执行率', '得分']);
    ws.addRow(['合计', 10, 10, 10, 10, 1, 10]);
    ws.addRow(['一级指标', '二级指标', '三级指标', '指标值', '完成值', '分值', '得分', '说明']);
    ws.addRow(['满意度指标', '', '市民满意度', '≥90%', '95%', 20, 20, '']);
    ws.addRow(['合计得分', '', '', '', '', 100, 100]);
    ws.addRow(['等级', '优秀']);
    const file = join(dir, 'local.xlsx');
    await wb.xlsx.writeFile(file);
    const local = parseFormMapping(
      `${MAPPING}labels: { budget: 调整后预算数, spent: 实际支出数, actual: 完成值, reason: 说明, total: 合计得分 }\ngrades: { 优秀: 优 }\n`,
    ).mapping!;
    const [form] = await readFormWorkbook(file, local, 'zh');
    expect(form!.problems).toEqual([]);
    expect(form!.record).toMatchObject({
      name: '农村公路养护',
      budget: { adjusted: 100000 },
      survey: { satisfaction: 0.95 },
      // The form's 优秀 is the rule set's 优 (the mapping's grades).
      reported: { total: '100', grade: '优', 市民满意度: { points: '20' } },
    });
  });
});

describe('the results workbook', () => {
  it('puts the form total, grade and findings beside the rule total, and each reported row beside its rule points', async () => {
    const [form] = await readFormWorkbook(await publishedWorkbook(), mapping, 'zh');
    const result = evaluate(ir!, form!.record!, { lang: 'zh' });
    const wb = await buildResultsWorkbook([{ result, info: {} }], ir!, 'zh');
    const main = wb.worksheets[0]!;
    const head = (main.getRow(1).values as unknown[]).slice(1);
    const row = (main.getRow(2).values as unknown[]).slice(1);
    const at = (h: string) => row[head.indexOf(h)];
    expect([at('评价得分'), at('评价等级'), at('自评得分'), at('自评等级')]).toEqual([99.85, '优', 96, '优']);
    expect(String(at('填报不一致'))).toContain('EVL450');
    const timely = wb.worksheets.find((w) => w.name.startsWith('产出指标'))!;
    const cols = (timely.getRow(1).values as unknown[]).slice(1);
    const line = timely.getRow(4).values as unknown[];
    expect([line[cols.indexOf('指标') + 1], line[cols.indexOf('自评得分') + 1], line[cols.indexOf('评价得分') + 1]]).toEqual(['完成及时率', 7, 10]);
  });
});

describe('form mode from the mapping', () => {
  it('row_precision: 1 makes the record round its rows to one decimal, as the form does', async () => {
    const oneDecimal = parseFormMapping(`${MAPPING}row_precision: 1\n`).mapping!;
    const [form] = await readFormWorkbook(await publishedWorkbook(), oneDecimal, 'zh');
    expect(form!.record!.reported).toMatchObject({ precision: 1 });
    const r = evaluate(ir!, form!.record!, { lang: 'zh' });
    // 9.85 → 9.9 on the form; the rule total keeps 9.85.
    expect(r.reported).toMatchObject({ rows: 94.9 });
    expect(r.total).toBe(99.85);
    expect(parseFormMapping('row_precision: 1.5').problems[0]).toContain('row_precision');
  });
});

describe('the filled form comes back out in the same layout', () => {
  it('writes the rule scores, reasons, 总分 and 等级 in the form layout, and reads back as it was written', async () => {
    const [form] = await readFormWorkbook(await publishedWorkbook(), mapping, 'zh');
    const result = evaluate(ir!, form!.record!, { lang: 'zh' });
    const out = join(dir, 'filled.xlsx');
    await buildFormWorkbook([{ result, record: form!.record! }], ir!, 'zh', { mapping }).xlsx.writeFile(out);

    const ws = (await new ExcelJS.Workbook().xlsx.readFile(out)).worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('项目支出绩效自评表');
    expect(ws.getRow(5).values).toEqual([undefined, '年度资金总额', 100, 120, 118.2, 10, 0.985, 9.85]);
    // The evaluator's 10 in 得分; 偏差原因 says the unit's 7 came without a reason.
    expect(ws.getRow(9).values).toEqual([
      undefined,
      '产出指标',
      '时效指标',
      '完成及时率',
      '≥ 100%',
      '100%',
      10,
      10,
      '自评得分 7.00 分，与评价得分不同，未说明原因',
    ]);
    const reasons = ws.getColumn(8).values as unknown[];
    expect(reasons).toContain('部分路段施工期间仍有拥堵');

    const [back] = await readFormWorkbook(out, mapping, 'zh');
    expect(back!.problems).toEqual([]);
    const again = evaluate(ir!, back!.record!, { lang: 'zh' });
    // Read back, the form states the rule scores: reported and rule agree, nothing is inconsistent.
    expect([again.total, again.grade]).toEqual([99.85, '优']);
    expect(again.reported).toMatchObject({ total: 99.85, rows: 99.85, grade: '优', differs: false });
    expect(again.findings).toBeUndefined();
    expect(again.indicators.filter((i) => i.reported?.differs)).toEqual([]);
  });
});

describe('jixiao report with a form mapping', () => {
  it('reads the published forms and writes the filled forms beside the reports, readable again', async () => {
    const golden = new URL('../golden/cli/eval-form-workbook/', import.meta.url).pathname;
    const out = join(dir, 'report-out');
    const run = await runCapturedCli(['report', '--rules', 'form.ind', '--mapping', 'form.yaml', '--workers', '0', '--out', out, 'published.xlsx'], golden);
    // The workbook's note sheet is no form: rejected, the two projects reported.
    expect(run.code).toBe(1);
    const back = await readFormWorkbook(join(out, 'forms.xlsx'), mapping, 'zh');
    expect(back.map((f) => [f.sheet, f.problems.length])).toEqual([
      ['道路维修', 0],
      ['超出满分', 0],
    ]);
    const again = evaluate(ir!, back[0]!.record!, { lang: 'zh' });
    expect(again.reported).toMatchObject({ total: 99.85, grade: '优', differs: false });
    // The funds row as the form stated it (万元), and the 执行率 it implies.
    expect(back[0]!.record!.reported).toMatchObject({ funds: { initial: '100', budget: '120', spent: '118.2', rate: '0.985' } });
  });
});
