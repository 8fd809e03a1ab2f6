/**
 * Every user-facing text the service produces, in the one catalogue shape of
 * src/common/catalogue.ts: problem titles by kind (`PROBLEM_TITLES`) and the detail / field
 * messages route code fills in (`SERVICE_MESSAGES`, reached through the typed `MSG` helpers so a
 * route cannot forget an argument). Clients and tests match on the problem `type` and on field
 * `path` / `code`, never on this wording, so it may be reworded or translated freely. Each
 * response is in the one language its request's Accept-Language chose (language.ts; Chinese by
 * default): titles, details and field errors alike, ajv's own English messages included (they
 * are rendered from the error's keyword and params here). The diagnostic codes the service itself
 * issues are SRV700 (a rule set could not be prepared), SRV701 (a compile ran over its time
 * budget) and SRV702 (the compile thread failed; it is restarted for the next job).
 */
import { defineCatalogue, render, type Args } from '../common/catalogue.js';
import type { Lang } from '../common/lang.js';
import { currentLang } from './language.js';

export const PROBLEM_TITLES = defineCatalogue('service-titles', {
  'bad-request': { zh: '请求格式不正确', en: 'The request is malformed' },
  unauthorized: { zh: '需要有效的访问令牌（bearer token）', en: 'A valid bearer token is required' },
  'not-found': { zh: '没有这个资源', en: 'No such resource' },
  'unknown-ruleset': { zh: '没有加载这个名称的规则集', en: 'No rule set of that name is loaded' },
  'hash-mismatch': { zh: '已加载的规则集的 hash 与指定的不同', en: 'The loaded rule set has a different hash than the one pinned' },
  'payload-too-large': { zh: '请求体过大', en: 'The request body is too large' },
  'too-many-records': { zh: '一次请求中的记录过多', en: 'Too many records in one request' },
  'unsupported-media-type': { zh: '不支持的内容类型', en: 'Unsupported content type' },
  'invalid-record': { zh: '记录不符合规则集的数据结构（schema）', en: "The record does not match the rule set's data schema" },
  'evaluation-failed': { zh: '无法评价该记录', en: 'The record could not be evaluated' },
  'invalid-input': { zh: '输入不能用于这一步骤', en: 'The input cannot be used for this step' },
  timeout: { zh: '请求超过了时间限制', en: 'The request took longer than its time limit' },
  'not-ready': { zh: '尚未加载任何规则集', en: 'No rule set is loaded yet' },
  'shutting-down': { zh: '服务正在关闭', en: 'The service is shutting down' },
  internal: { zh: '内部错误', en: 'Internal error' },
});

export function problemTitle(kind: keyof typeof PROBLEM_TITLES, lang: Lang = currentLang()): string {
  return PROBLEM_TITLES[kind][lang];
}

export const SERVICE_MESSAGES = defineCatalogue('service', {
  schemaMismatch: { zh: '请求的 {where} 不符合其结构定义（schema）', en: 'The request {where} does not match its schema' },
  internal: { zh: '服务器无法完成该请求', en: 'The server could not complete the request' },
  noRoute: { zh: '没有 {method} {path} 的路由', en: 'No route for {method} {path}' },
  tokenMissing: { zh: '请发送请求头 Authorization: Bearer <令牌>', en: 'Send the header Authorization: Bearer <token>' },
  tokenInvalid: { zh: '访问令牌无效', en: 'The bearer token is not valid' },
  unknownRuleset: { zh: '没有加载名为 {name} 的规则集', en: 'No rule set named {name} is loaded' },
  nothingLoaded: { zh: '没有加载任何规则集', en: 'no rule sets are loaded' },
  loadedNames: { zh: '已加载：{names}', en: 'loaded: {names}' },
  listSeparator: { zh: '、', en: ', ' },
  hashMismatch: {
    zh: '规则集 {name} 已加载的 hash 为 {loaded}，不是指定的 {pinned}',
    en: 'Rule set {name} is loaded at hash {loaded}, not the pinned {pinned}',
  },
  loadedHash: { zh: '已加载的 hash 为 {hash}', en: 'loaded hash is {hash}' },
  requestTimeout: { zh: '请求超过了 {ms} 毫秒的时间限制', en: 'The request exceeded its {ms} ms time limit' },
  batchTimeout: { zh: '批量请求处理到第 {done} 条记录后超过了 {ms} 毫秒的时间限制', en: 'The batch exceeded its {ms} ms time limit after {done} records' },
  tooManyRecords: { zh: '一批最多只能有 {max} 条记录', en: 'A batch may hold at most {max} records' },
  'tooManyRecords.got': { zh: '一批最多只能有 {max} 条记录，收到 {got} 条', en: 'A batch may hold at most {max} records, got {got}' },
  bodyTooLarge: { zh: '请求体超过 {max} 字节', en: 'The request body exceeds {max} bytes' },
  notAnObject: { zh: '记录必须是 JSON 对象', en: 'A record must be a JSON object' },
  mustBeObject: { zh: '必须是对象', en: 'must be an object' },
  recordInvalid: { zh: '记录不符合 {name} 的数据结构（schema）', en: 'The record does not match the data schema of {name}' },
  evaluatorFailed: { zh: '评价该记录时评价程序出错', en: 'The evaluator failed on this record' },
  evaluatorRejected: { zh: '评价程序拒绝了该记录', en: 'The evaluator rejected the record' },
  lineNotJson: { zh: '第 {line} 行不是有效的 JSON：{why}', en: 'Line {line} is not valid JSON: {why}' },
  invalidJson: { zh: '无效的 JSON', en: 'invalid JSON' },
  envelopeInvalid: {
    zh: '使用 ?input=envelope 时，请求体（或批量中的每一项）必须是 { "record": {…}, "context": {…} }；参见 RecordEnvelope 结构定义',
    en: 'With ?input=envelope the body (or batch item) must be { "record": {…}, "context": {…} }; see the RecordEnvelope schema',
  },
  prepareFailed: { zh: '无法为评价准备规则集 {name}：{why}', en: 'rule set {name} could not be prepared for evaluation: {why}' },
  compileOverBudget: { zh: '编译超过了 {ms} 毫秒的时间预算，已被停止', en: 'compiling took longer than its time budget of {ms} ms and was stopped' },
  ajvRequired: { zh: '缺少必需的字段 {name}', en: 'must have required property {name}' },
  ajvAdditionalProperties: { zh: '不允许的字段 {name}', en: 'must not have property {name}' },
  ajvType: { zh: '类型应为 {type}', en: 'must be {type}' },
  ajvEnum: { zh: '必须是以下之一：{values}', en: 'must be one of: {values}' },
  ajvConst: { zh: '必须等于 {value}', en: 'must be {value}' },
  ajvMinLength: { zh: '长度不能少于 {limit}', en: 'must be at least {limit} characters long' },
  ajvMaxLength: { zh: '长度不能超过 {limit}', en: 'must be at most {limit} characters long' },
  ajvMinimum: { zh: '不能小于 {limit}', en: 'must be at least {limit}' },
  ajvMaximum: { zh: '不能大于 {limit}', en: 'must be at most {limit}' },
  ajvMinItems: { zh: '至少要有 {limit} 项', en: 'must have at least {limit} items' },
  ajvMaxItems: { zh: '最多只能有 {limit} 项', en: 'must have at most {limit} items' },
  ajvPattern: { zh: '格式不正确', en: 'does not have the expected form' },
  jsonTypeString: { zh: '文本', en: 'string' },
  jsonTypeNumber: { zh: '数字', en: 'number' },
  jsonTypeInteger: { zh: '整数', en: 'integer' },
  jsonTypeBoolean: { zh: '布尔值', en: 'boolean' },
  jsonTypeObject: { zh: '对象', en: 'object' },
  jsonTypeArray: { zh: '数组', en: 'array' },
  jsonTypeNull: { zh: '空值（null）', en: 'null' },
  ajvOther: { zh: '不符合结构定义（{keyword}）', en: 'does not match the schema ({keyword})' },
  compileThreadFailed: {
    zh: '编译线程出错（{why}）；下次编译时会重新启动它，在此之前继续使用上一个正常的版本',
    en: 'the compile thread failed ({why}); it is restarted for the next compile and the last good version keeps serving',
  },
  loopBadThreshold: {
    zh: '抽查门槛 {value} 不是不为负的金额',
    en: 'The sampling threshold {value} is not a non-negative amount',
    hint: { zh: '例如 "500万" 或 "5000000"', en: 'for example "500万" or "5000000"' },
  },
  loopBadShare: {
    zh: '抽查比例 {value} 不是 0% 到 100% 之间的百分比',
    en: 'The sampling share {value} is not a percentage from 0% to 100%',
    hint: { zh: '例如 "10%"', en: 'for example "10%"' },
  },
  loopBadPool: {
    zh: '资金池 {value} 不是不为负、最多两位小数的金额',
    en: 'The pool {value} is not a non-negative amount with at most two decimals',
    hint: { zh: '例如 "1200万" 或 "12000000.00"', en: 'for example "1200万" or "12000000.00"' },
  },
  unknownDeclaration: { zh: '没有名为 {name} 的{kind}声明', en: 'No {kind} declaration named {name}' },
  stepRollup: { zh: '汇总（roll-up）', en: 'roll-up' },
  stepSample: { zh: '抽查', en: 'sampling' },
  stepAllocation: { zh: '资金分配', en: 'allocation' },
  loopInputInvalid: { zh: '{kind}的输入有问题，见 errors', en: 'The {kind} input has problems; see errors' },
  loopTooManyRecords: { zh: '一次请求最多只能有 {max} 条记录，收到 {got} 条', en: 'One request may hold at most {max} records, got {got}' },
  loopEntityMissing: {
    zh: '汇总声明的主体规则集（{framework}）没有在本服务加载：没有已加载的规则集读取 {rules}',
    en: 'The entity rule set ({framework}) of this roll-up declaration is not loaded here: no loaded rule set reads {rules}',
    hint: { zh: '把主体规则文件及其政策文件放在服务的规则目录中', en: "put the entity's rules file and its policy files in the service's rules folder" },
  },
  loopDuplicateName: { zh: '声明名称 {name} 与 {other} 重复，未加载', en: 'Declaration name {name} is also used by {other}; not loaded' },
});

type MessageKey = keyof typeof SERVICE_MESSAGES;

const STEP_WORD = { rollup: 'stepRollup', sample: 'stepSample', allocation: 'stepAllocation' } as const;

const say = (key: MessageKey, args: Args = {}): string => render(SERVICE_MESSAGES, key, args, currentLang()).message;
/** A rule-set name as the client sent it, quoted so empty or spaced names stay visible. */
const q = (s: string): string => JSON.stringify(s);

export const MSG = {
  unknownDeclaration: (kind: 'rollup' | 'sample' | 'allocation', name: string) => say('unknownDeclaration', { name: q(name), kind: say(STEP_WORD[kind]) }),
  loopInputInvalid: (kind: 'rollup' | 'sample' | 'allocation') => say('loopInputInvalid', { kind: say(STEP_WORD[kind]) }),
  loopTooManyRecords: (max: number, got: number) => say('loopTooManyRecords', { max, got }),
  schemaMismatch: (where: string) => say('schemaMismatch', { where }),
  internal: () => say('internal'),
  noRoute: (method: string, path: string) => say('noRoute', { method, path }),
  tokenMissing: () => say('tokenMissing'),
  tokenInvalid: () => say('tokenInvalid'),
  unknownRuleset: (name: string) => say('unknownRuleset', { name: q(name) }),
  nothingLoaded: () => say('nothingLoaded'),
  loadedNames: (names: string[]) => say('loadedNames', { names: names.join(say('listSeparator')) }),
  hashMismatch: (name: string, loaded: string, pinned: string) => say('hashMismatch', { name, loaded, pinned }),
  loadedHash: (hash: string) => say('loadedHash', { hash }),
  requestTimeout: (ms: number) => say('requestTimeout', { ms }),
  batchTimeout: (ms: number, done: number) => say('batchTimeout', { ms, done }),
  tooManyRecords: (max: number, got?: number) => (got === undefined ? say('tooManyRecords', { max }) : say('tooManyRecords.got', { max, got })),
  bodyTooLarge: (max: number) => say('bodyTooLarge', { max }),
  notAnObject: () => say('notAnObject'),
  mustBeObject: () => say('mustBeObject'),
  recordInvalid: (name: string) => say('recordInvalid', { name }),
  evaluatorFailed: () => say('evaluatorFailed'),
  evaluatorRejected: () => say('evaluatorRejected'),
  lineNotJson: (line: number, why: string) => say('lineNotJson', { line, why }),
  invalidJson: () => say('invalidJson'),
  envelopeInvalid: () => say('envelopeInvalid'),
  prepareFailed: (name: string, why: string) => say('prepareFailed', { name, why }),
  compileOverBudget: (ms: number) => say('compileOverBudget', { ms }),
  compileThreadFailed: (why: string) => say('compileThreadFailed', { why }),
  ajv: (keyword: string | undefined, params: Record<string, unknown> = {}) => ajvMessage(keyword, params),
} as const;

const AJV_KEYWORDS: Partial<Record<string, (p: Record<string, unknown>) => Args>> = {
  required: (p) => ({ name: String(p['missingProperty']) }),
  additionalProperties: (p) => ({ name: String(p['additionalProperty']) }),
  type: (p) => ({ type: String(p['type']).split(',').map(typeWord).join(say('listSeparator')) }),
  enum: (p) => ({ values: (Array.isArray(p['allowedValues']) ? p['allowedValues'] : []).map((v) => JSON.stringify(v)).join(', ') }),
  const: (p) => ({ value: JSON.stringify(p['allowedValue']) }),
  minLength: (p) => ({ limit: String(p['limit']) }),
  maxLength: (p) => ({ limit: String(p['limit']) }),
  minimum: (p) => ({ limit: String(p['limit']) }),
  maximum: (p) => ({ limit: String(p['limit']) }),
  minItems: (p) => ({ limit: String(p['limit']) }),
  maxItems: (p) => ({ limit: String(p['limit']) }),
  pattern: () => ({}),
};

const TYPE_KEYS: Partial<Record<string, MessageKey>> = {
  string: 'jsonTypeString',
  number: 'jsonTypeNumber',
  integer: 'jsonTypeInteger',
  boolean: 'jsonTypeBoolean',
  object: 'jsonTypeObject',
  array: 'jsonTypeArray',
  null: 'jsonTypeNull',
};

function typeWord(type: string): string {
  const key = TYPE_KEYS[type];
  return key === undefined ? type : say(key);
}

/** An ajv error in the request's language, from its keyword and params (ajv itself speaks English). */
function ajvMessage(keyword: string | undefined, params: Record<string, unknown>): string {
  const args = keyword === undefined ? undefined : AJV_KEYWORDS[keyword];
  if (keyword === undefined || args === undefined) return say('ajvOther', { keyword: keyword ?? '?' });
  return say(`ajv${keyword[0]!.toUpperCase()}${keyword.slice(1)}` as MessageKey, args(params));
}
