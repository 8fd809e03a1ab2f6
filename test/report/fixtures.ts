/**
 * Hand-built, internally consistent inputs for the report tests: the IR of an education project
 * framework (项目支出 extended by 教育项目, four dimensions, nine indicators, a result-application
 * rule block and a data schema) and a factory that turns per-indicator points into a full
 * `EvaluationResult` whose dimension sums, total, grade and lost points agree with each other
 * (decimal arithmetic, so fixtures never carry binary-float noise).
 */
import { Decimal } from 'decimal.js';
import type { ExprIR, IndicatorIR, NodeIR, RuleSetIR, ScoreIR } from '../../src/compile/ir.js';
import type { EvaluationResult, IndicatorResult, Recommendation } from '../../src/engine/result.js';
import type { ProjectInfo } from '../../src/report/input.js';

const num = (value: string, unit: string | null = null): ExprIR => ({ kind: 'number', value, unit });
const data = (...path: string[]): ExprIR => ({ kind: 'data', path });
const meta = (title?: string) => (title ? { title, refs: [] } : { refs: [] });

let nextId = 0;
const id = (): string => `n${++nextId}`;

function indicator(dim: string, name: string, weight: string, unit: string | null, score: ScoreIR, target?: IndicatorIR['target']): IndicatorIR {
  return {
    kind: 'indicator',
    id: id(),
    path: `${dim}/${name}`,
    name,
    weight,
    meta: meta(),
    unit,
    ...(target ? { target } : {}),
    score,
    missing: 'unavailable',
  };
}

function dimension(name: string, weight: string, children: NodeIR[]): NodeIR {
  return { kind: 'dimension', id: id(), path: name, name, weight, meta: meta(), children };
}

/** The compiled rule set of rules/sectors/education.ind as the compiler is expected to emit it. */
export function educationIr(): RuleSetIR {
  nextId = 0;
  const rating = (subject: ExprIR): ScoreIR => ({
    method: 'rating',
    id: id(),
    subject,
    levels: [
      ['A', '1'],
      ['B', '0.8'],
      ['C', '0.5'],
      ['D', '0'],
    ].map(([label, v]) => ({ id: id(), label: label!, award: { kind: 'fraction' as const, value: num(v!) } })),
  });
  const tiers = (subject: ExprIR): ScoreIR => ({
    method: 'tiers',
    id: id(),
    subject,
    pick: 'high',
    tiers: [
      ['达成', '0.8', '1'],
      ['部分达成', '0.5', '0.8'],
      ['未达成', '0', '0.5'],
    ].map(([label, lo, hi]) => ({
      id: id(),
      label: label!,
      low: { kind: 'fraction' as const, value: num(lo!) },
      high: { kind: 'fraction' as const, value: num(hi!) },
    })),
  });
  const nodes: NodeIR[] = [
    dimension('决策', '20', [
      indicator('决策', '立项依据充分性', '5', null, rating(data('decision', 'basis'))),
      indicator('决策', '预算编制科学性', '5', null, rating(data('decision', 'budgeting'))),
      indicator('决策', '绩效目标合理性', '10', null, tiers(data('decision', 'targets'))),
    ]),
    dimension('过程', '20', [
      indicator(
        '过程',
        '预算执行率',
        '10',
        '%',
        {
          method: 'bands',
          id: id(),
          centered: false,
          bands: [
            { id: id(), label: '>= 95%', condition: { kind: 'compare', op: '>=', bound: num('0.95', '%') }, award: { kind: 'fraction', value: num('1') } },
            { id: id(), label: '>= 80%', condition: { kind: 'compare', op: '>=', bound: num('0.8', '%') }, award: { kind: 'fraction', value: num('0.8') } },
            { id: id(), label: 'else', condition: { kind: 'else' }, award: { kind: 'fraction', value: num('0') } },
          ],
        },
        { op: '>=', value: num('1', '%') },
      ),
      indicator('过程', '资金使用合规性', '10', 'count', { method: 'deduct', id: id(), per: num('2'), count: data('process', 'violations') }),
    ]),
    dimension('产出', '30', [
      indicator('产出', '新建校舍面积', '15', 'm²', { method: 'proportional', id: id() }, { op: '>=', value: data('plan', 'area') }),
      indicator(
        '产出',
        '工程验收合格率',
        '15',
        '%',
        {
          method: 'bands',
          id: id(),
          centered: false,
          bands: [
            { id: id(), label: '= 100%', condition: { kind: 'compare', op: '=', bound: num('1', '%') }, award: { kind: 'fraction', value: num('1') } },
            { id: id(), label: '>= 95%', condition: { kind: 'compare', op: '>=', bound: num('0.95', '%') }, award: { kind: 'fraction', value: num('0.6') } },
            { id: id(), label: 'else', condition: { kind: 'else' }, award: { kind: 'fraction', value: num('0') } },
          ],
        },
        { op: '=', value: num('1', '%') },
      ),
    ]),
    dimension('效益', '30', [
      indicator('效益', '服务对象满意度', '10', '%', { method: 'proportional', id: id() }, { op: '>=', value: num('0.9', '%') }),
      indicator('效益', '社会效益', '20', null, tiers(data('effect', 'social'))),
    ]),
  ];
  const prop = (type: string, description: string, extra: Record<string, unknown> = {}) => ({ type, description, ...extra });
  return {
    irVersion: 1,
    name: '教育项目',
    label: 'Education projects',
    version: '2026.1',
    meta: { title: '教育项目支出绩效评价', refs: ['财预〔2020〕10号', '财预〔2013〕53号'] },
    lineage: ['项目支出'],
    hash: 'sha256:3f7a9c0e51d24b8a9e6f0c1d2b3a4958e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2',
    settings: { scale: '100', precision: 2, rounding: 'half_up', missing: 'unavailable', notApplicable: 'rescale' },
    grades: [
      { label: '优', min: '90', id: id() },
      { label: '良', min: '80', id: id() },
      { label: '中', min: '60', id: id() },
      { label: '差', min: null, id: id() },
    ],
    vetoes: [
      {
        id: id(),
        name: '重大违规',
        when: { kind: 'binary', op: '==', left: data('audit', 'major_violation'), right: { kind: 'boolean', value: true }, unit: null },
        effect: { kind: 'grade', grade: '差' },
        meta: meta(),
      },
    ],
    requires: [],
    params: [],
    lets: [],
    nodes,
    ruleBlocks: [
      {
        id: id(),
        name: '结果应用',
        for: '项目支出',
        meta: meta('评价结果应用'),
        params: [],
        lets: [],
        lines: [{ id: id(), name: 'next_budget', base: data('budget', 'next'), meta: meta('下年度预算') }],
        combines: [{ id: id(), line: 'next_budget', mode: 'sum' }],
        rules: [],
      },
    ],
    dataSchema: {
      type: 'object',
      required: ['id', 'spent', 'budget'],
      properties: {
        id: prop('string', '项目编号'),
        name: prop('string', '项目名称'),
        department: prop('string', '主管部门'),
        town: prop('string', '所属乡镇'),
        spent: prop('number', '实际支出'),
        budget: { type: 'object', properties: { adjusted: prop('number', '调整后预算数'), next: prop('number', '下年度预算') } },
        decision: { type: 'object', properties: { basis: prop('string', '立项依据', { enum: ['A', 'B', 'C', 'D'] }) } },
        process: { type: 'object', properties: { violations: prop('integer', '违规笔数') } },
        survey: { type: 'object', properties: { satisfaction: prop('number', '满意度') } },
        audit: { type: 'object', properties: { major_violation: prop('boolean', '重大违规') } },
      },
    },
    files: ['sectors/education.ind', 'common/project.ind'],
    sourceMap: {},
  };
}

export interface IndicatorSpec {
  points: number | null;
  value?: number | string | boolean | null;
  target?: number | string | null;
  status?: IndicatorResult['status'];
  reason?: string;
  hit?: string[];
  error?: { code: string; message: string; path?: string };
  reported?: { points: number; reason: string };
}

export interface ResultSpec {
  id: string;
  indicators: Record<string, IndicatorSpec>;
  vetoGrade?: string;
  vetoName?: string;
  recommendations?: Recommendation[];
  rejected?: { code: string; message: string; path?: string }[];
}

function leaves(nodes: readonly NodeIR[]): IndicatorIR[] {
  return nodes.flatMap((n) => (n.kind === 'indicator' ? [n] : leaves(n.children)));
}

function gradeOf(ir: RuleSetIR, total: Decimal): string {
  for (const g of ir.grades) if (g.min === null || total.gte(g.min)) return g.label;
  return ir.grades[ir.grades.length - 1]!.label;
}

/** What a full-points indicator shows as its value: the top level, or the target met. */
function defaultValue(node: IndicatorIR, target: number | string | null): number | string | boolean | null {
  switch (node.score.method) {
    case 'rating':
      return 'A';
    case 'tiers':
      return '达成';
    case 'deduct':
      return 0;
    default:
      return target;
  }
}

/** A full result from per-indicator points; indicators not listed get full points. */
export function makeResult(ir: RuleSetIR, spec: ResultSpec): EvaluationResult {
  const ruleset = { name: ir.name, version: ir.version, hash: ir.hash };
  if (spec.rejected) {
    return {
      ruleset,
      id: spec.id,
      status: 'rejected',
      total: null,
      grade: null,
      scale: 100,
      dimensions: [],
      indicators: [],
      vetoes: [],
      lostPoints: [],
      nextGrade: null,
      recommendations: [],
      errors: spec.rejected,
      trace: { rawTotal: '0', applicableWeight: '0', steps: [] },
    };
  }
  const indicators: IndicatorResult[] = leaves(ir.nodes).map((node) => {
    const s: IndicatorSpec = spec.indicators[node.name] ?? { points: Number(node.weight) };
    const status = s.status ?? 'scored';
    const targetExpr = node.target?.value;
    const targetValue = s.target !== undefined ? s.target : targetExpr?.kind === 'number' ? Number(targetExpr.value) : targetExpr ? 6000 : null;
    return {
      path: node.path,
      name: node.name,
      dimension: node.path.split('/')[0]!,
      weight: Number(node.weight),
      value: s.value !== undefined ? s.value : status === 'scored' ? defaultValue(node, targetValue) : null,
      unit: node.unit,
      target: node.target ? { op: node.target.op, value: targetValue } : null,
      method: node.score.method,
      points: status === 'not_applicable' ? null : s.points,
      status,
      ...(s.error ? { error: s.error } : {}),
      ...(s.reported ? { reported: { ...s.reported, differs: s.reported.points !== s.points } } : {}),
      trace: { inputs: {}, ...(s.hit ? { hit: s.hit } : {}), steps: [], rawPoints: String(s.points ?? 0) },
    };
  });
  const dimensions = ir.nodes.map((dim) => {
    const mine = indicators.filter((i) => i.dimension === dim.name);
    const sum = mine.reduce((acc, i) => acc.plus(i.points ?? 0), new Decimal(0));
    return { path: dim.path, name: dim.name, weight: Number(dim.weight), points: sum.toNumber(), status: 'scored' as const };
  });
  const total = dimensions.reduce((acc, d) => acc.plus(d.points), new Decimal(0));
  const rawGrade = gradeOf(ir, total);
  const grade = spec.vetoGrade ?? rawGrade;
  const lostPoints = indicators
    .filter((i) => i.status === 'unavailable' || (i.points !== null && i.points < i.weight))
    .map((i) => ({
      path: i.path,
      lost: new Decimal(i.weight).minus(i.points ?? 0).toNumber(),
      reason: i.status === 'unavailable' ? 'UNAVAILABLE' : (spec.indicators[i.name]?.reason ?? 'BELOW_TARGET'),
    }))
    .sort((a, b) => b.lost - a.lost);
  const better = ir.grades.filter((g) => g.min !== null && total.lt(g.min)).pop();
  return {
    ruleset,
    id: spec.id,
    status: 'ok',
    total: total.toNumber(),
    grade,
    ...(spec.vetoGrade && spec.vetoGrade !== rawGrade ? { gradeBeforeVeto: rawGrade } : {}),
    scale: 100,
    dimensions,
    indicators,
    vetoes: spec.vetoName ? [{ name: spec.vetoName, effect: `grade ${grade}`, facts: { 'audit.major_violation': true } }] : [],
    lostPoints,
    nextGrade: better
      ? {
          grade: better.label,
          pointsNeeded: new Decimal(better.min!).minus(total).toNumber(),
          candidates: lostPoints.map((l) => ({ path: l.path, available: l.lost })),
        }
      : null,
    recommendations: spec.recommendations ?? [],
    errors: indicators.filter((i) => i.error).map((i) => ({ ...i.error!, path: i.path })),
    trace: { rawTotal: total.toFixed(), applicableWeight: '100', steps: [] },
  };
}

const rec = (r: Partial<Recommendation> & Pick<Recommendation, 'rule' | 'action' | 'reason'>): Recommendation => ({ ruleBlock: '结果应用', facts: {}, ...r });

/** A batch of five projects covering every grade, a veto, a rejection and money moving. */
export function batch(ir: RuleSetIR): { result: EvaluationResult; info: ProjectInfo }[] {
  return [
    {
      result: makeResult(ir, {
        id: 'P001',
        indicators: { 服务对象满意度: { points: 9.75, value: 0.8775, target: 0.9 }, 预算执行率: { points: 10, value: 0.97, target: 1 } },
        recommendations: [
          rec({ rule: '评价优秀', action: 'adjust', line: 'next_budget', amount: '120000.00', percentage: '0.10', reason: '评价为优，适当调增下年度预算' }),
          rec({ rule: '评价优秀', action: 'commend', reason: '评价为优，予以通报表扬' }),
        ],
      }),
      info: {
        name: '城东小学新建教学楼',
        department: '教育局',
        town: '城关镇',
        budget: '1200000.00',
        stage: '事后绩效评价',
        year: '2026',
        requested: '1500000.00',
        approved: '1200000.00',
        date: '2026-11-20',
      },
    },
    {
      result: makeResult(ir, {
        id: 'P002',
        indicators: {
          预算执行率: { points: 8, value: 0.8312, target: 1, reason: 'BAND', hit: ['>= 80%'] },
          绩效目标合理性: { points: 5, value: '部分达成', reason: 'TIER', hit: ['部分达成'] },
          新建校舍面积: { points: 13.5, value: 5400, target: 6000 },
          服务对象满意度: { points: 7.5, value: 0.675, target: 0.9 },
        },
        recommendations: [rec({ rule: '执行偏慢', action: 'warn', level: 'yellow', reason: '执行率低于序时进度' })],
      }),
      info: {
        name: '乡村学校营养改善计划',
        department: '教育局',
        town: '河西乡',
        budget: '800000.00',
        stage: '事后绩效评价',
        requested: '900000.00',
        approved: '800000.00',
      },
    },
    {
      result: makeResult(ir, {
        id: 'P003',
        indicators: {
          预算执行率: { points: 0, value: 0.42, target: 1, reason: 'BAND', hit: ['else'] },
          资金使用合规性: { points: 4, value: 3, reason: 'DEDUCTION' },
          工程验收合格率: { points: 9, value: 0.96, target: 1, reason: 'BAND', hit: ['>= 95%'] },
          服务对象满意度: { points: null, status: 'unavailable', error: { code: 'EVL401', message: '缺少必填数据', path: 'survey.satisfaction' } },
          立项依据充分性: { points: 2.5, value: 'C', reason: 'LEVEL', hit: ['C'], reported: { points: 5, reason: '单位自评' } },
        },
        vetoName: '重大违规',
        vetoGrade: '差',
        recommendations: [
          rec({ rule: '评价差', action: 'adjust', line: 'next_budget', amount: '-300000.00', percentage: '-0.30', reason: '评价为差，削减下年度预算' }),
          rec({ rule: '评价差', action: 'rectify', withinDays: 90, reason: '评价为差，限期整改' }),
          rec({ rule: '评价差', action: 'interview', reason: '评价为差，约谈主管部门' }),
          rec({ rule: '执行偏慢', action: 'recall', amount: '580000.00', reason: '执行率低于60%，收回结余资金' }),
          rec({ rule: '监控预警', action: 'warn', level: 'red', reason: '执行率严重滞后' }),
        ],
      }),
      info: { name: '县城污水管网<改造>工程 & 配套', department: '住建局', town: '城关镇', budget: '1000000.00', stage: '事中绩效监控' },
    },
    {
      result: makeResult(ir, {
        id: 'P004',
        indicators: {
          社会效益: { points: 12, value: '部分达成', reason: 'TIER', hit: ['部分达成'] },
          预算编制科学性: { points: 4, value: 'B', reason: 'LEVEL', hit: ['B'] },
          工程验收合格率: { points: 0, value: 0.9, target: 1, reason: 'BAND', hit: ['else'] },
        },
        recommendations: [rec({ rule: '专项调整', action: 'adjust', line: 'special_fund', amount: '-12345.67', reason: '专项资金结余调减' })],
      }),
      info: { name: '农村人居环境整治', department: '农业农村局', town: '河西乡', budget: '2345678.90', requested: '2400000.00', approved: '2345678.90' },
    },
    {
      result: makeResult(ir, { id: 'P005', indicators: {}, rejected: [{ code: 'EVL401', message: '缺少必填字段', path: 'budget.adjusted' }] }),
      info: { name: '数据不全的项目', department: '民政局' },
    },
  ];
}
