/**
 * A deterministic spreadsheet of education projects matching rules/sectors/education.ind and
 * rules/policy/result-application.ind: headers are the dotted data paths (the default mapping),
 * values come from a seeded generator (mulberry32), so every run writes the same cells. Money
 * stays whole yuan and rates are plain decimals, as finance staff type them. Some projects are
 * weak on purpose, so grades, cuts and recalls all occur.
 */
import ExcelJS from 'exceljs';
import { seededFloats } from '../../src/common/seeded-random.js';

export const EDUCATION_RULES = ['rules/sectors/education.ind', 'rules/policy/result-application.ind'];

const HEADERS = [
  'id',
  'name',
  'department',
  'town',
  'budget.adjusted',
  'budget.next',
  'spent',
  'funds.planned',
  'funds.arrived',
  'decision.basis',
  'decision.budgeting',
  'decision.target',
  'decision.allocation_reasonable',
  'decision.procedure.applied',
  'decision.procedure.assessed',
  'decision.procedure.collective',
  'decision.clarity.decomposed',
  'decision.clarity.measurable',
  'decision.clarity.matched',
  'process.violations',
  'process.execution_points',
  'process.system.finance',
  'process.system.project',
  'process.system.procurement',
  'process.system.archive',
  'output.delay_days',
  'output.planned_cost',
  'output.actual_cost',
  'output.area',
  'output.inspected',
  'output.passed',
  'plan.area',
  'plan.new_places',
  'effect.new_places',
  'effect.large_classes',
  'effect.large_classes_resolved',
  'effect.safety_cleared',
  'effect.level',
  'audit.major_violation',
  'audit.false_claim',
  'last_year.rectified',
  'survey.satisfaction',
] as const;

const DEPARTMENTS = ['市教育局', '市机关幼儿园', '市特殊教育学校', '市第一中学', '市职业技术学校'];
const TOWNS = ['城东街道', '城西街道', '城北街道', '桃源镇', '青山镇', '白沙镇'];

export function educationRows(count: number, seed = 20261128): (string | number | boolean)[][] {
  const rnd = seededFloats(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const yes = (p: number) => rnd() < p;
  const rows: (string | number | boolean)[][] = [];
  for (let i = 1; i <= count; i++) {
    const good = rnd();
    const budget = 1_000_000 + Math.floor(rnd() * 300) * 100_000;
    const spentRate = good > 0.15 ? 0.8 + rnd() * 0.2 : 0.3 + rnd() * 0.4;
    const planArea = 2000 + Math.floor(rnd() * 100) * 100;
    const inspected = 10 + Math.floor(rnd() * 30);
    const places = 300 + Math.floor(rnd() * 100) * 10;
    const level = good > 0.3 ? 'A' : good > 0.15 ? 'B' : pick(['C', 'D']);
    rows.push([
      `EDU-${String(i).padStart(4, '0')}`,
      `第${i}号校舍改扩建工程`,
      pick(DEPARTMENTS),
      pick(TOWNS),
      budget,
      budget,
      Math.round(budget * spentRate),
      budget,
      good > 0.1 ? budget : Math.round(budget * 0.7),
      level,
      level,
      good > 0.2 ? '合理' : pick(['基本合理', '不合理']),
      yes(0.9),
      yes(0.95),
      yes(good),
      yes(0.9),
      yes(0.9),
      yes(good + 0.2),
      yes(0.9),
      good > 0.2 ? 0 : Math.floor(rnd() * 5),
      2 + Math.floor(rnd() * 4),
      yes(0.9),
      yes(0.9),
      yes(0.9),
      yes(0.95),
      good > 0.25 ? 0 : Math.floor(rnd() * 120),
      budget,
      Math.round(budget * (0.9 + rnd() * 0.25)),
      Math.round(planArea * (good > 0.2 ? 0.95 + rnd() * 0.1 : 0.5 + rnd() * 0.4)),
      inspected,
      inspected - (good > 0.2 ? 0 : Math.floor(rnd() * 3)),
      planArea,
      places,
      Math.round(places * (0.7 + rnd() * 0.35)),
      0,
      0,
      yes(0.97),
      good > 0.3 ? '达成' : pick(['部分达成', '未达成']),
      i % 250 === 0,
      false,
      yes(0.8),
      Math.round((0.6 + rnd() * 0.4) * 1000) / 1000,
    ]);
  }
  return rows;
}

export async function writeEducationXlsx(file: string, count: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('项目表');
  sheet.addRow([...HEADERS]);
  for (const row of educationRows(count)) sheet.addRow(row);
  await wb.xlsx.writeFile(file);
}

export function educationCsv(count: number): string {
  const quote = (v: string | number | boolean) => (typeof v === 'string' && /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : String(v));
  return [HEADERS.join(','), ...educationRows(count).map((r) => r.map(quote).join(','))].join('\n') + '\n';
}
