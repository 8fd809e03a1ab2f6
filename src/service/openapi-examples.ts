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
  'get /rulesets/{name}': { response: { irVersion: 1, ...RULESET, nodes: [] } },
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
  'get /openapi.json': { response: { openapi: '3.1.0', info: { title: 'jixiao evaluator service', version: '0.1.0' }, paths: {} } },
};
