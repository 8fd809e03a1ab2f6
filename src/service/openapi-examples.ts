/**
 * One worked example per route for the OpenAPI document: a request body where the route takes
 * one and the successful answer, keyed by `METHOD path` as the document names paths. They are
 * illustrations for people and client generators, not fixtures: the numbers are a small
 * 项目支出 case, the hash an obviously made-up one. buildOpenApi attaches them to the route's
 * request body and its first 2xx response; problems share one example of their own.
 */
const HASH = 'sha256:' + '0123456789abcdef'.repeat(4);
const RULESET = { name: '项目支出', version: '2026.1', hash: HASH };

const RESULT = {
  ruleset: RULESET,
  id: 'P-001',
  status: 'ok',
  total: 86.5,
  grade: '良',
  scale: 100,
  dimensions: [{ path: '产出', name: '产出', weight: 40, points: 36, status: 'scored' }],
  indicators: [
    {
      path: '产出/完成率',
      name: '完成率',
      dimension: '产出',
      weight: 40,
      value: 0.9,
      unit: '%',
      target: { op: '>=', value: 1 },
      method: 'proportional',
      points: 36,
      status: 'scored',
      trace: { inputs: { 'data.output.actual': 90, 'data.output.planned': 100 }, steps: [], rawPoints: '36' },
    },
  ],
  vetoes: [],
  lostPoints: [{ path: '产出/完成率', lost: 4, reason: '完成率 90% 低于目标 100%' }],
  nextGrade: { grade: '优', pointsNeeded: 3.5, candidates: [{ path: '产出/完成率', available: 4 }] },
  recommendations: [],
  errors: [],
  trace: { rawTotal: '86.5', applicableWeight: '100', steps: [] },
};

const RECORD = { id: 'P-001', output: { planned: 100, actual: 90 } };
const DECISION = '6f1c2a9e-2d4b-4c61-9a57-0c3b8e1d7f42';

export const PROBLEM_EXAMPLE = {
  type: 'urn:jixiao:problem:invalid-record',
  title: '记录不符合规则集的数据结构（schema）',
  status: 422,
  detail: '记录不符合 项目支出 的数据结构（schema）',
  instance: '/rulesets/项目支出/evaluate',
  errors: [{ path: '/output/actual', message: '必须是数字', code: 'type' }],
};

export interface RouteExample {
  request?: unknown;
  response: unknown;
}

export const ROUTE_EXAMPLES: Record<string, RouteExample> = {
  'get /health': { response: { status: 'ok' } },
  'get /ready': {
    response: { status: 'ready', generation: 1, loadedAt: '2026-01-05T08:00:00.000Z', rulesets: [RULESET], failures: [], decisionLog: { ok: true } },
  },
  'get /metrics': {
    response:
      '# HELP jixiao_ruleset_info Loaded rule sets (value 1), with their name, version and content hash\n# TYPE jixiao_ruleset_info gauge\njixiao_ruleset_info{name="项目支出",version="2026.1",hash="' +
      HASH +
      '"} 1\n',
  },
  'get /rulesets': {
    response: {
      rulesets: [{ ...RULESET, title: '项目支出绩效评价', loadedAt: '2026-01-05T08:00:00.000Z', files: ['common/project.ind', 'policy/linkage.ind'] }],
    },
  },
  'get /rulesets/{name}': { response: { irVersion: 2, ...RULESET, nodes: [] } },
  'get /rulesets/{name}/schema': {
    response: { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', required: ['id'], properties: { id: { type: ['string', 'number'] } } },
  },
  'get /rulesets/{name}/docs': {
    response: {
      ...RULESET,
      title: '项目支出绩效评价',
      indicators: [
        {
          path: '产出/完成率',
          name: '完成率',
          weight: '40',
          method: 'proportional',
          value: 'data.output.actual / data.output.planned',
          target: '>= 100%',
          refs: [],
        },
      ],
    },
  },
  'post /rulesets/{name}/evaluate': { request: RECORD, response: { decisionId: DECISION, ruleset: RULESET, result: RESULT } },
  'post /rulesets/{name}/evaluate-batch': {
    request: [RECORD, { id: 'P-002', output: { planned: 100, actual: '九十' } }],
    response: [
      { index: 0, decisionId: DECISION, result: RESULT },
      { index: 1, error: { ...PROBLEM_EXAMPLE, instance: '/rulesets/项目支出/evaluate-batch' } },
    ],
  },
  'post /check': {
    request: { text: 'framework 测试 "测试" {\n  version "1"\n}\n', file: 'test.ind' },
    response: { ok: true, diagnostics: [], formatted: [] },
  },
  'get /declarations': {
    response: {
      declarations: [
        {
          name: 'rollup-department',
          kind: 'rollup',
          title: '部门整体绩效综合评价',
          file: 'policy/rollup-department.yaml',
          hash: HASH,
          ruleset: '部门整体支出',
        },
        { name: 'sample-review', kind: 'sample', title: '项目支出自评抽查复核', file: 'policy/sample-review.yaml', hash: HASH },
        { name: 'special-fund-factors', kind: 'allocation', title: '镇街民生专项资金', file: 'policy/special-fund-factors.yaml', hash: HASH },
      ],
    },
  },
  'post /rollups/{name}': {
    request: {
      entities: [{ id: 'D-001', name: '市教育局', stage: 'ex_post' }],
      members: [{ ruleset: '教育项目', records: [{ id: 'P-001', department: '市教育局', budget: { adjusted: 1200000 } }] }],
    },
    response: {
      rollup: '部门整体绩效综合评价',
      ruleset: { ...RULESET, name: '部门整体支出' },
      entities: [
        {
          id: 'D-001',
          key: '市教育局',
          status: 'ok',
          own: { total: 88.5, grade: '良', rawTotal: '88.5' },
          members: {
            count: 1,
            weightSum: '1200000.000000',
            score: '86.500000',
            items: [{ id: 'P-001', score: '86.500000', weight: '1200000.000000', weightShare: '1.000000', contribution: '86.500000' }],
            excluded: [],
          },
          share: { own: '60%', members: '40%' },
          total: 87.7,
          rawTotal: '87.7',
          grade: '良',
          recommendations: [],
          trace: [],
        },
      ],
      diagnostics: [],
    },
  },
  'post /samples/{name}': {
    request: {
      records: [
        { id: 'P-001', budget: { adjusted: 6000000 } },
        { id: 'P-002', budget: { adjusted: 300000 } },
      ],
      seed: 7,
      share: '10%',
    },
    response: {
      sample: '项目支出自评抽查复核',
      seed: 7,
      population: 2,
      threshold: '5000000.00',
      share: '0.1',
      counts: { threshold: 1, high_risk: 0, random: 0, picked: 1 },
      picked: [{ id: 'P-001', name: '校舍改扩建工程', amount: '6000000.00', reasons: [{ kind: 'threshold', amount: '6000000.00', threshold: '5000000.00' }] }],
      diagnostics: [],
    },
  },
  'post /allocations/{name}': {
    request: {
      pool: '100万',
      recipients: [
        { id: 'T-01', grade: '优' },
        { id: 'T-02', grade: '良' },
      ],
      ruleset: '镇街财政运行',
    },
    response: { fund: '镇街民生专项资金', grades: { 'T-01': '优', 'T-02': '良' }, pool: '1000000.00', shares: [], diagnostics: [] },
  },
  'get /openapi.json': { response: { openapi: '3.1.0', info: { title: 'jixiao evaluator service', version: '0.1.0' }, paths: {} } },
};
